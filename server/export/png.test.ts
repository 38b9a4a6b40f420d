import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixtureWorld } from '../../shared/summary/fixture.ts';
import { buildSummary } from '../../shared/summary/summary.ts';
import { CHART, chartHeight } from '../../shared/summary/chart.ts';
import { barsPng, crc32, encodePng } from './png.ts';

function chunks(png: Buffer): { type: string; data: Buffer; crc: number }[] {
  const out = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    out.push({ type, data: png.subarray(at + 8, at + 8 + length), crc: png.readUInt32BE(at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('PNG fallback', () => {
  it('crc32 is the standard one', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('encodes a valid truecolour PNG with correct chunk checksums', () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 0, 0, 255]));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const c of list) expect(c.crc).toBe(crc32(Buffer.concat([Buffer.from(c.type), c.data])));
    expect(inflateSync(list[1]!.data)).toEqual(Buffer.from([0, 255, 0, 0, 0, 0, 255]));
  });

  it('draws the chart at the SVG’s size, with the bar colour present', () => {
    const q = buildSummary(fixtureWorld().state).themes[0]!.questions[0]!;
    const list = chunks(barsPng(q));
    expect(list[0]!.data.readUInt32BE(0)).toBe(CHART.width);
    expect(list[0]!.data.readUInt32BE(4)).toBe(chartHeight(q.bars.length));
    const raw = inflateSync(list[1]!.data);
    expect(raw.includes(Buffer.from([0x1d, 0x5b, 0x8f]))).toBe(true);
  });
});
