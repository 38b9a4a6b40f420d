// One question of the summary, for each response type, from the run's tallies. The bars are
// the screen's (fromCounts), with option texts put in for the option numbers.
import { ROLES, type Lang, type Role } from '../protocol.ts';
import { localize, type ResponseSpec } from '../question-set.ts';
import type { Counts } from '../aggregate/tally.ts';
import { fromCounts, type Bar } from '../session/results.ts';
import { statementResults } from '../session/statement-results.ts';
import type { QuestionRun } from '../session/state.ts';
import { headline } from './phrases.ts';
import { largestGap, spreadOf, summaryAgreement, suppress } from './stats.ts';
import type { RoleSplit, SummaryQuestion, TextAnswer } from './summary.ts';

type Ctx = { lang: Lang; minGroup: number };

export function summarizeQuestion(id: string, number: string, text: string, spec: ResponseSpec, run: QuestionRun, ctx: Ctx): SummaryQuestion {
  const loc = (t: Parameters<typeof localize>[0]) => localize(t, ctx.lang);
  const isText = spec.type === 'text';
  const bars = barsOf(spec, run.tally, loc);
  const n = isText ? run.tally.texts : run.tally.n;
  const spread = spec.type === 'scale' || spec.type === 'number' ? spreadOf(run.tally) : null;
  const figures = spread && {
    ...spread,
    agreement: spec.type === 'scale' ? summaryAgreement(spread.iqr, spec.min, spec.max, n, ctx.minGroup) : null,
  };
  const byRole = roleSplits(spec, run, bars, ctx.minGroup);
  const shown = byRole.filter((r): r is Extract<RoleSplit, { suppressed: false }> => !r.suppressed);
  const q: Omit<SummaryQuestion, 'headline'> = {
    id,
    number,
    text,
    type: spec.type,
    ...(spec.type === 'scale' ? { scale: { min: spec.min, max: spec.max, minLabel: loc(spec.minLabel), maxLabel: loc(spec.maxLabel) } } : {}),
    ...(spec.type === 'number' && spec.unit ? { unit: loc(spec.unit) } : {}),
    respondents: run.respondents,
    n,
    dontKnow: run.tally.dontKnow,
    figures,
    bars,
    byRole,
    gap: figures ? largestGap(shown) : null,
    answers: openAnswers(run),
    ...typeDetails(spec, run.tally, loc),
    ...(run.round > 1 ? { round: run.round } : {}),
  };
  const summary: SummaryQuestion = { ...q, headline: headline(q, ctx.lang) };
  const last = run.history[run.history.length - 1];
  if (last) {
    // Before a re-vote: the last finished round, in one line, for before/after.
    const before = summarizeQuestion(id, number, text, spec, { ...run, tally: last.tally, respondents: last.respondents, round: last.round, history: [], order: [], entries: {} }, ctx);
    summary.previous = { round: last.round, headline: before.headline };
  }
  return summary;
}

function barsOf(spec: ResponseSpec, c: Counts, loc: (t: Parameters<typeof localize>[0]) => string): Bar[] {
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
    default:
      return [];
  }
}

function typeDetails(spec: ResponseSpec, c: Counts, loc: (t: Parameters<typeof localize>[0]) => string): Partial<SummaryQuestion> {
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
    default:
      return {};
  }
}

function roleSplits(spec: ResponseSpec, run: QuestionRun, bars: Bar[], minGroup: number): RoleSplit[] {
  const people = respondentsByRole(run);
  const hidden = suppress(people, minGroup);
  return ROLES.filter((r) => (people[r] ?? 0) > 0).map((role): RoleSplit => {
    if (hidden.has(role)) return { role, suppressed: true };
    const c = run.tally.byRole[role] ?? { n: 0, dontKnow: 0, counts: {} };
    const valued = spec.type === 'scale' || spec.type === 'number';
    return {
      role,
      suppressed: false,
      respondents: people[role]!,
      n: c.n,
      dontKnow: c.dontKnow,
      median: valued ? (spreadOf(c)?.median ?? null) : null,
      counts: binCounts(spec, c, bars),
    };
  });
}

/**
 * People per role with an answer standing ("Ved ikke" included): the group size that decides
 * suppression. One pass over the entries; a summary is made rarely, so O(answers) is fine here.
 */
function respondentsByRole(run: QuestionRun): Partial<Record<Role, number>> {
  const seen = new Set<string>();
  const out: Partial<Record<Role, number>> = {};
  for (const e of Object.values(run.entries)) {
    if (seen.has(e.participantId)) continue;
    seen.add(e.participantId);
    out[e.role] = (out[e.role] ?? 0) + 1;
  }
  return out;
}

/** A role's counts in the question's own bars, so role columns line up with the chart. */
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

/** Text answers, or the "Andet" texts of a choice; oldest first, with dots when voted on. */
function openAnswers(run: QuestionRun): TextAnswer[] {
  const out: TextAnswer[] = [];
  const voted = run.voting !== undefined;
  for (const e of Object.values(run.entries)) {
    if (e.answer.kind === 'choice' && e.answer.other) out.push({ text: e.answer.other });
  }
  for (const id of run.order) {
    const e = Object.hasOwn(run.entries, id) ? run.entries[id] : undefined;
    if (e?.answer.kind === 'text') out.push({ text: e.answer.text, ...(voted ? { votes: run.votes[id] ?? 0 } : {}) });
  }
  return out;
}
