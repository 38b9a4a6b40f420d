// The start page: join with a code, or create a workshop from a question set.
import { useEffect, useState, type FormEvent } from 'react';
import type { Lang } from '../../shared/protocol.ts';
import { responseErrorText } from '../i18n/errors.ts';
import { useT } from '../i18n/i18n.ts';
import { tokens } from '../net/tokens.ts';
import { TopBar } from '../components/TopBar.tsx';
import { L } from '../components/Localized.tsx';
import { MyWorkshops } from './MyWorkshops.tsx';
import { useCampaignWords } from '../campaign/words.ts';
import { QuestionSetUpload, type UploadedSet } from './QuestionSetUpload.tsx';
import { UploadedSetInfo } from './UploadedSetInfo.tsx';
import { facilitatorPassword, passwordRequired } from './password.ts';

type SetInfo = UploadedSet;

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
        <CampaignLink />
      </main>
    </div>
  );
}

/** Many rooms, the same questions: a campaign combines their results (client/campaign/). */
function CampaignLink() {
  const { w } = useCampaignWords();
  return (
    <p className="start__campaign">
      <a href="/campaign">{w('newCampaign')}</a> – {w('newCampaignIntro')}
    </p>
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
  const dateFormat = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  // The default agenda is preselected – one of the server's own sets, never an upload.
  const load = () =>
    fetch('/api/question-sets')
      .then((r) => r.json() as Promise<SetInfo[]>)
      .then((list) => {
        setSets(list);
        setSetId((id) => (list.some((s) => s.id === id) ? id : (list.find((s) => s.default) ?? list[0])?.id ?? ''));
      })
      .catch(() => setError(t('createFailed', { message: t('offline') })));
  useEffect(() => {
    void passwordRequired().then(setNeedsPassword);
    void load();
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
          <div key={s.id} className="question-set">
            <label className="choice choice--wide">
              <input type="radio" name="set" value={s.id} checked={setId === s.id} onChange={() => setSetId(s.id)} />
              <span>
                <strong><L text={s.title} /></strong>
                <br />
                <small>{t('themesAndQuestions', { themes: s.themes, questions: s.questions })}</small>
                {s.uploaded && (
                  <>
                    <br />
                    <small>{t(s.uploaded.withPassword ? 'uploadedWithPassword' : 'uploadedWithoutPassword', { date: dateFormat.format(new Date(s.uploaded.at)), id: s.id })}</small>
                  </>
                )}
              </span>
            </label>
            {s.uploaded && <UploadedSetInfo set={s} onChanged={() => void load()} />}
          </div>
        ))}
      </fieldset>
      <QuestionSetUpload onUploaded={(set) => { setSetId(set.id); void load(); }} />
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
