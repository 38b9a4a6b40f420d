import type { LocalizedText } from '../../../shared/question-set.ts';
import type { RankingResults } from '../../../shared/session/results.ts';
import { formatNumber, useT } from '../../i18n/i18n.ts';
import { L } from '../Localized.tsx';

/** Items by mean rank (1 = first), with the share that ranked each one first. */
export function RankingList({ results, items }: { results: RankingResults; items: LocalizedText[] }) {
  const { t, lang } = useT();
  return (
    <ol className="ranking-list">
      {results.items.map((item) => (
        <li key={item.index}>
          <strong>{items[item.index] && <L text={items[item.index]!} />}</strong>
          <span className="muted">
            {item.meanRank !== null && ` · ${t('meanRank', { n: Math.round(item.meanRank * 10) / 10 })}`}
            {item.firstShare !== null && ` · ${t('rankedFirst', { n: Math.round(item.firstShare * 100) })}`}
          </span>
          <span className="visually-hidden">{formatNumber(lang, item.first)}</span>
        </li>
      ))}
    </ol>
  );
}
