// The part of a participant's view that is theirs alone – their answers (or their table's) and,
// while voting is open, their window of answers to vote on – sent to their socket only.
import type { AnswerValue, Role } from '../protocol.ts';
import { findQuestion } from '../question-set.ts';
import { isOwnAnswer, ownerKey } from './owners.ts';
import type { Participant, QuestionRun, SessionState } from './state.ts';
import { windowFor } from './voting.ts';
import { counted } from './moderation.ts';
import { answerGate, answersLeft, retractProblem, voteProblem, withdrawGate } from './participant-rules.ts';

export type MyVoting = {
  questionId: string;
  budget: number;
  maxPerAnswer: number;
  used: number;
  /** Dots still to place. */
  left: number;
  /** The answers this phone is shown, with the dots this participant has put on each and whether one more may go on (or come off). */
  sample: { id: string; text: string; mine: number; canAdd: boolean; canRemove: boolean }[];
};

/** Per question open for answers: may this phone send an answer, withdraw one, and how many texts are left. */
export type MyAnswering = { answer: boolean; withdraw: boolean; answersLeft?: number };

export type MeView = {
  participantId: string;
  name?: string;
  role: Role;
  table?: number;
  answers: Record<string, { id: string; answer: AnswerValue; at: number }[]>;
  voting: MyVoting[];
  /** Only questions that take answers now; a question not listed takes none from this phone. */
  answering: Record<string, MyAnswering>;
};

export function meView(state: SessionState, participantId: string): MeView | null {
  // Own properties only: "constructor" or "__proto__" must not find Object.prototype's members.
  const p = Object.hasOwn(state.participants, participantId) ? state.participants[participantId] : undefined;
  if (!p) return null;
  const answers: MeView['answers'] = {};
  const voting: MyVoting[] = [];
  const answering: MeView['answering'] = {};
  for (const [questionId, run] of Object.entries(state.runs)) {
    const mayAnswer = myAnswering(state, questionId, run, p);
    if (mayAnswer) answering[questionId] = mayAnswer;
    const ids = run.byParticipant[ownerKey(run, p)];
    if (ids?.length) {
      answers[questionId] = ids.flatMap((id) => {
        const e = run.entries[id];
        return e ? [{ id: e.id, answer: e.answer, at: e.at }] : [];
      });
    }
    if (run.phase === 'voting' && run.voting) voting.push(myVoting(state, questionId, run, p));
  }
  return { participantId: p.id, ...(p.name ? { name: p.name } : {}), role: p.role, ...(p.table !== undefined ? { table: p.table } : {}), answers, voting, answering };
}

function myAnswering(state: SessionState, questionId: string, run: QuestionRun, p: Participant): MyAnswering | null {
  const spec = findQuestion(state.set, questionId)?.question.response;
  if (!spec || state.ended || p.removed || withdrawGate(run)) return null;
  return {
    answer: answerGate(run, p, spec) === undefined,
    withdraw: true,
    ...(spec.type === 'text' ? { answersLeft: answersLeft(run, p, spec) } : {}),
  };
}

function myVoting(state: SessionState, questionId: string, run: QuestionRun, p: Participant): MyVoting {
  const spec = findQuestion(state.set, questionId)?.question.response;
  const rules = spec?.type === 'text' ? spec.voting : { budget: 0, maxPerAnswer: 0 };
  const v = run.voting!;
  const ids = windowFor(v.order, v.sampleSize, p.ordinal, (id) => !Object.hasOwn(run.entries, id) || !counted(run.entries[id]!) || isOwnAnswer(run, p, id));
  const mine = run.votesBy[p.id] ?? {};
  // Answers voted on stay in view even if they are not in the window (e.g. after a reconnect).
  for (const id of Object.keys(mine)) if (!ids.includes(id) && Object.hasOwn(run.entries, id)) ids.push(id);
  return {
    questionId,
    budget: rules.budget,
    maxPerAnswer: rules.maxPerAnswer,
    used: run.votesUsed[p.id] ?? 0,
    left: Math.max(0, rules.budget - (run.votesUsed[p.id] ?? 0)),
    sample: ids.map((id) => {
      const e = run.entries[id]!;
      const open = !state.ended && !p.removed;
      return {
        id,
        text: e.answer.kind === 'text' ? e.answer.text : '',
        mine: mine[id] ?? 0,
        canAdd: open && voteProblem(run, p, id, rules) === undefined,
        canRemove: open && retractProblem(run, p, id) === undefined,
      };
    }),
  };
}
