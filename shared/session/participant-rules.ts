// The gates a phone's command passes before its content is looked at: is the question open to
// this person, is there room for another answer, may this dot go on that answer. decide()
// applies them, and the phone's `me` view is built from the same functions, so a button the
// phone shows is a command the server accepts.
import type { CommandError } from '../protocol.ts';
import type { ResponseSpec } from '../question-set.ts';
import { counted } from './moderation.ts';
import { isOwnAnswer, ownerKey } from './owners.ts';
import type { Participant, QuestionRun, SessionState } from './state.ts';

export type VoteRules = { budget: number; maxPerAnswer: number };
type Problem = CommandError | undefined;
const problem = (code: CommandError['code'], message: string): CommandError => ({ code, message });

/** May this participant send an answer (of any content) to this question now? */
export function answerGate(run: QuestionRun, p: Participant, spec: ResponseSpec): Problem {
  if (run.phase !== 'open') return problem('question_closed', 'this question is not open for answers');
  if (run.perTable && p.table === undefined) return problem('unknown_table', 'this question is answered per table: choose a table first');
  if (spec.type === 'text' && answersLeft(run, p, spec) <= 0) return problem('too_many_answers', `at most ${spec.maxAnswers} answers to this question`);
  return undefined;
}

/** Text answers this participant (or their table) may still add. */
export function answersLeft(run: QuestionRun, p: Participant, spec: Extract<ResponseSpec, { type: 'text' }>): number {
  return Math.max(0, spec.maxAnswers - (run.byParticipant[ownerKey(run, p)]?.length ?? 0));
}

/** A phone whose device was banned by a removal may not join again (nor open the session: see the gateway). */
export function isBanned(state: Pick<SessionState, 'banned'>, device: string | undefined): boolean {
  return device !== undefined && state.banned !== undefined && Object.hasOwn(state.banned, device);
}

export function withdrawGate(run: QuestionRun): Problem {
  return run.phase === 'open' ? undefined : problem('question_closed', 'this question is not open for answers');
}

export function voteProblem(run: QuestionRun, p: Participant, answerId: string, rules: VoteRules): Problem {
  const entry = Object.hasOwn(run.entries, answerId) ? run.entries[answerId] : undefined;
  if (!entry || !counted(entry)) return problem('unknown_answer', 'no such answer');
  if (isOwnAnswer(run, p, answerId)) return problem('own_answer', 'you cannot vote for your own answer');
  if ((run.votesUsed[p.id] ?? 0) >= rules.budget) return problem('vote_budget_exceeded', `you have used all ${rules.budget} votes`);
  if ((run.votesBy[p.id]?.[answerId] ?? 0) >= rules.maxPerAnswer) return problem('vote_budget_exceeded', `at most ${rules.maxPerAnswer} votes on one answer`);
  return undefined;
}

export function retractProblem(run: QuestionRun, p: Participant, answerId: string): Problem {
  // Own properties only: "__proto__" must not find Object.prototype and pass as a vote (found by the core fuzz).
  const mine = run.votesBy[p.id];
  const dots = mine && Object.hasOwn(mine, answerId) ? (mine[answerId] ?? 0) : 0;
  return dots > 0 ? undefined : problem('unknown_answer', 'you have no vote on that answer');
}
