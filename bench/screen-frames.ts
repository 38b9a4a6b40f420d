// `npm run bench -- --screen-frames`: the projector during the plenary run. A real Chromium
// (Debian's, through playwright-core, 1920×1080, headless) opens the session's screen page
// before anyone joins and stays on it; results are shown live while each question is open, so
// every view that arrives re-renders the stage (bars grow, the count ticks, the wall fills).
// For each phase a probe in the page records every requestAnimationFrame interval and every
// long task (PerformanceObserver 'longtask': main-thread work over 50 ms). A main thread that
// keeps up gives ~16.7 ms frames; a long task is a frame the room saw stall.
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../e2e/harness.ts';
import { percentile, round } from './metrics.ts';

export type FrameFigures = {
  phase: string;
  durationMs: number;
  frames: number;
  frameP50Ms: number;
  frameP99Ms: number;
  frameMaxMs: number;
  /** Frames longer than 50 ms (three missed vsyncs). */
  framesOver50Ms: number;
  longTasks: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
  /** What the stage said when the phase ended ("3.000 har svaret"), to show it kept up. */
  shown: string;
};

type Probe = { frames: number[]; long: number[]; stopped: boolean; t0: number; observer?: PerformanceObserver };

const PROBE = `(() => {
  const p = { frames: [], long: [], stopped: false, t0: performance.now() };
  window.__probe = p;
  let last = 0;
  function tick(t) {
    if (p.stopped) return;
    if (last) p.frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
  p.observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) p.long.push(e.duration); });
  p.observer.observe({ type: 'longtask' });
})()`;

export class ScreenFrames {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(url: string, code: string): Promise<ScreenFrames> {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
    });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'da-DK' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${url}/screen/${code}`);
    await page.locator('.stage').waitFor({ state: 'visible' });
    return new ScreenFrames(browser, page);
  }

  /** Starts recording frames and long tasks. */
  async start(): Promise<void> {
    // A string, not a function: tsx would wrap the named inner functions in a helper the page lacks.
    await this.page.evaluate(PROBE);
  }

  /** Waits (at most `ms`) until the stage says at least `n` have answered. */
  async waitAnswered(n: number, ms = 5_000): Promise<void> {
    await this.page
      .waitForFunction(
        (want) => {
          const m = /([\d.\u00a0 ]+) har svaret/.exec(document.querySelector('.stage')?.textContent ?? '');
          return m !== null && Number(m[1]!.replace(/[^\d]/g, '')) >= want;
        },
        n,
        { timeout: ms, polling: 100 },
      )
      .catch(() => undefined); // the figures say what the stage showed
  }

  /** Stops recording; the figures of the phase since start(). */
  async stop(phase: string): Promise<FrameFigures> {
    const r = await this.page.evaluate(() => {
      const p = (window as unknown as { __probe: Probe }).__probe;
      p.stopped = true;
      // Long tasks still queued in the observer are delivered by takeRecords().
      for (const e of p.observer?.takeRecords() ?? []) p.long.push(e.duration);
      p.observer?.disconnect();
      const footer = document.querySelector('.stage')?.textContent ?? '';
      return { frames: p.frames, long: p.long, durationMs: performance.now() - p.t0, footer };
    });
    const answered = /([\d.\u00a0 ]+) har svaret/.exec(r.footer)?.[0] ?? '';
    return {
      phase,
      durationMs: round(r.durationMs, 0),
      frames: r.frames.length,
      frameP50Ms: round(percentile(r.frames, 50)),
      frameP99Ms: round(percentile(r.frames, 99)),
      frameMaxMs: round(Math.max(0, ...r.frames)),
      framesOver50Ms: r.frames.filter((f) => f > 50).length,
      longTasks: r.long.length,
      longTaskTotalMs: round(r.long.reduce((a, b) => a + b, 0), 0),
      longTaskMaxMs: round(Math.max(0, ...r.long)),
      shown: answered.trim(),
    };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export function printFrames(figures: FrameFigures[]): void {
  if (!figures.length) return;
  console.log('\n== the screen in Chromium (1920×1080), results shown live: frames and long tasks ==');
  const head = ['phase', 'ms', 'frames', 'p50', 'p99', 'max', '>50ms', 'long tasks', 'total ms', 'max ms', 'on the stage'];
  const rows = figures.map((f) => [f.phase, f.durationMs, f.frames, f.frameP50Ms, f.frameP99Ms, f.frameMaxMs, f.framesOver50Ms, f.longTasks, f.longTaskTotalMs, f.longTaskMaxMs, f.shown].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}
