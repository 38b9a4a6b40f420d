// The stage: a fixed 1920-wide canvas scaled to the projector (use-stage-size.ts), one slide
// at a time, each fitted to its box (use-fit.ts), the join box in a footer strip of its own.
// No page chrome for the room: the language switch and connection state are hidden until the
// operator hovers or tabs to them; only an offline screen shows a discreet warning.
import { useEffect, useState, type CSSProperties } from 'react';
import { assertNever } from '../../shared/assert-never.ts';
import type { ScreenView } from '../../shared/session/views.ts';
import { useStore } from '../store.ts';
import { useT } from '../i18n/i18n.ts';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { StageContext } from './Fitted.tsx';
import { FooterHost } from './Footer.tsx';
import { useStageSize } from './use-stage-size.ts';
import { LobbySlide } from './slides/Lobby.tsx';
import { ContextSlide, EndedSlide, OverviewSlide, ThemeSlide } from './slides/Text.tsx';
import { QuestionSlide } from './slides/Question.tsx';
import './stage.css';

/**
 * Type size in logical pixels at room size 1 ("Mødelokale"); the room-size setting scales it.
 * A slide with little on it grows up to GROW times that, to read from the back of the room.
 */
const BASE = 40;
const GROW = 1.5;
const MIN = 26;

export function Stage({ view }: { view: ScreenView }) {
  const { t } = useT();
  const size = useStageSize();
  const fontsReady = useFontsReady();
  const [footer, setFooter] = useState<HTMLElement | null>(null);
  if (view.blank) return <div className="stage-viewport stage-viewport--blank" role="img" aria-label={t('blankScreen')} />;
  const style = {
    width: size.width,
    height: size.height,
    transform: `translate(${size.x}px, ${size.y}px) scale(${size.scale})`,
  } satisfies CSSProperties;
  const context = { max: Math.round(BASE * GROW * view.zoom), min: Math.round(MIN * Math.min(view.zoom, 1.25)), page: view.page, fontsReady };
  const lobby = !view.ended && (view.step?.kind === 'lobby' || !view.step);
  return (
    <div className={`stage-viewport screen--${view.theme}`}>
      <div className={`stage${lobby || view.ended ? ' stage--full' : ''}`} style={style}>
        <StageContext.Provider value={context}>
          <FooterHost.Provider value={footer}>
            <Slide view={view} />
          </FooterHost.Provider>
        </StageContext.Provider>
        <div className="stage__foot-host" ref={setFooter} />
        <Offline />
      </div>
      <div className="stage-tools" aria-label={t('screenTools')} role="group">
        <ConnectionStatus />
        <LangSwitch />
      </div>
    </div>
  );
}

function Slide({ view }: { view: ScreenView }) {
  const step = view.step;
  if (view.ended) return <EndedSlide view={view} />;
  if (!step || step.kind === 'lobby') return <LobbySlide view={view} />;
  switch (step.kind) {
    case 'context':
      return <ContextSlide view={view} step={step} />;
    case 'theme':
      return view.overview ? <OverviewSlide view={view} step={step} items={view.overview} /> : <ThemeSlide view={view} step={step} />;
    case 'question':
      return <QuestionSlide view={view} step={step} />;
    default:
      return assertNever(step);
  }
}

/** Shown only when the screen has lost the server: the room should know the stage may be stale. */
function Offline() {
  const { t } = useT();
  const connection = useStore((s) => s.connection);
  if (connection !== 'offline') return null;
  return (
    <p className="stage-offline" role="status">
      {t('screenOffline')}
    </p>
  );
}

/** The fit measures text, so it runs again once the bundled fonts have loaded. */
function useFontsReady(): boolean {
  const [ready, setReady] = useState(() => document.fonts?.status === 'loaded');
  useEffect(() => {
    let live = true;
    void document.fonts?.ready.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
