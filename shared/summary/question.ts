// One question of the summary, for each response type, from the run's tallies. The bars are
// the screen's (fromCounts), with option texts put in for the option numbers. A question that
// was re-voted carries every round, the current one last.
import { ROLES, type Lang, type Role } from '../protocol.ts';
import { localize, type ResponseSpec } from '../question-set.ts';
import type { Counts } from '../aggregate/tally.ts';
import { topWords } from '../aggregate/words.ts';
import { fromCounts, type Bar } from '../session/results.ts';
import { statementResults } from '../session/statement-results.ts';
import type { QuestionRun } from '../session/state.ts';
import type { GroupFigures, RoleSplit, SuppressedSplit, SummaryNote, SummaryQuestion, SummaryRound, TableSplit } from './model.ts';
import { headline } from './phrases.ts';
import { analogOf, openAnswers, visibleCounts, type Removed, type RoundInput, type Visible } from './shown.ts';
import { largestGap, spreadOf, summaryAgreement, suppress } from './stats.ts';

export type QuestionCtx = {
  lang: Lang;
  minGroup: number;
  /** The session uses tables: give the per-table split. */
  tables: boolean;
  removed: Removed;
  iso: (ms: number) => string;
  /** The facilitator chose exact roles: a suppressed role keeps its figures apart (`exact`), for the raw-data appendix. */
  exactRoles?: boolean;
};

type Head = { id: string; number: string; text: string; spec: ResponseSpec; notes: SummaryNote[] };
type Loc = (t: Parameters<typeof localize>[0]) => string;

export function summarizeQuestion(head: Head, run: QuestionRun, ctx: QuestionCtx): SummaryQuestion {
  const { spec } = head;
  const loc: Loc = (t) => localize(t, ctx.lang);
  const input: RoundInput = { entries: run.entries, order: run.order, tally: run.tally };
  const votes = run.voting !== undefined ? run.votes : undefined;
  const { base, seen } = roundOf(spec, input, votes, ctx, loc);
  const byRole = splits(ROLES, seen.byRole, (r) => run.tally.byRole[r], spec, base.bars, ctx.minGroup, loc, ctx.exactRoles === true).map(([role, s]): RoleSplit => ({ role, ...s }));
  const tables = Object.keys(seen.byTable).sort((a, b) => Number(a) - Number(b));
  const byTable = ctx.tables
    ? splits(tables, seen.byTable, (t) => run.tally.byTable[t], spec, base.bars, ctx.minGroup, loc).map(([t, s]): TableSplit => ({ table: Number(t), ...s }))
    : undefined;
  const shown = byRole.flatMap((r) => (r.suppressed ? [] : [{ role: r.role, median: r.median }]));
  const q: SummaryQuestion = {
    id: head.id,
    number: head.number,
    text: head.text,
    type: spec.type,
    ...(spec.type === 'scale' ? { scale: { min: spec.min, max: spec.max, minLabel: loc(spec.minLabel), maxLabel: loc(spec.maxLabel) } } : {}),
    ...(spec.type === 'number' && spec.unit ? { unit: loc(spec.unit) } : {}),
    respondents: base.respondents,
    n: base.n,
    dontKnow: base.dontKnow,
    analog: base.analog,
    hidden: base.hidden,
    figures: base.figures,
    bars: base.bars,
    byRole,
    ...(byTable ? { byTable } : {}),
    gap: base.figures ? largestGap(shown) : null,
    headline: base.headline,
    answers: base.answers,
    ...typeDetails(spec, run.tally, loc),
    notes: head.notes,
    asked: run.openedAt !== undefined || run.history.length > 0 || base.respondents > 0 || base.n + base.dontKnow > 0,
    ...(run.wordCloud && spec.type === 'text' && run.tally.words ? { words: topWords(run.tally.words) } : {}),
  };
  if (run.history.length > 0) {
    // Before/after a re-vote: every finished round from its kept tally, then the current one.
    const before = run.history.map((h): SummaryRound => {
      const order = Object.values(h.entries).flatMap((e) => (e.answer.kind === 'text' ? [e.id] : []));
      const { base: r } = roundOf(spec, { entries: h.entries, order, tally: h.tally }, votes, ctx, loc);
      return roundRecord(h.round, h.closedAt, r, spec, h.tally, loc, ctx);
    });
    q.round = run.round;
    q.rounds = [...before, roundRecord(run.round, run.phase === 'closed' ? run.closedAt : undefined, base, spec, run.tally, loc, ctx)];
  }
  return q;
}

type RoundBase = Pick<SummaryQuestion, 'respondents' | 'n' | 'dontKnow' | 'analog' | 'hidden' | 'figures' | 'bars' | 'headline' | 'answers'>;

