// What the next undo will do, said in the console before the facilitator presses it.
import { assertNever } from '../../shared/assert-never.ts';
import type { HostView } from '../../shared/session/views.ts';
import { pick, useT } from '../i18n/i18n.ts';
import { phaseKey } from '../components/phase.ts';

export function useUndoText(view: HostView): string {
  const { t, lang } = useT();
  const next = view.undoNext;
  if (!next || !view.can.undo) return t('undoNothing');
  const question = (id: string) => {
    const item = view.agenda.find((a) => a.questionId === id);
    return item ? pick(item.label, lang).text : id;
  };
  switch (next.kind) {
    case 'step': {
      const item = view.agenda[next.index];
      return t('undoStep', { n: next.index + 1, step: item ? pick(item.label, lang).text : '' });
    }
    case 'phase':
      return t('undoPhase', { question: question(next.questionId), phase: t(phaseKey(next.phase)) });
    case 'results':
      return t(next.visible ? 'undoShowResults' : 'undoHideResults', { question: question(next.questionId) });
    case 'blank':
      return t(next.blank ? 'undoBlank' : 'undoUnblank');
    case 'analog':
      return t(next.added ? 'undoAnalogBack' : 'undoAnalogRemove', { question: question(next.questionId) });
    default:
      return assertNever(next);
  }
}
