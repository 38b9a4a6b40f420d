import type { HostView } from '../../shared/session/views.ts';
import { useT } from '../i18n/i18n.ts';
import { OverviewRow } from '../components/OverviewRow.tsx';

/** Each question's headline and where roles diverge most, so the facilitator can pick what to discuss. */
export function ThemeOverview({ items }: { items: NonNullable<HostView['overview']> }) {
  const { t } = useT();
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
            <OverviewRow key={q.questionId} item={q} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
