// The word cloud as an SVG, laid out as the screen lays it out (client TextWall): words in a
// flowing line, size by frequency (1–2.4× the base), each with its count beside it – never size
// alone. Widths are estimated from the font size (IBM Plex Sans semibold averages ~0.58 em a
// letter), generous enough that a word never runs into the next.
import { escapeXml } from './escape.ts';

const WIDTH = 600;
const BASE = 14;
const GAP = 16;

export function wordCloudSvg(words: readonly { word: string; count: number }[], alt: string): { svg: string; height: number } {
  const max = Math.max(1, ...words.map((w) => w.count));
  let x = 10;
  let y = 0;
  let line = 0;
  const placed: string[] = [];
  const rows: { items: string[]; height: number }[] = [];
  let items: string[] = [];
  const flush = () => {
    rows.push({ items, height: line });
    items = [];
    x = 10;
    line = 0;
  };
  for (const w of words) {
    const size = Math.round(BASE * (1 + (w.count / max) * 1.4));
    const count = String(w.count);
    const width = Math.ceil(w.word.length * size * 0.6 + count.length * size * 0.4 + 6);
    if (x + width > WIDTH - 10 && items.length) flush();
    items.push(
      `<text x="${x}" y="{Y}" font-size="${size}" font-weight="600" fill="#1d5b8f">${escapeXml(w.word)}` +
        `<tspan font-size="${Math.round(size * 0.55)}" font-weight="400" fill="#555555" dx="4">${count}</tspan></text>`,
    );
    line = Math.max(line, size);
    x += width + GAP;
  }
  if (items.length) flush();
  for (const r of rows) {
    y += Math.round(r.height * 1.3);
    placed.push(...r.items.map((i) => i.replace('{Y}', String(y))));
  }
  const height = y + 12;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<title>${escapeXml(alt)}</title><rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    `<g font-family="IBM Plex Sans, Arial, sans-serif">${placed.join('')}</g></svg>`;
  return { svg, height };
}
