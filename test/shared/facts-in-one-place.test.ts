// Facts kept in one place: media types live in shared/media-types.ts and page titles in
// shared/page-titles.ts. A literal media type or page-title table anywhere else in the app's code
// fails here (the sandbox is left out: it answers as AWS does, with its own headers).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageIds } from '../../shared/ipc/channels/app';
import { pageTitles } from '../../shared/page-titles';
import { appMenuTemplate } from '../../electron/main/app-menu';

const ROOTS = ['electron', 'renderer', 'shared'];
const SKIP = [
  join('electron', 'sandbox'),
  join('shared', 'media-types.ts'),
  join('shared', 'page-titles.ts'),
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.some((skip) => path === skip)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const MEDIA_TYPE_LITERAL =
  /['"`](text\/(html|css|javascript|plain|markdown|x-shellscript|event-stream)|application\/(json|yaml|octet-stream)|image\/(png|svg\+xml|x-icon))(;[^'"`]*)?['"`]/;

describe('facts kept in one place', () => {
  it('names media types only in shared/media-types.ts', () => {
    const found = ROOTS.flatMap(sources).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter((l) => MEDIA_TYPE_LITERAL.test(l.text) && !/^\s*(\/\/|\*)/.test(l.text)),
    );
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual([]);
  });

  it('titles every page once, and the navigation and the menu use those titles', () => {
    expect(Object.keys(pageTitles).sort()).toEqual([...pageIds].sort());
    // The navigation (a renderer module, read as text here: it needs the DOM) takes them from there.
    expect(readFileSync(join('renderer', 'routing', 'routes.ts'), 'utf8')).toMatch(/title: pageTitles\[id\]/);
    const menu = appMenuTemplate({ platform: 'linux', isDev: false, onNavigate: () => undefined });
    const labels = JSON.stringify(menu);
    for (const id of pageIds) expect(labels).toContain(JSON.stringify(pageTitles[id]));
    const tables = ROOTS.flatMap(sources).filter((file) =>
      /'copy-ami':\s*'Copy AMI'/.test(readFileSync(file, 'utf8')),
    );
    expect(tables).toEqual([]);
  });
});
