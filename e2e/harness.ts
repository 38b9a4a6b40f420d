// The browser-test harness: Debian's Chromium through playwright-core, a real server on port 0
// with a temporary data folder, one browser context per role, a per-page network log and
// screenshots under e2e-artifacts/screenshots/. A missing Chromium or an unbuilt client fails
// the tests with a message saying what to do: CI installs both, so a skip would hide a broken run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startServer, type RunningServer } from '../server/server.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = path.join(repoRoot, 'e2e-artifacts', 'screenshots');

export const SIZES = {
  console: { width: 1440, height: 900 },
  screen: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
} as const;
export type Kind = keyof typeof SIZES;

export type Session = { code: string; hostToken: string; hostUrl: string; screenUrl: string; joinUrl: string };

/** A page in its own browser context, with every URL it requested (websockets included). */
export type RolePage = { page: Page; context: BrowserContext; requests: string[]; close: () => Promise<void> };

export type PageOptions = {
  /** The browser's language; the UI picks Danish or English from it. Default da-DK. */
  locale?: string;
  /** Called with the new context before the page opens (to add routes, say). */
  setup?: (context: BrowserContext) => Promise<void>;
};

export type Harness = {
  browser: Browser;
  server: RunningServer;
  /** "http://127.0.0.1:<port>" – every request of every page must stay on it. */
  origin: string;
  createSession: (body?: Record<string, unknown>) => Promise<Session>;
  open: (kind: Kind, url: string, options?: PageOptions) => Promise<RolePage>;
  /** Screenshots of every open page under e2e-artifacts/failures/ (for a failed test's log). */
  shootAll: (prefix: string) => Promise<void>;
  close: () => Promise<void>;
};

export function findChromium(): string {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (fs.existsSync(chosen)) return chosen;
    throw new Error(`CHROMIUM_PATH is set to ${chosen}, which does not exist.`);
  }
  for (const c of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (fs.existsSync(c)) return c;
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // not on PATH either: fall through to the error below
  }
  throw new Error(
    'Chromium was not found (looked at /usr/bin/chromium, /usr/bin/chromium-browser and `which chromium`). ' +
      'The browser tests need it: install Debian\'s package (`apt-get install chromium`) or set CHROMIUM_PATH.',
  );
}

export async function startHarness(): Promise<Harness> {
  const executablePath = findChromium();
  const clientDir = path.join(repoRoot, 'dist', 'client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    throw new Error(`The client is not built (${clientDir}/index.html is missing): run \`npx vite build\` before the e2e tests.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-e2e-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, questionsDir: path.join(repoRoot, 'questions'), clientDir });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const pages: OpenPages = new Map();
  return {
    browser,
    server,
    origin: server.url,
    createSession: (body = {}) => createSession(server.url, body),
    open: (kind, url, options = {}) => openPage(browser, pages, kind, url, options),
    shootAll: (prefix) => shootAll(pages, prefix),
    async close() {
      for (const { context } of pages.values()) await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createSession(origin: string, body: Record<string, unknown>): Promise<Session> {
  const res = await fetch(`${origin}/api/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Session;
}

type OpenPages = Map<Page, { kind: Kind; context: BrowserContext }>;

async function openPage(browser: Browser, pages: OpenPages, kind: Kind, url: string, options: PageOptions): Promise<RolePage> {
  const context = await browser.newContext({ viewport: SIZES[kind], locale: options.locale ?? 'da-DK' });
  await options.setup?.(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  pages.set(page, { kind, context });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));
  await page.goto(url);
  const close = async () => {
    pages.delete(page);
    await context.close();
  };
  return { page, context, requests, close };
}

async function shootAll(pages: OpenPages, prefix: string): Promise<void> {
  if (pages.size === 0) return; // the test got to its end and closed them (a soft assertion failed)
  const dir = path.join(repoRoot, 'e2e-artifacts', 'failures');
  fs.mkdirSync(dir, { recursive: true });
  let i = 0;
  for (const [page, { kind }] of pages) {
    const file = path.join(dir, `${prefix.replace(/[^\w-]+/g, '-')}-${++i}-${kind}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  }
  console.log(`[e2e] screenshots of the failed test's pages are in ${dir}`);
}

/**
 * One harness per test file: started before the tests, closed after them. A harness that cannot
 * start (no Chromium, no built client) fails every test with its message rather than skipping
 * them; a failed test leaves screenshots of its open pages.
 */
export function useHarness(started: (h: Harness) => void): void {
  let h: Harness | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      h = await startHarness();
      started(h);
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(({ onTestFailed, task }) => {
    if (failure) throw failure;
    onTestFailed(() => h?.shootAll(task.name));
  });
  afterAll(async () => {
    await h?.close();
  });
}

let announced = false;

/** Saves a full-page PNG as e2e-artifacts/screenshots/<name>.png; names the folder once in the log. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  if (!announced) {
    announced = true;
    console.log(`[e2e] screenshots are saved in ${screenshotDir}`);
  }
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The same view at another size too (a phone view on a projector, say), then back. */
export async function screenshotAt(page: Page, name: string, sizes: Kind[]): Promise<void> {
  const before = page.viewportSize();
  for (const kind of sizes) {
    const { width, height } = SIZES[kind];
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}x${height}`);
  }
  if (before) await page.setViewportSize(before);
}
