import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BINS, buildResults, numberBins, type Bar } from './results.ts';
import { SET, answer, dontKnow, goToAndOpen, join, must, newWorld, num, scale, text } from './test-fixtures.ts';
import { findQuestion } from '../question-set.ts';

const pairs = (values: number[]): [number, number][] => {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => a[0] - b[0]);
};
const counts = (bars: Bar[]) => bars.map((b) => b.count);
const opts = (wallLimit: number) => ({ wallLimit, showVotes: false, minGroupSize: 5 });
const spec = (id: string) => findQuestion(SET, id)!.question.response;

/** The number answers used in the server test too: 24 values spread over 0..500. */
const SPREAD = [0, 3, 5, 5, 8, 10, 12, 12, 15, 20, 20, 25, 30, 40, 50, 60, 75, 100, 120, 150, 200, 250, 400, 500];

describe('numberBins (hand-computed)', () => {
  it('no values → no bars', () => {
    expect(numberBins([])).toEqual([]);
  });

  it('one value → one bar of width 1', () => {
    expect(numberBins([[37, 4]])).toEqual([{ label: '37', from: 37, to: 37, count: 4 }]);
  });

  it('a range of 8 whole numbers keeps width 1', () => {
    const bars = numberBins(pairs([3, 10, 10]));
    expect(bars.map((b) => b.label)).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
    expect(counts(bars)).toEqual([1, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('9 whole numbers need width 2, aligned to multiples of 2', () => {
    const bars = numberBins(pairs([3, 11]));
    expect(bars).toEqual([
      { label: '2–3', from: 2, to: 3, count: 1 },
      { label: '4–5', from: 4, to: 5, count: 0 },
      { label: '6–7', from: 6, to: 7, count: 0 },
      { label: '8–9', from: 8, to: 9, count: 0 },
      { label: '10–11', from: 10, to: 11, count: 1 },
    ]);
  });

  it('0..500 spread: six bars of 100, counts sum to n', () => {
    const bars = numberBins(pairs(SPREAD));
    expect(bars.map((b) => b.label)).toEqual(['0–99', '100–199', '200–299', '300–399', '400–499', '500–599']);
    expect(counts(bars)).toEqual([17, 3, 2, 0, 1, 1]);
    expect(counts(bars).reduce((a, b) => a + b, 0)).toBe(SPREAD.length);
  });

  it('0 and 500 only: the empty bars between are shown', () => {
    expect(counts(numberBins(pairs([0, 500])))).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('95 and 105: width 2 from 94', () => {
    const bars = numberBins(pairs([95, 105]));
    expect(bars[0]).toEqual({ label: '94–95', from: 94, to: 95, count: 1 });
    expect(bars.at(-1)).toEqual({ label: '104–105', from: 104, to: 105, count: 1 });
    expect(bars).toHaveLength(6);
  });

  it('for any whole numbers 0..1,000,000: at most 8 contiguous bars, each value in its bar, counts sum to n', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }), (values) => {
        const bars = numberBins(pairs(values));
        expect(bars.length).toBeGreaterThan(0);
        expect(bars.length).toBeLessThanOrEqual(MAX_BINS);
        expect(counts(bars).reduce((a, b) => a + b, 0)).toBe(values.length);
        bars.forEach((b, i) => i > 0 && expect(b.from).toBe(bars[i - 1]!.to + 1));
        for (const v of values) expect(bars.some((b) => b.from <= v && v <= b.to)).toBe(true);
      }),
      { seed: 20250314, numRuns: 300 },
    );
  });
});

describe('buildResults', () => {
  it('scale: one bar per point 1–5, Ved ikke apart, median over values only', () => {
    const w = newWorld();
    const people = Array.from({ length: 7 }, () => join(w));
    goToAndOpen(w, 'q1-1');
    [scale(1), scale(2), scale(2), scale(4), dontKnow, scale(5), dontKnow].forEach((a, i) => answer(w, people[i]!, 'q1-1', a));
    const r = buildResults(spec('q1-1'), w.state.runs['q1-1']!, opts(10));
    expect(r).toMatchObject({
      type: 'scale',
      n: 5,
      dontKnow: 2,
      median: 2,
      bars: [
        { label: '1', from: 1, to: 1, count: 1 },
        { label: '2', from: 2, to: 2, count: 2 },
        { label: '3', from: 3, to: 3, count: 0 },
        { label: '4', from: 4, to: 4, count: 1 },
        { label: '5', from: 5, to: 5, count: 1 },
      ],
    });
  });

  it('scale with no answers: n 0, median null, five empty bars', () => {
    const r = buildResults(spec('q1-1'), newWorld().state.runs['q1-1']!, opts(10));
    expect(r).toMatchObject({ type: 'scale', n: 0, dontKnow: 0, median: null });
    expect(r.type === 'scale' && counts(r.bars)).toEqual([0, 0, 0, 0, 0]);
  });

  it('number: n, median, min, max and bins', () => {
    const w = newWorld();
    const people = SPREAD.map(() => join(w));
    goToAndOpen(w, 'q1-2');
    SPREAD.forEach((v, i) => answer(w, people[i]!, 'q1-2', num(v)));
    const r = buildResults(spec('q1-2'), w.state.runs['q1-2']!, opts(10));
    expect(r).toMatchObject({ type: 'number', n: 24, median: 27.5, min: 0, max: 500 });
    expect(r.type === 'number' && counts(r.bars)).toEqual([17, 3, 2, 0, 1, 1]);
  });

  it('number with no answers', () => {
    expect(buildResults(spec('q1-2'), newWorld().state.runs['q1-2']!, opts(10))).toEqual({
      type: 'number', n: 0, median: null, min: null, max: null, bars: [],
    });
  });

  it('text: newest first, bounded by the wall limit, withdrawn answers gone, respondents counted', () => {
    const w = newWorld();
    const [a, b] = [join(w), join(w)];
    goToAndOpen(w, 'q1-4');
    const ids = [answer(w, a, 'q1-4', text('en')), answer(w, b, 'q1-4', text('to')), answer(w, a, 'q1-4', text('tre'))];
    answer(w, b, 'q1-4', text('fire'));
    must(w, b.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: ids[1]! });
    const run = w.state.runs['q1-4']!;
    const all = buildResults(spec('q1-4'), run, opts(100));
    expect(all).toMatchObject({ type: 'text', n: 3, respondents: 2 });
    expect(all.type === 'text' && all.answers.map((x) => x.text)).toEqual(['fire', 'tre', 'en']);
    const wall = buildResults(spec('q1-4'), run, opts(2));
    expect(wall).toMatchObject({ n: 3, respondents: 2 });
    expect(wall.type === 'text' && wall.answers.map((x) => x.text)).toEqual(['fire', 'tre']);
    expect(JSON.stringify(all)).not.toContain(a.participantId);
  });
});
