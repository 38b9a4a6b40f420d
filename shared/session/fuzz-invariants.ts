// The invariants of a session, for the core fuzz test (only tests import this). Each is checked
// against an independent recount from the entries and the event log, not against the helper that
// decides it: a check that calls isOwnAnswer cannot notice that isOwnAnswer is wrong.
import { isDeepStrictEqual } from 'node:util';
import { addToTally, emptyTally, type Counts, type Tally } from '../aggregate/tally.ts';
import { findQuestion } from '../question-set.ts';
import type { SessionEvent } from './events.ts';
import type { QuestionRun, SessionState } from './state.ts';
import { hostView, meView, participantView, screenView } from './views.ts';

/** A tally without the empty groups (and empty word counts) that removals leave behind. */
function nonZero(t: Tally): unknown {
  const live = <C extends { n: number; dontKnow: number }>(m: Record<string, C>) =>
    Object.fromEntries(Object.entries(m).filter(([, c]) => c.n !== 0 || c.dontKnow !== 0));
  const { words, ...rest } = t;
  const emptyWords = !words || Object.values(words).every((m) => Object.keys(m as object).length === 0);
  return { ...rest, byRole: live(t.byRole as Record<string, Counts>), byTable: live(t.byTable), ...(emptyWords ? {} : { words }) };
}

/** The tally a full recount gives: visible answers (never hidden, pending or merged) plus analog counts of this round. */
function recount(run: QuestionRun, questionId: string, events: readonly SessionEvent[]): Tally {
  const t = emptyTally();
  for (const e of Object.values(run.entries)) if (!e.hidden && !e.pending) addToTally(t, e.answer, e.role, e.table, 1);
  const since = events.findLastIndex((e) => e.type === 'revoteStarted' && e.questionId === questionId);
  for (const e of events.slice(since + 1)) {
    if ((e.type === 'analogCountsAdded' || e.type === 'analogCountsRemoved') && e.questionId === questionId) {
      for (const { answer, count } of e.entries) addToTally(t, answer, undefined, undefined, e.type === 'analogCountsAdded' ? count : -count);
    }
  }
  return t;
}

type Check = (ok: boolean, what: string) => void;

/** Answers: recount = tally; owners per person, or per table when the question is run per table; caps. */
function checkAnswers(s: SessionState, id: string, run: QuestionRun, events: readonly SessionEvent[], check: Check): void {
  const spec = findQuestion(s.set, id)?.question.response;
  const entries = Object.values(run.entries);
  check(isDeepStrictEqual(nonZero(run.tally), nonZero(recount(run, id, events))), `${id}: tally ≠ recount`);
  // Whose answer: the participant's, or their table's when answered per table.
  const owners: Record<string, string[]> = {};
  for (const e of entries) (owners[run.perTable && e.table !== undefined ? `table:${e.table}` : e.participantId] ??= []).push(e.id);
  const lists = Object.fromEntries(Object.entries(run.byParticipant).filter(([, l]) => l.length > 0).map(([k, l]) => [k, [...l].sort()]));
  for (const l of Object.values(owners)) l.sort();
  check(isDeepStrictEqual(lists, owners), `${id}: answers are not held by their owner (person or table)`);
  check(run.respondents === Object.keys(owners).length, `${id}: respondents`);
  const cap = spec?.type === 'text' ? spec.maxAnswers : 1;
  check(Object.values(owners).every((l) => l.length <= cap), `${id}: more than ${cap} answers from one owner`);
  // Not "phase ≠ idle": undoing an accidental open puts the phase back but keeps the answers it let in.
  check(run.openedAt !== undefined || entries.length === 0, `${id}: answers to a question never opened`);
}

/** Dots: within the budget and the per-answer cap, never on one's own (or one's table's) answer, sums agree. */
function checkVotes(s: SessionState, id: string, run: QuestionRun, check: Check): void {
  const spec = findQuestion(s.set, id)?.question.response;
  const rules = spec?.type === 'text' ? spec.voting : { budget: 0, maxPerAnswer: 0 };
  const perAnswer: Record<string, number> = {};
  for (const [voter, mine] of Object.entries(run.votesBy)) {
    const p = s.participants[voter];
    const used = Object.values(mine).reduce((a, b) => a + b, 0);
    check(used === (run.votesUsed[voter] ?? 0), `${id}: votesUsed of ${voter} ≠ their dots`);
    check(used <= rules.budget, `${id}: ${voter} used ${used} dots, budget ${rules.budget}`);
    for (const [answerId, n] of Object.entries(mine)) {
      perAnswer[answerId] = (perAnswer[answerId] ?? 0) + n;
      check(n <= rules.maxPerAnswer, `${id}: ${voter} put ${n} dots on one answer, cap ${rules.maxPerAnswer}`);
      const e = run.entries[answerId];
      const own = e !== undefined && (e.participantId === voter || (run.perTable && p?.table !== undefined && e.table === p.table));
      check(!own, `${id}: ${voter} voted for their own or their table's answer`);
    }
  }
  check(isDeepStrictEqual(perAnswer, run.votes), `${id}: votes ≠ sum of the voters' dots`);
}

/** What the room sees: results only once revealed, and never a hidden or pending answer. */
function checkViews(s: SessionState, check: Check): void {
  const [host, screen, phone] = [hostView(s), screenView(s), participantView(s)];
  const json = JSON.stringify([host, screen, phone, ...Object.keys(s.participants).map((id) => meView(s, id))]);
  for (const p of Object.values(s.participants)) check(!json.includes(p.token), `a view leaks the token of ${p.id}`);
  const step = s.agenda[s.cursor];
  const run = step?.kind === 'question' ? s.runs[step.questionId] : undefined;
  const revealed = run?.resultsVisible === true;
  check((host.results !== null) === (step?.kind === 'question'), 'host results');
  check((screen.results !== null) === revealed, 'screen results before reveal');
  check((phone.results !== null) === revealed, 'phone results before reveal');
  for (const results of [screen.results, phone.results]) {
    if (results?.type !== 'text' || !run) continue;
    const shown = results.answers.filter((a) => { const e = run.entries[a.id]; return !e || e.hidden || e.pending; });
    check(shown.length === 0, `the room sees a hidden or pending answer: ${shown.map((a) => a.id).join(', ')}`);
  }
}

/** Every broken invariant, as a line; one expect per step keeps thousands of steps fast. */
export function brokenInvariants(s: SessionState, events: readonly SessionEvent[]): string[] {
  const broken: string[] = [];
  const check: Check = (ok, what) => void (ok || broken.push(what));
  check(s.cursor >= 0 && s.cursor < s.agenda.length, `cursor ${s.cursor} outside the agenda`);
  check(Object.values(s.participants).filter((p) => !p.removed).length === s.participantCount, 'participantCount');
  check(Object.values(s.roleCounts).reduce((a, b) => a + b, 0) === s.participantCount, 'roleCounts');
  for (const [id, run] of Object.entries(s.runs)) {
    checkAnswers(s, id, run, events, check);
    checkVotes(s, id, run, check);
  }
  checkViews(s, check);
  return broken;
}
