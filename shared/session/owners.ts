// Whose answer is it? A participant's own, or – when a question is run per table (1-2-4-All) –
// the table's, so that any member may add to or withdraw from the table's shared answers.
import type { Participant, QuestionRun } from './state.ts';

export function ownerKey(run: Pick<QuestionRun, 'perTable'>, participant: Pick<Participant, 'id' | 'table'>): string {
  return run.perTable && participant.table !== undefined ? `table:${participant.table}` : participant.id;
}

/** Is this answer the participant's own (or their table's)? Nobody votes for their own. */
export function isOwnAnswer(
  run: Pick<QuestionRun, 'perTable' | 'entries'>,
  participant: Pick<Participant, 'id' | 'table'>,
  answerId: string,
): boolean {
  const entry = Object.hasOwn(run.entries, answerId) ? run.entries[answerId] : undefined;
  if (!entry) return false;
  if (entry.participantId === participant.id) return true;
  return run.perTable && participant.table !== undefined && entry.table === participant.table;
}
