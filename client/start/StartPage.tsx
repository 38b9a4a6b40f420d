// The start page: join with a code, or create a workshop from a question set.
import { useEffect, useState, type FormEvent } from 'react';
import type { Lang } from '../../shared/protocol.ts';
import type { LocalizedText } from '../../shared/question-set.ts';
import { responseErrorText } from '../i18n/errors.ts';
import { useT } from '../i18n/i18n.ts';
import { tokens } from '../net/tokens.ts';
import { TopBar } from '../components/TopBar.tsx';
import { L } from '../components/Localized.tsx';
import { MyWorkshops } from './MyWorkshops.tsx';
import { QuestionSetUpload } from './QuestionSetUpload.tsx';
import { facilitatorPassword, passwordRequired } from './password.ts';

type SetInfo = { id: string; title: LocalizedText; subtitle?: LocalizedText; themes: number; questions: number };

export function StartPage({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useT();
  return (
    <div className="page">
      <TopBar connection={false} />
      <main id="main" className="start">
        <h1 className="start__title">{t('appName')}</h1>
        <p className="start__tagline">{t('tagline')}</p>
        <div className="start__grid">
          <JoinCard initialCode={initialCode} />
          <CreateCard />
        </div>
        <MyWorkshops />
      </main>
    </div>
  );
}

function JoinCard({ initialCode }: { initialCode: string }) {
  const { t } = useT();
  const [code, setCode] = useState(initialCode);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.trim().toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (clean) location.assign(`/join/${clean}`);
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="join-heading">
      <h2 id="join-heading">{t('joinHeading')}</h2>
      <div className="field">
        <label htmlFor="join-code">{t('joinCodeLabel')}</label>
        <input
          id="join-code"
          className="input--code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={10}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby="join-code-hint"
        />
        <p id="join-code-hint" className="hint">{t('joinCodeHint')}</p>
      </div>
      <button type="submit" className="button button--primary button--big">{t('joinButton')}</button>
    </form>
  );
}

function CreateCard() {
  const { t, lang } = useT();
  const [sets, setSets] = useState<SetInfo[] | null>(null);
  const [setId, setSetId] = useState('');
  const [sessionLang, setSessionLang] = useState<Lang>(lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [password, setPassword] = useState(facilitatorPassword.get());
  useEffect(() => {
    void passwordRequired().then(setNeedsPassword);
    fetch('/api/question-sets')
      .then((r) => r.json() as Promise<SetInfo[]>)
      .then((list) => {
        setSets(list);
        setSetId((id) => id || list[0]?.id || '');
      })
      .catch(() => setError(t('createFailed', { message: t('offline') })));
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...facilitatorPassword.headers() },
        body: JSON.stringify({ questionSetId: setId, lang: sessionLang }),
      });
      if (!res.ok) throw new Error(await responseErrorText(lang, res));
      const body = (await res.json()) as { code: string; hostToken: string; hostUrl: string };
      tokens.setHost(body.code, body.hostToken);
      const set = sets?.find((s) => s.id === setId);
      tokens.addCreated({ code: body.code, createdAt: Date.now(), title: set ? set.title.da : setId });
      location.assign(`/host/${body.code}#${body.hostToken}`);
    } catch (err) {
      // A network failure's message is the browser's (English): say it in the reader's language.
      setError(t('createFailed', { message: err instanceof TypeError ? t('offline') : (err as Error).message }));
      setBusy(false);
    }
  }
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="create-heading">
      <h2 id="create-heading">{t('startHeading')}</h2>
      <fieldset className="choices">
        <legend>{t('questionSetLabel')}</legend>
        {!sets && <p className="muted">{t('loading')}</p>}
        {sets?.map((s) => (
          <label key={s.id} className="choice choice--wide">
            <input type="radio" name="set" value={s.id} checked={setId === s.id} onChange={() => setSetId(s.id)} />
            <span>
              <strong><L text={s.title} /></strong>
              <br />
              <small>{t('themesAndQuestions', { themes: s.themes, questions: s.questions })}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <QuestionSetUpload onUploaded={(set) => { setSets((list) => [...(list ?? []), set]); setSetId(set.id); }} />
      <div className="field">
        <label htmlFor="session-lang">{t('sessionLangLabel')}</label>
        <select id="session-lang" value={sessionLang} onChange={(e) => setSessionLang(e.target.value as Lang)}>
          <option value="da" lang="da">Dansk</option>
          <option value="en" lang="en">English</option>
        </select>
      </div>
      {needsPassword && (
        <div className="field">
          <label htmlFor="facilitator-password">{t('passwordLabel')}</label>
          <input
            id="facilitator-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              facilitatorPassword.set(e.target.value);
            }}
            aria-describedby="facilitator-password-hint"
          />
          <p id="facilitator-password-hint" className="hint">{t('passwordHint')}</p>
        </div>
      )}
      <button type="submit" className="button button--primary button--big" disabled={busy || !setId}>
        {busy ? t('creating') : t('createButton')}
      </button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
