// Every picture a summary prints, as PNG at print resolution: each question's bar chart (the same
// SVG the HTML summary shows, scale-end labels included) and, where the facilitator used it, the
// word cloud. Shared by DOCX and XLSX.
import { chartAlt, chartSvg } from '../../../shared/summary/chart.ts';
import type { Labels } from '../../../shared/summary/labels.ts';
import type { Summary, SummaryQuestion } from '../../../shared/summary/summary.ts';
import { roundViews } from '../../../shared/summary/tables.ts';
import { wordCloudSvg } from '../../../shared/summary/word-cloud.ts';
import { svgToPng } from './render-png.ts';

export type ChartImage = { questionId: string; title: string; alt: string; svg: string; png: Buffer; width: number; height: number };

export function barChartImage(q: SummaryQuestion, L: Labels): ChartImage | null {
  if (!q.bars.length || q.n + q.dontKnow === 0) return null;
  const svg = chartSvg(q, L, { id: `chart-${q.id}` });
  return { questionId: q.id, title: `${q.number} ${q.text}`, alt: chartAlt(q, L), svg, ...svgToPng(svg) };
}

export function wordCloudImage(q: SummaryQuestion, L: Labels): ChartImage | null {
  if (!q.words?.length) return null;
  const alt = `${L.t('wordCloud')} – ${q.number} ${q.text}: ${q.words.map((w) => `${w.word} (${L.num(w.count)})`).join(', ')}`;
  const { svg } = wordCloudSvg(q.words, alt);
  return { questionId: q.id, title: `${q.number} ${q.text} – ${L.t('wordCloud')}`, alt, svg, ...svgToPng(svg) };
}

/** For the spreadsheet: every chart of every question asked (each round of a re-vote), and the word clouds. */
export function chartImages(s: Summary, L: Labels): ChartImage[] {
  return s.themes.flatMap((t) =>
    t.questions
      .filter((q) => q.asked)
      .flatMap((q) => [...roundViews(q, L).map((v) => barChartImage(v.q, L)), wordCloudImage(q, L)].filter((x): x is ChartImage => x !== null)),
  );
}
