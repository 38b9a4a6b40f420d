// Horizontal bars as a table: label, bar, count and share. All tracks share one column, so
// their lengths compare; the numbers are written, never colour or length alone.
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.ts';
import { CountUp } from './CountUp.tsx';
import { Track, percent } from './Bar.tsx';

export type Row = { key: string; label: ReactNode; value: number };

export function BarRows({ rows, scale, n, caption, compact = false }: { rows: Row[]; scale: number; n: number; caption: string; compact?: boolean }) {
  const { t } = useT();
  return (
    <table className={`sbars${compact ? ' sbars--compact' : ''}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('value')}</th>
          <th scope="col">{t('chartLabel')}</th>
          <th scope="col">{t('count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const pct = percent(r.value, n);
          return (
            <tr key={r.key}>
              <th scope="row" className="sbars__label">
                <span className="sbars__labeltext">{r.label}</span>
              </th>
              <td className="sbars__track" aria-hidden="true">
                <Track value={r.value} scale={scale} />
              </td>
              <td className="sbars__value">
                {compact ? (
                  pct !== null ? <CountUp value={pct} suffix=" %" /> : <CountUp value={r.value} />
                ) : (
                  <>
                    <CountUp value={r.value} />
                    {pct !== null && <span className="sbars__pct"> ({pct} %)</span>}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
