// A PNG of a question's bars, for Word versions that cannot show the SVG (docx requires a
// fallback image with every SVG). Pure JS and node:zlib – no native canvas: rectangles and a
// 3×5 pixel font for digits, enough for the bar labels and counts. The alt text and the data
// table under the chart carry every word; this image only has to look like the SVG.
import { deflateSync } from 'node:zlib';
import { CHART, chartHeight, chartRows } from '../../shared/summary/chart.ts';
import type { SummaryQuestion } from '../../shared/summary/summary.ts';

type Rgb = readonly [number, number, number];
const BAR: Rgb = [0x1d, 0x5b, 0x8f];
const INK: Rgb = [0x1a, 0x1a, 0x1a];
const AXIS: Rgb = [0x55, 0x55, 0x55];

// 3×5 glyphs, rows top to bottom, '1' = ink.
const FONT: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '-': ['000', '000', '111', '000', '000'],
  '–': ['000', '000', '111', '000', '000'],
  '%': ['101', '001', '010', '100', '101'],
  '(': ['010', '100', '100', '100', '010'],
  ')': ['010', '001', '001', '001', '010'],
  ',': ['000', '000', '000', '010', '100'],
  '.': ['000', '000', '000', '000', '010'],
  ' ': ['000', '000', '000', '000', '000'],
};
const SCALE = 2;
const ADVANCE = 4 * SCALE;

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }
  rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    for (let yy = Math.max(0, y); yy < Math.min(this.height, y + h); yy++) {
      for (let xx = Math.max(0, x); xx < Math.min(this.width, x + w); xx++) {
        const i = (yy * this.width + xx) * 3;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
      }
    }
  }
  text(s: string, x: number, y: number, color: Rgb): void {
    for (const ch of s) {
      const glyph = FONT[ch];
      if (!glyph) continue;
      glyph.forEach((row, gy) => {
        for (let gx = 0; gx < 3; gx++) if (row[gx] === '1') this.rect(x + gx * SCALE, y + gy * SCALE, SCALE, SCALE, color);
      });
      x += ADVANCE;
    }
  }
}

/** Width in pixels of a string in the digit font (unknown characters are skipped). */
function textWidth(s: string): number {
  return [...s].filter((c) => FONT[c]).length * ADVANCE;
}

export function barsPng(q: SummaryQuestion): Buffer {
  const rows = chartRows(q);
  const { width, row, top, labelWidth, countWidth, barHeight } = CHART;
  const canvas = new Canvas(width, chartHeight(rows.length));
  const max = Math.max(1, ...rows.map((r) => r.count));
  const span = width - labelWidth - countWidth;
  canvas.rect(labelWidth, top, 1, rows.length * row, AXIS);
  rows.forEach((r, i) => {
    const y = top + i * row;
    const w = Math.round((r.count / max) * span);
    // A bar's own label (a scale point, a number range); a choice option gets its position.
    const bar = q.bars[i]!;
    const label = q.type === 'choice' ? String(i + 1) : bar.label;
    const textY = y + (row - 5 * SCALE) / 2;
    canvas.text(label, labelWidth - 8 - textWidth(label), textY, INK);
    canvas.rect(labelWidth, y + (row - barHeight) / 2, Math.max(w, r.count > 0 ? 2 : 0), barHeight, BAR);
    canvas.text(`${r.count} (${r.share} %)`, labelWidth + w + 6, textY, INK);
  });
  return encodePng(canvas.width, canvas.height, canvas.pixels);
}

/** A truecolour PNG: signature, IHDR, one IDAT (filter 0 on every row), IEND. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
