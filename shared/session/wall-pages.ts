// The answer wall on the projector, page by page. The screen view carries one page only, so it
// stays bounded however many answers there are, and no answer is silently dropped: every
// answer is on exactly one page, and the page says "21–40 of 150". A page holds at most
// WALL_PAGE.answers answers and about WALL_PAGE.budget characters, so twenty short answers or
// three of 500 characters share a page, and the stage can always fit one at a readable size.
import { pageIndex } from './screen-control.ts';

export const WALL_PAGE = { answers: 20, budget: 2000 } as const;

export type WallPage = {
  /** 0-based page shown, of `count` pages. */
  index: number;
  count: number;
  /** 1-based positions of the first and last answer shown, of `total`. */
  first: number;
  last: number;
  total: number;
};

/** What an answer costs on a page: short ones take a card's space, long ones their length. */
export function answerCost(length: number): number {
  return Math.max(60, length) + 40;
}

/** Start index of each page for answers of these lengths (greedy, in order). */
export function pageStarts(lengths: readonly number[]): number[] {
  const starts: number[] = [];
  let used = Infinity;
  let inPage = 0;
  lengths.forEach((length, i) => {
    const cost = answerCost(length);
    if (inPage >= WALL_PAGE.answers || used + cost > WALL_PAGE.budget) {
      starts.push(i);
      used = 0;
      inPage = 0;
    }
    used += cost;
    inPage += 1;
  });
  return starts;
}

/** The page `page` (a counter, taken modulo the page count) of `items`. */
export function wallPage<T>(items: readonly T[], lengthOf: (item: T) => number, page: number): { items: T[]; page: WallPage } {
  const starts = pageStarts(items.map(lengthOf));
  if (starts.length === 0) return { items: [], page: { index: 0, count: 0, first: 0, last: 0, total: 0 } };
  const index = pageIndex(page, starts.length);
  const from = starts[index]!;
  const to = starts[index + 1] ?? items.length;
  return { items: items.slice(from, to), page: { index, count: starts.length, first: from + 1, last: to, total: items.length } };
}
