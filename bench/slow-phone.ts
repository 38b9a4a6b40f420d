// Time to first answer on a slow phone: Chromium (Debian's, through playwright-core) with the
// network throttled by DevTools' own presets (CDP Network.emulateNetworkConditions), a cold
// cache, a 390 × 844 viewport. From opening the join link to the join form ready (its button
// shown), and to the first answer acknowledged ("Svar modtaget"), with no time spent thinking:
// the console has the scale question open before the phone arrives.
import { chromium } from 'playwright-core';
import { findChromium } from '../e2e/harness.ts';
import { host, openConsole } from './harness.ts';

/** DevTools' presets (front_end/core/sdk/NetworkManager.ts): bytes/s and ms of added latency. */
export const PRESETS = {
  'Fast 3G': { downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9, latency: 150 * 3.75 },
  'Slow 3G': { downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8, latency: 400 * 5 },
} as const;
export type Preset = keyof typeof PRESETS;

export type SlowPhone = { preset: Preset; formReadyMs: number; firstAnswerMs: number };

export async function slowPhones(url: string, presets: Preset[] = ['Fast 3G', 'Slow 3G']): Promise<SlowPhone[]> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const out: SlowPhone[] = [];
  try {
    for (const preset of presets) out.push(await onePhone(browser, url, preset));
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
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PRESETS[preset] });
      const t0 = performance.now();
      await page.goto(`${url}/join/${c.code}`, { waitUntil: 'commit' });
      const joinButton = page.getByRole('button', { name: 'Deltag i workshoppen' });
      await joinButton.waitFor({ state: 'visible' });
      const formReadyMs = performance.now() - t0;
      await page.getByRole('radio', { name: 'Borger', exact: true }).check();
      await joinButton.click();
      await page.getByRole('radio', { name: '3', exact: true }).check();
      await page.getByText('Svar modtaget').first().waitFor({ state: 'visible' });
      return { preset, formReadyMs, firstAnswerMs: performance.now() - t0 };
    } finally {
      await context.close();
    }
  } finally {
    c.host.disconnect();
    c.screen.disconnect();
  }
}
