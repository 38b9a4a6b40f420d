// Dot voting on a phone: a bounded sample of others' answers, a budget, and + / − per answer.
import type { MyVoting } from '../../shared/session/views.ts';
import { useT } from '../i18n/i18n.ts';
import { AnswerStatus } from './AnswerStatus.tsx';
import { useSend } from './use-send.ts';

export function VotingPanel({ voting }: { voting: MyVoting }) {
  const { t } = useT();
  const { state, error, run } = useSend();
  return (
    <section className="stack" aria-labelledby={`voting-${voting.questionId}`}>
      <h2 id={`voting-${voting.questionId}`} className="h3">{t('votingOpen')}</h2>
      <p className="hint">{t('votingHint', { budget: voting.budget, max: voting.maxPerAnswer })}</p>
      <p className="votes-left" role="status" aria-live="polite">{t('votesLeft', { n: voting.left })}</p>
      {voting.sample.length === 0 && <p className="muted">{t('noSample')}</p>}
      <ul className="vote-list">
        {voting.sample.map((a) => (
          <li key={a.id} className="vote-list__item">
            <bdi className="vote-list__text">{a.text}</bdi>
            <span className="vote-list__controls">
              <span className="vote-list__dots" aria-hidden="true">{'●'.repeat(a.mine)}</span>
              <span className="visually-hidden">{t('yourVotes', { n: a.mine })}</span>
              <button
                type="button"
                className="button button--small"
                disabled={!a.canRemove}
                onClick={() => void run({ type: 'retractVote', questionId: voting.questionId, answerId: a.id })}
              >
                −<span className="visually-hidden">{t('unvote')}: {a.text.slice(0, 60)}</span>
              </button>
              <button
                type="button"
                className="button button--small button--primary"
                disabled={!a.canAdd}
                onClick={() => void run({ type: 'castVote', questionId: voting.questionId, answerId: a.id })}
              >
                +<span className="visually-hidden">{t('voteFor')}: {a.text.slice(0, 60)}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
      <AnswerStatus state={state} error={error} />
    </section>
  );
}
