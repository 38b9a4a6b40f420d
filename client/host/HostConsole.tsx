// The facilitator's console: the agenda, the current step with its controls, live results
// (before the room sees them), who is here, and the links for the screen and the phones.
import { useEffect } from 'react';
import { useStore } from '../store.ts';
import { connect } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';
import type { HostView } from '../../shared/session/views.ts';
import { TopBar } from '../components/TopBar.tsx';
import { StepContent } from '../components/StepContent.tsx';
import { FatalNotice } from '../components/FatalNotice.tsx';
import { Agenda } from './Agenda.tsx';
import { SidePanel } from './SidePanel.tsx';
import { QuestionControls } from './QuestionControls.tsx';
import { ThemeOverview } from './ThemeOverview.tsx';
import { useHostCommand } from './use-host-command.ts';
import { useConsoleKeys } from './use-console-keys.ts';
import { SessionToolbar } from './SessionToolbar.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { QuestionForm } from './QuestionForm.tsx';
import { FacilitatorNote, ScreenControls } from './ScreenControls.tsx';

export function HostConsole({ code, token }: { code: string; token: string | undefined }) {
  useEffect(() => connect('host', code, token), [code, token]);
  const { t } = useT();
  const view = useStore((s) => (s.view?.audience === 'host' ? s.view : null));
  const fatal = useStore((s) => s.fatal);
  useConsoleKeys(view);
  if (fatal || !token) return <FatalNotice code={code} reason={fatal ?? 'forbidden'} />;
  return (
    <div className="page page--console">
      <TopBar>
        <h1 className="topbar__title">{t('console')} · {code}</h1>
      </TopBar>
      {!view ? (
        <p className="muted" role="status">{t('loading')}</p>
      ) : (
        <div className="console">
          <Agenda view={view} />
          <main id="main" className="console__main">
            <CurrentStep view={view} />
          </main>
          <SidePanel view={view} token={token} />
        </div>
      )}
    </div>
  );
}

function CurrentStep({ view }: { view: HostView }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const step = view.step;
  return (
    <div className="stack">
      <nav className="controls" aria-label={t('stepNavigation')}>
        <button type="button" className="button" onClick={() => void run({ type: 'previous' })} disabled={!view.can.previous}>
          ← {t('previous')}
        </button>
        <span className="controls__pos">{t('stepOf', { n: view.cursor + 1, of: view.stepCount })}</span>
        <button type="button" className="button button--primary" onClick={() => void run({ type: 'next' })} disabled={!view.can.next}>
          {t('next')} →
        </button>
      </nav>
      {error && <p className="error" role="alert">{error}</p>}
      <section className="card preview" aria-label={t('screenLink')}>
        {step && <StepContent step={step} headingLevel={2} />}
      </section>
      <FacilitatorNote view={view} />
      <SessionToolbar view={view} />
      <ScreenControls view={view} />
      {step?.kind === 'question' && <QuestionControls view={view} step={step} />}
      {view.overview && <ThemeOverview items={view.overview} />}
      <NotesPanel view={view} />
      {view.can.addQuestion && (
        <details className="card">
          <summary>{t('addQuestion')}</summary>
          <QuestionForm mode="add" />
        </details>
      )}
    </div>
  );
}
