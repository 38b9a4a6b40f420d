// /campaign: create a campaign; the organiser's link is shown once and opened.
import { useEffect, useState, type FormEvent } from 'react';
import { TopBar } from '../components/TopBar.tsx';
import { responseErrorText } from '../i18n/errors.ts';
import { facilitatorPassword, passwordRequired } from '../start/password.ts';
import { useCampaignWords } from './words.ts';

export function NewCampaign() {
  const { w, lang } = useCampaignWords();
  const [name, setName] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [password, setPassword] = useState(facilitatorPassword.get());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void passwordRequired().then(setNeedsPassword);
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (needsPassword) facilitatorPassword.set(password);
    const res = await fetch('/api/campaigns', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...facilitatorPassword.headers() },
      body: JSON.stringify({ name, lang }),
    });
    if (!res.ok) return void setError(await responseErrorText(lang, res));
    location.assign(((await res.json()) as { organiserUrl: string }).organiserUrl);
  };
  return (
    <div className="page">
      <TopBar connection={false} />
      <main id="main" className="start">
        <form className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="new-campaign-heading">
          <h1 id="new-campaign-heading">{w('newCampaign')}</h1>
          <p>{w('newCampaignIntro')}</p>
          <div className="field">
            <label htmlFor="campaign-name">{w('campaignName')}</label>
            <input id="campaign-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          {needsPassword && (
            <div className="field">
              <label htmlFor="campaign-password">{w('password')}</label>
              <input id="campaign-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </div>
          )}
          <p className="hint">{w('organiserLinkNote')}</p>
          <button type="submit" className="button button--primary button--big">
            {w('createCampaign')}
          </button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      </main>
    </div>
  );
}
