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

describe('numberBins: from the question’s range (hand-computed)', () => {
  it('no values → no bars', () => {
    expect(numberBins([], 0, 10)).toEqual([]);
  });

  it('a range of up to 8 whole numbers: one bar per value, empty ones shown', () => {
    const bars = numberBins(pairs([3, 5, 5]), 3, 10);
    expect(bars.map((b) => b.label)).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
    expect(counts(bars)).toEqual([1, 0, 2, 0, 0, 0, 0, 0]);
  });

  it('0–500: five bars of 100, the last one ending at 500 (not 500–599)', () => {
    const bars = numberBins(pairs(SPREAD), 0, 500);
    expect(bars.map((b) => b.label)).toEqual(['0–99', '100–199', '200–299', '300–399', '400–500']);
    expect(counts(bars)).toEqual([17, 3, 2, 0, 2]);
    expect(counts(bars).reduce((a, b) => a + b, 0)).toBe(SPREAD.length);
  });

  it('10–1000: bars of 200 that start at 10 and end at 1000, never outside the range', () => {
    const bars = numberBins(pairs([10, 999, 1000]), 10, 1000);
    expect(bars.map((b) => b.label)).toEqual(['10–199', '200–399', '400–599', '600–799', '800–1000']);
    expect(counts(bars)).toEqual([1, 0, 0, 0, 2]);
  });

  it('answers bunched in one corner still get the whole range', () => {
    expect(numberBins(pairs([95, 105]), 0, 500).map((b) => b.label)).toEqual(['0–99', '100–199', '200–299', '300–399', '400–500']);
  });

  it('for any range and answers in it: 1–8 contiguous bars inside min–max, round widths, each value in its bar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), (min, span, ratios) => {
        const max = min + span;
        const values = ratios.map((r) => Math.round(min + r * span));
        const bars = numberBins(pairs(values), min, max);
        expect(bars.length).toBeGreaterThan(0);
        expect(bars.length).toBeLessThanOrEqual(MAX_BINS);
        expect(bars[0]!.from).toBe(min);
        expect(bars.at(-1)!.to).toBe(max);
        expect(counts(bars).reduce((a, b) => a + b, 0)).toBe(values.length);
        bars.forEach((b, i) => i > 0 && expect(b.from).toBe(bars[i - 1]!.to + 1));
        // Inner bar edges are multiples of a round width (1, 2, 5 × 10^k).
        if (bars.length > 2) expect(String(bars[1]!.to + 1 - bars[1]!.from)).toMatch(/^[125]0*$/);
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
    expect(r.type === 'number' && counts(r.bars)).toEqual([17, 3, 2, 0, 2]);
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
