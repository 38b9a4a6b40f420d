// Events are facts, past tense: what the core decided happened. The store appends them;
// evolve() folds them into state, on the live path and on replay after a restart alike.
import type { AnswerValue, Lang, Role, Split } from '../protocol.ts';
import type { QuestionSet } from '../question-set.ts';

export type SessionEvent =
  | { type: 'sessionCreated'; code: string; set: QuestionSet; lang: Lang; at: number }
  | { type: 'sessionConfigured'; minGroupSize?: number; tables?: number; at: number }
  | { type: 'participantJoined'; participantId: string; token: string; name?: string; role: Role; table?: number; at: number }
  | {
      type: 'answerSubmitted';
      questionId: string;
      participantId: string;
      answerId: string;
      answer: AnswerValue;
      late?: true;
      at: number;
    }
  | { type: 'answerWithdrawn'; questionId: string; participantId: string; answerId: string; at: number }
  | { type: 'stepChanged'; index: number; at: number }
  | { type: 'answeringOpened'; questionId: string; at: number }
  | { type: 'answeringClosed'; questionId: string; at: number }
  | { type: 'votingOpened'; questionId: string; order: string[]; sampleSize: number; at: number }
  | { type: 'voteCast'; questionId: string; participantId: string; answerId: string; at: number }
  | { type: 'voteRetracted'; questionId: string; participantId: string; answerId: string; at: number }
  | { type: 'timerSet'; questionId: string; endsAt: number | null; autoClose: boolean; at: number }
  | { type: 'revoteStarted'; questionId: string; at: number }
  | { type: 'questionConfigured'; questionId: string; split?: Split; perTable?: boolean; wordCloud?: boolean; at: number }
  | { type: 'resultsVisibilityChanged'; questionId: string; visible: boolean; at: number };

export type SessionEventType = SessionEvent['type'];
