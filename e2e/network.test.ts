// Self-hosted means self-contained: no page (start, join, answering phone, console, screen)
// asks anything of another origin – no font CDN, no analytics, no remote QR service. Every
// context runs with requests to other origins blocked (context.route) while every request is
// logged (page 'request' and 'websocket' events fire for blocked requests too). One run checks
// both: nothing was blocked, so the log is what the pages ask for when nothing is in the way.
import { expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useHarness, type Harness, type RolePage } from './harness.ts';
import { Q, answerScale, enterCode, goToStep, join, openAnswering, questionOpen, revealResults, shown } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

/** The server's own origin over http and ws, and inline data. */
function isOwn(url: string): boolean {
  const ws = h.origin.replace(/^http/, 'ws');
  return url.startsWith(`${h.origin}/`) || url === h.origin || url.startsWith(`${ws}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

test('no page asks another origin for anything, fonts included', async () => {
  const blocked: string[] = [];
  const setup = async (context: BrowserContext) => {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isOwn(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
  };

  // The phone starts on the start page and types the code; then join, answer, see results.
  const session = await h.createSession();
  const phoneRole = await h.open('phone', `${h.origin}/`, { setup });
  const phone = phoneRole.page;
  await shown(phone.getByRole('heading', { name: 'Start en workshop' }));
  await shown(phone.getByRole('radio', { name: /Vejen til en ny forvaltningspolitik/ }));
  const startRequests = [...phoneRole.requests];
  await enterCode(phone, session.code);
  const opened: Record<string, RolePage> = {
    phone: phoneRole,
    console: await h.open('console', session.hostUrl, { setup }),
    screen: await h.open('screen', session.screenUrl, { setup }),
  };
  const [host, screen] = [opened.console!.page, opened.screen!.page];

  await shown(screen.getByRole('img', { name: 'QR-kode til at deltage i workshoppen' }));
  await join(phone, 'Borger');
  await goToStep(host, Q.scale);
  await openAnswering(host);
  await questionOpen(phone, Q.scale);
  await answerScale(phone, '2');
  await revealResults(host);
  await shown(screen.getByText('Median: 2'));
  await shown(phone.getByRole('heading', { name: 'Resultater' }));
  // Let late requests (fonts, images) finish before the logs are read.
  for (const r of Object.values(opened)) await r.page.waitForLoadState('networkidle').catch(() => {});

  expect(blocked, `requests to other origins were blocked:\n${blocked.join('\n')}`).toEqual([]);
  expect(startRequests.length, 'the start page made requests').toBeGreaterThan(0);
  for (const [name, r] of Object.entries(opened)) {
    expect(r.requests.length, `${name} made requests`).toBeGreaterThan(0);
    const foreign = r.requests.filter((u) => !isOwn(u));
    expect(foreign, `${name} asked other origins:\n${foreign.join('\n')}`).toEqual([]);
  }
  const all = Object.values(opened).flatMap((r) => r.requests);
  // The fonts are bundled and served by the server, not fetched from a CDN.
  expect(all.filter((u) => /\.woff2?(\?|$)/.test(u) && isOwn(u)).length, 'the pages load their fonts from the server').toBeGreaterThan(0);
  expect(all.some((u) => u.startsWith(h.origin.replace(/^http/, 'ws'))), 'the live connection is a websocket to the server').toBe(true);

  for (const r of Object.values(opened)) await r.close();
});
