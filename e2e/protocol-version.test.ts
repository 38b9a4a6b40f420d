// A server that speaks another protocol than the page: the page reloads for the server's build,
// once. The server's `hello` is rewritten on its way to the page (a routed websocket), so the
// real server and the real built client meet; only the version number in between is changed.
import { expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useHarness, type Harness } from './harness.ts';
import { shown } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

const OUTDATED = 'Siden er en ældre udgave end serverens. Genindlæs siden for at fortsætte.';

/** Counts the page's loads in its tab (sessionStorage survives a reload), and rewrites the protocol of the first `times` hellos. */
async function announce(context: BrowserContext, protocol: number, times: number): Promise<void> {
  await context.addInitScript(() => sessionStorage.setItem('test:loads', String(Number(sessionStorage.getItem('test:loads') ?? 0) + 1)));
  let left = times;
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      // socket.io's frame for an event: 42["hello",{…}]
      if (typeof message === 'string' && message.startsWith('42["hello"') && left > 0) {
        left--;
        const [name, hello] = JSON.parse(message.slice(2)) as [string, { protocol: number }];
        return ws.send(`42${JSON.stringify([name, { ...hello, protocol }])}`);
      }
      ws.send(message);
    });
  });
}

const loads = (page: Page) => page.evaluate(() => Number(sessionStorage.getItem('test:loads')));

test('the server announces another version: the phone reloads once and then runs, connected', async () => {
  const session = await h.createSession();
  const { page } = await h.open('phone', session.joinUrl, { setup: (context) => announce(context, 99, 1) });
  await expect.poll(() => loads(page).catch(() => 0), { timeout: 15_000 }).toBe(2);
  await shown(page.getByRole('button', { name: 'Deltag i workshoppen' }));
  await shown(page.locator('.connection').filter({ hasText: 'Forbundet' }));
  // The reload was remembered only until the versions agreed.
  expect(await page.evaluate(() => sessionStorage.getItem('raadslag:reloaded-for-protocol'))).toBeNull();
});

test('a server that keeps announcing another version: one reload, then the page says it is outdated (no loop)', async () => {
  const session = await h.createSession();
  const { page } = await h.open('phone', session.joinUrl, { setup: (context) => announce(context, 99, Infinity) });
  await shown(page.getByText(OUTDATED), 15_000);
  expect(await loads(page)).toBe(2);
});

test('the console reloads too', async () => {
  const session = await h.createSession();
  const { page } = await h.open('console', session.hostUrl, { setup: (context) => announce(context, 99, 1) });
  await expect.poll(() => loads(page).catch(() => 0), { timeout: 15_000 }).toBe(2);
  await shown(page.locator('.connection').filter({ hasText: 'Forbundet' }));
});
