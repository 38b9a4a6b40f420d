import { useState, type FormEvent } from 'react';
import type { ResponseSpec } from '../../shared/question-set.ts';
import { useT } from '../i18n/i18n.ts';
import { AnswerStatus } from './AnswerStatus.tsx';
import { useSend } from './use-send.ts';

type Spec = Extract<ResponseSpec, { type: 'text' }>;
type Mine = { id: string; text: string }[];

export function TextAnswer({ questionId, spec, mine, open }: { questionId: string; spec: Spec; mine: Mine; open: boolean }) {
  const { t } = useT();
  const { state, error, run } = useSend();
  const [text, setText] = useState('');
  const full = mine.length >= spec.maxAnswers;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    if (await run({ type: 'submitAnswer', questionId, answer: { kind: 'text', text: text.trim() } })) setText('');
  }
  return (
    <div className="stack">
      {open && !full && (
        <form className="stack" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`text-${questionId}`}>{t('textLabel')}</label>
            <textarea
              id={`text-${questionId}`}
              rows={3}
              maxLength={spec.maxLength}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={`text-hint-${questionId}`}
            />
            <p id={`text-hint-${questionId}`} className="hint">
              {t('textHint', { max: spec.maxLength, count: spec.maxAnswers })} {t('charactersLeft', { n: spec.maxLength - text.length })}
            </p>
          </div>
          <button type="submit" className="button button--primary button--big" disabled={!text.trim()}>
            {t('send')}
          </button>
        </form>
      )}
      {open && full && <p className="hint">{t('textLimitReached')}</p>}
      {mine.length > 0 && (
        <section aria-labelledby={`mine-${questionId}`}>
          <h2 id={`mine-${questionId}`} className="h3">{t('yourAnswers')} ({mine.length}/{spec.maxAnswers})</h2>
          <ul className="mine">
            {mine.map((a) => (
              <li key={a.id}>
                <span dir="auto">{a.text}</span>
                {open && (
                  <button type="button" className="button button--small" onClick={() => void run({ type: 'withdrawAnswer', questionId, answerId: a.id })}>
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
