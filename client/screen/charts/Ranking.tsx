// Ranking as a chart: items by mean rank (1 = first). The long bar is the mean rank turned into
// a score (first place on average fills the track), the thin one the share who put it first.
import type { LocalizedText } from '../../../shared/question-set.ts';
import type { RankingResults } from '../../../shared/session/results.ts';
import { formatNumber, useT } from '../../i18n/i18n.ts';
import { L } from '../../components/Localized.tsx';
import { Track } from './Bar.tsx';

export function RankingChart({ results, items, compact = false }: { results: RankingResults; items: LocalizedText[]; compact?: boolean }) {
  const { t, lang } = useT();
  const k = items.length;
  return (
    <ol className={`rank-chart${compact ? ' rank-chart--compact' : ''}`}>
      {results.items.map((item, position) => {
        const score = item.meanRank === null ? 0 : Math.round((k + 1 - item.meanRank) * 100) / 100;
        const first = item.firstShare === null ? null : Math.round(item.firstShare * 100);
        return (
          <li key={item.index} className="rank-chart__item">
            <span className="rank-chart__pos" aria-hidden="true">{position + 1}</span>
            <span className="rank-chart__text">{items[item.index] && <L text={items[item.index]!} />}</span>
            <span className="rank-chart__bars">
              <Track value={score} scale={k} />
              {!compact && <Track value={item.first} scale={Math.max(1, results.n)} className="track--thin" />}
            </span>
            <span className="rank-chart__figures">
              {item.meanRank !== null && <span>{t('meanRank', { n: formatNumber(lang, Math.round(item.meanRank * 10) / 10) })}</span>}
              {first !== null && !compact && <span className="muted">{t('rankedFirst', { n: first })}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
