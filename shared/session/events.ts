// Events are facts, past tense: what the core decided happened. The store appends them;
// evolve() folds them into state, on the live path and on replay after a restart alike.
import type { AnswerValue, Lang, ModerationAction, Role, Split } from '../protocol.ts';
import type { Question, QuestionSet, ResponseSpec } from '../question-set.ts';
import type { Note, QuestionPhase, SessionDetails } from './state.ts';

export type AnalogEntry = { answer: AnswerValue; count: number };
/** Set on an event that undoes an earlier one, so it is not itself pushed on the undo stack. */
type Undoable = { undo?: true };

export type SessionEvent =
  | { type: 'sessionCreated'; code: string; set: QuestionSet; lang: Lang; at: number }
  | { type: 'sessionConfigured'; minGroupSize?: number; tables?: number; screenTheme?: 'standard' | 'contrast'; screenZoom?: number; at: number }
  | { type: 'sessionDetailsSet'; details: SessionDetails; at: number }
  /** `device`: the joining phone's device pseudonym (see Actor), kept so that a removal can ban it. */
  | { type: 'participantJoined'; participantId: string; token: string; name?: string; role: Role; table?: number; device?: string; at: number }
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
  | ({ type: 'stepChanged'; index: number; at: number } & Undoable)
  | ({ type: 'answeringOpened'; questionId: string; at: number } & Undoable)
  | ({ type: 'answeringClosed'; questionId: string; at: number } & Undoable)
  | ({ type: 'votingOpened'; questionId: string; order: string[]; sampleSize: number; at: number } & Undoable)
  | ({ type: 'phaseSet'; questionId: string; phase: QuestionPhase; at: number } & Undoable)
  | { type: 'voteCast'; questionId: string; participantId: string; answerId: string; at: number }
  | { type: 'voteRetracted'; questionId: string; participantId: string; answerId: string; at: number }
  | { type: 'timerSet'; questionId: string; endsAt: number | null; autoClose: boolean; at: number }
  | { type: 'revoteStarted'; questionId: string; at: number }
  | {
      type: 'questionConfigured';
      questionId: string;
      split?: Split;
      perTable?: boolean;
      wordCloud?: boolean;
      moderate?: boolean;
      at: number;
    }
  | ({ type: 'resultsVisibilityChanged'; questionId: string; visible: boolean; at: number } & Undoable)
  | { type: 'answerModerated'; questionId: string; answerId: string; action: ModerationAction; at: number }
  | { type: 'answersMerged'; questionId: string; targetId: string; sourceIds: string[]; at: number }
  /** `banned`: the removal came with a ban of the participant's device (a `deviceBanned` follows). */
  | { type: 'participantRemoved'; participantId: string; banned?: true; at: number }
  /** A device pseudonym that may not join this session again. Kept when its participant is erased. */
  | { type: 'deviceBanned'; device: string; at: number }
  | { type: 'joiningLocked'; locked: boolean; at: number }
  | { type: 'sessionEnded'; at: number }
  /**
   * The facilitator erased content for good (server/erasure.ts rewrote the log without it): only
   * how much is kept, so that the summary can say so.
   */
  | { type: 'contentErased'; participants: number; answers: number; notes: number; at: number }
  | ({ type: 'screenBlanked'; blank: boolean; at: number } & Undoable)
  | { type: 'screenPageTurned'; page: number; at: number }
  | { type: 'screenConfigured'; rotate?: boolean; overview?: boolean; at: number }
  | { type: 'noteAdded'; note: Note; at: number }
  | { type: 'noteUpdated'; noteId: string; changes: Partial<Pick<Note, 'kind' | 'text' | 'who' | 'due' | 'onScreen'>>; at: number }
  | { type: 'noteDeleted'; noteId: string; at: number }
  | { type: 'stepSkipped'; index: number; skipped: boolean; at: number }
  | { type: 'stepMoved'; index: number; to: number; at: number }
  | { type: 'questionAdded'; themeId: string; question: Question; agendaIndex: number; at: number }
  | { type: 'questionChanged'; questionId: string; response: ResponseSpec; at: number }
  | ({ type: 'analogCountsAdded'; questionId: string; entries: AnalogEntry[]; at: number } & Undoable)
  | ({ type: 'analogCountsRemoved'; questionId: string; entries: AnalogEntry[]; at: number } & Undoable);

