import { useStore } from '../store.ts';
import { useT } from '../i18n/i18n.ts';

export type SendState = 'idle' | 'sending' | 'saved' | 'error';

/**
 * "Svar modtaget" / "Sender …" / "Ikke gemt endnu", announced by screen readers. An idle form
 * still shows what waits in the outbox: after a reload, answers given before it are resent
 * from there, and the phone says so until the server has them.
 */
export function AnswerStatus({ state, error }: { state: SendState; error?: string | null }) {
  const { t } = useT();
  const online = useStore((s) => s.connection === 'online');
  const pending = useStore((s) => s.pending > 0);
  const shown = state === 'idle' && pending ? 'sending' : state;
  let text = '';
  if (shown === 'sending') text = online ? t('answerSending') : t('answerNotSaved');
  else if (shown === 'saved') text = t('answerSaved');
  else if (shown === 'error' && error) text = error;
  return (
    <p className={`answer-status answer-status--${shown}`} role="status" aria-live="polite">
      {shown === 'saved' && <span aria-hidden="true">✓ </span>}
      {text}
    </p>
  );
}
