// Bars with their numbers written beside them: never colour alone, and a real table underneath
// so a screen reader reads value, count and share.
import type { ReactNode } from 'react';
import type { Bar } from '../../../shared/session/results.ts';
import { formatNumber, useT } from '../../i18n/i18n.ts';

export function BarChart({ bars, n, label }: { bars: Bar[]; n: number; label: (bar: Bar, index: number) => ReactNode }) {
  const { t, lang } = useT();
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <table className="bars">
      <caption className="visually-hidden">{t('chartLabel')}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('value')}</th>
          <th scope="col">{t('count')}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b, i) => (
          <tr key={b.label}>
            <th scope="row" className="bars__label">
              {label(b, i)}
            </th>
            <td className="bars__cell">
              <span className="bars__bar" style={{ width: `${(b.count / max) * 100}%` }} />
              <span className="bars__count">
                {formatNumber(lang, b.count)}
                {n > 0 && <span className="bars__pct"> ({formatNumber(lang, Math.round((b.count / n) * 100))} %)</span>}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
