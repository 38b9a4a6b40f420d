// The wire contract between clients and server. Every payload a client sends is parsed here,
// strictly (unknown keys rejected), before anything else looks at it: types are not validation.
import { z } from 'zod';
import { ResponseSpec } from './question-set.ts';
import { LIMITS, PROTOCOL_VERSION, ROLES, STATEMENT_VOTES } from './constants.ts';

export { PROTOCOL_VERSION, LIMITS, ROLES, STATEMENT_VOTES };

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Lang = z.enum(['da', 'en']);
export type Lang = z.infer<typeof Lang>;

const QuestionId = z.string().min(1).max(64);
const AnswerId = z.string().min(1).max(64);
/** At least 21 characters (nanoid's default: 126 random bits), so no one can guess another's. */
const ClientId = z.string().regex(/^[A-Za-z0-9_-]{21,64}$/, 'must be 21–64 URL-safe characters');

export const StatementVote = z.enum(STATEMENT_VOTES);
export type StatementVote = z.infer<typeof StatementVote>;

/** A scale answer is a point on the scale or "don't know"; a number answer is a number; text is text. */
export const AnswerValue = z.union([
  z.strictObject({ kind: z.literal('scale'), value: z.number().int().min(0).max(10) }),
  z.strictObject({ kind: z.literal('dontKnow') }),
  z.strictObject({ kind: z.literal('number'), value: z.number().finite() }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(LIMITS.textAnswerLength) }),
  z.strictObject({
    kind: z.literal('choice'),
    options: z.array(z.number().int().min(0).max(LIMITS.choiceOptions - 1)).max(LIMITS.choiceOptions),
    other: z.string().trim().max(LIMITS.otherTextLength).optional(),
  }),
  z.strictObject({ kind: z.literal('ranking'), order: z.array(z.number().int().min(0).max(LIMITS.rankingItems - 1)).min(1).max(LIMITS.rankingItems) }),
  z.strictObject({ kind: z.literal('statements'), votes: z.array(StatementVote.nullable()).min(1).max(LIMITS.statements) }),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const ParticipantCommand = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('join'),
    name: z.string().trim().max(LIMITS.nameLength).optional(),
    role: Role,
    table: z.number().int().min(1).max(LIMITS.tables).optional(),
  }),
  z.strictObject({ type: z.literal('submitAnswer'), questionId: QuestionId, answer: AnswerValue }),
  z.strictObject({ type: z.literal('withdrawAnswer'), questionId: QuestionId, answerId: AnswerId }),
  z.strictObject({ type: z.literal('castVote'), questionId: QuestionId, answerId: AnswerId }),
  z.strictObject({ type: z.literal('retractVote'), questionId: QuestionId, answerId: AnswerId }),
]);
export type ParticipantCommand = z.infer<typeof ParticipantCommand>;

export const MODERATION_ACTIONS = ['hide', 'restore', 'approve', 'pin', 'unpin'] as const;
export const ModerationAction = z.enum(MODERATION_ACTIONS);
export type ModerationAction = z.infer<typeof ModerationAction>;

export const NOTE_KINDS = ['note', 'decision', 'action', 'parking'] as const;
export const NoteKind = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof NoteKind>;
export const NoteScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('session') }),
  z.strictObject({ kind: z.literal('theme'), themeId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('question'), questionId: z.string().min(1).max(64) }),
]);
export type NoteScope = z.infer<typeof NoteScope>;

/** A live question takes the same response specs as a question set (validated the same way). */
const AdHocResponse = ResponseSpec;

export const SPLITS = ['none', 'role', 'table'] as const;
export const Split = z.enum(SPLITS);
export type Split = z.infer<typeof Split>;

