// The projector's controls in the core: the wall is paged (every answer on exactly one page, the
// view carrying one page), the page turns and wraps, a new step starts on page 1, rotation is the
// server's own command, the overview shows on a theme step only, and the facilitator's theme
// note never reaches the screen or the phones.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../protocol.ts';
import type { TextResults } from './results.ts';
import { hostView, participantView, screenView } from './views.ts';
import { WALL_PAGE, pageStarts } from './wall-pages.ts';
import { AGENDA, HOST, SET, answer, contextFor, goToAndOpen, join, must, newWorld, reveal, run, setWith, stepOf, text, type World } from './test-fixtures.ts';
import { decide } from './decide.ts';

function wallOf(w: World): TextResults {
  const r = screenView(w.state).results;
  if (r?.type !== 'text') throw new Error('no wall on the screen');
  return r;
}

/** 100 people with three answers each to q1-4, of lengths from 1 to 500 characters, revealed. */
function fullWall(): World {
  const w = newWorld(setWith('q1-4', { maxLength: 500 }));
  const people = Array.from({ length: 100 }, (_, i) => join(w, ROLES[i % ROLES.length]));
  goToAndOpen(w, 'q1-4');
  people.forEach((p, i) => {
    for (let k = 0; k < 3; k++) {
      const n = i * 3 + k;
      answer(w, p, 'q1-4', text(`svar-${n}-${'x'.repeat((n * 37) % 490)}`));
    }
  });
  reveal(w, 'q1-4');
  return w;
}

describe('the wall on the screen, page by page', () => {
  it('pages through 300 answers: each exactly once, the view carrying one page, and the count written', () => {
    const w = fullWall();
    const first = wallOf(w);
    expect(first.page).toMatchObject({ index: 0, first: 1, total: 300 });
    const pages = first.page!.count;
    const seen = new Map<string, number>();
    for (let p = 0; p < pages; p++) {
      const wall = wallOf(w);
      expect(wall.page).toMatchObject({ index: p, count: pages, total: 300 });
      expect(wall.answers.length).toBe(wall.page!.last - wall.page!.first + 1);
      expect(wall.answers.length).toBeLessThanOrEqual(WALL_PAGE.answers);
      for (const a of wall.answers) seen.set(a.text, (seen.get(a.text) ?? 0) + 1);
      must(w, HOST, { type: 'turnScreenPage', by: 1 });
    }
    expect(seen.size).toBe(300);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // Past the last page it starts over; before the first it goes to the last.
    expect(wallOf(w).page!.index).toBe(0);
    must(w, HOST, { type: 'turnScreenPage', by: -1 });
    expect(wallOf(w).page!.index).toBe(pages - 1);
    expect(hostView(w.state).screenWall).toMatchObject({ index: pages - 1, count: pages, total: 300 });
  });

  it('a page holds at most 20 answers and about 2,000 characters; a long answer gets a page of its own', () => {
    expect(pageStarts(Array.from({ length: 45 }, () => 10))).toEqual([0, 20, 40]);
    expect(pageStarts([500, 500, 500, 500])).toEqual([0, 3]);
    expect(pageStarts([5000, 10])).toEqual([0, 1]);
    expect(pageStarts([])).toEqual([]);
  });

  it('a new step starts on page 1 with the overview off', () => {
    const w = fullWall();
    must(w, HOST, { type: 'turnScreenPage', by: 1 });
    expect(screenView(w.state).page).toBe(1);
    must(w, HOST, { type: 'next' });
    must(w, HOST, { type: 'previous' });
    expect(screenView(w.state).page).toBe(0);
    expect(wallOf(w).page!.index).toBe(0);
  });
});

describe('screen controls', () => {
  it('rotation is the server\'s own command, and turns the page only while it is on', () => {
    const w = newWorld();
    const system = contextFor(w, { kind: 'system' });
    expect(decide(w.state, { type: 'rotateScreen' }, system)).toMatchObject({ ok: false, error: { code: 'not_allowed_now' } });
    must(w, HOST, { type: 'configureScreen', rotate: true });
    expect(screenView(w.state).rotate).toBe(true);
    expect(decide(w.state, { type: 'rotateScreen' }, system)).toMatchObject({ ok: true, events: [{ type: 'screenPageTurned', page: 1 }] });
    expect(decide(w.state, { type: 'rotateScreen' }, contextFor(w, HOST))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the theme overview shows on the screen on a theme step only, each gap naming its statement', () => {
    const w = newWorld();
    const themeStep = AGENDA.findIndex((s) => s.kind === 'theme');
    expect(run(w, HOST, { type: 'configureScreen', overview: true })).toMatchObject({ ok: false, error: { code: 'not_allowed_now' } });
    must(w, HOST, { type: 'goTo', index: themeStep });
    expect(screenView(w.state).overview).toBeNull();
    must(w, HOST, { type: 'configureScreen', overview: true });
    const overview = screenView(w.state).overview;
    expect(overview?.length).toBe(SET.themes[0]!.questions.length);
    expect(hostView(w.state).screenOverview).toBe(true);
  });

  it('a statements gap names its statement', () => {
    const w = newWorld();
    const q = SET.themes[0]!.questions.find((x) => x.response.type === 'statements')!;
    const people = Array.from({ length: 12 }, (_, i) => join(w, i < 6 ? 'politician' : 'employee'));
    goToAndOpen(w, q.id);
    const n = q.response.type === 'statements' ? q.response.statements.length : 0;
    people.forEach((p, i) => {
      const votes = Array.from({ length: n }, (_, s) => (s === 1 ? (i < 6 ? 'agree' : 'disagree') : 'agree'));
      answer(w, p, q.id, { kind: 'statements', votes });
    });
    must(w, HOST, { type: 'goTo', index: stepOf(q.id) - SET.themes[0]!.questions.findIndex((x) => x.id === q.id) - 1 });
    must(w, HOST, { type: 'configureScreen', overview: true });
    const item = screenView(w.state).overview!.find((o) => o.questionId === q.id)!;
    expect(item.gap).toMatchObject({ statement: 1, statementText: q.response.type === 'statements' ? q.response.statements[1] : undefined });
  });
});

describe('the facilitator note stays with the facilitator', () => {
  it('is in the host view on its theme and its questions, never in the screen or participant view', () => {
    const set = structuredClone(SET);
    set.themes[0]!.note = { da: 'FACILITATOR-NOTE-Zq kun til dig', en: 'FACILITATOR-NOTE-Zq for you' };
    set.themes[0]!.description = { da: 'Til salen' };
    for (const theme of set.themes.slice(1)) delete theme.note;
    const w = newWorld(set);
    AGENDA.forEach((step, index) => {
      must(w, HOST, { type: 'goTo', index });
      expect(JSON.stringify(screenView(w.state))).not.toContain('FACILITATOR-NOTE-Zq');
      expect(JSON.stringify(participantView(w.state))).not.toContain('FACILITATOR-NOTE-Zq');
      const inFirstTheme = (step.kind === 'theme' || step.kind === 'question') && step.themeId === set.themes[0]!.id;
      expect(hostView(w.state).facilitatorNote).toEqual(inFirstTheme ? set.themes[0]!.note : null);
      if (step.kind === 'theme' && inFirstTheme) expect(screenView(w.state).step).toMatchObject({ description: { da: 'Til salen' } });
    });
  });
});
