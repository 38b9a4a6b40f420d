import { Fragment, useState } from 'react';
import { ROLES } from '../../shared/protocol.ts';
import type { HostView } from '../../shared/session/views.ts';
import { formatNumber, useT } from '../i18n/i18n.ts';
import { displayUrl, useJoinUrl } from '../components/use-join-url.ts';
import { SessionSettings } from './SessionSettings.tsx';
import { currentHostToken, eraseForGood, rotateHostToken } from '../net/connection.ts';
import { api, type DownloadFormat } from '../net/api.ts';
import { SessionDetailsForm } from './SessionDetailsForm.tsx';
import { CampaignPanel } from './CampaignPanel.tsx';

export function SidePanel({ view, token }: { view: HostView; token: string }) {
  const { t, lang } = useT();
  const [withNotes, setWithNotes] = useState(false);
  const joinUrl = useJoinUrl(view.code);
  const screenUrl = `${location.origin}/screen/${view.code}`;
  return (
    <aside className="side stack" aria-label={t('participants')}>
      <section className="card">
        <h2 className="h3">{t('participants')}: {formatNumber(lang, view.participants)}</h2>
        <table className="roles">
          <caption className="visually-hidden">{t('byRole')}</caption>
          <tbody>
            {ROLES.map((r) => (
              <tr key={r}>
                <th scope="row">{t(`role_${r}`)}</th>
                <td>{formatNumber(lang, view.roleCounts[r])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card stack">
        <h2 className="h3">{t('links')}</h2>
        <p>
          <a href={screenUrl} target="_blank" rel="noopener">{t('openScreen')}</a>
        </p>
        <CopyField label={t('joinLink')} value={joinUrl} shown={displayUrl(joinUrl)} />
        <CopyField label={t('screenLink')} value={screenUrl} shown={displayUrl(screenUrl)} />
        <CopyField label={t('consoleLink')} value={`${location.origin}/host/${view.code}#${currentHostToken() ?? token}`} shown={displayUrl(`${location.origin}/host/${view.code}`)} />
        <p className="hint">{t('keepLinkSecret')}</p>
        <RotateLink />
        <PurgeContent />
      </section>
      <SessionSettings view={view} />
      <SessionDetailsForm view={view} />
      <CampaignPanel code={view.code} token={token} />
      <section className="card stack" aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="h3">{t('summaryHeading')}</h2>
        <label className="inline-check">
          <input type="checkbox" checked={withNotes} onChange={(e) => setWithNotes(e.target.checked)} />
          {t('summaryFacilitatorNotes')}
        </label>
        <ul className="downloads">
          {FORMATS.map((f) => (
            <li key={f.format}>
              <button type="button" className="button button--small" onClick={() => void download(view.code, currentHostToken() ?? token, f.format, 'summary', withNotes)}>
                {t(f.label)}
              </button>
            </li>
          ))}
        </ul>
        <p className="hint">{t('exportSetHint')}</p>
        <ul className="downloads">
          {(['md', 'json'] as const).map((f) => (
            <li key={f}>
              <button type="button" className="button button--small" onClick={() => void download(view.code, currentHostToken() ?? token, f, 'question-set')}>
                {t(f === 'md' ? 'exportSetMd' : 'exportSetJson')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}

/** A console link that leaked can be replaced: the old one stops working at once. */
function RotateLink() {
  const { t } = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rotate = async () => {
    if (!confirm(t('confirmRotate'))) return;
    try {
      setUrl((await rotateHostToken()).hostUrl);
      setError(null);
    } catch (e) {
      setError(e instanceof TypeError ? t('offline') : (e as Error).message);
    }
  };
  return (
    <div className="stack">
      <button type="button" className="button button--small" onClick={() => void rotate()}>
        {t('rotateLink')}
      </button>
      {url && (
        <>
          <p role="status">{t('rotatedLink')}</p>
          <CopyField label={t('consoleLink')} value={url} shown={displayUrl(url)} />
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}

/** Erases for good what the room no longer sees: withdrawn and hidden answers, removed participants, deleted notes. */
function PurgeContent() {
  const { t } = useT();
  const [message, setMessage] = useState<string | null>(null);
  const purge = () => {
    if (!confirm(t('confirmPurge'))) return;
    eraseForGood({ purge: true }).then(
      (e) => setMessage(t('erasedDone', { participants: e.participants, answers: e.answers, notes: e.notes })),
      (e: Error) => setMessage(t('commandFailed', { message: e.message })),
    );
  };
  return (
    <div className="stack">
      <button type="button" className="button button--small button--danger" onClick={purge}>
        {t('purgeContent')}
      </button>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

/** A link that may break after a slash but never inside a segment: the join code stays whole. */
function BreakableUrl({ url }: { url: string }) {
  const parts = url.split('/');
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {/* A long secret (a console link's token) may break anywhere; a code or a host name not. */}
          <span className={p.length > 24 ? 'anywhere' : 'nowrap'}>
            {p}
            {i < parts.length - 1 && '/'}
          </span>
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

function CopyField({ label, value, shown }: { label: string; value: string; shown: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy">
      <span className="copy__label">{label}</span>
      <code className="copy__value"><BreakableUrl url={shown} /></code>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? t('copied') : t('copy')}
        <span className="visually-hidden">: {label}</span>
      </button>
    </div>
  );
}

const FORMATS = [
  { format: 'docx', label: 'downloadDocx' },
  { format: 'html', label: 'downloadHtml' },
  { format: 'xlsx', label: 'downloadXlsx' },
  { format: 'csv', label: 'downloadCsv' },
  { format: 'md', label: 'downloadMd' },
  { format: 'json', label: 'downloadJson' },
] as const;

/** Fetched with the host token in a header (never in a URL), then saved as a file. */
async function download(code: string, token: string, format: DownloadFormat, what: 'summary' | 'question-set' = 'summary', facilitatorNotes = false): Promise<void> {
  // The themes' facilitator notes go into the summary only when the facilitator ticks the box.
  const blob = await api.download(code, token, what, format, facilitatorNotes).catch(() => null);
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = what === 'summary' ? `raadslag-${code}.${format}` : `raadslag-${code}-spoergsmaal.${format}`;
  a.click();
  URL.revokeObjectURL(url);
}
