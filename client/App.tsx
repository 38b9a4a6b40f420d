// Routing by path: four pages (and the stage's test page), no router library needed. Each page is its own chunk, loaded
// when its path is opened: the start page does not carry the console, nor the screen the start
// page. Phones are served join.html instead (client/join.tsx, a build of its own); the
// participant route here serves only the dev server, which knows no join.html.
import { lazy, Suspense } from 'react';
import { tokens } from './net/tokens.ts';

const HostConsole = lazy(() => import('./host/HostConsole.tsx').then((m) => ({ default: m.HostConsole })));
const ParticipantApp = lazy(() => import('./participant/ParticipantApp.tsx').then((m) => ({ default: m.ParticipantApp })));
const ScreenApp = lazy(() => import('./screen/ScreenApp.tsx').then((m) => ({ default: m.ScreenApp })));
const ScreenFixture = lazy(() => import('./screen/ScreenFixture.tsx').then((m) => ({ default: m.ScreenFixture })));
const CampaignPage = lazy(() => import('./campaign/CampaignPage.tsx').then((m) => ({ default: m.CampaignPage })));
const NewCampaign = lazy(() => import('./campaign/NewCampaign.tsx').then((m) => ({ default: m.NewCampaign })));
const StartPage = lazy(() => import('./start/StartPage.tsx').then((m) => ({ default: m.StartPage })));

export function App() {
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}

function Page() {
  const [, page, raw] = location.pathname.split('/');
  const code = (raw ?? '').toUpperCase();
  if (page === 'join' && code) return <ParticipantApp code={code} />;
  if (page === 'screen' && code) return <ScreenApp code={code} />;
  if (page === 'stage-fixture') return <ScreenFixture />;
  // A campaign id is case-sensitive (nanoid): the raw segment, not the upper-cased code.
  if (page === 'campaign') return raw ? <CampaignPage id={raw} /> : <NewCampaign />;
  if (page === 'host' && code) return <HostConsole code={code} token={hostToken(code)} />;
  return <StartPage />;
}

/**
 * The console link carries the token in its fragment (never sent to a server); remember it, and
 * take it out of the address bar and the history at once – a projected console must not show it.
 * The console's side panel keeps the whole link to copy.
 */
function hostToken(code: string): string | undefined {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) {
    tokens.setHost(code, fromLink);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }
  return fromLink || tokens.host(code);
}
