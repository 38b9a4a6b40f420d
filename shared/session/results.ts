// Results of one question as every audience sees them: built from the running tallies and
// bounded in size (at most `wallLimit` texts, at most MAX_BINS bars), whatever the room's size.
import { ROLES } from '../protocol.ts';
import type { ResponseSpec } from '../question-set.ts';
import { count, median, quantile, sortedCounts, type Counts } from '../aggregate/tally.ts';
import type { AnswerEntry, QuestionRun } from './state.ts';
import { counted, mergedIndex, votesWithMerged } from './moderation.ts';
import { topWords } from '../aggregate/words.ts';
import { statementResults, type StatementResult } from './statement-results.ts';
import { wallPage, type WallPage } from './wall-pages.ts';

export const MAX_BINS = 8;
const NICE = [1, 2, 5] as const;

export type Bar = { label: string; from: number; to: number; count: number };
export type Agreement = 'consensus' | 'mixed' | 'divided';

export type ScaleResults = {
  type: 'scale';
  n: number;
  dontKnow: number;
  median: number | null;
  /** Interquartile range: the spread of the middle half of the answers. */
  iqr: number | null;
  agreement: Agreement | null;
  /** One bar per point of the scale, in order; "don't know" is counted apart. */
  bars: Bar[];
};
export type NumberResults = { type: 'number'; n: number; median: number | null; min: number | null; max: number | null; bars: Bar[] };
export type TextAnswer = {
  id: string;
  text: string;
  at: number;
  votes?: number;
  late?: true;
  pinned?: true;
  /** Texts merged into this one (their votes are included). */
  merged?: string[];
  /** Facilitator only: moderation state and a pseudonymous author id (to remove a participant). */
  hidden?: true;
  pending?: true;
  authorId?: string;
  /** The table that wrote it, when the question is answered per table. */
  table?: number;
};
export type TextResults = {
  type: 'text';
  n: number;
  respondents: number;
  votesShown: boolean;
  answers: TextAnswer[];
  /** The word cloud, when the facilitator turned it on: commonest words, stop words left out. */
  words?: { word: string; count: number }[];
  /** The projector's page of the wall: `answers` is this page only (see wall-pages.ts). */
  page?: WallPage;
};
/** Bars sorted by count, largest first; `from` is the option's index. */
export type ChoiceResults = { type: 'choice'; n: number; bars: Bar[]; other: number };
export type RankingItem = { index: number; meanRank: number | null; first: number; firstShare: number | null };
export type RankingResults = { type: 'ranking'; n: number; items: RankingItem[] };
export type StatementsResults = { type: 'statements'; n: number; statements: StatementResult[] };

/** `n` counts answers as everywhere ("don't know" apart, in `dontKnow`); a group is suppressed when it holds fewer people than the minimum group size. */
export type Group = { kind: 'role' | 'table'; key: string; n: number; dontKnow: number; suppressed: boolean; results: Results | null };
export type Results = (ScaleResults | NumberResults | TextResults | ChoiceResults | RankingResults | StatementsResults) & {
  groups?: Group[];
  /** How many of the counted answers came from a show of hands or paper slips. */
  analog?: number;
  /** The round before a re-vote, for before/after. */
  previous?: Results;
  round?: number;
};

export type ResultOptions = {
  wallLimit: number;
  showVotes: boolean;
  minGroupSize: number;
  /** The facilitator sees hidden and pending answers (marked) and who wrote what (pseudonymously). */
  moderation?: boolean;
  /** The projector: one page of the wall (this page counter) instead of the first `wallLimit`. */
  page?: number;
};

export function buildResults(spec: ResponseSpec, run: QuestionRun, options: ResultOptions): Results {
  const base: Results =
    spec.type === 'text' ? textResults(run, options) : fromCounts(spec, run.tally, options.minGroupSize);
  // Open text is not split: a group would hold only a count (the wall shows the texts).
  if (run.split !== 'none' && spec.type !== 'text') base.groups = groups(spec, run, options.minGroupSize);
  if (run.analog > 0) base.analog = run.analog;
  const last = run.history[run.history.length - 1];
  if (last && spec.type !== 'text') {
    base.previous = fromCounts(spec, last.tally, options.minGroupSize);
    base.round = run.round;
  }
  return base;
}

