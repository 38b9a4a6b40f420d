// One seeded fuzz test of the core: random commands of every type from random actors, with the
// invariants that must hold after every step (fuzz-invariants.ts). Each run draws a fresh seed
// (printed; FUZZ_SEED=n reruns it) besides the kept ones: a seed that ever fails belongs in
// REGRESSION_SEEDS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Command, ROLES, type CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';
import type { SystemCommand } from './decide.ts';
import { replay } from './evolve.ts';
import { ALL_COMMAND_TYPES, FOCUS, GENERATORS, resolveCommand } from './fuzz-commands.ts';
import { brokenInvariants } from './fuzz-invariants.ts';
import { GUEST, HOST, SCREEN, newWorld, run, type World } from './test-fixtures.ts';
import { decide } from './decide.ts';
import { contextFor } from './test-fixtures.ts';
import { evolve } from './evolve.ts';

const REGRESSION_SEEDS: number[] = [20250314, 5];
const FRESH_SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** who: -1 the server's own timer, 0 host, 1 screen, 2 guest, 3–19 the (who-3 mod n)th participant still in, 20+ any participant. */
type Op = { who: number; command: Command | SystemCommand };

const PARTICIPANT: ReadonlySet<CommandType> = new Set(['join', 'submitAnswer', 'withdrawAnswer', 'castVote', 'retractVote']);
// Weights: answers and votes are the bulk of a workshop; ending it cuts a run short, so it is rare.
const WEIGHT: Partial<Record<CommandType, number>> = { submitAnswer: 60, castVote: 60, mergeAnswers: 8, moderateAnswer: 8, join: 10, retractVote: 10, withdrawAnswer: 10, openVoting: 16, openAnswering: 8, setTimer: 8, startRevote: 8, endSession: 12 };
const byType = ALL_COMMAND_TYPES.map((type) => ({
  weight: WEIGHT[type] ?? 4,
  arbitrary: fc
    .tuple(fc.integer({ min: 3, max: 8 }), GENERATORS[type] as fc.Arbitrary<Command>)
    .map(([phone, command]): Op => ({ who: type === 'join' ? 2 : PARTICIPANT.has(type) ? phone : 0, command })),
}));
const op: fc.Arbitrary<Op> = fc.oneof(
  ...byType,
  { weight: 6, arbitrary: fc.constantFrom(...FOCUS).map((questionId): Op => ({ who: -1, command: { type: 'timerExpired', questionId } })) },
  // Anyone sending anything: the forbidden and not-joined paths.
  { weight: 3, arbitrary: fc.record({ who: fc.integer({ min: -1, max: 40 }), command: fc.oneof(...byType).map((o) => o.command) }) },
);
/** Tables or none, q1-4 per table or not, a few people in the room (who answered q1-4), and voting open on it or not. */
const setup = fc.record({ tables: fc.constantFrom(0, 3), perTable: fc.boolean(), people: fc.array(fc.constantFrom(...ROLES), { maxLength: 5 }), voting: fc.boolean() });
type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;
const ops = fc.array(op, { minLength: 1, maxLength: 90, size: 'max' });

function actorFor(w: World, who: number): Actor {
  if (who === -1) return { kind: 'system' };
  if (who === 0) return HOST;
  if (who === 1) return SCREEN;
  const all = Object.values(w.state.participants);
  const ids = (who >= 20 ? all : all.filter((p) => !p.removed)).map((p) => p.id);
  if (who === 2 || ids.length === 0) return GUEST;
  return { kind: 'participant', participantId: ids[(who - 3) % ids.length]! };
}

/** The state with its question set by reference (large; only accepted agenda edits change it): cheap to clone. */
function snapshot(w: World): unknown {
  const { set, ...rest } = w.state;
  return { set, rest: structuredClone(rest) };
}

/** What happened, by accepted command type or rejection code: the generator must reach every path. */
const seen = new Map<string, number>();

function send(w: World, actor: Actor, command: Command | SystemCommand) {
  if (command.type !== 'timerExpired' && command.type !== 'rotateScreen') return run(w, actor, command);
  w.now += 1000;
  const d = decide(w.state, command, contextFor(w, actor));
  if (d.ok) for (const e of d.events) w.events.push(e), evolve(w.state, e);
  return d;
}

/** A timer comes back for a question that has one that closes (else for the one drawn). */
function expiring(w: World, command: SystemCommand): SystemCommand {
  if (command.type !== 'timerExpired') return command;
  const timed = Object.keys(w.state.runs).filter((q) => w.state.runs[q]!.timer?.autoClose);
  return timed.length > 0 ? { ...command, questionId: timed[command.questionId.length % timed.length]! } : command;
}