export const HostCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('goTo'), index: z.number().int().min(0).max(10_000) }),
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('previous') }),
  z.strictObject({ type: z.literal('openAnswering'), questionId: QuestionId }),
  z.strictObject({ type: z.literal('closeAnswering'), questionId: QuestionId }),
  z.strictObject({ type: z.literal('setResultsVisible'), questionId: QuestionId, visible: z.boolean() }),
  z.strictObject({ type: z.literal('openVoting'), questionId: QuestionId }),
  z.strictObject({
    type: z.literal('setTimer'),
    questionId: QuestionId,
    /** 0 clears the timer. */
    seconds: z.number().int().min(0).max(3600),
    /** Close the phase when time is up; otherwise the timer is advisory and late answers are marked late. */
    autoClose: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal('startRevote'), questionId: QuestionId }),
  z.strictObject({
    type: z.literal('configureQuestion'),
    questionId: QuestionId,
    split: Split.optional(),
    perTable: z.boolean().optional(),
    wordCloud: z.boolean().optional(),
    /** Text answers wait for the facilitator's approval before they reach the screen. */
    moderate: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('moderateAnswer'), questionId: QuestionId, answerId: AnswerId, action: ModerationAction }),
  z.strictObject({
    type: z.literal('mergeAnswers'),
    questionId: QuestionId,
    targetId: AnswerId,
    sourceIds: z.array(AnswerId).min(1).max(50),
  }),
  /** `ban`: the phone that joined as this participant may not join this workshop again (best effort: by its device id). */
  z.strictObject({ type: z.literal('removeParticipant'), participantId: z.string().min(1).max(64), ban: z.boolean().optional() }),
  z.strictObject({ type: z.literal('setJoiningLocked'), locked: z.boolean() }),
  z.strictObject({ type: z.literal('endSession') }),
  z.strictObject({ type: z.literal('setScreenBlank'), blank: z.boolean() }),
  /** The next or previous page of a long list on the projector (it wraps around). */
  z.strictObject({ type: z.literal('turnScreenPage'), by: z.union([z.literal(1), z.literal(-1)]) }),
  /** The projector turns its pages by itself; a theme step shows the theme overview. */
  z.strictObject({ type: z.literal('configureScreen'), rotate: z.boolean().optional(), overview: z.boolean().optional() }),
  z.strictObject({
    type: z.literal('addNote'),
    scope: NoteScope,
    kind: NoteKind,
    text: z.string().trim().min(1).max(LIMITS.noteLength),
    who: z.string().trim().max(LIMITS.noteWho).optional(),
    due: z.string().trim().max(LIMITS.noteDue).optional(),
    onScreen: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal('updateNote'),
    noteId: z.string().min(1).max(64),
    kind: NoteKind.optional(),
    text: z.string().trim().min(1).max(LIMITS.noteLength).optional(),
    who: z.string().trim().max(LIMITS.noteWho).optional(),
    due: z.string().trim().max(LIMITS.noteDue).optional(),
    onScreen: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('deleteNote'), noteId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('setStepSkipped'), index: z.number().int().min(0).max(10_000), skipped: z.boolean() }),
  z.strictObject({ type: z.literal('moveStep'), index: z.number().int().min(0).max(10_000), to: z.number().int().min(0).max(10_000) }),
  z.strictObject({
    type: z.literal('addQuestion'),
    text: z.string().trim().min(1).max(LIMITS.questionLength),
    response: AdHocResponse,
  }),
  z.strictObject({ type: z.literal('changeQuestionType'), questionId: QuestionId, response: AdHocResponse }),
  z.strictObject({
    type: z.literal('addAnalogCounts'),
    questionId: QuestionId,
    entries: z.array(z.strictObject({ answer: AnswerValue, count: z.number().int().min(1).max(10_000) })).min(1).max(50),
  }),
  z.strictObject({ type: z.literal('undo') }),
  z.strictObject({ type: z.literal('applyTemplate'), questionId: QuestionId, template: z.enum(['1-2-4-all', 'what-so-what-now-what']) }),
  z.strictObject({ type: z.literal('answersToActions'), questionId: QuestionId }),
  z.strictObject({
    /** The minutes' header; allowed before, during and after the workshop. "" clears a field. */
    type: z.literal('setSessionDetails'),
    purpose: z.string().trim().max(LIMITS.purposeLength).optional(),
    place: z.string().trim().max(LIMITS.detailLength).optional(),
    facilitator: z.string().trim().max(LIMITS.detailLength).optional(),
    minuteTaker: z.string().trim().max(LIMITS.detailLength).optional(),
  }),
  z.strictObject({
    type: z.literal('configureSession'),
    minGroupSize: z.number().int().min(1).max(LIMITS.minGroupSize).optional(),
    tables: z.number().int().min(0).max(LIMITS.tables).optional(),
    /** How the projector looks: a high-contrast theme and a zoom for big rooms. */
    screenTheme: z.enum(['standard', 'contrast']).optional(),
    screenZoom: z.number().min(1).max(2).optional(),
  }),
]);
export type HostCommand = z.infer<typeof HostCommand>;

