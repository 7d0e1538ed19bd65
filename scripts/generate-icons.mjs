// Draws Envelope's icons into build/ with nothing but Node (zlib for PNG's deflate): the app icon
// (icon.png, 1024 px, from which electron-builder makes .icns and .ico), the macOS tray template
// images (black + alpha, 16 and 32 px), the Linux tray PNG and the Windows tray ICO (PNG entries).
// The images are committed; run `node scripts/generate-icons.mjs` again only to change them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const outDir = join(import.meta.dirname, '..', 'build');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

// rgba: Uint8Array of size*size*4, straight alpha.
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map(({ png }) => png)]);
}

// Shapes in unit coordinates (0..1, y down). Each returns true when the point is inside.
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const outline = (outer, inner) => (x, y) => outer(x, y) && !inner(x, y);
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

// Layers are painted in order; each is [shape, colour(x, y) → [r, g, b, a]].
function render(size, layers, samples = 4) {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let pixel = [0, 0, 0, 0];
          for (const [shape, colour] of layers) {
            if (!shape(x, y)) continue;
            const [cr, cg, cb, ca] = colour(x, y);
            const alpha = ca + pixel[3] * (1 - ca);
            pixel =
              alpha === 0
                ? [0, 0, 0, 0]
                : [
                    (cr * ca + pixel[0] * pixel[3] * (1 - ca)) / alpha,
                    (cg * ca + pixel[1] * pixel[3] * (1 - ca)) / alpha,
                    (cb * ca + pixel[2] * pixel[3] * (1 - ca)) / alpha,
                    alpha,
                  ];
          }
          r += pixel[0] * pixel[3];
          g += pixel[1] * pixel[3];
          b += pixel[2] * pixel[3];
          a += pixel[3];
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

const solid =
  (r, g, b, a = 1) =>
  () => [r, g, b, a];
const gradient = (x, y) => {
  const t = (x + y) / 2;
  return [Math.round(22 + 10 * t), Math.round(62 + 60 * t), Math.round(110 + 40 * t), 1];
};

// The colour icon: a blue tile, a white envelope, an orange lock (encryption) at its corner.
const envelopeBody = roundedRect(0.2, 0.3, 0.8, 0.72, 0.04);
const flap = union(segment(0.2, 0.3, 0.5, 0.54, 0.05), segment(0.5, 0.54, 0.8, 0.3, 0.05));
const appLayers = [
  [roundedRect(0.06, 0.06, 0.94, 0.94, 0.2), gradient],
  [envelopeBody, solid(255, 255, 255)],
  [(x, y) => envelopeBody(x, y) && flap(x, y), gradient],
  [circle(0.73, 0.7, 0.15), solid(255, 153, 0)],
  [
    outline(roundedRect(0.665, 0.58, 0.795, 0.7, 0.06), roundedRect(0.69, 0.605, 0.77, 0.7, 0.035)),
    solid(255, 255, 255),
  ],
  [roundedRect(0.65, 0.66, 0.81, 0.79, 0.015), solid(255, 255, 255)],
  [circle(0.73, 0.715, 0.022), solid(255, 153, 0)],
];

// The tray glyph: an envelope outline, thick enough to read at 16 px.
const trayGlyph = (stroke) =>
  union(
    outline(
      roundedRect(0.08, 0.2, 0.92, 0.8, 0.06),
      roundedRect(0.08 + stroke, 0.2 + stroke, 0.92 - stroke, 0.8 - stroke, 0.02),
    ),
    segment(0.12, 0.25, 0.5, 0.55, stroke),
    segment(0.5, 0.55, 0.88, 0.25, stroke),
  );

mkdirSync(outDir, { recursive: true });
const write = (name, data) => {
  writeFileSync(join(outDir, name), data);
  console.log(`build/${name} ${data.length} bytes`);
};

write('icon.png', encodePng(1024, render(1024, appLayers, 2)));
// macOS template images: black with alpha only; the menu bar tints them for light and dark.
write('trayTemplate.png', encodePng(16, render(16, [[trayGlyph(0.12), solid(0, 0, 0)]], 8)));
write('trayTemplate@2x.png', encodePng(32, render(32, [[trayGlyph(0.1), solid(0, 0, 0)]], 8)));
// Linux and Windows panels may be light or dark: the colour tile reads on both.
write('tray.png', encodePng(32, render(32, appLayers, 8)));
write(
  'tray.ico',
  encodeIco([16, 24, 32, 48].map((size) => ({ size, png: encodePng(size, render(size, appLayers, 8)) }))),
);
