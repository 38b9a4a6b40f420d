import { useState, type FormEvent } from 'react';
import type { ResponseSpec } from '../../shared/question-set.ts';
import { LIMITS } from '../../shared/constants.ts';
import type { AnswerValue } from '../../shared/protocol.ts';
import { useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { AnswerStatus } from './AnswerStatus.tsx';
import { useSend } from './use-send.ts';
import { useFollow } from './use-follow.ts';
import { checkAnswer } from '../../shared/session/answer-rules.ts';

type Spec = Extract<ResponseSpec, { type: 'choice' }>;

export function ChoiceAnswer({ questionId, spec, current, open }: { questionId: string; spec: Spec; current: AnswerValue | undefined; open: boolean }) {
  const { t } = useT();
  const { state, error, run } = useSend();
  const initial = current?.kind === 'choice' ? current : { options: [] as number[], other: undefined };
  const [chosen, setChosen] = useState<number[]>(initial.options);
  const [other, setOther] = useState(initial.other ?? '');
  const [otherOn, setOtherOn] = useState(Boolean(initial.other));
  useFollow(current, (c) => {
    const next = c?.kind === 'choice' ? c : { options: [] as number[], other: undefined };
    setChosen(next.options);
    setOther(next.other ?? '');
    setOtherOn(Boolean(next.other));
  });
  const answer: AnswerValue = { kind: 'choice', options: chosen, ...(otherOn && other.trim() ? { other: other.trim() } : {}) };
  // The core's own check says whether this answer may be sent (too many, none chosen).
  const problem = checkAnswer(spec, answer);
  const toggle = (i: number) => {
    if (!spec.multiple) {
      setChosen([i]);
      setOtherOn(false);
      return;
    }
    setChosen((c) => (c.includes(i) ? c.filter((x) => x !== i) : [...c, i]));
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!problem) await run({ type: 'submitAnswer', questionId, answer });
  }
  const type = spec.multiple ? 'checkbox' : 'radio';
  return (
    <form className="stack" onSubmit={submit}>
      <fieldset className="choices" disabled={!open}>
        <legend>{spec.multiple ? (spec.maxChoices ? t('chooseAtMost', { n: spec.maxChoices }) : t('chooseMany')) : t('chooseOne')}</legend>
        {spec.options.map((o, i) => (
          <label key={i} className="choice">
            <input type={type} name={`choice-${questionId}`} checked={chosen.includes(i)} onChange={() => toggle(i)} />
            <L text={o} />
          </label>
        ))}
        {spec.other && (
          <label className="choice">
            <input
              type={type}
              name={`choice-${questionId}`}
              checked={otherOn}
              onChange={() => {
                if (!spec.multiple) setChosen([]);
                setOtherOn((v) => (spec.multiple ? !v : true));
              }}
            />
            {t('otherOption')}
          </label>
        )}
      </fieldset>
      {spec.other && otherOn && (
        <div className="field">
          <label htmlFor={`other-${questionId}`}>{t('otherLabel')}</label>
          <input id={`other-${questionId}`} maxLength={LIMITS.otherTextLength} value={other} onChange={(e) => setOther(e.target.value)} disabled={!open} />
        </div>
      )}
      {open && (
        <button type="submit" className="button button--primary button--big" disabled={problem !== undefined}>
          {t('send')}
        </button>
      )}
      {open && problem?.code === 'out_of_range' && spec.maxChoices && <p className="error" role="alert">{t('chooseTooMany', { n: spec.maxChoices })}</p>}
      <AnswerStatus state={current && state === 'idle' ? 'saved' : state} error={error} />
    </form>
  );
}
