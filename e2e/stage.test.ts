// The stage (projector) in Chromium: every step kind with empty, typical and maximal content,
// at 1920×1080, 1280×720 and 1024×768 and every room size, must fit – no scrolling, nothing
// clipped, nothing under the join box, bars true to their counts – and pass axe in both
// themes. The views come from the real core (stage-views.ts) and are fed to the stage's test
// page; one run goes through the real server with real sockets, the console and the screen.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ScreenView } from '../shared/session/views.ts';
import { repoRoot, screenshot, useHarness, type Harness, type Session } from './harness.ts';
import { axeViolations, describeViolations } from './axe.ts';
import { render, stageProblems } from './stage-checks.ts';
import { stageCases, wallPages, type Content, type StageCase } from './stage-views.ts';

let h: Harness;
useHarness((started) => (h = started));

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;
const ZOOMS = [1, 1.25, 1.5] as const;
const CONTENTS: Content[] = ['empty', 'typical', 'max'];

let session: Session;
let page: Page;
const cases = new Map<Content, StageCase[]>();

beforeAll(async () => {
  session = await h.createSession();
  const role = await h.open('screen', `${h.origin}/stage-fixture`);
  page = role.page;
  // Bars land at once: the check measures them, not their growth.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.waitForFunction(() => '__stage' in window);
  for (const c of CONTENTS) cases.set(c, stageCases(c));
});

/** The case's view, on this session (so the QR code loads), at a room size and theme. */
function viewOf(c: StageCase, zoom: number, theme: 'standard' | 'contrast' = 'standard'): ScreenView {
  return { ...c.view, code: session.code, zoom, theme };
}

/** Room sizes per viewport: all three at 1280×720, the smallest and largest at the others. */
const ZOOMS_AT: Record<number, readonly number[]> = { 1920: [1, 1.5], 1280: ZOOMS, 1024: [1, 1.5] };

describe('the stage fits', () => {
  test.each(VIEWPORTS)('every step kind × content × room size at $width×$height: no scroll, no clipping, the join box clear, bars true', async (vp) => {
    await page.setViewportSize(vp);
    const failures: string[] = [];
    let checked = 0;
    for (const content of CONTENTS) {
      for (const zoom of ZOOMS_AT[vp.width]!) {
        for (const c of cases.get(content)!) {
          await render(page, viewOf(c, zoom));
          const problems = await stageProblems(page);
          checked++;
          const label = `${c.state} · ${content} · ${vp.width}×${vp.height} · zoom ${zoom}`;
          if (problems.length) failures.push(`${label}:\n  ${problems.slice(0, 5).join('\n  ')}`);
          if ((vp.width === 1920 && zoom === 1) || (vp.width === 1024 && zoom === 1.5 && content === 'max')) {
            await screenshot(page, `stage/${vp.width}x${vp.height}-z${zoom}-${content}-${c.state}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);

  test('in English too, with no Danish UI text', async () => {
    await page.setViewportSize(VIEWPORTS[0]);
    const failures: string[] = [];
    for (const c of cases.get('typical')!) {
      await render(page, viewOf(c, 1), 'en');
      const problems = await stageProblems(page);
      if (problems.length) failures.push(`${c.state}: ${problems.join('; ')}`);
      const text = await page.locator('.stage-viewport').innerText();
      for (const danish of ['deltagere', 'har svaret', ' af ', 'Alle', 'Tema']) {
        if (c.state !== 'blank' && text.includes(danish)) failures.push(`${c.state}: Danish "${danish}" in the English stage`);
      }
      await screenshot(page, `stage/en-${c.state}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

describe('the wall', () => {
  test('pages through 300 answers: each exactly once, and every page says which answers of how many', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const pages = wallPages();
    expect(pages.length).toBeGreaterThan(10);
    const seen = new Map<string, number>();
    let expectedFirst = 1;
    for (const [i, view] of pages.entries()) {
      await render(page, { ...view, code: session.code });
      expect(await stageProblems(page), `page ${i + 1}`).toEqual([]);
      const texts = await page.locator('.swall__text').allInnerTexts();
      const label = await page.locator('.stage__pager').innerText();
      expect(label).toBe(`${expectedFirst}–${expectedFirst + texts.length - 1} af 300`);
      expectedFirst += texts.length;
      for (const t of texts) seen.set(t, (seen.get(t) ?? 0) + 1);
      if (i < 2) await screenshot(page, `stage/wall-page-${i + 1}`);
    }
    expect(expectedFirst).toBe(301);
    expect(seen.size).toBe(300);
    expect([...seen.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  });
});

describe('accessibility', () => {
  test('axe WCAG 2.1 A/AA: every state of every content, both themes, at 1280×720', { timeout: 300_000 }, async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const failures: string[] = [];
    for (const content of CONTENTS) {
      for (const c of cases.get(content)!) {
        for (const theme of ['standard', 'contrast'] as const) {
          await render(page, viewOf(c, 1, theme));
          const violations = await axeViolations(page);
          if (violations.length) failures.push(describeViolations(`${c.state} · ${content} · ${theme}`, violations));
          if (theme === 'contrast' && content === 'typical') await screenshot(page, `stage/contrast-${c.state}`);
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

export const DOCS_SCREENSHOTS = path.join(repoRoot, 'docs', 'screenshots');
void fs;
