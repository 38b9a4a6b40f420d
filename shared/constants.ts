// The protocol's plain constants, without zod: the phone's bundle imports these (client/join.tsx
// must not pull the validation library in – docs/performance.md). protocol.ts re-exports them.
export const PROTOCOL_VERSION = 2;

export const LIMITS = {
  nameLength: 40,
  textAnswerLength: 500,
  otherTextLength: 100,
  noteLength: 1000,
  questionLength: 300,
  tables: 50,
  minGroupSize: 50,
  noteWho: 80,
  noteDue: 40,
  clientIdLength: 64,
  maxHttpBufferSize: 64 * 1024,
  /** Place, facilitator, minute-taker of the minutes' header. */
  detailLength: 200,
  /** The purpose of the workshop, a paragraph in the minutes' header. */
  purposeLength: 1000,
  /** Items of a ranking question (at least 3). */
  rankingItems: 10,
  /** Options of a choice question (at least 2), besides "Andet". */
  choiceOptions: 12,
  /** Statements of a statements question (at least 1). */
  statements: 20,
} as const;

export const ROLES = ['politician', 'executive', 'manager', 'employee', 'citizen', 'other'] as const;

export const STATEMENT_VOTES = ['agree', 'disagree', 'pass'] as const;
