// The stage (projector) in Chromium: every step kind with empty, typical and maximal content,
// at 1920×1080, 1280×720 and 1024×768 and every room size, must fit – no scrolling, nothing
// clipped, nothing under the join box, bars true to their counts – and pass axe in both
// themes. The views come from the real core (stage-views.ts) and are fed to the stage's test
// page; one run goes through the real server with real sockets, the console and the screen.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { HostView, ScreenView } from '../shared/session/views.ts';
import { LIMITS, ROLES } from '../shared/protocol.ts';
import { TestClient, inBatches, stepIndex } from '../server/testing/harness.ts';
import { joinOverSocket, shown } from './flow.ts';
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

const THEMES = ['standard', 'contrast'] as const;

describe('the stage fits, and passes axe', () => {
  // One page, reused: each state is rendered at every room size in the standard theme and at one
  // in the contrast theme (a different one per state), all checked for fit; axe runs once per
  // theme on every state × content × viewport, each time at a different room size.
  test.each(VIEWPORTS)(
    'every step kind × content × room size at $width×$height: no scroll, no clipping, the join box clear, bars true; axe WCAG 2.1 A/AA clean in both themes',
    async (vp) => {
      await page.setViewportSize(vp);
      const failures: string[] = [];
      const accessibility: string[] = [];
      const combos = new Set<string>();
      let checked = 0;
      let axed = 0;
      for (const content of CONTENTS) {
        for (const [i, c] of cases.get(content)!.entries()) {
          const runs: { zoom: number; theme: (typeof THEMES)[number]; axe: boolean }[] = [
            ...ZOOMS.map((zoom, k) => ({ zoom, theme: 'standard' as const, axe: k === i % ZOOMS.length })),
            { zoom: ZOOMS[(i + 1) % ZOOMS.length]!, theme: 'contrast', axe: true },
          ];
          for (const { zoom, theme, axe } of runs) {
            await render(page, viewOf(c, zoom, theme));
            const problems = await stageProblems(page);
            checked++;
            combos.add(`${content}·${zoom}·${theme}`);
            const label = `${c.state} · ${content} · ${vp.width}×${vp.height} · zoom ${zoom} · ${theme}`;
            if (problems.length) failures.push(`${label}:\n  ${problems.slice(0, 5).join('\n  ')}`);
            if (axe) {
              const violations = await axeViolations(page);
              axed++;
              if (violations.length) accessibility.push(describeViolations(label, violations));
            }
            if (theme === 'standard' && ((vp.width === 1920 && zoom === 1) || (vp.width === 1024 && zoom === 1.5 && content === 'max'))) {
              await screenshot(page, `stage/${vp.width}x${vp.height}-z${zoom}-${content}-${c.state}`);
            }
            if (theme === 'contrast' && vp.width === 1280 && content === 'typical') await screenshot(page, `stage/contrast-${c.state}`);
          }
        }
      }
      // Every content × room size in the standard theme, every content in the contrast theme.
      expect(combos.size).toBe(CONTENTS.length * (ZOOMS.length + ZOOMS.length));
      expect(checked).toBe(CONTENTS.reduce((n, content) => n + cases.get(content)!.length, 0) * (ZOOMS.length + 1));
      expect(axed).toBe(CONTENTS.reduce((n, content) => n + cases.get(content)!.length, 0) * THEMES.length);
      expect(failures, failures.join('\n')).toEqual([]);
      expect(accessibility, accessibility.join('\n')).toEqual([]);
    },
    900_000,
  );

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

describe('the maximal content', () => {
  test('is the most the limits allow: 10 statements and 10 ranking items split by 6 roles and 6 tables, 8 options with "Andet", 300 answers of up to 500 characters, a 300-character word', () => {
    const max = cases.get('max')!;
    const view = (state: string) => {
      const found = max.find((c) => c.state === state);
      if (!found) throw new Error(`no ${state} in the maximal content`);
      return found.view;
    };
    const response = (state: string) => {
      const step = view(state).step;
      if (step?.kind !== 'question') throw new Error(`${state} is not a question step`);
      return step.question.response;
    };
    const groups = (state: string) => (view(state).results?.groups ?? []).filter((g) => !g.suppressed).map((g) => g.key);
    expect(response('ranking-results')).toMatchObject({ type: 'ranking', items: { length: LIMITS.rankingItems } });
    expect(LIMITS.rankingItems).toBe(10);
    expect(response('statements-by-role')).toMatchObject({ type: 'statements', statements: { length: 10 } });
    expect(response('choice-results')).toMatchObject({ type: 'choice', options: { length: 8 }, other: true });
    const choice = view('choice-results').results;
    expect(choice?.type === 'choice' && choice.other).toBeGreaterThan(0);
    for (const state of ['scale-by-role', 'choice-by-role', 'ranking-by-role', 'statements-by-role']) expect(groups(state), state).toEqual([...ROLES]);
    for (const state of ['scale-by-table', 'statements-by-table']) expect(groups(state), state).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(response('text-wall')).toMatchObject({ type: 'text', maxLength: 500 });
    const wall = view('text-wall').results;
    if (wall?.type !== 'text') throw new Error('no wall');
    // 60 people × 5 answers = 300 answers; one is merged into another: 299 cards in all, paged.
    expect(view('text-wall').participants).toBe(60);
    expect(response('text-wall')).toMatchObject({ maxAnswers: 5 });
    expect(wall.n).toBe(299);
    expect(wall.page).toMatchObject({ total: 299, first: 1 });
    const texts = [...wall.answers, ...(view('text-wall-page-2').results as { answers: { text: string }[] }).answers].map((a) => a.text);
    expect(Math.max(...texts.map((t) => t.length))).toBe(500);
    expect(texts.some((t) => t.split(' ').some((word) => word.length >= 300))).toBe(true);
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

/** A 1920×1080 shot for the docs (docs/screenshots/), kept small: 256 colours. */
async function docsShot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const dir = path.join(repoRoot, 'docs', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

describe('through the real server', () => {
  test('lobby with roles, a 150-answer wall paged from the console, a statements poll split by role – on the real screen', { timeout: 180_000 }, async () => {
    const s = await h.createSession();
    const host = await TestClient.connect<HostView>(h.origin, { code: s.code, as: 'host', token: s.hostToken }, 10_000);
    const phones = await inBatches(Array.from({ length: 50 }, (_, i) => i), 10, (i) => joinOverSocket(h.origin, s.code, ROLES[i % 5]!));
    const screenRole = await h.open('screen', s.screenUrl);
    const screen = screenRole.page;
    await screen.emulateMedia({ reducedMotion: 'reduce' });
    await shown(screen.getByText('50 deltagere', { exact: true }));
    expect(await stageProblems(screen)).toEqual([]);
    await docsShot(screen, 'stage-lobby');

    // 150 answers on the wall; the console turns the page.
    await host.must({ type: 'goTo', index: stepIndex(host.view!, 'q1-4') });
    await host.must({ type: 'openAnswering', questionId: 'q1-4' });
    await inBatches(phones, 10, async (p, i) => {
      for (let k = 0; k < 3; k++) await p.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: IDEAS[(i * 3 + k) % IDEAS.length]!.replace('{n}', String(i * 3 + k + 1)) } });
    });
    await host.must({ type: 'closeAnswering', questionId: 'q1-4' });
    await host.must({ type: 'setResultsVisible', questionId: 'q1-4', visible: true });
    const first = (await host.waitForView((v) => v.screenWall?.total === 150, 'the wall on the screen')).screenWall!;
    expect(first).toMatchObject({ index: 0, first: 1 });
    await shown(screen.getByText(`1–${first.last} af 150`, { exact: true }));
    expect(await stageProblems(screen)).toEqual([]);
    await docsShot(screen, 'stage-wall-150');
    const consoleRole = await h.open('console', s.hostUrl);
    await consoleRole.page.getByRole('button', { name: 'Næste side på skærmen →' }).click();
    const second = (await host.waitForView((v) => v.screenWall?.index === 1, 'page 2 on the screen')).screenWall!;
    await shown(screen.getByText(`${first.last + 1}–${second.last} af 150`, { exact: true }));
    await shown(consoleRole.page.getByText(`Skærmen viser svar ${first.last + 1}–${second.last} af 150 (side 2 af ${second.count})`));
    await consoleRole.close();

    // The statements poll that ends a theme, split by role: a heat map.
    await host.must({ type: 'goTo', index: stepIndex(host.view!, 'u1') });
    await host.must({ type: 'openAnswering', questionId: 'u1' });
    await inBatches(phones, 10, (p, i) =>
      p.must({ type: 'submitAnswer', questionId: 'u1', answer: { kind: 'statements', votes: Array.from({ length: 6 }, (_, k) => (['agree', 'disagree', 'agree', 'pass', 'agree', 'disagree'] as const)[(i % 5 + k * (i % 3)) % 6]!) } }),
    );
    await host.must({ type: 'closeAnswering', questionId: 'u1' });
    await host.must({ type: 'configureQuestion', questionId: 'u1', split: 'role' });
    await host.must({ type: 'setResultsVisible', questionId: 'u1', visible: true });
    await shown(screen.locator('.heat'));
    expect(await stageProblems(screen)).toEqual([]);
    await docsShot(screen, 'stage-statements-by-role');
    for (const p of phones) p.close();
    host.close();
  });
});

const IDEAS = [
  'Vi bruger data fra vores egne målinger, før vi beslutter ({n})',
  'Fagprofessionerne skal med fra start, ikke til sidst',
  'Evidens er mere end tal: også borgernes erfaringer ({n})',
  'Vi mangler tid til at læse forskningen',
  'Pilotprojekter med en klar evaluering',
  'Samarbejde med VIVE og universiteterne ({n})',
  'Ledelsen skal efterspørge viden i hver sag',
  'Færre mål, men mål vi kan måle på',
  'Vi deler for lidt på tværs af forvaltningerne ({n})',
  'Det afhænger helt af området',
];
