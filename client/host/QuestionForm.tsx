// Adding a question live, or changing the response type of one not yet answered.
import { useState, type FormEvent } from 'react';
import type { ResponseType } from '../../shared/question-set.ts';
import { LIMITS } from '../../shared/protocol.ts';
import { useT } from '../i18n/i18n.ts';
import { defaultSpec, LINES_LABEL, LIVE_TYPES } from './response-specs.ts';
import { useHostCommand } from './use-host-command.ts';

export function QuestionForm({ mode, questionId, current }: { mode: 'add' | 'change'; questionId?: string; current?: ResponseType }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const [text, setText] = useState('');
  const [type, setType] = useState<ResponseType>(current ?? 'scale');
  const [lines, setLines] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [multiple, setMultiple] = useState(false);
  const [other, setOther] = useState(false);
  const linesLabel = LINES_LABEL[type];
  const id = `${mode}-q`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const spec = defaultSpec(type, lines.split('\n'), { multiple, other });
    if (typeof spec === 'string') return setProblem(t(spec));
    setProblem(null);
    const ok =
      mode === 'add'
        ? await run({ type: 'addQuestion', text: text.trim(), response: spec })
        : await run({ type: 'changeQuestionType', questionId: questionId!, response: spec });
    if (ok) {
      setText('');
      setLines('');
    }
  };
  return (
    <form className="stack" onSubmit={submit}>
      {mode === 'add' && (
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('questionText')}</label>
          <input id={`${id}-text`} maxLength={LIMITS.questionLength} value={text} onChange={(e) => setText(e.target.value)} required />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('responseType')}</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as ResponseType)}>
          {LIVE_TYPES.map((ty) => (
            <option key={ty} value={ty}>{t(`type_${ty}`)}</option>
          ))}
        </select>
      </div>
      {linesLabel && (
        <div className="field">
          <label htmlFor={`${id}-lines`}>{t(linesLabel)}</label>
          <textarea id={`${id}-lines`} rows={4} value={lines} onChange={(e) => setLines(e.target.value)} />
        </div>
      )}
      {type === 'choice' && (
        <>
          <label className="inline-check">
            <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
            {t('multipleAllowed')}
          </label>
          <label className="inline-check">
            <input type="checkbox" checked={other} onChange={(e) => setOther(e.target.checked)} />
            {t('withOther')}
          </label>
        </>
      )}
      <button type="submit" className="button" disabled={mode === 'add' && !text.trim()}>
        {mode === 'add' ? t('addQuestion') : t('changeType')}
      </button>
      {(problem || error) && <p className="error" role="alert">{problem ?? error}</p>}
    </form>
  );
}
