import { describe, expect, it } from 'vitest';
import type { AnswerSample } from './ipc.ts';
import { percentile, screenDelays } from './metrics.ts';

const answer = (send: number, ack: number, ok = true): AnswerSample => ({ session: 0, send, ack, ok });

describe('percentile', () => {
  it('is nearest-rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('screenDelays', () => {
  it('matches the k-th acked answer to the first later view showing at least k', () => {
    const answers = [answer(0, 5), answer(10, 12), answer(20, 30)];
    const views = [
      { t: 8, questionId: 'q', answered: 1 },
      { t: 40, questionId: 'q', answered: 3 },
    ];
    expect(screenDelays(answers, views)).toEqual({ delays: [8, 30, 20], unseen: 0 });
  });

  it('never dates a view before the answer was sent', () => {
    // The count reached 1 through someone else's answer before this one was even sent.
    const answers = [answer(50, 52)];
    const views = [
      { t: 10, questionId: 'q', answered: 1 },
      { t: 60, questionId: 'q', answered: 1 },
    ];
    expect(screenDelays(answers, views).delays).toEqual([10]);
  });

  it('counts answers no view ever showed, and skips failed ones', () => {
    const answers = [answer(0, 5), answer(1, 6), answer(2, 0, false)];
    expect(screenDelays(answers, [{ t: 9, questionId: 'q', answered: 1 }])).toEqual({ delays: [9], unseen: 1 });
  });
});