export const Command = z.union([ParticipantCommand, HostCommand]);
export type Command = ParticipantCommand | HostCommand;
export type CommandType = Command['type'];

export const HOST_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(
  HostCommand.options.map((o) => o.shape.type.value),
);

/** What a client emits as `command`: its own id (for exactly-once on retry) and the command. */
export const CommandEnvelope = z.strictObject({ id: ClientId, command: z.unknown() });
export type CommandEnvelope = { id: string; command: Command };

/** Handshake auth: who this socket is. Identity never comes from a command's payload. */
export const HandshakeAuth = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{4,10}$/),
  as: z.enum(['host', 'screen', 'participant']),
  token: z.string().min(10).max(128).optional(),
  /** A phone's own random id, kept on the phone: a retried join answers only this device; bans are by device. */
  device: z.string().regex(/^[A-Za-z0-9_-]{21,64}$/).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;
export type Audience = HandshakeAuth['as'];

export const ERROR_CODES = [
  'invalid_payload',
  'unknown_command',
  'forbidden',
  'not_joined',
  'already_joined',
  'unknown_question',
  'question_closed',
  'wrong_answer_type',
  'out_of_range',
  'empty_answer',
  'too_many_answers',
  'unknown_answer',
  'unknown_step',
  'not_allowed_now',
  'vote_budget_exceeded',
  'own_answer',
  'unknown_table',
  'joining_locked',
  'removed',
  /** This phone was removed with a ban: it may not join the workshop again. */
  'banned',
  'unknown_note',
  'nothing_to_undo',
  'no_such_session',
  'session_ended',
  'rate_limited',
  'too_many_connections',
  // Limits per participant and per workshop (server/security/participant-limits.ts).
  'too_many_tabs',
  'session_full',
  /** The client id was used by someone else in this session (ids are random: a client bug or a replay). */
  'id_in_use',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type CommandError = { code: ErrorCode; message: string };
/**
 * `me`: a participant's own view as it is after their command (a `MeView`), sent with the ack so
 * that a phone's answer or vote costs one frame, not two (docs/protocol.md).
 */
export type Ack<T = unknown> = { ok: true; data?: T; duplicate?: boolean; me?: unknown } | { ok: false; error: CommandError };

export type JoinResult = { participantId: string; token: string };
export type SubmitResult = { answerId: string };

/** Server → client events; client → server events. Typed for socket.io on both ends. */
export interface ServerToClientEvents<V = unknown, M = unknown> {
  view: (view: V) => void;
  me: (me: M) => void;
  /** A phone's shared view and its own `me` in one frame: on connect, and after a phase change. */
  update: (update: { view: V; me: M }) => void;
  hello: (hello: { serverNow: number; protocol: number; audience: Audience }) => void;
  fatal: (error: CommandError) => void;
}
export interface ClientToServerEvents {
  command: (envelope: unknown, ack: (ack: Ack) => void) => void;
}

/** Parses the command for an audience; returns a typed error instead of throwing. */
export function parseCommand(
  raw: unknown,
): { ok: true; id: string; command: Command } | { ok: false; error: CommandError } {
  const env = CommandEnvelope.safeParse(raw);
  if (!env.success) return { ok: false, error: { code: 'invalid_payload', message: describe(env.error) } };
  const cmd = Command.safeParse(env.data.command);
  if (!cmd.success) {
    const type = (env.data.command as { type?: unknown } | null)?.type;
    const known = typeof type === 'string' && isCommandType(type);
    return {
      ok: false,
      error: known
        ? { code: 'invalid_payload', message: describe(cmd.error) }
        : { code: 'unknown_command', message: `unknown command type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}` },
    };
  }
  return { ok: true, id: env.data.id, command: cmd.data };
}

const ALL_TYPES = new Set<string>([...ParticipantCommand.options, ...HostCommand.options].map((o) => o.shape.type.value));
function isCommandType(type: string): boolean {
  return ALL_TYPES.has(type);
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(payload)'}: ${i.message}`)
    .join('; ');
}
