import { useState, type FormEvent } from 'react';
import { LIMITS, ROLES } from '../../shared/constants.ts';
import type { Role } from '../../shared/protocol.ts';
import { send } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';
import { useErrorText } from '../i18n/errors.ts';

/** A table's own QR code carries ?table=N. */
function tableFromLink(tables: number): number | null {
  const n = Number(new URLSearchParams(location.search).get('table'));
  return Number.isInteger(n) && n >= 1 && n <= tables ? n : null;
}

export function JoinForm({ title, tables }: { title: string | undefined; tables: number }) {
  const { t } = useT();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [roleMissing, setRoleMissing] = useState(false);
  const [table, setTable] = useState<number | null>(() => tableFromLink(tables));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!role) {
      setRoleMissing(true);
      document.getElementById('role-0')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const ack = await send({ type: 'join', role, ...(name.trim() ? { name: name.trim() } : {}), ...(table ? { table } : {}) });
    setBusy(false);
    if (!ack.ok) setError(errorText(ack.error));
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h1>{title ?? t('joinWorkshop')}</h1>
      <div className="field">
        <label htmlFor="name">{t('yourName')}</label>
        <input id="name" name="name" autoComplete="nickname" maxLength={LIMITS.nameLength} value={name} onChange={(e) => setName(e.target.value)} aria-describedby="name-hint" />
        <p id="name-hint" className="hint">{t('yourNameHint')}</p>
      </div>
      <fieldset className="choices choices--two" aria-describedby={roleMissing ? 'role-error' : undefined}>
        <legend>{t('yourRole')}</legend>
        {ROLES.map((r, i) => (
          <label key={r} className="choice">
            <input id={`role-${i}`} type="radio" name="role" value={r} checked={role === r} onChange={() => { setRole(r); setRoleMissing(false); }} />
            <span>{breakAfterSlash(t(`role_${r}`))}</span>
          </label>
        ))}
        {roleMissing && <p id="role-error" className="error" role="alert">{t('roleRequired')}</p>}
      </fieldset>
      {tables > 0 && (
        <div className="field">
          <label htmlFor="table">{t('chooseTable')}</label>
          <select id="table" value={table ?? ''} onChange={(e) => setTable(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('noTable')}</option>
            {Array.from({ length: tables }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {t('yourTable', { n: i + 1 })}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="button button--primary button--big" disabled={busy}>
        {busy ? t('joining') : t('joinWorkshop')}
      </button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

/** "Medarbejder/fagprofessionel" may break after its slash (not mid-word) in a phone's narrow box. */
function breakAfterSlash(label: string) {
  return label.split(/(?<=\/)/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}
