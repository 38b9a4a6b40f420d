import type { TextResults } from '../../../shared/session/results.ts';
import { formatNumber, useT } from '../../i18n/i18n.ts';

/** Participant text is rendered as text (React escapes it), isolated for bidi, and clipped. */
export function TextWall({ results, size }: { results: TextResults; size: 'normal' | 'large' }) {
  const { t, lang } = useT();
  if (results.answers.length === 0) return <p className="muted">{t('noAnswersYet')}</p>;
  return (
    <section className={`wall wall--${size}`} aria-label={t('answerWall')}>
      <p className="results__facts">{t('nAnswers', { n: results.n })}</p>
      {results.words && results.words.length > 0 && <WordCloud words={results.words} />}
      <ul className="wall__list">
        {results.answers.map((a) => (
          <li key={a.id} className="wall__item">
            <bdi className="wall__text">{a.text}</bdi>
            {a.merged && a.merged.length > 0 && (
              <span className="wall__merged">{t('mergedFrom', { texts: a.merged.join(' · ') })}</span>
            )}
            {(results.votesShown || a.late || a.table !== undefined) && (
              <span className="wall__meta">
                {a.table !== undefined && <span>{t('groupTable', { n: a.table })}</span>}
                {results.votesShown && <span className="wall__votes">{t('nVotes', { n: a.votes ?? 0 })}</span>}
                {a.late && <span className="tag">{t('late')}</span>}
              </span>
            )}
          </li>
        ))}
      </ul>
      <span className="visually-hidden">{formatNumber(lang, results.respondents)}</span>
    </section>
  );
}

/** Size shows frequency, and the count is written too: never size alone. */
function WordCloud({ words }: { words: { word: string; count: number }[] }) {
  const { t } = useT();
  const max = Math.max(...words.map((w) => w.count));
  return (
    <ul className="cloud" aria-label={t('wordCloud')}>
      {words.map((w) => (
        <li key={w.word} style={{ fontSize: `${1 + (w.count / max) * 1.4}em` }}>
          <bdi>{w.word}</bdi> <span className="cloud__count">{w.count}</span>
        </li>
      ))}
    </ul>
  );
}
