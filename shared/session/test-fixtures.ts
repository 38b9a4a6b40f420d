// Test fixtures for the core: a session built from the real question set, a deterministic
// Context (fixed clock, counter-made ids and tokens) and small helpers that read like a workshop.
// Only tests import this module.
import raw from '../../questions/vejen-til-en-ny-forvaltningspolitik.json';
import type { AnswerValue, Command, Role } from '../protocol.ts';
import { parseQuestionSet, type QuestionSet } from '../question-set.ts';
import type { Actor, Context } from './actor.ts';
import { decide, type Decision } from './decide.ts';
import type { SessionEvent } from './events.ts';
import { evolve, initialState } from './evolve.ts';
import { buildAgenda, type SessionState } from './state.ts';

export const SET: QuestionSet = parseQuestionSet(raw, 'questions/vejen-til-en-ny-forvaltningspolitik.json');
export const T0 = Date.UTC(2025, 2, 14, 9, 0, 0);
export const HOST: Actor = { kind: 'host' };
export const SCREEN: Actor = { kind: 'screen' };
export const GUEST: Actor = { kind: 'guest' };

/** Agenda index of a question (or of a step kind), read from the real agenda so tests survive agenda changes. */
export function stepOf(questionId: string): number {
  const i = AGENDA.findIndex((s) => s.kind === 'question' && s.questionId === questionId);
  if (i < 0) throw new Error(`no agenda step for ${questionId}`);
  return i;
}
export const AGENDA = buildAgenda(SET);
export const LAST_STEP = AGENDA.length - 1;

/** A session under test: its state, the full event log, and the counters behind ids and time. */
export type World = { state: SessionState; events: SessionEvent[]; counter: number; now: number };

export function newWorld(set: QuestionSet = SET, code = 'TEST42'): World {
  const created: SessionEvent = { type: 'sessionCreated', code, set, lang: 'da', at: T0 };
  return { state: initialState(created), events: [created], counter: 0, now: T0 };
}

export function contextFor(world: World, actor: Actor): Context {
  return {
    actor,
    now: world.now,
    newId: (prefix) => `${prefix}_${++world.counter}`,
    // Distinctive, so a leak is easy to spot in JSON.stringify of a view.
    newToken: () => `SECRET-token-${++world.counter}-xyzzy`,
  };
}

/** decide + evolve, as the server does; the clock moves one second per command. */
export function run(world: World, actor: Actor, command: Command): Decision {
  world.now += 1000;
  const decision = decide(world.state, command, contextFor(world, actor));
  if (decision.ok) {
    for (const e of decision.events) {
      evolve(world.state, e);
      world.events.push(e);
    }
  }
  return decision;
}

/** Like run(), but a rejection fails the test at once. */
export function must(world: World, actor: Actor, command: Command): SessionEvent[] {
  const d = run(world, actor, command);
  if (!d.ok) throw new Error(`${command.type} was rejected: ${d.error.code} – ${d.error.message}`);
  return d.events;
}

export type Joined = { participantId: string; token: string; actor: Actor };

export function join(world: World, role: Role = 'citizen', name?: string): Joined {
  const [e] = must(world, GUEST, { type: 'join', role, ...(name === undefined ? {} : { name }) });
  if (e?.type !== 'participantJoined') throw new Error('join gave no participantJoined');
  return { participantId: e.participantId, token: e.token, actor: { kind: 'participant', participantId: e.participantId } };
}

/** Submits an answer that must be accepted; returns its answer id. */
export function answer(world: World, who: Joined, questionId: string, value: AnswerValue): string {
  const [e] = must(world, who.actor, { type: 'submitAnswer', questionId, answer: value });
  if (e?.type !== 'answerSubmitted') throw new Error('submitAnswer gave no answerSubmitted');
  return e.answerId;
}

export const scale = (value: number): AnswerValue => ({ kind: 'scale', value });
export const dontKnow: AnswerValue = { kind: 'dontKnow' };
export const num = (value: number): AnswerValue => ({ kind: 'number', value });
export const text = (t: string): AnswerValue => ({ kind: 'text', text: t });

export function open(world: World, questionId: string): void {
  must(world, HOST, { type: 'openAnswering', questionId });
}
export function close(world: World, questionId: string): void {
  must(world, HOST, { type: 'closeAnswering', questionId });
}
export function reveal(world: World, questionId: string, visible = true): void {
  must(world, HOST, { type: 'setResultsVisible', questionId, visible });
}

/** Moves the agenda to a question and opens it for answers. */
export function goToAndOpen(world: World, questionId: string): void {
  must(world, HOST, { type: 'goTo', index: stepOf(questionId) });
  open(world, questionId);
}

/** A copy of the set where one question's response spec is changed (for rules the real set doesn't exercise). */
export function setWith(questionId: string, patch: Record<string, unknown>): QuestionSet {
  const copy = structuredClone(SET);
  for (const theme of copy.themes) {
    for (const q of theme.questions) if (q.id === questionId) Object.assign(q.response, patch);
  }
  return copy;
}
