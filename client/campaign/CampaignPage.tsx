// The organiser's page (/campaign/:id#token): progress, combined results with small groups
// hidden, every workshop's decisions and actions, new workshops and the summary downloads.
// It shows what GET /api/campaigns/:id returns and decides nothing of its own.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { comparisonSentences } from '../../shared/campaign/document.ts';
import { headlineIn } from '../../shared/campaign/summary-words.ts';
import type { CombinedCell } from '../../shared/campaign/combine.ts';
import type { CampaignPageView as CampaignView, PageQuestion as CombinedQuestion } from '../../shared/campaign/view.ts';
import { labels } from '../../shared/summary/labels.ts';
import { TopBar } from '../components/TopBar.tsx';
import { L } from '../components/Localized.tsx';
import { Results } from '../components/results/Results.tsx';
import { formatNumber } from '../i18n/i18n.ts';
import { responseErrorText } from '../i18n/errors.ts';
import { useCampaignWords } from './words.ts';

const KEY = (id: string) => `raadslag:campaign:${id}`;

/** The token comes in the link's fragment (never sent to a server): kept, and taken out of the address bar. */
export function organiserToken(id: string): string | undefined {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) {
    localStorage.setItem(KEY(id), fromLink);
    history.replaceState(history.state, '', location.pathname);
  }
  return fromLink || localStorage.getItem(KEY(id)) || undefined;
}

