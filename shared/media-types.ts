// Media types, in one place: what the app's protocol and the preview serve the built renderer
// with, and what each export and report is saved as.
export const MEDIA_TYPES = {
  html: 'text/html; charset=utf-8',
  javascript: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  eventStream: 'text/event-stream; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  icon: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  octetStream: 'application/octet-stream',
} as const;

// Files handed to the user (downloads): the bare type, as a Blob or a save dialog wants it.
export const FILE_MEDIA_TYPES = {
  json: 'application/json',
  html: 'text/html',
  markdown: 'text/markdown',
  shell: 'text/x-shellscript',
  yaml: 'application/yaml',
} as const;

// The built renderer's files by extension; anything else is not served.
export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': MEDIA_TYPES.html,
  '.js': MEDIA_TYPES.javascript,
  '.mjs': MEDIA_TYPES.javascript,
  '.css': MEDIA_TYPES.css,
  '.json': MEDIA_TYPES.json,
  '.svg': MEDIA_TYPES.svg,
  '.png': MEDIA_TYPES.png,
  '.ico': MEDIA_TYPES.icon,
  '.woff': MEDIA_TYPES.woff,
  '.woff2': MEDIA_TYPES.woff2,
  '.ttf': MEDIA_TYPES.ttf,
  '.map': MEDIA_TYPES.json,
};
