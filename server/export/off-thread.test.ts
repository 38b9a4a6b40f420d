import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/protocol.ts';
import { SET, answer, join, newWorld, open } from '../../shared/session/test-fixtures.ts';
import { emptyWorld } from '../../shared/summary/fixture.ts';
import { buildSummary } from '../../shared/summary/summary.ts';
import { renderOffThread, stop } from './off-thread.ts';
import { renderSummary } from './render.ts';
import { unzip } from './unzip.ts';

/** The longest the event loop went without running a 5 ms timer while `job` ran. */
async function worstGap(job: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  await job();
  clearInterval(timer);
  return Math.max(worst, performance.now() - last);
}

afterAll(() => stop());

describe('DOCX and XLSX render in a worker thread', () => {
  it('gives the same documents as rendering here', async () => {
    const summary = buildSummary(emptyWorld().state);
    for (const format of ['docx', 'xlsx'] as const) {
      const [off, here] = [await renderOffThread(summary, format), await renderSummary(summary, format)];
      expect(off.fileName).toBe(here.fileName);
      expect([...unzip(off.body).keys()].sort()).toEqual([...unzip(here.body).keys()].sort());
    }
  });

  it('a big room’s XLSX does not stall the event loop', async () => {
    const w = newWorld();
    const questions = SET.themes.flatMap((t) => t.questions).filter((q) => q.response.type === 'scale');
    for (const q of questions) open(w, q.id);
    for (let i = 0; i < 400; i++) {
      const p = join(w, ROLES[i % 5]);
      for (const q of questions) answer(w, p, q.id, { kind: 'scale', value: 1 + (i % 5) });
    }
    const summary = buildSummary(w.state);
    const offThread = await worstGap(() => renderOffThread(summary, 'xlsx'));
    const here = await worstGap(() => renderSummary(summary, 'xlsx'));
    // Here the loop waits for the whole render; off the thread only for copying the model.
    expect(offThread).toBeLessThan(here / 2);
  });
});
