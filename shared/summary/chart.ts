// The chart of a question as an SVG string: the screen's horizontal bars, each with its count
// and share written beside it (never colour alone). Pure text: the HTML shows it inline, and DOCX
// and XLSX get it as a PNG drawn by resvg with IBM Plex (server/export/charts/).
import type { Bar } from '../session/results.ts';
import { escapeXml } from './escape.ts';
import type { Labels } from './labels.ts';
import type { SummaryQuestion } from './summary.ts';

export const CHART = { width: 600, row: 30, top: 10, labelWidth: 200, countWidth: 110, barHeight: 20 } as const;

export type ChartRow = { label: string; count: number; share: number };

/** Rows of the chart: the bars, the scale's end labels added to the first and last. */
export function chartRows(q: SummaryQuestion): ChartRow[] {
  return q.bars.map((b: Bar, i) => {
    const end = q.scale && i === 0 ? q.scale.minLabel : q.scale && i === q.bars.length - 1 ? q.scale.maxLabel : '';
    return { label: end ? `${b.label} – ${end}` : b.label, count: b.count, share: q.n > 0 ? Math.round((b.count / q.n) * 100) : 0 };
  });
}

export function chartHeight(rows: number): number {
  return CHART.top * 2 + rows * CHART.row;
}

/** The alternative text: everything the chart shows, in words. */
export function chartAlt(q: SummaryQuestion, L: Labels): string {
  const rows = chartRows(q)
    .map((r) => `${r.label}: ${L.num(r.count)} (${L.num(r.share)} %)`)
    .join('; ');
  const dk = q.dontKnow > 0 ? `; ${L.t('dontKnow')}: ${L.num(q.dontKnow)}` : '';
  const end = (t: string) => (/[.?!]$/.test(t) ? t : `${t}.`);
  return `${L.t('chart')} – ${q.number} ${end(q.text)} ${rows}${dk}. ${end(q.headline)}`;
}

export function chartSvg(q: SummaryQuestion, L: Labels, opts: { id: string; inline?: boolean }): string {
  const rows = chartRows(q);
  const { width, row, top, labelWidth, countWidth, barHeight } = CHART;
  const height = chartHeight(rows.length);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const span = width - labelWidth - countWidth;
  const bars = rows.map((r, i) => {
    const y = top + i * row;
    const w = Math.round((r.count / max) * span);
    const mid = y + row / 2 + 4;
    return (
      `<text x="${labelWidth - 8}" y="${mid}" text-anchor="end">${escapeXml(truncate(r.label, 30))}</text>` +
      `<rect x="${labelWidth}" y="${y + (row - barHeight) / 2}" width="${Math.max(w, r.count > 0 ? 2 : 0)}" height="${barHeight}" fill="#1d5b8f"/>` +
      `<text x="${labelWidth + w + 6}" y="${mid}">${L.num(r.count)} (${L.num(r.share)} %)</text>`
    );
  });
  const alt = escapeXml(chartAlt(q, L));
  // Inline in HTML the aria-label names it; as a file (DOCX) the <title> does.
  const a11y = opts.inline ? ` role="img" aria-label="${alt}"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"${a11y}>` +
    `<title id="${opts.id}-title">${alt}</title>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${height - top}" stroke="#555555"/>` +
    `<g font-family="IBM Plex Sans, Arial, Helvetica, sans-serif" font-size="13" fill="#1a1a1a">${bars.join('')}</g>` +
    `</svg>`
  );
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
