import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../shared/protocol.ts';
import type { HostView } from '../../shared/session/views.ts';
import { useT } from '../i18n/i18n.ts';
import { useHostCommand } from './use-host-command.ts';

const FIELDS = [
  { key: 'purpose', label: 'detailsPurpose', max: LIMITS.purposeLength },
  { key: 'place', label: 'detailsPlace', max: LIMITS.detailLength },
  { key: 'facilitator', label: 'detailsFacilitator', max: LIMITS.detailLength },
  { key: 'minuteTaker', label: 'detailsMinuteTaker', max: LIMITS.detailLength },
] as const;

type Key = (typeof FIELDS)[number]['key'];

/** The minutes' header: filled in before, during or after the workshop; printed in every summary. */
export function SessionDetailsForm({ view }: { view: HostView }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const [values, setValues] = useState<Record<Key, string>>(() => ({
    purpose: view.details.purpose ?? '',
    place: view.details.place ?? '',
    facilitator: view.details.facilitator ?? '',
    minuteTaker: view.details.minuteTaker ?? '',
  }));
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(await run({ type: 'setSessionDetails', ...values }));
  };
  const change = (key: Key, value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  return (
    <section className="card stack" aria-labelledby="details-heading">
      <h2 id="details-heading" className="h3">{t('detailsHeading')}</h2>
      <p className="hint" id="details-hint">{t('detailsHint')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-describedby="details-hint">
        {FIELDS.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`details-${f.key}`}>{t(f.label)}</label>
            {f.key === 'purpose' ? (
              <textarea id={`details-${f.key}`} rows={3} maxLength={f.max} value={values[f.key]} onChange={(e) => change(f.key, e.target.value)} />
            ) : (
              <input id={`details-${f.key}`} type="text" maxLength={f.max} value={values[f.key]} onChange={(e) => change(f.key, e.target.value)} />
            )}
          </div>
        ))}
        <button type="submit" className="button" disabled={!view.can.sessionDetails}>{t('detailsSave')}</button>
        <p role="status" className="hint">{saved ? t('detailsSaved') : ''}</p>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </section>
  );
}
