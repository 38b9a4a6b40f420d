// Generators of every command the core takes, for the core fuzz test (only tests import this).
// GENERATORS is keyed by command type, so a new command in the protocol does not compile until it
// has a generator here; the fuzz test then fails until the generator gets it accepted at least once.
// Ids are drawn as placeholders ("@3") and resolved against the session when the command is sent
// (see resolveCommand), so that votes, merges and withdrawals hit answers that exist.
import fc from 'fast-check';
import { MODERATION_ACTIONS, NOTE_KINDS, ROLES, SPLITS, STATEMENT_VOTES, type AnswerValue, type Command, type CommandType } from '../protocol.ts';
import { findQuestion, type ResponseSpec } from '../question-set.ts';
import type { Actor } from './actor.ts';
import type { SessionState } from './state.ts';
import { TEMPLATE_IDS } from './templates.ts';

type Gen = { [K in CommandType]: fc.Arbitrary<Extract<Command, { type: K }>> };

export const TEXTS = ['', '  ', 'ja', ' nej tak ', 'mere tid', 'færre mål', 'x'.repeat(281)];
/** The questions of theme 1 the fuzz opens at the start, one of each type the real set has. */
export const FOCUS = ['q1-1', 'q1-2', 'q1-4', 'u1'];

const ref = fc.integer({ min: 0, max: 5 }).map((k) => `@${k}`);
/** Mostly a question of this session (incl. added ones), sometimes an unknown id. */
const questionId = fc.oneof(
  { weight: 12, arbitrary: ref },
  { weight: 1, arbitrary: fc.constantFrom('q9-9', 'constructor', 'q2-1') },
);
/** A text question (votes, merges, moderation): "@t2" is the third text question of the session. */
const textQuestionId = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 }).map((k) => `@t${k}`) },
  { weight: 1, arbitrary: questionId },
);
/** A question open for voting if there is one (a phone votes on what it is shown), else a text question. */
const votingQuestionId = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 2 }).map((k) => `@v${k}`) },
  { weight: 1, arbitrary: textQuestionId },
);
const answerId = fc.oneof({ weight: 10, arbitrary: ref }, { weight: 1, arbitrary: fc.constantFrom('a_0', '__proto__') });
/** An answer that fits the question it is sent to ("@fit:n", resolved late), or any answer at all. */
const anyAnswer: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((value) => ({ kind: 'scale' as const, value })),
  fc.constant({ kind: 'dontKnow' as const }),
  fc.oneof(fc.integer({ min: -2, max: 520 }), fc.constantFrom(2.5)).map((value) => ({ kind: 'number' as const, value })),
  fc.constantFrom(...TEXTS).map((text) => ({ kind: 'text' as const, text })),
  fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }).map((options) => ({ kind: 'choice' as const, options })),
  fc.constant<AnswerValue>({ kind: 'ranking', order: [0, 1] }),
  fc.constant<AnswerValue>({ kind: 'statements', votes: [null] }),
);
const answer: fc.Arbitrary<AnswerValue> = fc.oneof(
  { weight: 5, arbitrary: fc.nat(1000).map((n): AnswerValue => ({ kind: 'text', text: `@fit:${n}` })) },
  { weight: 1, arbitrary: anyAnswer },
);
const label = fc.constantFrom({ da: 'Lav' }, { da: 'Høj', en: 'High' });
const labels = (min: number, max: number) => fc.array(label, { minLength: min, maxLength: max });
const response: fc.Arbitrary<ResponseSpec> = fc.oneof(
  fc.record({ type: fc.constant('scale' as const), min: fc.constantFrom(0, 1), max: fc.constantFrom(3, 5), minLabel: label, maxLabel: label, dontKnow: fc.boolean() }),
  fc.record({ type: fc.constant('number' as const), min: fc.constant(0), max: fc.constantFrom(10, 100) }),
  fc.record({
    type: fc.constant('text' as const),
    maxAnswers: fc.integer({ min: 1, max: 3 }),
    maxLength: fc.constant(280),
    voting: fc.record({ budget: fc.integer({ min: 1, max: 4 }), maxPerAnswer: fc.integer({ min: 1, max: 2 }) }),
  }),
  fc.record({ type: fc.constant('choice' as const), options: labels(2, 4), multiple: fc.boolean(), other: fc.boolean() }),
  fc.record({ type: fc.constant('ranking' as const), items: labels(3, 4) }),
  fc.record({ type: fc.constant('statements' as const), statements: labels(1, 3) }),
);
const index = fc.integer({ min: 0, max: 30 });
const scope = fc.oneof(
  fc.constant({ kind: 'session' as const }),
  fc.constantFrom('t1', 't9').map((themeId) => ({ kind: 'theme' as const, themeId })),
  questionId.map((q) => ({ kind: 'question' as const, questionId: q })),
);
const q = <T extends 'openAnswering' | 'closeAnswering' | 'openVoting' | 'startRevote' | 'answersToActions'>(type: T, ids = questionId) =>
  ids.map((questionId) => ({ type, questionId }));

