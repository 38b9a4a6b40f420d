// Time to first answer on a slow phone: Chromium (Debian's, through playwright-core) with the
// network throttled by DevTools' own presets (CDP Network.emulateNetworkConditions), a cold
// cache, a 390 × 844 viewport. From opening the join link to the join form ready (its button
// shown), and to the first answer acknowledged ("Svar modtaget"), with no time spent thinking:
// the console has the scale question open before the phone arrives.
//
// Each phone also reports where its time went (`steps`, ms from opening the link, read from the
// DevTools protocol's network events): when the page, each script, stylesheet and font had
// arrived, the websocket's opening handshake was sent and answered, and the join and the answer
// went out and were acknowledged; and `requests`, each request with when it was sent and done,
// which shows the round trips in sequence on the way to the first answer.
import { chromium, type CDPSession } from 'playwright-core';
import { findChromium } from '../e2e/harness.ts';
import { host, openConsole } from './harness.ts';

/** DevTools' presets (front_end/core/sdk/NetworkManager.ts): bytes/s and ms of added latency. */
export const PRESETS = {
  'Fast 3G': { downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9, latency: 150 * 3.75 },
  'Slow 3G': { downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8, latency: 400 * 5 },
} as const;
export type Preset = keyof typeof PRESETS;

export type SlowPhone = {
  preset: Preset;
  formReadyMs: number;
  firstAnswerMs: number;
  /** Milestones, ms from opening the link (network ones from DevTools' own clock). */
  steps: Record<string, number>;
  /** HTTP requests and the websocket handshake, each: what, sent at, done at (ms), bytes. */
  requests: { what: string; sentMs: number; doneMs: number; bytes: number }[];
};

export async function slowPhones(url: string, presets: Preset[] = ['Fast 3G', 'Slow 3G'], runs = 1): Promise<SlowPhone[]> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const out: SlowPhone[] = [];
  try {
    for (const preset of presets) {
      const all: SlowPhone[] = [];
      for (let i = 0; i < runs; i++) all.push(await onePhone(browser, url, preset));
      // The median run by first answer (one run: that run).
      all.sort((a, b) => a.firstAnswerMs - b.firstAnswerMs);
      out.push(all[Math.floor((all.length - 1) / 2)]!);
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function onePhone(browser: import('playwright-core').Browser, url: string, preset: Preset): Promise<SlowPhone> {
  const c = await openConsole(url);
  try {
    const step = c.agenda.find((a) => a.questionId === 'q1-1')?.index ?? 0;
    await host(c, { type: 'goTo', index: step });
    await host(c, { type: 'openAnswering', questionId: 'q1-1' });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const cdp = await context.newCDPSession(page);
      const net = watchNetwork(cdp);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PRESETS[preset] });
      const t0 = performance.now();
      const since = () => performance.now() - t0;
      await page.goto(`${url}/join/${c.code}`, { waitUntil: 'commit' });
      const joinButton = page.getByRole('button', { name: 'Deltag i workshoppen' });
      await joinButton.waitFor({ state: 'visible' });
      const formReadyMs = since();
      await page.getByRole('radio', { name: 'Borger', exact: true }).check();
      await joinButton.click();
      const scale = page.getByRole('radio', { name: '3', exact: true });
      await scale.waitFor({ state: 'visible' });
      const questionMs = since();
      await scale.check();
      await page.getByText('Svar modtaget').first().waitFor({ state: 'visible' });
      const firstAnswerMs = since();
      const { steps, requests } = net.report();
      const ui = { 'join form ready (shown)': formReadyMs, 'question shown': questionMs, 'answer acked (shown)': firstAnswerMs };
      const all = Object.entries({ ...steps, ...ui }).map(([k, v]) => [k, Math.round(v)] as const);
      return { preset, formReadyMs, firstAnswerMs, steps: Object.fromEntries(all.sort((a, b) => a[1] - b[1])), requests };
    } finally {
      await context.close();
    }
  } finally {
    c.host.disconnect();
    c.screen.disconnect();
  }
}

/** Collects the page's network events (CDP timestamps are seconds on Chromium's own clock). */
function watchNetwork(cdp: CDPSession) {
  let origin: number | null = null; // the page request's timestamp: "0 ms"
  const ms = (ts: number) => (origin === null ? 0 : (ts - origin) * 1000);
  const reqs = new Map<string, { what: string; sent: number; done?: number; bytes: number }>();
  const steps: Record<string, number> = {};
  const once = (name: string, ts: number) => {
    if (!(name in steps)) steps[name] = ms(ts);
  };
  let joinSentAt: number | null = null;
  let answerSent = false;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (origin === null) origin = e.timestamp;
    const path = new URL(e.request.url).pathname;
    reqs.set(e.requestId, { what: `${e.type ?? ''} ${path}`.trim(), sent: ms(e.timestamp), bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { done: ms(e.timestamp), bytes: e.encodedDataLength });
  });
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e) => {
    reqs.set(e.requestId, { what: 'WebSocket handshake', sent: ms(e.timestamp), bytes: 0 });
  });
  cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.done = ms(e.timestamp);
  });
  cdp.on('Network.webSocketFrameSent', (e) => {
    const p = e.response.payloadData;
    if (p.startsWith('40')) once('socket.io connect sent', e.timestamp);
    if (p.includes('"type":"join"')) {
      once('join sent', e.timestamp);
      joinSentAt ??= e.timestamp;
    } else if (p.includes('"type":"submitAnswer"')) {
      once('answer sent', e.timestamp);
      answerSent = true;
    }
  });
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const p = e.response.payloadData;
    if (p.startsWith('0{')) once('engine.io open received', e.timestamp);
    if (p.startsWith('40')) once('socket.io connected', e.timestamp);
    if (p.startsWith('42["view"')) once('first view received', e.timestamp);
    if (/^43\d*\[/.test(p) && joinSentAt !== null) {
      if (!answerSent) once('join acked', e.timestamp);
      else once('answer acked', e.timestamp);
    }
  });
  return {
    report() {
      const requests = [...reqs.values()]
        .filter((r) => r.done !== undefined)
        .map((r) => ({ what: r.what, sentMs: Math.round(r.sent), doneMs: Math.round(r.done!), bytes: r.bytes }))
        .sort((a, b) => a.sentMs - b.sentMs);
      for (const r of requests) steps[`${r.what} done`] ??= r.doneMs;
      return { steps, requests };
    },
  };
}
