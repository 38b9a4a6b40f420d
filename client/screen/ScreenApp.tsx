// The projector: large type, the join code always in view, results only once revealed.
import { useEffect } from 'react';
import { useStore } from '../store.ts';
import { connect } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';
import type { ScreenView } from '../../shared/session/views.ts';
import { StepContent } from '../components/StepContent.tsx';
import { Results } from '../components/results/Results.tsx';
import { FatalNotice } from '../components/FatalNotice.tsx';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { L } from '../components/Localized.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { displayUrl, useJoinUrl } from '../components/use-join-url.ts';

export function ScreenApp({ code }: { code: string }) {
  useEffect(() => connect('screen', code), [code]);
  const { t } = useT();
  const view = useStore((s) => (s.view?.audience === 'screen' ? s.view : null));
  const fatal = useStore((s) => s.fatal);
  if (fatal) return <FatalNotice code={code} reason={fatal} />;
  if (!view) return <p className="muted" role="status">{t('loading')}</p>;
  // Blank: the room looks at the facilitator, not the screen. Nothing else is drawn.
  if (view.blank) return <div className="screen screen--blank" aria-label={t('blankScreen')} />;
  if (view.ended) {
    return (
      <main id="main" className="screen screen__main screen--ended">
        <L as="h1" text={view.title} className="lobby__title" />
        <p className="lobby__at">{t('screenEnded')}</p>
      </main>
    );
  }
  return (
    <div className={`screen screen--${view.theme}`} style={{ fontSize: `calc(var(--screen-font) * ${view.zoom})` }}>
      <div className="screen__tools">
        <ConnectionStatus />
        <LangSwitch />
      </div>
      <main id="main" className="screen__main">
        {view.step?.kind === 'lobby' || !view.step ? <Lobby view={view} /> : <Slide view={view} />}
      </main>
      {view.step?.kind !== 'lobby' && <JoinCorner code={view.code} participants={view.participants} />}
    </div>
  );
}

/** "host/join": phones type the code on that page, or scan the QR code that carries it. */
function useJoinAddress(code: string): string {
  return displayUrl(useJoinUrl(code)).replace(/\/[A-Z0-9]+$/, '');
}

function Lobby({ view }: { view: ScreenView }) {
  const { t } = useT();
  const address = useJoinAddress(view.code);
  return (
    <section className="lobby" aria-labelledby="lobby-title">
      <L as="h1" text={view.title} className="lobby__title" />
      <div className="lobby__join">
        <div>
          <p className="lobby__at">
            {t('joinAt')} <strong>{address}</strong> {t('withCode')}
          </p>
          <p id="lobby-title" className="lobby__code">
            <span aria-hidden="true">{view.code}</span>
            <span className="visually-hidden">{`${t('joinCodeLabel')}: ${view.code.split('').join(' ')}`}</span>
          </p>
          <p className="lobby__count" role="status" aria-live="polite">
            {t('participantsJoined', { n: view.participants })}
          </p>
        </div>
        <figure className="lobby__qr">
          <img src={`/api/sessions/${view.code}/qr.svg`} alt={t('qrAlt')} width={360} height={360} />
          <figcaption>{t('scanToJoin')}</figcaption>
        </figure>
      </div>
    </section>
  );
}

function Slide({ view }: { view: ScreenView }) {
  const { t } = useT();
  const step = view.step!;
  return (
    <section className="slide">
      <StepContent step={step} />
      {step.kind !== 'question' && view.notes.length > 0 && <ScreenNotes view={view} />}
      {step.kind === 'question' && (
        <>
          <p className={`phase phase--${step.phase}`} role="status" aria-live="polite">
            {step.phase === 'open' ? t('answeringOpen') : step.phase === 'voting' ? t('votingOpen') : step.phase === 'closed' ? t('answeringClosed') : t('answeringIdle')}
            {step.phase !== 'idle' && <> · {t('answeredCount', { n: step.answered ?? 0 })}</>}
          </p>
          {step.timer && step.phase !== 'closed' && <Countdown endsAt={step.timer.endsAt} size="large" />}
          {view.notes.length > 0 && <ScreenNotes view={view} />}
          {view.results && <Results results={view.results} spec={step.question.response} size="large" />}
        </>
      )}
    </section>
  );
}

function ScreenNotes({ view }: { view: ScreenView }) {
  const { t } = useT();
  return (
    <ul className="screen-notes">
      {view.notes.map((n) => (
        <li key={n.id}>
          <strong>{t(`noteKind_${n.kind}`)}:</strong> <bdi>{n.text}</bdi>
          {(n.who || n.due) && <span className="muted"> – {[n.who, n.due].filter(Boolean).join(', ')}</span>}
        </li>
      ))}
    </ul>
  );
}

function JoinCorner({ code, participants }: { code: string; participants: number }) {
  const { t } = useT();
  const address = useJoinAddress(code);
  return (
    <aside className="join-corner" aria-label={t('joinHeading')}>
      <img src={`/api/sessions/${code}/qr.svg`} alt={t('qrAlt')} width={120} height={120} />
      <div>
        <p>{address}</p>
        <p className="join-corner__code">{code}</p>
        <p>{t('participantsJoined', { n: participants })}</p>
      </div>
    </aside>
  );
}
