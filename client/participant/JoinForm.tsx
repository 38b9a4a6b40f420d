import { useState, type FormEvent } from 'react';
import { LIMITS, ROLES, type Role } from '../../shared/protocol.ts';
import { send } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';

export function JoinForm({ title }: { title: string | undefined }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [roleMissing, setRoleMissing] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!role) {
      setRoleMissing(true);
      document.getElementById('role-0')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const ack = await send({ type: 'join', role, ...(name.trim() ? { name: name.trim() } : {}) });
    setBusy(false);
    if (!ack.ok) setError(t('commandFailed', { message: ack.error.message }));
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h1>{title ?? t('joinWorkshop')}</h1>
      <div className="field">
        <label htmlFor="name">{t('yourName')}</label>
        <input id="name" name="name" autoComplete="nickname" maxLength={LIMITS.nameLength} value={name} onChange={(e) => setName(e.target.value)} aria-describedby="name-hint" />
        <p id="name-hint" className="hint">{t('yourNameHint')}</p>
      </div>
      <fieldset className="choices" aria-describedby={roleMissing ? 'role-error' : undefined}>
        <legend>{t('yourRole')}</legend>
        {ROLES.map((r, i) => (
          <label key={r} className="choice">
            <input id={`role-${i}`} type="radio" name="role" value={r} checked={role === r} onChange={() => { setRole(r); setRoleMissing(false); }} />
            <span>{t(`role_${r}`)}</span>
          </label>
        ))}
        {roleMissing && <p id="role-error" className="error" role="alert">{t('yourRole')}: ?</p>}
      </fieldset>
      <button type="submit" className="button button--primary button--big" disabled={busy}>
        {busy ? t('joining') : t('joinWorkshop')}
      </button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
