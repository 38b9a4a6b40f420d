import { useStore } from '../store.ts';
import { useT } from '../i18n/i18n.ts';

export type SendState = 'idle' | 'sending' | 'saved' | 'error';

/** "Svar modtaget" / "Sender …" / "Ikke gemt endnu", announced by screen readers. */
export function AnswerStatus({ state, error }: { state: SendState; error?: string | null }) {
  const { t } = useT();
  const online = useStore((s) => s.connection === 'online');
  let text = '';
  if (state === 'sending') text = online ? t('answerSending') : t('answerNotSaved');
  else if (state === 'saved') text = t('answerSaved');
  else if (state === 'error' && error) text = error;
  return (
    <p className={`answer-status answer-status--${state}`} role="status" aria-live="polite">
      {state === 'saved' && <span aria-hidden="true">✓ </span>}
      {text}
    </p>
  );
}
