import { emptyTally } from '../aggregate/tally.ts';
import type { QuestionRun } from './state.ts';

export function emptyRun(): QuestionRun {
  return {
    phase: 'idle',
    resultsVisible: false,
    entries: {},
    byParticipant: {},
    order: [],
    respondents: 0,
    tally: emptyTally(),
    round: 1,
    history: [],
    split: 'none',
    perTable: false,
    wordCloud: false,
    votes: {},
    votesBy: {},
    votesUsed: {},
    moderate: false,
    analog: 0,
  };
}
