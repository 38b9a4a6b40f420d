import { useState, type FormEvent } from 'react';
import type { ResponseSpec } from '../../shared/question-set.ts';
import type { AnswerValue } from '../../shared/protocol.ts';
import { formatNumber, useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { AnswerStatus } from './AnswerStatus.tsx';
import { useSend } from './use-send.ts';
import { useFollow } from './use-follow.ts';
import { checkAnswer } from '../../shared/session/answer-rules.ts';

type Spec = Extract<ResponseSpec, { type: 'number' }>;

/** Accepts "12", "1.000", "1,5" style input; the answer must be a whole number in range. */
export function parseWholeNumber(input: string): number | null {
  const s = input.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(s) && !/^-?\d{1,3}([.]\d{3})+$/.test(s)) return null;
  const n = /^-?\d{1,3}([.]\d{3})+$/.test(s) ? Number(s.replace(/\./g, '')) : Number(s.replace(',', '.'));
  return Number.isInteger(n) ? n : null;
}

export function NumberAnswer({ questionId, spec, current, open }: { questionId: string; spec: Spec; current: AnswerValue | undefined; open: boolean }) {
  const { t, lang } = useT();
  const { state, error, run } = useSend();
  const [value, setValue] = useState(current?.kind === 'number' ? String(current.value) : '');
  const [invalid, setInvalid] = useState(false);
  useFollow(current, (c) => setValue(c?.kind === 'number' ? String(c.value) : ''));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = parseWholeNumber(value);
    // The range is the core's rule: ask it.
    if (n === null || checkAnswer(spec, { kind: 'number', value: n })) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    await run({ type: 'submitAnswer', questionId, answer: { kind: 'number', value: n } });
  }
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`num-${questionId}`}>
          {t('numberLabel')}
          {spec.unit && <> (<L text={spec.unit} />)</>}
        </label>
        <input
          id={`num-${questionId}`}
          className="input--big"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          disabled={!open}
          aria-invalid={invalid}
          aria-describedby={`num-hint-${questionId}`}
          onChange={(e) => setValue(e.target.value)}
        />
        <p id={`num-hint-${questionId}`} className={invalid ? 'error' : 'hint'}>
          {invalid ? t('numberInvalid', { min: spec.min, max: spec.max }) : t('numberHint', { min: spec.min, max: spec.max })}
        </p>
      </div>
      {open && <button type="submit" className="button button--primary button--big">{t('send')}</button>}
      {current?.kind === 'number' && <p>{t('yourAnswer')}: <strong>{formatNumber(lang, current.value)}</strong></p>}
      <AnswerStatus state={current && state === 'idle' ? 'saved' : state} error={error} />
    </form>
  );
}
