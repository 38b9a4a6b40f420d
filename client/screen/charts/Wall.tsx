// The answer wall: one page of answers (the core pages it; the footer says "21–40 of 150"),
// pinned answers marked, merged duplicates shown once with how many they are, votes once
// voting has closed. Participant text is rendered as text and isolated for bidi.
import type { TextAnswer, TextResults } from '../../../shared/session/results.ts';
import { useT } from '../../i18n/i18n.ts';
import { CountUp } from './CountUp.tsx';

export function Wall({ results }: { results: TextResults }) {
  const { t } = useT();
  if (results.answers.length === 0) return <p className="stage-empty">{t('noAnswersYet')}</p>;
  const long = results.answers.some((a) => a.text.length > 160);
  return (
    <ul className={`swall${long ? ' swall--long' : ''}`}>
      {results.answers.map((a) => (
        <WallCard key={a.id} answer={a} votesShown={results.votesShown} />
      ))}
    </ul>
  );
}

function WallCard({ answer: a, votesShown }: { answer: TextAnswer; votesShown: boolean }) {
  const { t } = useT();
  const same = (x: string) => x.trim().toLowerCase() === a.text.trim().toLowerCase();
  const merged = a.merged ?? [];
  const others = [...new Set(merged.filter((x) => !same(x)))];
  return (
    <li className={`swall__card${a.pinned ? ' sswall__card--pinned' : ''}`}>
      {a.pinned && (
        <span className="swall__pin">
          <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
            <path d="M5 1h6v2l-1 1v4l3 3v1H9v4H7v-4H3v-1l3-3V4L5 3z" fill="currentColor" />
          </svg>
          {t('pinnedTag')}
        </span>
      )}
      <bdi className="swall__text">{a.text}</bdi>
      {others.length > 0 && <span className="swall__merged">{t('mergedFrom', { texts: others.join(' · ') })}</span>}
      {(merged.length > 0 || votesShown || a.late || a.table !== undefined) && (
        <span className="swall__meta">
          {merged.length > 0 && <span className="swall__count">{t('mergedCount', { n: merged.length + 1 })}</span>}
          {a.table !== undefined && <span>{t('groupTable', { n: a.table })}</span>}
          {votesShown && (
            <span className="swall__votes">
              <CountUp value={a.votes ?? 0} /> <span>{t('votesWord', { n: a.votes ?? 0 })}</span>
            </span>
          )}
          {a.late && <span className="stage-tag">{t('late')}</span>}
        </span>
      )}
    </li>
  );
}

/** Size shows frequency, and the count is written too: never size alone. */
export function WordCloud({ words }: { words: { word: string; count: number }[] }) {
  const { t } = useT();
  const max = Math.max(1, ...words.map((w) => w.count));
  return (
    <ul className="cloud-stage" aria-label={t('wordCloud')}>
      {words.map((w) => (
        <li key={w.word} style={{ fontSize: `${0.8 + (w.count / max) * 1.6}em` }}>
          <bdi>{w.word}</bdi> <span className="cloud-stage__count">{w.count}</span>
        </li>
      ))}
    </ul>
  );
}
