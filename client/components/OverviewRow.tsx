// One row of the theme overview – a question's headline and where roles diverge most – drawn
// the same on the console and on the stage, so the two never tell the room different things.
import type { OverviewItem } from '../../shared/session/overview.ts';
import { formatNumber, useT } from '../i18n/i18n.ts';
import { L } from './Localized.tsx';

export function OverviewRow({ item: q }: { item: OverviewItem }) {
  const { t, lang } = useT();
  const fmt = (v: number, measure: 'median' | 'agreeShare') => (measure === 'median' ? formatNumber(lang, v) : `${formatNumber(lang, Math.round(v * 100))} %`);
  return (
    <tr>
      <th scope="row">
        <L text={q.text} /> <span className="muted">({t(`type_${q.type}`)})</span>
      </th>
      <td>
        {t('nAnswers', { n: q.n })}
        {q.dontKnow > 0 && ` · ${t('dontKnowCount', { n: q.dontKnow })}`}
        {q.median !== null && ` · ${t('median')} ${formatNumber(lang, q.median)}`}
      </td>
      <td>
        {q.gap ? (
          <>
            {t('gapText', { high: t(`role_${q.gap.high}`), low: t(`role_${q.gap.low}`), diff: fmt(q.gap.diff, q.gap.measure) })}
            {q.gap.statementText && (
              <span className="overview__statement">
                {' '}{t('gapOnStatement')} <q><L text={q.gap.statementText} /></q>
              </span>
            )}
          </>
        ) : (
          t('noGap')
        )}
      </td>
    </tr>
  );
}