/**
 * Results of every type but text, from counts alone (so per-group results come for free).
 * `minGroupSize`: an agreement label needs at least that many answers (see agreementOf).
 */
export function fromCounts(spec: Exclude<ResponseSpec, { type: 'text' }>, c: Counts, minGroupSize = 1): Results {
  switch (spec.type) {
    case 'scale': {
      const q1 = quantile(c, 0.25);
      const q3 = quantile(c, 0.75);
      const iqr = q1 === null || q3 === null ? null : q3 - q1;
      const bars: Bar[] = [];
      for (let v = spec.min; v <= spec.max; v++) bars.push({ label: String(v), from: v, to: v, count: count(c, String(v)) });
      const agreement = c.n >= minGroupSize ? agreementOf(iqr, spec.max - spec.min) : null;
      return { type: 'scale', n: c.n, dontKnow: c.dontKnow, median: median(c), iqr, agreement, bars };
    }
    case 'number': {
      const pairs = sortedCounts(c);
      return { type: 'number', n: c.n, median: median(c), min: pairs[0]?.[0] ?? null, max: pairs[pairs.length - 1]?.[0] ?? null, bars: numberBins(pairs, spec.min, spec.max) };
    }
    case 'choice': {
      const bars = spec.options.map((_, i) => ({ label: String(i), from: i, to: i, count: count(c, `o${i}`) }));
      bars.sort((a, b) => b.count - a.count || a.from - b.from);
      return { type: 'choice', n: c.n, bars, other: count(c, 'other') };
    }
    case 'ranking': {
      const items = spec.items.map((_, i) => ({
        index: i,
        meanRank: c.n > 0 ? count(c, `sum${i}`) / c.n : null,
        first: count(c, `first${i}`),
        firstShare: c.n > 0 ? count(c, `first${i}`) / c.n : null,
      }));
      items.sort((a, b) => (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity) || a.index - b.index);
      return { type: 'ranking', n: c.n, items };
    }
    case 'statements':
      return { type: 'statements', n: c.n, statements: statementResults(spec.statements.length, c) };
  }
}

/**
 * Spread relative to the scale (docs/architecture.md, "Agreement labels"): the middle half of the
 * answers within a quarter of the scale is consensus, half of it or more is divided.
 * Callers give a label only when the answers reach the minimum group size: with fewer, a spread
 * says nothing about the room.
 */
export function agreementOf(iqr: number | null, span: number): Agreement | null {
  if (iqr === null || span <= 0) return null;
  const r = iqr / span;
  return r <= 0.25 ? 'consensus' : r >= 0.5 ? 'divided' : 'mixed';
}

function groups(spec: ResponseSpec, run: QuestionRun, minGroupSize: number): Group[] {
  const entries: [Group['kind'], string, Counts][] =
    run.split === 'role'
      ? ROLES.flatMap((r) => (run.tally.byRole[r] ? [['role', r, run.tally.byRole[r]] as [Group['kind'], string, Counts]] : []))
      : Object.keys(run.tally.byTable)
          .sort((a, b) => Number(a) - Number(b))
          .map((t) => ['table', t, run.tally.byTable[t]!] as [Group['kind'], string, Counts]);
  return entries
    .map(([kind, key, c]) => {
      const people = c.n + c.dontKnow;
      const suppressed = people < minGroupSize;
      const results = suppressed || spec.type === 'text' ? null : fromCounts(spec, c, minGroupSize);
      return { kind, key, n: c.n, dontKnow: c.dontKnow, suppressed, results };
    })
    .filter((g) => g.n + g.dontKnow > 0);
}

