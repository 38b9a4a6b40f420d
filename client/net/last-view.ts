// The phone remembers what it last showed (the participant view and its own `me`), per session,
// in localStorage: a reload without network – the service worker serves the page itself – shows
// that view at once, under the offline notice, and answers given there wait in the outbox as
// usual. The server's next view replaces it as soon as the socket is back.
import type { MeView, ParticipantView } from '../../shared/session/views.ts';
import { useStore } from '../store.ts';

type Saved = { view: ParticipantView; me: MeView };
const key = (code: string) => `raadslag:last:${code}`;

/** Shows the saved view (if any) now, and saves every later one. Call before the first render. */
export function keepLastView(code: string): void {
  if (!code) return;
  const saved = load(code);
  if (saved) useStore.setState({ view: saved.view, me: saved.me });
  useStore.subscribe((s, before) => {
    if (s.view === before.view && s.me === before.me) return;
    if (s.me === null) return void localStorage.removeItem(key(code)); // not (or no longer) joined
    if (s.view?.audience !== 'participant' || !s.me) return;
    try {
      localStorage.setItem(key(code), JSON.stringify({ view: s.view, me: s.me } satisfies Saved));
    } catch {
      // storage full or refused: the phone still works, it just cannot show the view offline
    }
  });
}

function load(code: string): Saved | null {
  try {
    const v = JSON.parse(localStorage.getItem(key(code)) ?? 'null') as Saved | null;
    return v && v.view?.audience === 'participant' && v.me ? v : null;
  } catch {
    return null;
  }
}