export function CampaignPage({ id }: { id: string }) {
  const { w } = useCampaignWords();
  const [token] = useState(() => organiserToken(id));
  const [view, setView] = useState<CampaignView | null | 'missing'>(null);
  const load = useCallback(async () => {
    const res = await fetch(`/api/campaigns/${id}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    setView(res.ok ? ((await res.json()) as CampaignView) : 'missing');
  }, [id, token]);
  useEffect(() => {
    void load();
    // The organiser watches workshops come in: a quiet refresh every 15 s.
    const t = setInterval(() => void load(), 15_000);
    return () => clearInterval(t);
  }, [load]);
  return (
    <div className="page">
      <TopBar connection={false} />
      <main id="main" className="start campaign stack">
        {view === null && <p>{w('loading')}</p>}
        {view === 'missing' && (
          <p className="error" role="alert">
            {w('notFound')}
          </p>
        )}
        {view && view !== 'missing' && (
          <>
            <h1 className="start__title">
              {w('campaign')}: {view.name}
            </h1>
            <Workshops view={view} />
            <NewWorkshop id={id} token={token!} onCreated={() => void load()} />
            <Downloads id={id} token={token!} />
            <Actions view={view} />
            <section className="stack" aria-labelledby="results-heading">
              <h2 id="results-heading">{w('results')}</h2>
              <p className="hint">{w('rule', view.minGroupSize)}</p>
              {view.questions
                .filter((q) => q.overall.hidden || q.overall.people > 0)
                .map((q) => (
                  <QuestionResults key={q.id} q={q} view={view} />
                ))}
              <Unanswered questions={view.questions.filter((q) => !q.overall.hidden && q.overall.people === 0)} />
            </section>
          </>
        )}
      </main>
    </div>
  );
}

function Workshops({ view }: { view: CampaignView }) {
  const { w, lang } = useCampaignWords();
  return (
    <section className="card stack" aria-labelledby="workshops-heading">
      <h2 id="workshops-heading">{w('workshops')}</h2>
      <p>
        {w('attachCode')}: <code className="campaign__code">{view.attachCode}</code>
      </p>
      <p className="hint">{w('attachCodeHint')}</p>
      {view.workshops.length === 0 ? (
        <p>{w('noWorkshops')}</p>
      ) : (
        <table className="sessions">
          <thead>
            <tr>
              <th scope="col">{w('workshops')}</th>
              <th scope="col">{w('labelShort')}</th>
              <th scope="col">{w('heldOn')}</th>
              <th scope="col">{w('participants')}</th>
              <th scope="col">{w('status')}</th>
            </tr>
          </thead>
          <tbody>
            {view.workshops.map((ws) => (
              <tr key={ws.code}>
                <th scope="row">
                  {ws.title} <code>{ws.code}</code>
                </th>
                <td>{ws.label || w('noLabel')}</td>
                <td>{ws.heldOn ?? ''}</td>
                <td>{formatNumber(lang, ws.participants)}</td>
                <td>{ws.ended ? w('ended') : ws.started ? w('running') : w('notStarted')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewWorkshop({ id, token, onCreated }: { id: string; token: string; onCreated: () => void }) {
  const { w, lang } = useCampaignWords();
  const [label, setLabel] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const res = await fetch(`/api/campaigns/${id}/workshops`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ label, ...(heldOn ? { heldOn } : {}), lang }),
    });
    if (!res.ok) return void setError(await responseErrorText(lang, res));
    setLink(((await res.json()) as { hostUrl: string }).hostUrl);
    setLabel('');
    onCreated();
  };
  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="new-workshop-heading">
      <h2 id="new-workshop-heading">{w('addWorkshop')}</h2>
      <div className="field">
        <label htmlFor="ws-label">{w('label')}</label>
        <input id="ws-label" maxLength={80} value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ws-date">{w('heldOn')}</label>
        <input id="ws-date" type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
      </div>
      <button type="submit" className="button button--primary">
        {w('create')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <p role="status">
          {w('consoleLink')} <a href={link} className="campaign__link">{link}</a>
        </p>
      )}
    </form>
  );
}

/** The campaign summary's formats, in the order the session summary offers them. */
const FORMATS = [
  ['docx', 'Word'],
  ['html', 'HTML'],
  ['xlsx', 'Excel'],
  ['csv', 'CSV'],
  ['md', 'Markdown'],
  ['json', 'JSON'],
] as const;

function Downloads({ id, token }: { id: string; token: string }) {
  const { w } = useCampaignWords();
  // The token goes in a header, so a download is a fetch turned into a file.
  const download = async (format: (typeof FORMATS)[number][0]) => {
    const res = await fetch(`/api/campaigns/${id}/summary?format=${format}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `forloeb-${id}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section className="card" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{w('download')}</h2>
      <div className="sessions__actions">
        {FORMATS.map(([f, name]) => (
          <button key={f} type="button" className="button button--small" onClick={() => void download(f)}>
            {name}
          </button>
        ))}
      </div>
    </section>
  );
}

function Actions({ view }: { view: CampaignView }) {
  const { w } = useCampaignWords();
  const labelOf = (code: string) => view.workshops.find((x) => x.code === code)?.label || w('noLabel');
  return (
    <section className="card stack" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{w('decisions')}</h2>
      {view.actions.length === 0 ? (
        <p>{w('noDecisions')}</p>
      ) : (
        <ul className="campaign__actions">
          {view.actions.map((a) => (
            <li key={`${a.workshop}:${a.id}`}>
              <strong>{a.kind === 'decision' ? w('decision') : w('action')}</strong> ({labelOf(a.workshop)} · <code>{a.workshop}</code>): {a.text}
              {a.who && ` – ${w('who')}: ${a.who}`}
              {a.due && ` – ${w('due')}: ${a.due}`}
              {a.followUp?.[0] && ` – ${w('followUp')}: ${w(`status_${a.followUp[0].status}`)} (${labelOf(a.followUp[0].reviewedIn)} · ${a.followUp[0].reviewedIn})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Unanswered({ questions }: { questions: CombinedQuestion[] }) {
  const { w } = useCampaignWords();
  if (questions.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="unanswered-heading">
      <h3 id="unanswered-heading">{w('unanswered')}</h3>
      <ul className="campaign__actions">
        {questions.map((q) => (
          <li key={q.id}>
            <L text={q.question.text} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function QuestionResults({ q, view }: { q: CombinedQuestion; view: CampaignView }) {
  const { w, lang } = useCampaignWords();
  const l = labels(lang);
  const workshopName = (code: string) => `${view.workshops.find((x) => x.code === code)?.label || w('noLabel')} · ${code}`;
  const rows = (cells: CombinedCell[], name: (c: CombinedCell) => string) => cells.filter((c) => c.hidden || c.people > 0).map((c) => ({ c, name: name(c) }));
  const splits: [string, { c: CombinedCell; name: string }[]][] = [
    [w('byWorkshop'), rows(q.byWorkshop, (c) => workshopName(c.key.workshop!))],
    [w('byLabel'), q.byLabel.length > 1 ? rows(q.byLabel, (c) => c.key.label || w('noLabel')) : []],
    [w('byRole'), rows(q.byRole, (c) => l.role(c.key.role!))],
  ];
  const headingId = `q-${q.id}`;
  const compared = comparisonSentences({ ...view, lang }, q);
  return (
    <article className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <L text={q.question.text} />
      </h3>
      {q.overall.hidden ? (
        <p>{w('tooFew')}</p>
      ) : (
        <>
          <p>
            {w('everyone')}: {formatNumber(lang, q.overall.people)} {w('people').toLowerCase()}
          </p>
          {q.overall.results && <Results results={q.overall.results} spec={q.question.response} />}
          {compared.length > 0 && (
            <>
              <h4 className="campaign__caption">{w('comparison')}</h4>
              <ul className="campaign__actions">
                {compared.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          {splits
            .filter(([, r]) => r.length > 0)
            .map(([title, r]) => (
              <table key={title} className="sessions">
                <caption className="campaign__caption">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w('group')}</th>
                    <th scope="col">{w('people')}</th>
                    <th scope="col">{w('result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.map(({ c, name }) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>{c.hidden ? '' : formatNumber(lang, c.people)}</td>
                      <td>{c.hidden ? w('tooFew') : headlineIn(lang, c.results, q)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </>
      )}
    </article>
  );
}
