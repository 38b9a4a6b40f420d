// A test page for the stage: renders screen views handed to it by a browser test (through
// window.__stage), with no socket. The views are built by the real core from scripted sessions
// (e2e/stage-views.ts), so the matrix of step kinds × sizes × contents runs in seconds. It shows
// only what it is given, so it reveals nothing; the QR code is fetched for a real session.
import { useStore } from '../store.ts';
import type { ScreenView } from '../../shared/session/views.ts';
import type { Lang } from '../../shared/protocol.ts';
import { Stage } from './Stage.tsx';

declare global {
  interface Window {
    __stage?: (view: ScreenView, lang?: Lang) => void;
  }
}

export function ScreenFixture() {
  const view = useStore((s) => (s.view?.audience === 'screen' ? s.view : null));
  window.__stage = (next, lang) => {
    const store = useStore.getState();
    if (lang && lang !== store.lang) store.languageChosen(lang);
    store.connectionChanged('online');
    store.receivedView(next);
  };
  return view ? <Stage view={view} /> : <p role="status">…</p>;
}
