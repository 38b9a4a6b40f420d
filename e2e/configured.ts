// A browser-test setup like harness.ts, for tests that need the server configured their way
// (a question set of their own, a quicker heartbeat): Debian's Chromium, a real server on port 0
// with a temporary data folder, one context per page. Every page records what the Content
// Security Policy refused (window.__csp) and what threw, so tests can say "nothing was blocked".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Config } from '../server/config.ts';
import { startServer, type RunningServer } from '../server/server.ts';
import { SIZES, findChromium, repoRoot, type Kind, type Session } from './harness.ts';

export type Violation = { directive: string; blocked: string; sample: string };
export type Opened = { page: Page; context: BrowserContext; errors: string[]; requests: string[] };

export type Configured = {
  server: RunningServer;
  origin: string;
  createSession: () => Promise<Session>;
  open: (kind: Kind, url: string) => Promise<Opened>;
  /** CSP violations the page has seen so far (the securitypolicyviolation event). */
  violations: (page: Page) => Promise<Violation[]>;
  close: () => Promise<void>;
};

export async function startConfigured(overrides: Partial<Config> = {}): Promise<Configured> {
  const clientDir = path.join(repoRoot, 'dist', 'client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    throw new Error(`The client is not built (${clientDir}/index.html is missing): run \`npx vite build\` before the e2e tests.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-e2e-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, questionsDir: path.join(repoRoot, 'questions'), clientDir, ...overrides });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const origin = server.url;
  const contexts = new Set<BrowserContext>();
  return {
    server,
    origin,
    async createSession() {
      const res = await fetch(`${origin}/api/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Session;
    },
    async open(kind, url) {
      const context = await browser.newContext({ viewport: SIZES[kind], locale: 'da-DK' });
      contexts.add(context);
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: unknown[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(`console: ${m.text()}`);
      });
      page.on('request', (r) => requests.push(r.url()));
      page.on('websocket', (ws) => requests.push(ws.url()));
      await page.goto(url);
      return { page, context, errors, requests };
    },
    violations: (page) => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp),
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
