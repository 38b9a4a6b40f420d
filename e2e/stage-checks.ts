// What the stage must hold on every slide, checked in the page: the document does not scroll,
// no element's content overflows its box, nothing but the join box (and what holds it) touches
// the join box, and every bar's drawn width is its value's share of its track (±2 px).
import type { Page } from 'playwright-core';

export type StageProblem = string;

export function stageProblems(page: Page): Promise<StageProblem[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth || doc.scrollHeight > window.innerHeight) {
      problems.push(`document scrolls: ${doc.scrollWidth}×${doc.scrollHeight} in ${window.innerWidth}×${window.innerHeight}`);
    }
    const stage = document.querySelector('.stage');
    if (!stage) return document.querySelector('.stage-viewport--blank') ? problems : [...problems, 'no stage'];
    const hidden = (el: Element) => el.closest('.visually-hidden') !== null;
    const all = [...stage.querySelectorAll('*')].filter((el) => !hidden(el) && !(el instanceof SVGElement));
    for (const el of all) {
      if (!(el instanceof HTMLElement) || el.clientWidth === 0 || el.clientHeight === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        problems.push(`clipped: ${name(el)} content ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}: "${(el.textContent ?? '').slice(0, 60)}"`);
      }
    }
    const join = stage.querySelector('[data-join-box]');
    if (join) {
      const j = join.getBoundingClientRect();
      for (const el of all) {
        if (el === join || el.contains(join) || join.contains(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const w = Math.min(r.right, j.right) - Math.max(r.left, j.left);
        const h = Math.min(r.bottom, j.bottom) - Math.max(r.top, j.top);
        if (w > 0.5 && h > 0.5) problems.push(`under the join box: ${name(el)} "${(el.textContent ?? '').slice(0, 40)}"`);
      }
    }
    for (const bar of stage.querySelectorAll<HTMLElement>('[data-value]')) {
      const track = bar.closest('[data-track]');
      if (!track) continue;
      const expected = (track.getBoundingClientRect().width * Number(bar.dataset.value)) / Math.max(1e-9, Number(bar.dataset.scale));
      const drawn = bar.getBoundingClientRect().width;
      if (Math.abs(drawn - expected) > 2) problems.push(`bar ${bar.dataset.value}/${bar.dataset.scale}: drawn ${drawn.toFixed(1)} px, expected ${expected.toFixed(1)} px`);
    }
    return problems;
  });
}

/** Hands a view to the stage's test page and waits until it has rendered and fitted. */
export async function render(page: Page, view: unknown, lang: 'da' | 'en' = 'da'): Promise<void> {
  await page.evaluate(([v, l]) => (window as unknown as { __stage: (v: unknown, l: string) => void }).__stage(v, l), [view, lang] as const);
  // The first render may wait for the stage's code to load: until a stage (or a blank screen) is there.
  await page.waitForFunction(() => document.querySelector('.stage, .stage-viewport--blank') !== null, undefined, { timeout: 10_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
