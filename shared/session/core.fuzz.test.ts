// One seeded fuzz test of the core: random commands from random actors, with the invariants
// that must hold after every step. A seed that ever fails belongs in REGRESSION_SEEDS.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type AnswerValue, type Command } from '../protocol.ts';
import { addToTally, emptyTally, type Counts, type Tally } from '../aggregate/tally.ts';
import type { Actor } from './actor.ts';
import { replay } from './evolve.ts';
import { hostView, meView, participantView, screenView } from './views.ts';
import { GUEST, HOST, SCREEN, SET, newWorld, run, type World } from './test-fixtures.ts';

const QUESTIONS = SET.themes.flatMap((t) => t.questions.map((q) => q.id));
const REGRESSION_SEEDS: number[] = [];

type Op = { who: number; command: Command };

const TYPE_OF = new Map(SET.themes.flatMap((t) => t.questions.map((q) => [q.id, q.response.type] as const)));
const TEXTS = ['', '  ', 'ja', ' nej tak ', 'mere tid', 'færre mål', 'x'.repeat(281)];

const anyAnswer: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((value) => ({ kind: 'scale' as const, value })),
  fc.constant({ kind: 'dontKnow' as const }),
  fc.oneof(fc.integer({ min: -2, max: 520 }), fc.constantFrom(2.5, 499.9)).map((value) => ({ kind: 'number' as const, value })),
  fc.constantFrom(...TEXTS).map((text) => ({ kind: 'text' as const, text })),
);
/** Mostly the three question types of theme 1 (open from the start), sometimes any other id. */
const questionId = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('q1-1', 'q1-2', 'q1-4') },
  { weight: 2, arbitrary: fc.constantFrom(...QUESTIONS) },
  { weight: 1, arbitrary: fc.constantFrom('q9-9', 'constructor') },
);
/** An answer of the question's own kind four times in five (so most are accepted), else any. */
const submit: fc.Arbitrary<Command> = fc
  .tuple(questionId, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -1, max: 501 }), fc.constantFrom(...TEXTS), anyAnswer)
  .map(([q, pick, point, n, t, other]): Command => {
    const type = TYPE_OF.get(q);
    const own: AnswerValue | undefined =
      type === 'scale' ? (point === 0 ? { kind: 'dontKnow' } : { kind: 'scale', value: point }) :
      type === 'number' ? { kind: 'number', value: n } :
      type === 'text' ? { kind: 'text', text: t } : undefined;
    return { type: 'submitAnswer', questionId: q, answer: pick > 0 && own ? own : other };
  });
/** "mine:k" is resolved in play() to the sender's own k-th answer, so that withdrawals succeed too. */
const withdraw = fc
  .record({
    questionId,
    answerId: fc.oneof(fc.integer({ min: 0, max: 2 }).map((k) => `mine:${k}`), fc.integer({ min: 1, max: 400 }).map((i) => `a_${i}`)),
  })
  .map((c): Command => ({ type: 'withdrawAnswer', ...c }));
const hostCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.constant<Command>({ type: 'next' }),
  fc.constant<Command>({ type: 'previous' }),
  fc.integer({ min: 0, max: 25 }).map((index): Command => ({ type: 'goTo', index })),
  questionId.map((q): Command => ({ type: 'openAnswering', questionId: q })),
  questionId.map((q): Command => ({ type: 'closeAnswering', questionId: q })),
  fc.record({ questionId, visible: fc.boolean() }).map((c): Command => ({ type: 'setResultsVisible', ...c })),
);
const join = fc.constantFrom(...ROLES).map((role): Command => ({ type: 'join', role }));

/** who: 0 host, 1 screen, 2 guest, 3+ the (who-3 mod n)th participant joined so far. */
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: join.map((command) => ({ who: 2, command })) },
  { weight: 8, arbitrary: fc.record({ who: fc.integer({ min: 3, max: 6 }), command: submit }) },
  { weight: 1, arbitrary: fc.record({ who: fc.integer({ min: 3, max: 6 }), command: withdraw }) },
  { weight: 2, arbitrary: hostCommand.map((command) => ({ who: 0, command })) },
  // Anyone sending anything: the forbidden and not-joined paths.
  { weight: 1, arbitrary: fc.record({ who: fc.integer({ min: 0, max: 40 }), command: fc.oneof(join, submit, withdraw, hostCommand) }) },
);
const ops = fc.array(op, { minLength: 1, maxLength: 80, size: 'max' });

function actorFor(w: World, who: number): Actor {
  if (who === 0) return HOST;
  if (who === 1) return SCREEN;
  const ids = Object.keys(w.state.participants);
  if (who === 2 || ids.length === 0) return GUEST;
  return { kind: 'participant', participantId: ids[(who - 3) % ids.length]! };
}

/** A tally without the empty groups (and empty word counts) that removals leave behind. */
function nonZero(t: Tally): unknown {
  const live = <C extends { n: number; dontKnow: number }>(m: Record<string, C>) =>
    Object.fromEntries(Object.entries(m).filter(([, c]) => c.n !== 0 || c.dontKnow !== 0));
  const { words, ...rest } = t;
  const emptyWords = !words || Object.values(words).every((m) => Object.keys(m as object).length === 0);
  return { ...rest, byRole: live(t.byRole as Record<string, Counts>), byTable: live(t.byTable), ...(emptyWords ? {} : { words }) };
}

