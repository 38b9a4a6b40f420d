// The facilitator's view of open-text answers: every answer, marked hidden / waiting / pinned,
// with the moderation actions beside it, and merging of duplicates.
import { useState } from 'react';
import type { TextResults } from '../../shared/session/results.ts';
import type { QuestionCan } from '../../shared/session/views.ts';
import { useT, type MessageKey } from '../i18n/i18n.ts';
import { eraseForGood } from '../net/connection.ts';
import type { EraseTarget } from '../net/api.ts';
import { useHostCommand } from './use-host-command.ts';

export function ModerationList({ questionId, results, can, canRemove }: { questionId: string; results: TextResults; can: QuestionCan | null; canRemove: boolean }) {
  const moderate = can?.moderate ?? false;
  const { t } = useT();
  const { run, error } = useHostCommand();
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const merge = async () => {
    const [targetId, ...sourceIds] = selected;
    if (targetId && sourceIds.length && (await run({ type: 'mergeAnswers', questionId, targetId, sourceIds }))) setSelected([]);
  };
  const remove = (participantId: string) => {
    if (!confirm(t('confirmRemove'))) return;
    const ban = confirm(t('confirmBan'));
    void run({ type: 'removeParticipant', participantId, ...(ban ? { ban } : {}) });
  };
  const [erasing, setErasing] = useState<string | null>(null);
  const erase = (target: EraseTarget, question: MessageKey) => {
    if (!confirm(t(question))) return;
    eraseForGood(target).then(
      (e) => setErasing(t('erasedDone', { participants: e.participants, answers: e.answers, notes: e.notes })),
      (e: Error) => setErasing(t('commandFailed', { message: e.message })),
    );
  };
  if (results.answers.length === 0) return <p className="muted">{t('noAnswersYet')}</p>;
  return (
    <section className="stack" aria-label={t('moderation')}>
      <p className="results__facts">
        {t('nAnswers', { n: results.n })}
        {selected.length > 1 && can?.merge && (
          <button type="button" className="button button--small" onClick={() => void merge()}>
            {t('mergeSelected')} ({selected.length})
          </button>
        )}
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {erasing && <p role="status">{erasing}</p>}
      <ul className="moderation">
        {results.answers.map((a) => (
          <li key={a.id} className={`moderation__item${a.hidden ? ' moderation__item--hidden' : ''}`}>
            <label className="moderation__select">
              <input type="checkbox" checked={selected.includes(a.id)} onChange={() => toggle(a.id)} disabled={a.hidden || !can?.merge} />
              <span className="visually-hidden">{t('selectForMerge')}: {a.text.slice(0, 60)}</span>
            </label>
            <div className="moderation__body">
              <bdi className="moderation__text">{a.text}</bdi>
              <span className="wall__meta">
                {results.votesShown && <span>{t('nVotes', { n: a.votes ?? 0 })}</span>}
                {a.hidden && <span className="tag">{t('hiddenTag')}</span>}
                {a.pending && <span className="tag">{t('pendingTag')}</span>}
                {a.pinned && <span className="tag">{t('pinnedTag')}</span>}
                {a.late && <span className="tag">{t('late')}</span>}
              </span>
              {a.merged && <span className="hint">{t('mergedFrom', { texts: a.merged.join(' · ') })}</span>}
            </div>
            <div className="moderation__actions">
              {moderate && a.pending && (
                <button type="button" className="button button--small button--primary" onClick={() => void run({ type: 'moderateAnswer', questionId, answerId: a.id, action: 'approve' })}>
                  {t('approve')}
                </button>
              )}
              {moderate && (
                <button type="button" className="button button--small" onClick={() => void run({ type: 'moderateAnswer', questionId, answerId: a.id, action: a.hidden ? 'restore' : 'hide' })}>
                  {a.hidden ? t('restore') : t('hide')}
                </button>
              )}
              {moderate && !a.hidden && (
                <button type="button" className="button button--small" onClick={() => void run({ type: 'moderateAnswer', questionId, answerId: a.id, action: a.pinned ? 'unpin' : 'pin' })}>
                  {a.pinned ? t('unpin') : t('pin')}
                </button>
              )}
              {a.authorId && canRemove && (
                <button type="button" className="button button--small button--danger" onClick={() => remove(a.authorId!)}>
                  {t('removeAuthor')}
                </button>
              )}
              <button type="button" className="button button--small button--danger" onClick={() => erase({ answerId: a.id }, 'confirmEraseAnswer')}>
                {t('eraseAnswer')}
              </button>
              {a.authorId && (
                <button type="button" className="button button--small button--danger" onClick={() => erase({ participantId: a.authorId! }, 'confirmEraseAuthor')}>
                  {t('eraseAuthor')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