/** The figures of one round, with its headline. */
function roundOf(spec: ResponseSpec, input: RoundInput, votes: Record<string, number> | undefined, ctx: QuestionCtx, loc: Loc): { base: RoundBase; seen: Visible } {
  const tally = input.tally;
  const bars = barsOf(spec, tally, loc);
  const n = spec.type === 'text' ? tally.texts : tally.n;
  const spread = spec.type === 'scale' || spec.type === 'number' ? spreadOf(tally) : null;
  const figures = spread && {
    ...spread,
    agreement: spec.type === 'scale' ? summaryAgreement(spread.iqr, spec.min, spec.max, n, ctx.minGroup) : null,
  };
  const seen = visibleCounts(input, ctx.removed);
  const analog = analogOf(tally);
  const answers = openAnswers(input, votes, ctx.removed);
  const details = typeDetails(spec, tally, loc);
  const respondents = seen.respondents + analog;
  const line = headline({ type: spec.type, n, respondents, dontKnow: tally.dontKnow, figures, bars, answers, scaleMax: spec.type === 'scale' ? spec.max : undefined, unit: spec.type === 'number' && spec.unit ? loc(spec.unit) : undefined, ...details }, ctx.lang);
  return { base: { respondents, n, dontKnow: tally.dontKnow, analog, hidden: seen.hidden, figures, bars, headline: line, answers }, seen };
}

function roundRecord(round: number, closedAt: number | undefined, r: RoundBase, spec: ResponseSpec, c: Counts, loc: Loc, ctx: QuestionCtx): SummaryRound {
  const { answers: _answers, ...figures } = r;
  const { options: _options, multiple: _multiple, ...details } = typeDetails(spec, c, loc);
  return { round, ...(closedAt !== undefined ? { closedAt: ctx.iso(closedAt) } : {}), ...figures, ...details };
}

function barsOf(spec: ResponseSpec, c: Counts, loc: Loc): Bar[] {
  switch (spec.type) {
    case 'scale':
    case 'number': {
      const r = fromCounts(spec, c);
      return 'bars' in r ? r.bars : [];
    }
    case 'choice': {
      const r = fromCounts(spec, c);
      return r.type === 'choice' ? r.bars.map((b) => ({ ...b, label: loc(spec.options[b.from]!) })) : [];
    }
    // Named, not a default: a new response type must say whether it has bars.
    case 'text':
    case 'ranking':
    case 'statements':
      return [];
  }
}

function typeDetails(spec: ResponseSpec, c: Counts, loc: Loc): Pick<SummaryQuestion, 'options' | 'other' | 'multiple' | 'ranking' | 'statements'> {
  switch (spec.type) {
    case 'choice':
      return { options: spec.options.map(loc), other: c.counts.other ?? 0, multiple: spec.multiple };
    case 'ranking': {
      const r = fromCounts(spec, c);
      if (r.type !== 'ranking') return {};
      return { options: spec.items.map(loc), ranking: r.items.map((i) => ({ item: loc(spec.items[i.index]!), meanRank: i.meanRank, first: i.first })) };
    }
    case 'statements':
      return {
        options: spec.statements.map(loc),
        statements: statementResults(spec.statements.length, c).map((s) => ({
          text: loc(spec.statements[s.index]!),
          agree: s.agree,
          disagree: s.disagree,
          pass: s.pass,
          agreeShare: s.agreeShare,
          label: s.label,
        })),
      };
    case 'scale':
    case 'number':
    case 'text':
      return {};
  }
}

/**
 * The split by role or by table: groups with an answer shown, in the given order; a group with
 * too few people (or one that would give a small group away) is suppressed.
 */
function splits<K extends string>(
  keys: readonly K[],
  people: Partial<Record<K, number>>,
  countsOf: (key: K) => Counts | undefined,
  spec: ResponseSpec,
  bars: Bar[],
  minGroup: number,
  loc: Loc,
  exact = false,
): [K, SuppressedSplit | GroupFigures][] {
  const hidden = suppress(people, minGroup);
  return keys.filter((k) => (people[k] ?? 0) > 0).map((key) => {
    if (hidden.has(key) && !exact) return [key, { suppressed: true }];
    const c = countsOf(key) ?? { n: 0, dontKnow: 0, counts: {} };
    const valued = spec.type === 'scale' || spec.type === 'number';
    const { other, ranking, statements } = typeDetails(spec, c, loc);
    const extra = { ...(other !== undefined ? { other } : {}), ...(ranking ? { ranking } : {}), ...(statements ? { statements } : {}) };
    const figures = { respondents: people[key]!, n: c.n, dontKnow: c.dontKnow, median: valued ? (spreadOf(c)?.median ?? null) : null, counts: binCounts(spec, c, bars), ...extra };
    if (hidden.has(key)) return [key, { suppressed: true, exact: figures }];
    return [key, { suppressed: false, ...figures }];
  });
}

/** A group's counts in the question's own bars, so group columns line up with the chart. */
function binCounts(spec: ResponseSpec, c: Counts, bars: Bar[]): number[] {
  if (spec.type === 'choice') return bars.map((b) => c.counts[`o${b.from}`] ?? 0);
  if (spec.type !== 'scale' && spec.type !== 'number') return [];
  // O(distinct values × bars): bounded by the answer range, not by the number of answers.
  const counts = bars.map(() => 0);
  for (const [value, k] of Object.entries(c.counts)) {
    const i = bars.findIndex((b) => Number(value) >= b.from && Number(value) <= b.to);
    if (i >= 0) counts[i]! += k;
  }
  return counts;
}
