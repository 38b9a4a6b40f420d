// The console's campaign card: attach this workshop to a campaign with the organiser's code, and
// review the actions of the campaign's earlier workshops (done / in progress / dropped).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CampaignAction, FollowUpStatus } from '../../shared/campaign/view.ts';
import { FOLLOW_UP_STATUSES } from '../../shared/campaign/view.ts';
import { responseErrorText } from '../i18n/errors.ts';
import { currentHostToken } from '../net/connection.ts';
import { useCampaignWords } from '../campaign/words.ts';

type Info = { campaign: { id: string; name: string } | null; label?: string; earlierActions?: CampaignAction[] };

export function CampaignPanel({ code, token }: { code: string; token: string }) {
  const { w, lang } = useCampaignWords();
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<string | null>(null);
  const auth = useCallback(() => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${currentHostToken() ?? token}` }), [token]);
  useEffect(() => {
    void fetch(`/api/sessions/${code}/campaign`, { headers: auth() }).then(async (res) => res.ok && setInfo((await res.json()) as Info));
  }, [code, auth]);
  const post = async (path: string, body: object): Promise<Response | null> => {
    setError(null);
    const res = await fetch(`/api/sessions/${code}/campaign${path}`, { method: 'POST', headers: auth(), body: JSON.stringify(body) });
    if (res.ok) return res;
    setError(await responseErrorText(lang, res));
    return null;
  };
  if (!info) return null;
  return (
    <section className="card stack" aria-labelledby="campaign-heading">
      <h2 id="campaign-heading" className="h3">{w('consoleHeading')}</h2>
      {info.campaign ? (
        <>
          <p>
            {w('partOf')} <strong>{info.campaign.name}</strong>
            {info.label ? ` (${info.label})` : ''}.
          </p>
          <EarlierActions
            actions={info.earlierActions ?? []}
            onReview={async (a, status) => {
              const res = await post('/actions', { workshop: a.workshop, id: a.id, status });
              if (res) setInfo({ ...info, earlierActions: ((await res.json()) as Info).earlierActions ?? [] });
            }}
          />
        </>
      ) : (
        <Attach
          onAttach={async (attachCode, label) => {
            const res = await post('', { attachCode, ...(label ? { label } : {}) });
            if (res) {
              const again = await fetch(`/api/sessions/${code}/campaign`, { headers: auth() });
              if (again.ok) setInfo((await again.json()) as Info);
            }
          }}
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function Attach({ onAttach }: { onAttach: (code: string, label: string) => Promise<void> }) {
  const { w } = useCampaignWords();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onAttach(code, label);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <p className="hint">{w('attachIntro')}</p>
      <div className="field">
        <label htmlFor="attach-code">{w('attachCode')}</label>
        <input id="attach-code" autoComplete="off" spellCheck={false} maxLength={20} required value={code} onChange={(e) => setCode(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="attach-label">{w('label')}</label>
        <input id="attach-label" maxLength={80} value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <button type="submit" className="button">{w('attachButton')}</button>
    </form>
  );
}

function EarlierActions({ actions, onReview }: { actions: CampaignAction[]; onReview: (a: CampaignAction, s: FollowUpStatus) => Promise<void> }) {
  const { w } = useCampaignWords();
  if (actions.length === 0) return <p>{w('noEarlierActions')}</p>;
  return (
    <>
      <h3 className="h3">{w('earlierActions')}</h3>
      <p className="hint">{w('earlierActionsIntro')}</p>
      <ul className="campaign__actions">
        {actions.map((a) => {
          const id = `follow-${a.workshop}-${a.id}`;
          const current = a.followUp?.[0]?.status;
          return (
            <li key={`${a.workshop}:${a.id}`} className="stack">
              <span id={`${id}-text`}>
                {a.text} ({a.label || w('noLabel')}
                {a.who ? ` · ${w('who')}: ${a.who}` : ''}
                {a.due ? ` · ${w('due')}: ${a.due}` : ''})
              </span>
              <label htmlFor={id} className="visually-hidden">
                {w('followUp')}: {a.text}
              </label>
              <select id={id} value={current ?? ''} onChange={(e) => void onReview(a, e.target.value as FollowUpStatus)}>
                {!current && <option value="">{w('status_none')}</option>}
                {FOLLOW_UP_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {w(`status_${s}`)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </>
  );
}
