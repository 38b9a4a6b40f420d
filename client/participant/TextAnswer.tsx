import { useState, type FormEvent } from 'react';
import type { ResponseSpec } from '../../shared/question-set.ts';
import type { MyAnswering } from '../../shared/session/views.ts';
import { checkAnswer } from '../../shared/session/answer-rules.ts';
import { useT } from '../i18n/i18n.ts';
import { AnswerStatus } from './AnswerStatus.tsx';
import { useSend } from './use-send.ts';

type Spec = Extract<ResponseSpec, { type: 'text' }>;
type Mine = { id: string; text: string }[];

/**
 * Open text, honestly: the field never cuts a paste short (no maxLength); the count and the limit
 * show as you type, and a text that is too long or blank is said to be so – by the core's own
 * check – before anything is sent. What may be sent and withdrawn comes from the server's `me`.
 */
export function TextAnswer({ questionId, spec, mine, may }: { questionId: string; spec: Spec; mine: Mine; may: MyAnswering | undefined }) {
  const { t } = useT();
  const { state, error, run } = useSend();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const trimmed = text.trim();
  const problem = checkAnswer(spec, { kind: 'text', text });
  const tooLong = problem?.code === 'out_of_range';
  const message = tooLong ? t('textTooLong', { n: trimmed.length, max: spec.maxLength }) : problem && tried && text !== '' ? t('textBlank') : null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    if (await run({ type: 'submitAnswer', questionId, answer: { kind: 'text', text: trimmed } })) {
      setText('');
      setTried(false);
    }
  }
  const hintId = `text-hint-${questionId}`;
  return (
    <div className="stack">
      {may?.answer && (
        <form className="stack" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`text-${questionId}`}>{t('textLabel')}</label>
            <textarea
              id={`text-${questionId}`}
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={hintId}
              aria-invalid={message ? true : undefined}
            />
            <p id={hintId} className="hint">
              {t('textHint', { max: spec.maxLength, count: spec.maxAnswers })}{' '}
              <span className={tooLong ? 'error' : undefined}>{t('textCount', { n: trimmed.length, max: spec.maxLength })}</span>
              {may.answersLeft !== undefined && <> · {t('answersLeft', { n: may.answersLeft })}</>}
            </p>
            {message && <p className="error" role="alert">{message}</p>}
          </div>
          <button type="submit" className="button button--primary button--big" disabled={tooLong || trimmed === ''}>
            {t('send')}
          </button>
        </form>
      )}
      {may && !may.answer && may.answersLeft === 0 && <p className="hint">{t('textLimitReached')}</p>}
      {mine.length > 0 && (
        <section aria-labelledby={`mine-${questionId}`}>
          <h2 id={`mine-${questionId}`} className="h3">{t('yourAnswers')} ({mine.length}/{spec.maxAnswers})</h2>
          <ul className="mine">
            {mine.map((a) => (
              <li key={a.id}>
                <span dir="auto" className="mine__text">{a.text}</span>
                {may?.withdraw && (
                  <button type="button" className="button button--small mine__remove" onClick={() => void run({ type: 'withdrawAnswer', questionId, answerId: a.id })}>
                    {t('remove')}<span className="visually-hidden">: {a.text.slice(0, 40)}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <AnswerStatus state={state} error={error} />
    </div>
  );
}
