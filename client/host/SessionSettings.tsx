import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../shared/protocol.ts';
import type { HostView } from '../../shared/session/views.ts';
import { useT } from '../i18n/i18n.ts';
import { useHostCommand } from './use-host-command.ts';

/** Tables (with a QR code each) and the smallest group shown on its own. */
export function SessionSettings({ view }: { view: HostView }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const [tables, setTables] = useState(String(view.tables));
  const [minGroup, setMinGroup] = useState(String(view.minGroupSize));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run({ type: 'configureSession', tables: clamp(tables, 0, LIMITS.tables), minGroupSize: clamp(minGroup, 1, LIMITS.minGroupSize) });
  };
  return (
    <section className="card stack" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="h3">{t('settings')}</h2>
      <form className="stack" onSubmit={submit}>
        <fieldset className="stack plain" disabled={!view.can.configureSession}>
        <div className="field">
          <label htmlFor="tables">{t('tablesLabel')}</label>
          <input id="tables" type="number" inputMode="numeric" min={0} max={LIMITS.tables} value={tables} onChange={(e) => setTables(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="min-group">{t('minGroupLabel')}</label>
          <input id="min-group" type="number" inputMode="numeric" min={1} max={LIMITS.minGroupSize} value={minGroup} onChange={(e) => setMinGroup(e.target.value)} />
        </div>
        <button type="submit" className="button">{t('save')}</button>
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
      <fieldset className="controls plain" aria-label={t('screenLook')} disabled={!view.can.configureSession}>
        <label className="inline-check">
          <input type="checkbox" checked={view.screenTheme === 'contrast'} onChange={(e) => void run({ type: 'configureSession', screenTheme: e.target.checked ? 'contrast' : 'standard' })} />
          {t('highContrast')}
        </label>
        <label className="inline-field">
          <span>{t('roomSize')}</span>
          <select value={String(view.screenZoom)} onChange={(e) => void run({ type: 'configureSession', screenZoom: Number(e.target.value) })}>
            <option value="1">{t('roomSmall')}</option>
            <option value="1.25">{t('roomMedium')}</option>
            <option value="1.5">{t('roomLarge')}</option>
          </select>
        </label>
      </fieldset>
      {view.tables > 0 && (
        <details>
          <summary>{t('tableQrs')}</summary>
          <ul className="table-qrs">
            {Array.from({ length: view.tables }, (_, i) => (
              <li key={i}>
                <img src={`/api/sessions/${view.code}/qr.svg?table=${i + 1}`} alt={t('tableQr', { n: i + 1 })} width={120} height={120} />
                <span>{t('yourTable', { n: i + 1 })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function clamp(value: string, min: number, max: number): number {
  const n = Math.round(Number(value));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
