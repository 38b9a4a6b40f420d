// Routing by path: four pages, no router library needed.
import { HostConsole } from './host/HostConsole.tsx';
import { ParticipantApp } from './participant/ParticipantApp.tsx';
import { ScreenApp } from './screen/ScreenApp.tsx';
import { StartPage } from './start/StartPage.tsx';
import { tokens } from './net/tokens.ts';

export function App() {
  const [, page, raw] = location.pathname.split('/');
  const code = (raw ?? '').toUpperCase();
  if (page === 'join' && code) return <ParticipantApp code={code} />;
  if (page === 'screen' && code) return <ScreenApp code={code} />;
  if (page === 'host' && code) return <HostConsole code={code} token={hostToken(code)} />;
  return <StartPage />;
}

/** The console link carries the token in its fragment (never sent to a server); remember it. */
function hostToken(code: string): string | undefined {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) tokens.setHost(code, fromLink);
  return fromLink || tokens.host(code);
}
