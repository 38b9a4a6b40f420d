// Workshops created in this browser (their host tokens live here; there are no accounts), with
// their status from the server: open, end, delete.
import { useEffect, useState } from 'react';
import { formatNumber, useT } from '../i18n/i18n.ts';
import { errorText } from '../i18n/errors.ts';
import { api, type SessionStatus } from '../net/api.ts';
import { tokens } from '../net/tokens.ts';
import { L } from '../components/Localized.tsx';

export function MyWorkshops() {
  const { t, lang } = useT();
  const [list, setList] = useState<SessionStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    const mine = tokens.created().flatMap((c) => {
      const token = tokens.host(c.code);
      return token ? [{ code: c.code, token }] : [];
    });
    if (mine.length === 0) return setList([]);
    await api.statuses(mine).then(
      (list) => setList(list.filter((s) => s.status !== 'missing')),
      (err: unknown) => setError(errorText(lang, err as { code?: string })),
    );
  };
  useEffect(() => {
    void load();
  }, []);
  const remove = async (code: string) => {
    if (!confirm(t('confirmDelete'))) return;
    try {
      await api.deleteSession(code, tokens.host(code) ?? '');
    } catch (err) {
      return setError(errorText(lang, err as { code?: string }));
    }
    tokens.forget(code);
    await load();
  };
  if (!list || list.length === 0) return null;
  const dateFormat = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="card stack" aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('myWorkshops')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="sessions">
        <thead>
          <tr>
            <th scope="col">{t('workshop')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('created')}</th>
            <th scope="col">{t('participants')}</th>
            <th scope="col"><span className="visually-hidden">{t('actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={s.code}>
              <th scope="row">
                {s.title && <L text={s.title} />} <code>{s.code}</code>
              </th>
              <td>{s.status === 'ended' ? t('statusEnded') : t('statusActive')}</td>
              <td>{s.createdAt ? dateFormat.format(s.createdAt) : ''}</td>
              <td>{formatNumber(lang, s.participants ?? 0)}</td>
              <td className="sessions__actions">
                <a className="button button--small" href={`/host/${s.code}#${tokens.host(s.code)}`}>
                  {t('openConsole')}<span className="visually-hidden"> {s.code}</span>
                </a>
                <button type="button" className="button button--small button--danger" onClick={() => void remove(s.code)}>
                  {t('deleteSession')}<span className="visually-hidden"> {s.code}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('retentionNote')}</p>
    </section>
  );
}