export const GENERATORS: Gen = {
  join: fc.record(
    { type: fc.constant('join'), role: fc.constantFrom(...ROLES), table: fc.constantFrom(1, 2, 3, 3, 2, 1, 4), name: fc.constantFrom('Ane', ' ') },
    { requiredKeys: ['type', 'role'] },
  ),
  submitAnswer: fc.record({ type: fc.constant('submitAnswer'), questionId: fc.oneof(questionId, textQuestionId), answer }),
  withdrawAnswer: fc.record({ type: fc.constant('withdrawAnswer'), questionId, answerId: fc.oneof(fc.nat(2).map((k) => `mine:${k}`), answerId) }),
  castVote: fc.record({ type: fc.constant('castVote'), questionId: votingQuestionId, answerId }),
  retractVote: fc.record({ type: fc.constant('retractVote'), questionId: votingQuestionId, answerId }),
  goTo: index.map((i) => ({ type: 'goTo', index: i })),
  next: fc.constant({ type: 'next' }),
  previous: fc.constant({ type: 'previous' }),
  openAnswering: q('openAnswering'),
  closeAnswering: q('closeAnswering'),
  setResultsVisible: fc.record({ type: fc.constant('setResultsVisible'), questionId, visible: fc.boolean() }),
  openVoting: q('openVoting', textQuestionId),
  // Short timers, so answers arrive both inside and after them (the late flag).
  setTimer: fc.record({ type: fc.constant('setTimer'), questionId, seconds: fc.integer({ min: 0, max: 6 }), autoClose: fc.boolean() }),
  startRevote: q('startRevote'),
  configureQuestion: fc.record(
    { type: fc.constant('configureQuestion'), questionId, split: fc.constantFrom(...SPLITS), perTable: fc.boolean(), wordCloud: fc.boolean(), moderate: fc.boolean() },
    { requiredKeys: ['type', 'questionId'] },
  ),
  moderateAnswer: fc.record({ type: fc.constant('moderateAnswer'), questionId: textQuestionId, answerId, action: fc.constantFrom(...MODERATION_ACTIONS) }),
  mergeAnswers: fc.record({ type: fc.constant('mergeAnswers'), questionId: textQuestionId, targetId: answerId, sourceIds: fc.array(answerId, { minLength: 1, maxLength: 3 }) }),
  removeParticipant: fc.record({ type: fc.constant('removeParticipant'), participantId: ref }),
  setJoiningLocked: fc.record({ type: fc.constant('setJoiningLocked'), locked: fc.constantFrom(false, false, true) }),
  endSession: fc.constant({ type: 'endSession' }),
  setScreenBlank: fc.record({ type: fc.constant('setScreenBlank'), blank: fc.boolean() }),
  turnScreenPage: fc.record({ type: fc.constant('turnScreenPage'), by: fc.constantFrom(1 as const, -1 as const) }),
  configureScreen: fc.record({ type: fc.constant('configureScreen'), rotate: fc.option(fc.boolean(), { nil: undefined }), overview: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['type'] }),
  setSessionDetails: fc.record({ type: fc.constant('setSessionDetails'), place: fc.constantFrom('Byrådssalen', ''), purpose: fc.constantFrom('Drøfte mål', '') }, { requiredKeys: ['type'] }),
  addNote: fc.record({ type: fc.constant('addNote'), scope, kind: fc.constantFrom(...NOTE_KINDS), text: fc.constantFrom('Husk', 'Aftale'), onScreen: fc.boolean() }),
  updateNote: fc.record(
    { type: fc.constant('updateNote'), noteId: ref, kind: fc.constantFrom(...NOTE_KINDS), text: fc.constant('Ændret'), onScreen: fc.boolean() },
    { requiredKeys: ['type', 'noteId'] },
  ),
  deleteNote: fc.record({ type: fc.constant('deleteNote'), noteId: ref }),
  setStepSkipped: fc.record({ type: fc.constant('setStepSkipped'), index, skipped: fc.boolean() }),
  moveStep: fc.record({ type: fc.constant('moveStep'), index, to: index }),
  addQuestion: fc.record({ type: fc.constant('addQuestion'), text: fc.constant('Nyt spørgsmål'), response }),
  changeQuestionType: fc.record({ type: fc.constant('changeQuestionType'), questionId, response }),
  addAnalogCounts: fc.record({
    type: fc.constant('addAnalogCounts'),
    questionId,
    entries: fc.array(fc.record({ answer, count: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 3 }),
  }),
  undo: fc.constant({ type: 'undo' }),
  applyTemplate: fc.record({ type: fc.constant('applyTemplate'), questionId, template: fc.constantFrom(...TEMPLATE_IDS) }),
  answersToActions: q('answersToActions', textQuestionId),
  configureSession: fc.record(
    { type: fc.constant('configureSession'), minGroupSize: fc.integer({ min: 1, max: 3 }), tables: fc.integer({ min: 1, max: 3 }), screenTheme: fc.constantFrom('standard' as const, 'contrast' as const), screenZoom: fc.constantFrom(1, 1.5) },
    { requiredKeys: ['type'] },
  ),
};

export const ALL_COMMAND_TYPES = Object.keys(GENERATORS) as CommandType[];

/** The questions "@k" picks from: the four opened at the start, then any added live. */
function questionPool(s: SessionState): string[] {
  const added = s.agenda.flatMap((a) => (a.kind === 'question' && !/^q\d|^u\d/.test(a.questionId) ? [a.questionId] : []));
  return [...FOCUS, ...added];
}

/** "@k": the k-th of the pool; "@tk": the k-th text question of it; anything else as drawn. */
function questionRef(s: SessionState, id: string): string {
  const pool = questionPool(s);
  if (/^@v\d+$/.test(id)) {
    const voting = pool.filter((q) => s.runs[q]?.phase === 'voting');
    if (voting.length > 0) return pick(voting, Number(id.slice(2)), 'q1-4');
    return questionRef(s, `@t${id.slice(2)}`);
  }
  if (/^@t\d+$/.test(id)) return pick(pool.filter((q) => findQuestion(s.set, q)?.question.response.type === 'text'), Number(id.slice(2)), 'q1-4');
  return num(id) === undefined ? id : pick(pool, num(id)!, 'q1-1');
}

const pick = <T>(list: readonly T[], k: number, none: T): T => (list.length === 0 ? none : list[k % list.length]!);
const num = (id: string): number | undefined => (/^@\d+$/.test(id) ? Number(id.slice(1)) : undefined);

/** An answer of the question's own type, made from n: the fuzz sends mostly answers that are accepted. */
export function fitting(spec: ResponseSpec | undefined, n: number): AnswerValue {
  switch (spec?.type) {
    case undefined:
      return { kind: 'text', text: 'ja' };
    case 'scale':
      return spec.dontKnow && n % 7 === 0 ? { kind: 'dontKnow' } : { kind: 'scale', value: spec.min + (n % (spec.max - spec.min + 1)) };
    case 'number':
      return { kind: 'number', value: spec.min + (n % (spec.max - spec.min + 1)) };
    case 'text':
      return { kind: 'text', text: n % 5 === 0 ? pick(TEXTS, n, 'ja') : `svar ${n % 40}` };
    case 'choice':
      return { kind: 'choice', options: [n % spec.options.length] };
    case 'ranking': {
      const len = spec.items.length;
      return { kind: 'ranking', order: spec.items.map((_, i) => (i + n) % len) };
    }
    case 'statements':
      return { kind: 'statements', votes: spec.statements.map((_, i) => STATEMENT_VOTES[(n + i) % 3]!) };
  }
}

/** Turns the placeholders of a drawn command into ids of this session. */
export function resolveCommand(s: SessionState, actor: Actor, command: Command): Command {
  const c = structuredClone(command);
  if ('questionId' in c) c.questionId = questionRef(s, c.questionId);
  if (c.type === 'addNote' && c.scope.kind === 'question') c.scope = { kind: 'question', questionId: questionRef(s, c.scope.questionId) };
  const qid = 'questionId' in c ? c.questionId : '';
  const run = Object.hasOwn(s.runs, qid) ? s.runs[qid] : undefined;
  const entries = Object.keys(run?.entries ?? {});
  const answerRef = (id: string) => (num(id) === undefined ? id : pick(entries, num(id)!, 'a_0'));
  const spec = findQuestion(s.set, qid)?.question.response;
  const fit = (a: AnswerValue) => (a.kind === 'text' && a.text.startsWith('@fit:') ? fitting(spec, Number(a.text.slice(5))) : a);
  switch (c.type) {
    case 'submitAnswer':
      return { ...c, answer: fit(c.answer) };
    case 'addAnalogCounts':
      return { ...c, entries: c.entries.map((e) => ({ ...e, answer: fit(e.answer) })) };
    case 'withdrawAnswer': {
      if (!c.answerId.startsWith('mine:')) return { ...c, answerId: answerRef(c.answerId) };
      const owner = actor.kind === 'participant' ? actor.participantId : '';
      const mine = entries.filter((id) => run?.entries[id]?.participantId === owner);
      return { ...c, answerId: mine[Number(c.answerId.slice(5))] ?? 'a_0' };
    }
    case 'retractVote': {
      // Mostly a dot the voter has placed, so that retractions succeed too.
      const voted = actor.kind === 'participant' ? Object.keys(run?.votesBy[actor.participantId] ?? {}) : [];
      return { ...c, answerId: num(c.answerId) !== undefined && voted.length > 0 ? pick(voted, num(c.answerId)!, 'a_0') : answerRef(c.answerId) };
    }
    case 'castVote':
    case 'moderateAnswer':
      return { ...c, answerId: answerRef(c.answerId) };
    case 'mergeAnswers':
      return { ...c, targetId: answerRef(c.targetId), sourceIds: c.sourceIds.map(answerRef) };
    case 'removeParticipant':
      return { ...c, participantId: pick(Object.keys(s.participants), num(c.participantId) ?? 0, 'p_0') };
    case 'updateNote':
    case 'deleteNote':
      return { ...c, noteId: pick(s.noteOrder, num(c.noteId) ?? 0, 'n_0') };
    default:
      return c;
  }
}
