// Generates the tray icons (every state × light/dark/macOS-template × size × 1x/2x) under
// build/icons/tray/ and the app icon under build/icons/. `npm exec -- tsx scripts/make-icons.ts`.
// The shapes are a few circles, arcs and strokes drawn with 4×4 supersampling and written by a
// twenty-line PNG encoder on node:zlib: an image library (sharp, canvas) would bring native binaries
// for a job this small.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { TRAY_ICON_STATES, type TrayIconState } from '../electron/core/tray/icon-state';
import { TRAY_ICON_SCALES, TRAY_ICON_SIZES, trayIconFileName, type TrayIconStyle } from '../electron/shell/tray-icon-files';

export type Rgba = readonly [number, number, number, number];

export interface Image {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, not premultiplied, rows top to bottom. */
  data: Uint8Array;
}

// ---------------------------------------------------------------------------------------------------
// PNG

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** An 8-bit RGBA PNG, every row with filter 0 (none). */
export function encodePng(img: Image): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // depth 8, colour type RGBA, deflate, filter method 0, no interlace
  const stride = img.width * 4;
  const raw = Buffer.alloc((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++) raw.set(img.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------
// Shapes, in a 16×16 design space (scaled to the pixel size)

type Inside = (x: number, y: number) => boolean;
interface Op {
  inside: Inside;
  /** null erases (a knockout that shows what is behind the icon). */
  color: Rgba | null;
}

const C = 8; // centre
const dist = (x1: number, y1: number, x2: number, y2: number) => Math.hypot(x1 - x2, y1 - y2);

const disc =
  (cx: number, cy: number, r: number): Inside =>
  (x, y) =>
    dist(x, y, cx, cy) <= r;
const ring =
  (cx: number, cy: number, r: number, w: number): Inside =>
  (x, y) =>
    Math.abs(dist(x, y, cx, cy) - r) <= w / 2;
/** A stroke from (x1,y1) to (x2,y2) with round caps. */
const stroke =
  (x1: number, y1: number, x2: number, y2: number, w: number): Inside =>
  (x, y) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy || 1)));
    return dist(x, y, x1 + t * dx, y1 + t * dy) <= w / 2;
  };
/** Part of a ring between two angles (degrees, clockwise from 12 o'clock). */
const arc =
  (cx: number, cy: number, r: number, w: number, from: number, to: number): Inside =>
  (x, y) => {
    if (Math.abs(dist(x, y, cx, cy) - r) > w / 2) return false;
    const a = ((Math.atan2(x - cx, cy - y) * 180) / Math.PI + 360) % 360;
    return from <= to ? a >= from && a <= to : a >= from || a <= to;
  };
const roundedSquare =
  (x0: number, y0: number, size: number, radius: number): Inside =>
  (x, y) => {
    const cx = Math.max(x0 + radius, Math.min(x, x0 + size - radius));
    const cy = Math.max(y0 + radius, Math.min(y, y0 + size - radius));
    return x >= x0 && x <= x0 + size && y >= y0 && y <= y0 + size && dist(x, y, cx, cy) <= radius;
  };
const any =
  (...parts: Inside[]): Inside =>
  (x, y) =>
    parts.some((p) => p(x, y));

const W = 1.6; // stroke width of rings and glyphs

/** The glyph of each state; shapes, not colours, tell them apart (template images are one colour). */
const GLYPHS: Record<TrayIconState, (fg: Rgba, accent: Rgba) => Op[]> = {
  // A ring with a bar across: no entry.
  'signed-out': (fg) => [
    { inside: ring(C, C, 6.6, W), color: fg },
    { inside: stroke(4.8, C, 11.2, C, W + 0.4), color: fg },
  ],
  // A full disc with a knocked-out "!": loud even at 16 px.
  failing: (_fg, accent) => [
    { inside: disc(C, C, 7.4), color: accent },
    { inside: stroke(C, 4, C, 9, 2), color: null },
    { inside: disc(C, 11.9, 1.15), color: null },
  ],
  warning: (_fg, accent) => [
    { inside: ring(C, C, 6.6, W), color: accent },
    { inside: stroke(C, 4.6, C, 8.8, 1.8), color: accent },
    { inside: disc(C, 11.4, 1.05), color: accent },
  ],
  // A clock face: wait for Make's limit.
  'rate-limited': (fg, accent) => [
    { inside: ring(C, C, 6.6, W), color: accent },
    { inside: any(stroke(C, C, C, 4.2, W), stroke(C, C, 10.8, C, W)), color: fg },
  ],
  // A broken ring with a slash.
  offline: (fg) => [
    { inside: any(arc(C, C, 6.6, W, 60, 160), arc(C, C, 6.6, W, 240, 340)), color: fg },
    { inside: stroke(3.6, 12.4, 12.4, 3.6, W), color: fg },
  ],
  // Two bars: notifications paused.
  paused: (fg) => [
    { inside: ring(C, C, 6.6, W), color: fg },
    { inside: any(stroke(6.3, 5.2, 6.3, 10.8, W), stroke(9.7, 5.2, 9.7, 10.8, W)), color: fg },
  ],
  // An open arc with an arrow head: working.
  syncing: (_fg, accent) => [
    { inside: arc(C, C, 6.6, W, 40, 320), color: accent },
    { inside: any(stroke(C + 4.24, C - 5.06, C + 4.24, C - 1.9, W), stroke(C + 4.24, C - 5.06, C + 1.3, C - 5.06, W)), color: accent },
    { inside: disc(C, C, 1.6), color: accent },
  ],
  ok: (_fg, accent) => [
    { inside: ring(C, C, 6.6, W), color: accent },
    { inside: any(stroke(4.9, 8.3, 7.1, 10.5, W + 0.2), stroke(7.1, 10.5, 11.3, 5.9, W + 0.2)), color: accent },
  ],
};

