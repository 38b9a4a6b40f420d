import type { HostView } from '../../shared/session/views.ts';
import type { Role } from '../../shared/protocol.ts';
import { formatNumber, useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';

/** Each question's headline and where roles diverge most, so the facilitator can pick what to discuss. */
export function ThemeOverview({ items }: { items: NonNullable<HostView['overview']> }) {
  const { t, lang } = useT();
  const fmt = (v: number, measure: 'median' | 'agreeShare') => (measure === 'median' ? formatNumber(lang, v) : `${formatNumber(lang, Math.round(v * 100))} %`);
  return (
    <section className="card stack" aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="h3">{t('overview')}</h2>
      <table className="overview">
        <thead>
          <tr>
            <th scope="col">{t('question')}</th>
            <th scope="col">{t('headline')}</th>
            <th scope="col">{t('largestGap')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((q) => (
            <tr key={q.questionId}>
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
                      <>
                        {' '}{t('gapOnStatement')} <q><L text={q.gap.statementText} /></q>
                      </>
                    )}
                  </>
                ) : (
                  t('noGap')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
