// Results of one question as every audience sees them: built from the running tally and
// bounded in size (at most `wallLimit` texts, at most MAX_BINS bars), whatever the room's size.
import type { ResponseSpec } from '../question-set.ts';
import { median, sortedCounts, type Counts } from '../aggregate/tally.ts';
import type { QuestionRun } from './state.ts';

export const MAX_BINS = 8;
const NICE = [1, 2, 5] as const;

export type Bar = { label: string; from: number; to: number; count: number };

export type ScaleResults = {
  type: 'scale';
  n: number;
  dontKnow: number;
  median: number | null;
  /** One bar per point of the scale, in order; "don't know" is counted apart. */
  bars: Bar[];
};
export type NumberResults = {
  type: 'number';
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  bars: Bar[];
};
export type TextResults = {
  type: 'text';
  n: number;
  respondents: number;
  answers: { id: string; text: string; at: number }[];
};
export type Results = ScaleResults | NumberResults | TextResults;

export function buildResults(spec: ResponseSpec, run: QuestionRun, wallLimit: number): Results {
  switch (spec.type) {
    case 'scale':
      return { type: 'scale', n: run.tally.n, dontKnow: run.tally.dontKnow, median: median(run.tally), bars: scaleBars(spec, run.tally) };
    case 'number':
      return numberResults(run.tally);
    case 'text':
      return {
        type: 'text',
        n: run.tally.texts,
        respondents: run.respondents,
        answers: newestTexts(run, wallLimit),
      };
  }
}

function scaleBars(spec: Extract<ResponseSpec, { type: 'scale' }>, c: Counts): Bar[] {
  const bars: Bar[] = [];
  for (let v = spec.min; v <= spec.max; v++) bars.push({ label: String(v), from: v, to: v, count: c.counts[String(v)] ?? 0 });
  return bars;
}

function numberResults(c: Counts): NumberResults {
  const pairs = sortedCounts(c);
  const first = pairs[0]?.[0] ?? null;
  const last = pairs[pairs.length - 1]?.[0] ?? null;
  return { type: 'number', n: c.n, median: median(c), min: first, max: last, bars: numberBins(pairs) };
}

/** Whole-number bins of a "nice" width (1, 2, 5, 10, 20, 50, …) so that at most MAX_BINS bars show. */
export function numberBins(pairs: [number, number][]): Bar[] {
  const lo = pairs[0]?.[0];
  const hi = pairs[pairs.length - 1]?.[0];
  if (lo === undefined || hi === undefined) return [];
  let width = 1;
  for (let k = 1; Math.floor(hi / width) - Math.floor(lo / width) + 1 > MAX_BINS; k++) {
    width = NICE[k % 3]! * 10 ** Math.floor(k / 3);
  }
  const start = Math.floor(lo / width) * width;
  const bars: Bar[] = [];
  for (let from = start; from <= hi; from += width) {
    const to = from + width - 1;
    bars.push({ label: width === 1 ? String(from) : `${from}–${to}`, from, to, count: 0 });
  }
  for (const [value, count] of pairs) bars[Math.floor((value - start) / width)]!.count += count;
  return bars;
}

function newestTexts(run: QuestionRun, limit: number): TextResults['answers'] {
  const out: TextResults['answers'] = [];
  for (let i = run.order.length - 1; i >= 0 && out.length < limit; i--) {
    const entry = run.entries[run.order[i]!];
    if (entry && entry.answer.kind === 'text') out.push({ id: entry.id, text: entry.answer.text, at: entry.at });
  }
  return out;
}
