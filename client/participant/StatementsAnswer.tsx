import { useState } from 'react';
import type { ResponseSpec } from '../../shared/question-set.ts';
import { STATEMENT_VOTES } from '../../shared/constants.ts';
import type { AnswerValue, StatementVote } from '../../shared/protocol.ts';
import { useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { AnswerStatus } from './AnswerStatus.tsx';
import { useSend } from './use-send.ts';
import { useFollow } from './use-follow.ts';

type Spec = Extract<ResponseSpec, { type: 'statements' }>;

/** One radio group per statement; each tap sends the whole set of positions (bounded by the statements). */
export function StatementsAnswer({ questionId, spec, current, open }: { questionId: string; spec: Spec; current: AnswerValue | undefined; open: boolean }) {
  const { t } = useT();
  const { state, error, run } = useSend();
  const [votes, setVotes] = useState<(StatementVote | null)[]>(
    current?.kind === 'statements' ? current.votes : spec.statements.map(() => null),
  );
  useFollow(current, (c) => setVotes(c?.kind === 'statements' ? c.votes : spec.statements.map(() => null)));
  const choose = (i: number, v: StatementVote) => {
    const next = votes.slice();
    next[i] = v;
    setVotes(next);
    void run({ type: 'submitAnswer', questionId, answer: { kind: 'statements', votes: next } });
  };
  return (
    <div className="stack">
      <p className="hint">{t('statementsHint')}</p>
      <ol className="statements">
        {spec.statements.map((s, i) => (
          <li key={i}>
            <fieldset className="statement" disabled={!open}>
              <legend className="statement__text"><L text={s} /></legend>
              <div className="statement__options">
                {STATEMENT_VOTES.map((v) => (
                  <label key={v} className={`statement__option statement__option--${v}`}>
                    <input type="radio" name={`st-${questionId}-${i}`} value={v} checked={votes[i] === v} onChange={() => choose(i, v)} />
                    <span>{t(v)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <AnswerStatus state={current && state === 'idle' ? 'saved' : state} error={error} />
    </div>
  );
}
