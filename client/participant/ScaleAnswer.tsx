import { useState } from 'react';
import type { ResponseSpec } from '../../shared/question-set.ts';
import type { AnswerValue } from '../../shared/protocol.ts';
import { useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { AnswerStatus } from './AnswerStatus.tsx';
import { useSend } from './use-send.ts';
import { useFollow } from './use-follow.ts';

type Spec = Extract<ResponseSpec, { type: 'scale' }>;

export function ScaleAnswer({ questionId, spec, current, open }: { questionId: string; spec: Spec; current: AnswerValue | undefined; open: boolean }) {
  const { t } = useT();
  const { state, error, run } = useSend();
  // Shown at once on tap, also offline; the status line says whether the server has it.
  const [tapped, setTapped] = useState<string | null>(null);
  // The server's answer wins once it arrives (also one sent from another tab).
  useFollow(current, () => setTapped(null));
  const chosen = tapped ?? (current?.kind === 'scale' ? String(current.value) : current?.kind === 'dontKnow' ? 'dontKnow' : null);
  const points: number[] = [];
  for (let v = spec.min; v <= spec.max; v++) points.push(v);
  const choose = (value: string) => {
    setTapped(value);
    const answer: AnswerValue = value === 'dontKnow' ? { kind: 'dontKnow' } : { kind: 'scale', value: Number(value) };
    void run({ type: 'submitAnswer', questionId, answer });
  };
  return (
    <div className="stack">
      <fieldset className="scale" disabled={!open}>
        <legend className="visually-hidden">{t('yourAnswer')}</legend>
        <p className="hint">{t('scaleHint', { min: spec.min, max: spec.max })}</p>
        <div className="scale__ends" aria-hidden="true">
          <L text={spec.minLabel} />
          <L text={spec.maxLabel} />
        </div>
        <div className="scale__points">
          {points.map((v, i) => (
            <label key={v} className="scale__point">
              <input type="radio" name={`scale-${questionId}`} value={v} checked={chosen === String(v)} onChange={() => choose(String(v))} />
              <span>
                {v}
                {i === 0 && <span className="visually-hidden"> – <L text={spec.minLabel} /></span>}
                {i === points.length - 1 && <span className="visually-hidden"> – <L text={spec.maxLabel} /></span>}
              </span>
            </label>
          ))}
        </div>
        {spec.dontKnow && (
          <label className="scale__point scale__point--dk">
            <input type="radio" name={`scale-${questionId}`} value="dontKnow" checked={chosen === 'dontKnow'} onChange={() => choose('dontKnow')} />
            <span>{t('dontKnow')}</span>
          </label>
        )}
      </fieldset>
      <AnswerStatus state={chosen && state === 'idle' ? 'saved' : state} error={error} />
    </div>
  );
}