/** Every broken invariant, as a line; one expect per step keeps thousands of steps fast. */
function brokenInvariants(w: World): string[] {
  const s = w.state;
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || broken.push(what));
  check(s.cursor >= 0 && s.cursor < s.agenda.length, `cursor ${s.cursor} outside the agenda`);
  check(Object.keys(s.participants).length === s.participantCount, 'participantCount');
  check(Object.values(s.roleCounts).reduce((a, b) => a + b, 0) === s.participantCount, 'roleCounts');
  for (const theme of SET.themes) {
    for (const q of theme.questions) {
      const r = s.runs[q.id]!;
      const entries = Object.values(r.entries);
      // Counts equal answers: the running tally is what a full recount would give.
      const recount = emptyTally();
      for (const e of entries) addToTally(recount, e.answer, e.role, e.table, 1);
      check(isDeepStrictEqual(nonZero(r.tally), nonZero(recount)), `${q.id}: tally ≠ recount`);
      const lists = Object.values(r.byParticipant);
      check(isDeepStrictEqual(lists.flat().sort(), Object.keys(r.entries).sort()), `${q.id}: byParticipant ≠ entries`);
      check(r.respondents === lists.filter((l) => l.length > 0).length, `${q.id}: respondents`);
      const cap = q.response.type === 'text' ? q.response.maxAnswers : 1;
      check(lists.every((l) => l.length <= cap), `${q.id}: more than ${cap} answers from one person`);
      check(r.phase !== 'idle' || entries.length === 0, `${q.id}: answers to a question never opened`);
    }
  }
  const [host, screen, phone] = [hostView(s), screenView(s), participantView(s)];
  const json = JSON.stringify([host, screen, phone, ...Object.keys(s.participants).map((id) => meView(s, id))]);
  for (const p of Object.values(s.participants)) check(!json.includes(p.token), `a view leaks the token of ${p.id}`);
  // Results: the host's on every question step; the room's only once the facilitator reveals them.
  const step = s.agenda[s.cursor];
  const revealed = step?.kind === 'question' && s.runs[step.questionId]!.resultsVisible;
  check((host.results !== null) === (step?.kind === 'question'), 'host results');
  check((screen.results !== null) === revealed, 'screen results before reveal');
  check((phone.results !== null) === revealed, 'phone results before reveal');
  return broken;
}

/** The state with its question set by reference (large, and no command replaces it): cheap to clone. */
function snapshot(w: World): unknown {
  const { set, ...rest } = w.state;
  return { set, rest: structuredClone(rest) };
}

function resolve(w: World, actor: Actor, command: Command): Command {
  if (command.type !== 'withdrawAnswer' || !command.answerId.startsWith('mine:') || actor.kind !== 'participant') return command;
  const mine = Object.hasOwn(w.state.runs, command.questionId) ? w.state.runs[command.questionId]!.byParticipant[actor.participantId] : undefined;
  return { ...command, answerId: mine?.[Number(command.answerId.slice(5))] ?? 'a_0' };
}

/** What happened, by accepted command type or rejection code: the generator must reach every path. */
const seen = new Set<string>();

function play(list: Op[]): World {
  const w = newWorld();
  for (const q of ['q1-1', 'q1-2', 'q1-4']) run(w, HOST, { type: 'openAnswering', questionId: q });
  for (const op of list) {
    const actor = actorFor(w, op.who);
    const command = resolve(w, actor, op.command);
    const before = snapshot(w);
    const d = run(w, actor, command);
    seen.add(d.ok ? command.type : d.error.code);
    if (!d.ok) expect(snapshot(w), `rejected ${command.type} (${d.error.code}) changed the state`).toEqual(before);
    expect(brokenInvariants(w), `after ${command.type}`).toEqual([]);
  }
  expect(replay(w.events)).toEqual(w.state);
  return w;
}

describe('core fuzz', () => {
  it.each<[string, (w: World) => void, string]>([
    ['a respondent too many', (w) => void (w.state.runs['q1-1']!.respondents += 1), 'q1-1: respondents'],
    ['a count without an answer', (w) => void (w.state.runs['q1-1']!.tally.counts['3'] = 1), 'q1-1: tally ≠ recount'],
    ['a token in a view', (w) => void (w.state.participants.p_1!.name = w.state.participants.p_1!.token), 'a view leaks the token of p_1'],
  ])('the invariant check is not vacuous: it sees %s', (_label, corrupt, expected) => {
    const w = newWorld();
    run(w, GUEST, { type: 'join', role: 'citizen' });
    run(w, HOST, { type: 'goTo', index: w.state.agenda.findIndex((a) => a.kind === 'question') });
    expect(brokenInvariants(w)).toEqual([]);
    corrupt(w);
    expect(brokenInvariants(w)).toContain(expected);
  });

  it.each([20250314, ...REGRESSION_SEEDS])('seed %i: invariants hold after every command; replay equals live', (seed) => {
    seen.clear();
    fc.assert(
      fc.property(ops, (list) => void play(list)),
      { seed, numRuns: 25 },
    );
    const accepted = ['join', 'submitAnswer', 'withdrawAnswer', 'next', 'previous', 'goTo', 'openAnswering', 'closeAnswering', 'setResultsVisible'];
    const rejected = ['not_joined', 'forbidden', 'already_joined', 'question_closed', 'wrong_answer_type', 'out_of_range', 'empty_answer', 'unknown_question', 'unknown_answer', 'unknown_step', 'too_many_answers'];
    expect([...accepted, ...rejected].filter((x) => !seen.has(x)), 'paths never reached').toEqual([]);
  });
});