function textResults(run: QuestionRun, options: ResultOptions): TextResults {
  const showVotes = options.showVotes && run.voting !== undefined;
  const merged = mergedIndex(run);
  const visible = (e: AnswerEntry) => (options.moderation ? !e.mergedInto : counted(e));
  const votesOf = (e: AnswerEntry) => votesWithMerged(run, e.id, merged[e.id] ?? []);
  // Newest first, pinned answers ahead; with votes shown, most votes first. Sorting is bounded
  // by the number of texts of one question, once per flush.
  const all = run.order.flatMap((id) => {
    const e = Object.hasOwn(run.entries, id) ? run.entries[id]! : undefined;
    return e && visible(e) ? [e] : [];
  });
  all.reverse();
  all.sort((a, b) => Number(Boolean(b.pinned)) - Number(Boolean(a.pinned)) || (showVotes ? votesOf(b) - votesOf(a) : 0));
  const paged = options.page === undefined ? null : wallPage(all, (e) => wallLength(e, run, merged[e.id]), options.page);
  const shown = paged ? paged.items : all.slice(0, options.wallLimit);
  const answers = shown.map((e) => textAnswer(e, run, merged[e.id], showVotes ? votesOf(e) : undefined, options.moderation));
  return {
    type: 'text',
    n: run.tally.texts,
    respondents: run.respondents,
    votesShown: showVotes,
    answers,
    ...(paged ? { page: paged.page } : {}),
    ...(run.wordCloud && run.tally.words ? { words: topWords(run.tally.words) } : {}),
  };
}

/** An answer's length on the wall, with the texts merged into it that differ from it. */
function wallLength(e: AnswerEntry, run: QuestionRun, mergedIds: string[] | undefined): number {
  const own = e.answer.kind === 'text' ? e.answer.text.length : 0;
  const others = (mergedIds ?? []).reduce((sum, id) => {
    const m = run.entries[id]?.answer;
    return sum + (m?.kind === 'text' && m.text.trim().toLowerCase() !== (e.answer.kind === 'text' ? e.answer.text.trim().toLowerCase() : '') ? m.text.length : 0);
  }, 0);
  return own + others;
}

function textAnswer(e: AnswerEntry, run: QuestionRun, mergedIds: string[] | undefined, votes: number | undefined, moderation = false): TextAnswer {
  const textOf = (x: AnswerEntry | undefined) => (x?.answer.kind === 'text' ? x.answer.text : '');
  return {
    id: e.id,
    text: textOf(e),
    at: e.at,
    ...(votes !== undefined ? { votes } : {}),
    ...(e.late ? { late: true as const } : {}),
    ...(e.pinned ? { pinned: true as const } : {}),
    ...(mergedIds?.length ? { merged: mergedIds.map((id) => textOf(run.entries[id])) } : {}),
    ...(moderation && e.hidden ? { hidden: true as const } : {}),
    ...(moderation && e.pending ? { pending: true as const } : {}),
    ...(moderation && !e.analog ? { authorId: e.participantId } : {}),
    ...(run.perTable && e.table !== undefined ? { table: e.table } : {}),
  };
}

/**
 * Bars over the question's range min–max (not the answers' range), whole-number bins of a "nice"
 * width (1, 2, 5, 10, 20, 50, …) starting at multiples of it, at most MAX_BINS of them. The first
 * bar starts at min and the last one ends at max, so no bar lies outside the range.
 */
export function numberBins(pairs: [number, number][], min: number, max: number): Bar[] {
  if (pairs.length === 0 || max < min) return [];
  let width = 1;
  const count = (w: number) => (w === 1 ? max - min + 1 : Math.ceil((max - Math.floor(min / w) * w) / w));
  for (let k = 1; count(width) > MAX_BINS; k++) width = NICE[k % 3]! * 10 ** Math.floor(k / 3);
  const n = Math.max(1, count(width));
  const start = width === 1 ? min : Math.floor(min / width) * width;
  const bars: Bar[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.max(min, start + i * width);
    const to = i === n - 1 ? max : Math.min(max, start + (i + 1) * width - 1);
    bars.push({ label: from === to ? String(from) : `${from}–${to}`, from, to, count: 0 });
  }
  for (const [value, c] of pairs) {
    const i = Math.min(n - 1, Math.max(0, width === 1 ? value - min : Math.floor((value - start) / width)));
    bars[i]!.count += c;
  }
  return bars;
}
