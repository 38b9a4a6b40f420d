import type { MessageKey } from '../i18n/i18n.ts';
import type { QuestionPhase } from '../../shared/session/state.ts';

export const phaseKey = (phase: QuestionPhase): MessageKey => `phase_${phase}`;
