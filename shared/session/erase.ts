// Erasure for good in an append-only log: the session's log is rewritten without the erased
// content (server/erasure.ts replaces it in one transaction with secure_delete, then truncates
// the WAL). Chosen over crypto-shredding: the log stays plain JSON that the export CLI and the
// recovery tests read directly, nothing depends on a key store surviving, and the rewrite is
// checked byte for byte on the files. Pure: the same log and target give the same result.
import type { SessionEvent } from './events.ts';

export type EraseTarget =
  | { kind: 'participant'; participantId: string }
  | { kind: 'answer'; answerId: string }
  /** Withdrawn and hidden answers, removed participants (name and answers), deleted notes. */
  | { kind: 'purge' };

export type Erased = { participants: number; answers: number; notes: number };
export type EraseResult<R> = { rows: R[]; erased: Erased };

/** Which participants, answers and notes `target` erases from `events`. */
function targets(events: readonly SessionEvent[], target: EraseTarget) {
  const participants = new Set<string>();
  const answers = new Set<string>();
  const notes = new Set<string>();
  if (target.kind === 'participant') participants.add(target.participantId);
  if (target.kind === 'answer') answers.add(target.answerId);
  const hidden = new Map<string, boolean>();
  for (const e of events) {
    if (target.kind !== 'purge') break;
    if (e.type === 'participantRemoved') participants.add(e.participantId);
    else if (e.type === 'answerWithdrawn') answers.add(e.answerId);
    else if (e.type === 'answerModerated' && (e.action === 'hide' || e.action === 'restore')) hidden.set(e.answerId, e.action === 'hide');
    else if (e.type === 'noteDeleted') notes.add(e.noteId);
  }
  for (const [id, isHidden] of hidden) if (isHidden) answers.add(id);
  // A participant's answers go with them. A single answer (a scale, a choice, a number) replaces
  // the same participant's earlier ones to that question: erasing it erases those versions too.
  const one = target.kind === 'answer' ? events.find((e) => e.type === 'answerSubmitted' && e.answerId === target.answerId) : undefined;
  for (const e of events) {
    if (e.type !== 'answerSubmitted') continue;
    if (participants.has(e.participantId)) answers.add(e.answerId);
    else if (one?.type === 'answerSubmitted' && one.answer.kind !== 'text' && e.participantId === one.participantId && e.questionId === one.questionId && e.answer.kind !== 'text') answers.add(e.answerId);
  }
  return { participants, answers, notes };
}

/**
 * The log without the target: its events are dropped, references to erased answers are cut out
 * of merges, and one `contentErased` event with the counts is appended (at `at`).
 */
export function eraseFromLog<R extends { event: SessionEvent }>(rows: readonly R[], target: EraseTarget, at: number, tail: (event: SessionEvent) => R): EraseResult<R> {
  const { participants, answers, notes } = targets(
    rows.map((r) => r.event),
    target,
  );
  const kept: R[] = [];
  let answerCount = 0;
  let participantCount = 0;
  for (const row of rows) {
    const e = row.event;
    if (e.type === 'participantJoined' && participants.has(e.participantId)) participantCount++;
    if (e.type === 'answerSubmitted' && answers.has(e.answerId)) answerCount++;
    const next = without(e, participants, answers, notes);
    if (next === e) kept.push(row);
    else if (next) kept.push({ ...row, event: next });
  }
  const erased = { participants: participantCount, answers: answerCount, notes: notes.size };
  if (erased.participants + erased.answers + erased.notes > 0) kept.push(tail({ type: 'contentErased', ...erased, at }));
  return { rows: kept, erased };
}

/** The event with the erased content taken out: itself, a changed copy, or null (dropped). */
function without(e: SessionEvent, participants: Set<string>, answers: Set<string>, notes: Set<string>): SessionEvent | null {
  switch (e.type) {
    case 'participantJoined':
    case 'participantRemoved':
      return participants.has(e.participantId) ? null : e;
    case 'answerSubmitted':
    case 'answerWithdrawn':
      return participants.has(e.participantId) || answers.has(e.answerId) ? null : e;
    case 'voteCast':
    case 'voteRetracted':
      return participants.has(e.participantId) || answers.has(e.answerId) ? null : e;
    case 'answerModerated':
      return answers.has(e.answerId) ? null : e;
    case 'answersMerged': {
      if (answers.has(e.targetId)) return null;
      const sourceIds = e.sourceIds.filter((id) => !answers.has(id));
      if (sourceIds.length === e.sourceIds.length) return e;
      return sourceIds.length ? { ...e, sourceIds } : null;
    }
    case 'noteAdded':
      return notes.has(e.note.id) ? null : e;
    case 'noteUpdated':
    case 'noteDeleted':
      return notes.has(e.noteId) ? null : e;
    default:
      return e;
  }
}