function play(start: Setup, list: Op[]): World {
  const w = newWorld();
  run(w, HOST, { type: 'configureSession', tables: start.tables });
  if (start.perTable) run(w, HOST, { type: 'configureQuestion', questionId: 'q1-4', perTable: true });
  start.people.forEach((role, i) => run(w, GUEST, { type: 'join', role, ...(start.tables ? { table: 1 + (i % start.tables) } : {}) }));
  for (const q of FOCUS) run(w, HOST, { type: 'openAnswering', questionId: q });
  for (const p of Object.keys(w.state.participants)) run(w, { kind: 'participant', participantId: p }, { type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `svar ${p}` } });
  if (start.voting) run(w, HOST, { type: 'openVoting', questionId: 'q1-4' });
  for (const [i, op] of list.entries()) {
    // Ending the workshop makes every later command a rejection: only the last few may end it.
    if (op.command.type === 'endSession' && i < list.length - 3) continue;
    const actor = actorFor(w, op.who);
    // Every drawn command must be one the protocol accepts: the server parses before the core sees it.
    const command = op.command.type === 'timerExpired' || op.command.type === 'rotateScreen' ? expiring(w, op.command) : Command.parse(resolveCommand(w.state, actor, op.command));
    const before = snapshot(w);
    const timer = 'questionId' in command && Object.hasOwn(w.state.runs, command.questionId) ? w.state.runs[command.questionId]!.timer : undefined;
    const d = send(w, actor, command);
    const path = d.ok ? command.type : process.env.FUZZ_STATS ? `${command.type}:${d.error.code}` : d.error.code;
    seen.set(path, (seen.get(path) ?? 0) + 1);
    if (!d.ok) expect(snapshot(w), `rejected ${command.type} (${d.error.code}) changed the state`).toEqual(before);
    if (d.ok && command.type === 'submitAnswer') {
      // Late means: sent after an advisory timer ran out – not a second later, not a second sooner.
      const late = timer !== undefined && !timer.autoClose && w.now > timer.endsAt;
      const e = d.events.find((x) => x.type === 'answerSubmitted');
      expect(e?.type === 'answerSubmitted' && e.late === true, `late flag of an answer at ${w.now}, timer ${JSON.stringify(timer)}`).toBe(late);
    }
    expect(brokenInvariants(w.state, w.events), `after ${command.type}`).toEqual([]);
  }
  expect(replay(w.events)).toEqual(w.state);
  return w;
}

describe('core fuzz', () => {
  it.each<[string, (w: World) => void, string]>([
    ['a respondent too many', (w) => void (w.state.runs['q1-1']!.respondents += 1), 'q1-1: respondents'],
    ['a count without an answer', (w) => void (w.state.runs['q1-1']!.tally.counts['3'] = 1), 'q1-1: tally ≠ recount'],
    ['a token in a view', (w) => void (w.state.participants.p_1!.name = w.state.participants.p_1!.token), 'a view leaks the token of p_1'],
    ['a vote over budget', (w) => void Object.assign(w.state.runs['q1-4']!, { votesBy: { p_1: { x: 4 } }, votesUsed: { p_1: 4 }, votes: { x: 4 } }), 'q1-4: p_1 used 4 dots, budget 3'],
  ])('the invariant check is not vacuous: it sees %s', (_label, corrupt, expected) => {
    const w = newWorld();
    run(w, GUEST, { type: 'join', role: 'citizen' });
    run(w, HOST, { type: 'goTo', index: w.state.agenda.findIndex((a) => a.kind === 'question') });
    expect(brokenInvariants(w.state, w.events)).toEqual([]);
    corrupt(w);
    expect(brokenInvariants(w.state, w.events)).toContain(expected);
  });

  it.each([FRESH_SEED, ...REGRESSION_SEEDS])('seed %i: invariants hold after every command of every type; replay equals live', (seed) => {
    console.info(`core fuzz seed ${seed} (rerun: FUZZ_SEED=${seed} npx vitest run shared/session/core.fuzz.test.ts)`);
    fc.assert(fc.property(setup, ops, (start, list) => void play(start, list)), { seed, numRuns: 30 });
  });

  // Across the seeds above (a path one seed misses, another reaches): every command type accepted, every rejection met.
  it('the generator reaches every command type and the rejections that guard the rules', () => {
    if (process.env.FUZZ_STATS) console.info(Object.fromEntries([...seen].sort((a, b) => a[1] - b[1])));
    const rejected = ['not_joined', 'forbidden', 'own_answer', 'vote_budget_exceeded', 'too_many_answers', 'question_closed', 'session_ended', 'unknown_answer'];
    expect([...ALL_COMMAND_TYPES, 'timerExpired', ...rejected].filter((x) => !seen.has(x)), 'paths never reached').toEqual([]);
  });
});
