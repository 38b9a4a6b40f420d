// What a phone downloads when the room scans the code (issue 19, docs/performance.md): the first
// load, as Chromium receives it over the wire (compressed, headers included), stays within the
// budget – 120 KB for page, script, stylesheet and fonts, 60 KB of it script – in two round
// trips: the page carries its script and stylesheet inside it (build/inline.ts), allowed by hash
// in its CSP, so nothing but the fonts is fetched after it; a reload downloads no asset again
// (the service worker and the HTTP cache serve them: the server sees no request for /assets/).
import type { IncomingMessage } from 'node:http';
import { expect, test } from 'vitest';
import { useHarness, SIZES, type Harness } from './harness.ts';
import { shown } from './flow.ts';
import { loadPage } from '../bench/phone-fetch.ts';

let h: Harness;
useHarness((started) => (h = started));

const BUDGET = { total: 120_000, script: 60_000 };

type Got = { url: string; type: string; encoding: string; fromCache: boolean; bytes: number };

test('first load within budget (HTML + JS + CSS + fonts ≤ 120 KB, JS ≤ 60 KB, as served); a reload fetches no asset', async () => {
  const session = await h.createSession();
  const hits: string[] = [];
  const onRequest = (req: IncomingMessage) => hits.push(req.url ?? '');
  h.server.io.httpServer.on('request', onRequest);
  const context = await h.browser.newContext({ viewport: SIZES.phone, locale: 'da-DK' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const got = new Map<string, Got>();
    await cdp.send('Network.enable');
    cdp.on('Network.responseReceived', (e) => {
      const enc = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '';
      const fromCache = Boolean(e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache);
      got.set(e.requestId, { url: e.response.url, type: e.type, encoding: String(enc), fromCache, bytes: 0 });
    });
    const sockets: string[] = [];
    cdp.on('Network.webSocketCreated', (e) => sockets.push(e.url));
    cdp.on('Network.loadingFinished', (e) => {
      const g = got.get(e.requestId);
      if (g) g.bytes = e.encodedDataLength;
    });
    const ready = () => shown(page.getByRole('button', { name: 'Deltag i workshoppen' }));

    await page.goto(session.joinUrl);
    await ready();
    await page.waitForLoadState('networkidle');
    const first = [...got.values()].filter((g) => ['Document', 'Script', 'Stylesheet', 'Font'].includes(g.type));
    const sum = (list: Got[]) => list.reduce((n, g) => n + g.bytes, 0);
    const scripts = first.filter((g) => g.type === 'Script');
    const report = first.map((g) => `${g.type} ${new URL(g.url).pathname} ${g.encoding || 'identity'} ${g.bytes} B`).join('\n');
    console.log(`[page-load] first load of the phone:\n${report}\ntotal ${sum(first)} B`);
    // One page, its script and stylesheet inside it; only the fonts come after it.
    expect(first.map((g) => g.type).sort()).toEqual(['Document', 'Font', 'Font', 'Font']);
    expect(scripts).toEqual([]);
    expect(sum(first), report).toBeLessThanOrEqual(BUDGET.total);
    // The script's budget, with room to spare: the whole page (script, stylesheet, markup) as served.
    const doc = first.filter((g) => g.type === 'Document');
    expect(sum(doc), report).toBeLessThanOrEqual(BUDGET.script);
    // One websocket, and it is the one the page opened from its first bytes (client/join.html),
    // taken over by socket.io (client/net/early-socket.ts marks that): were it not adopted,
    // socket.io would have opened a second one.
    await shown(page.getByText('Forbundet'));
    expect(sockets.map((u) => new URL(u).pathname), 'websockets opened').toEqual(['/socket.io/']);
    expect(await page.evaluate(() => performance.getEntriesByName('raadslag:early-socket-adopted').length)).toBe(1);
    // Compressed as served: Chromium negotiates br or gzip for the page.
    for (const g of doc) expect(['br', 'gzip'], `${g.url} came uncompressed`).toContain(g.encoding);
    // The phone's script is its own (no chunk of the console, screen or start page is loaded):
    // the early socket's few lines and one module, both inline, run under the page's CSP by hash.
    const inline = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, type: s.type })));
    expect(inline).toEqual([{ src: '', type: '' }, { src: '', type: 'module' }]);
    // Each asset went over the wire once: the service worker's precache came from the HTTP cache.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const assetHits = hits.filter((u) => u.startsWith('/assets/'));
    expect(assetHits.length, assetHits.join('\n')).toBe(new Set(assetHits).size);

    // Over plain http to a LAN address Chromium asks for gzip only (brotli needs https or
    // localhost): the same page fetched that way, /sw.js included, stays within the budget too.
    const lan = await loadPage(h.origin, new URL(session.joinUrl).pathname, 'gzip, deflate');
    expect(lan.ok, lan.error).toBe(true);
    expect(lan.bytes, 'bytes over gzip').toBeLessThanOrEqual(BUDGET.total);

    hits.length = 0;
    got.clear();
    await page.reload();
    await ready();
    await page.waitForLoadState('networkidle');
    expect(hits.filter((u) => u.startsWith('/assets/')), 'a reload asked the server for assets').toEqual([]);
    const again = [...got.values()].filter((g) => ['Script', 'Stylesheet', 'Font'].includes(g.type));
    expect(again.length).toBeGreaterThan(0);
    for (const g of again) expect(g.fromCache, `${g.url} was downloaded again`).toBe(true);
  } finally {
    h.server.io.httpServer.off('request', onRequest);
    await context.close();
  }
});
