// Moderation folds: hidden and pending answers are kept in the data but neither shown to the
// room nor counted; a merged answer is hidden and its votes count for the answer it joined.
import type { ModerationAction } from '../protocol.ts';
import { addToTally, assertNever } from '../aggregate/tally.ts';
import type { AnswerEntry, QuestionRun, SessionState } from './state.ts';

/** Whether an answer counts in the tallies and shows to the room. */
export function counted(e: AnswerEntry): boolean {
  return !e.hidden && !e.pending;
}

/** Applies a change to an entry and keeps the tally in step with whether it counts. */
export function changeEntry(run: QuestionRun, e: AnswerEntry, change: (e: AnswerEntry) => void): void {
  const before = counted(e);
  change(e);
  const after = counted(e);
  if (before !== after) addToTally(run.tally, e.answer, e.analog ? undefined : e.role, e.table, after ? 1 : -1);
}

export function moderate(run: QuestionRun, answerId: string, action: ModerationAction): void {
  const e = Object.hasOwn(run.entries, answerId) ? run.entries[answerId] : undefined;
  if (!e) return;
  switch (action) {
    case 'hide':
      return changeEntry(run, e, (x) => (x.hidden = true));
    case 'restore':
      return changeEntry(run, e, (x) => {
        delete x.hidden;
        delete x.mergedInto;
      });
    case 'approve':
      return changeEntry(run, e, (x) => delete x.pending);
    case 'pin':
      e.pinned = true;
      return;
    case 'unpin':
      delete e.pinned;
      return;
    default:
      assertNever(action);
  }
}

export function merge(run: QuestionRun, targetId: string, sourceIds: readonly string[]): void {
  for (const id of sourceIds) {
    const e = run.entries[id];
    if (!e || id === targetId) continue;
    changeEntry(run, e, (x) => {
      x.hidden = true;
      x.mergedInto = targetId;
    });
  }
}

/** Removing a participant hides every answer of theirs and voids their token. */
export function removeParticipant(state: SessionState, participantId: string): void {
  const p = state.participants[participantId];
  if (!p || p.removed) return;
  p.removed = true;
  delete state.tokens[p.token];
  state.participantCount -= 1;
  state.roleCounts[p.role] -= 1;
  for (const run of Object.values(state.runs)) {
    for (const ids of Object.values(run.byParticipant)) {
      for (const id of ids) {
        const e = run.entries[id];
        if (e && e.participantId === participantId) changeEntry(run, e, (x) => (x.hidden = true));
      }
    }
  }
}

/** Votes of an answer including those of the answers merged into it. */
export function votesWithMerged(run: QuestionRun, answerId: string, mergedFrom: readonly string[]): number {
  let total = run.votes[answerId] ?? 0;
  for (const id of mergedFrom) total += run.votes[id] ?? 0;
  return total;
}

/** target id → ids merged into it, read from the entries (bounded by the answers of one question). */
export function mergedIndex(run: QuestionRun): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of Object.values(run.entries)) if (e.mergedInto) (out[e.mergedInto] ??= []).push(e.id);
  return out;
}