// Colours: a neutral glyph that contrasts with the taskbar, and an accent per state.
const NEUTRAL: Record<'light' | 'dark', Rgba> = { light: [32, 33, 36, 255], dark: [241, 243, 244, 255] };
const ACCENT: Record<TrayIconState, Record<'light' | 'dark', Rgba>> = {
  'signed-out': { light: [95, 99, 104, 255], dark: [189, 193, 198, 255] },
  failing: { light: [217, 48, 37, 255], dark: [242, 139, 130, 255] },
  warning: { light: [227, 116, 0, 255], dark: [253, 214, 99, 255] },
  'rate-limited': { light: [227, 116, 0, 255], dark: [253, 214, 99, 255] },
  offline: { light: [95, 99, 104, 255], dark: [189, 193, 198, 255] },
  paused: { light: [95, 99, 104, 255], dark: [189, 193, 198, 255] },
  syncing: { light: [26, 115, 232, 255], dark: [138, 180, 248, 255] },
  ok: { light: [24, 128, 56, 255], dark: [129, 201, 149, 255] },
};
const BLACK: Rgba = [0, 0, 0, 255];

const SAMPLES = 4;

/** Draws ops (in the 16-unit design space) onto a `px`×`px` image with SAMPLES² supersampling. */
export function rasterize(ops: readonly Op[], px: number, design = 16): Image {
  const data = new Uint8Array(px * px * 4);
  const k = design / px;
  for (let py = 0; py < px; py++) {
    for (let pxi = 0; pxi < px; pxi++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (pxi + (sx + 0.5) / SAMPLES) * k;
          const y = (py + (sy + 0.5) / SAMPLES) * k;
          let color: Rgba | null = null;
          for (const op of ops) if (op.inside(x, y)) color = op.color;
          if (color) {
            const alpha = color[3] / 255;
            r += color[0] * alpha;
            g += color[1] * alpha;
            b += color[2] * alpha;
            a += alpha;
          }
        }
      }
      const i = (py * px + pxi) * 4;
      const n = SAMPLES * SAMPLES;
      if (a > 0) {
        data[i] = Math.round(r / a);
        data[i + 1] = Math.round(g / a);
        data[i + 2] = Math.round(b / a);
      }
      data[i + 3] = Math.round((a / n) * 255);
    }
  }
  return { width: px, height: px, data };
}

export function trayIconOps(state: TrayIconState, style: TrayIconStyle): Op[] {
  if (style === 'template') return GLYPHS[state](BLACK, BLACK);
  return GLYPHS[state](NEUTRAL[style], ACCENT[state][style]);
}

export interface IconFile {
  /** Relative to build/icons/. */
  path: string;
  size: number;
  render(): Image;
}

/** Every tray icon file: each state × style × logical size × 1x/2x. */
export function trayIconFiles(): IconFile[] {
  const out: IconFile[] = [];
  for (const state of TRAY_ICON_STATES) {
    for (const style of ['light', 'dark', 'template'] as const) {
      for (const size of TRAY_ICON_SIZES[style]) {
        for (const scale of TRAY_ICON_SCALES) {
          const px = size * scale;
          out.push({ path: join('tray', trayIconFileName(state, style, size, scale)), size: px, render: () => rasterize(trayIconOps(state, style), px) });
        }
      }
    }
  }
  return out;
}

/** The app icon: the "ok" ring and check in white on a rounded purple square. */
export function appIconOps(): Op[] {
  const white: Rgba = [255, 255, 255, 255];
  return [
    { inside: roundedSquare(0.6, 0.6, 14.8, 3.4), color: [109, 0, 204, 255] },
    { inside: ring(C, C, 4.9, 1.25), color: white },
    { inside: any(stroke(5.8, 8.2, 7.4, 9.8, 1.35), stroke(7.4, 9.8, 10.4, 6.5, 1.35)), color: white },
  ];
}

export function appIconFiles(): IconFile[] {
  return [512, 256].map((px) => ({ path: `${px}x${px}.png`, size: px, render: () => rasterize(appIconOps(), px) }));
}

export function writeIcons(outDir: string): string[] {
  const written: string[] = [];
  for (const f of [...trayIconFiles(), ...appIconFiles()]) {
    const file = join(outDir, f.path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, encodePng(f.render()));
    written.push(f.path);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = fileURLToPath(new URL('../build/icons/', import.meta.url));
  const files = writeIcons(out);
  console.log(`make-icons: wrote ${files.length} files under build/icons/`);
}
