// What each audience may see: proved on the projections themselves.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../protocol.ts';
import { hostView, meView, participantView, screenView, WALL_LIMIT } from './views.ts';
import {
  AGENDA, HOST, answer, dontKnow, goToAndOpen, join, must, newWorld, num, reveal, scale, stepOf, text, type Joined, type World,
} from './test-fixtures.ts';

/** A busy room: named people of every role, answers to a scale, a number and a text question, all revealed. */
function busyRoom(): { w: World; people: Joined[] } {
  const w = newWorld();
  const people = Array.from({ length: 12 }, (_, i) => join(w, ROLES[i % ROLES.length], `Navn-Zq${i}-Hemmelig`));
  goToAndOpen(w, 'q1-1');
  people.forEach((p, i) => answer(w, p, 'q1-1', i % 5 === 4 ? dontKnow : scale((i % 5) + 1)));
  goToAndOpen(w, 'q1-2');
  people.forEach((p, i) => answer(w, p, 'q1-2', num(i * 7)));
  goToAndOpen(w, 'q1-4');
  people.forEach((p, i) => answer(w, p, 'q1-4', text(`Idé nummer ${i}`)));
  for (const q of ['q1-1', 'q1-2', 'q1-4']) reveal(w, q);
  return { w, people };
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) keys.add(k), walk(x);
  };
  walk(value);
  return keys;
}

describe('no view leaks a secret', () => {
  it.each(AGENDA.map((step, index) => ({ index, kind: step.kind, id: step.kind === 'question' ? step.questionId : '' })))(
    'step $index ($kind $id): tokens in no view; names and participant ids not on the screen or phones',
    ({ index }) => {
      const { w, people } = busyRoom();
      must(w, HOST, { type: 'goTo', index });
      const tokens = Object.values(w.state.participants).map((p) => p.token);
      expect(tokens).toHaveLength(12);
      const views = {
        host: JSON.stringify(hostView(w.state)),
        screen: JSON.stringify(screenView(w.state)),
        participant: JSON.stringify(participantView(w.state)),
        me: JSON.stringify(people.map((p) => meView(w.state, p.participantId))),
      };
      for (const [audience, json] of Object.entries(views)) {
        for (const token of tokens) expect(json, `${audience} leaks a token`).not.toContain(token);
        expect(json, audience).not.toMatch(/SECRET-token/);
      }
      for (const json of [views.screen, views.participant]) {
        expect(json).not.toMatch(/Navn-Zq/);
        for (const p of people) expect(json).not.toContain(`"${p.participantId}"`);
      }
    },
  );
});

describe('results per audience', () => {
  it.each(['q1-1', 'q1-2', 'q1-4'])('%s: screen and phones see results only once revealed; the host always', (q) => {
    const w = newWorld();
    const p = join(w);
    goToAndOpen(w, q);
    answer(w, p, q, q === 'q1-2' ? num(5) : q === 'q1-4' ? text('hej') : scale(3));
    expect(hostView(w.state).results).toMatchObject({ n: 1 });
    expect(screenView(w.state).results).toBeNull();
    expect(participantView(w.state).results).toBeNull();
    reveal(w, q);
    // The room sees the host's figures (the host may see more, e.g. who wrote a text).
    const hostResults = hostView(w.state).results!;
    expect(screenView(w.state).results).toMatchObject({ type: hostResults.type, n: 1 });
    // (The screen's wall also says which page it shows; the figures are the same.)
    const { page: _page, ...screenResults } = screenView(w.state).results as { page?: unknown };
    expect(hostResults).toMatchObject(screenResults);
    expect(hostResults).toMatchObject(participantView(w.state).results!);
    reveal(w, q, false);
    expect(screenView(w.state).results).toBeNull();
    expect(participantView(w.state).results).toBeNull();
    expect(hostView(w.state).results).toMatchObject({ n: 1 });
  });

  it('the host sees results of a question step even before it opens; no one gets results off a question step', () => {
    const w = newWorld();
    must(w, HOST, { type: 'goTo', index: stepOf('q2-1') });
    expect(hostView(w.state).results).toMatchObject({ type: 'scale', n: 0, median: null });
    reveal(w, 'q2-1');
    for (const index of AGENDA.keys()) {
      if (AGENDA[index]!.kind === 'question') continue;
      must(w, HOST, { type: 'goTo', index });
      expect([hostView(w.state).results, screenView(w.state).results, participantView(w.state).results]).toEqual([null, null, null]);
    }
  });

  it('revealing another question does not reveal the current one', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    reveal(w, 'q1-3');
    expect(screenView(w.state).results).toBeNull();
  });

  it('text walls are bounded per audience: host 200, screen one page of 20, phones 20', () => {
    const w = newWorld();
    const people = Array.from({ length: 70 }, () => join(w));
    goToAndOpen(w, 'q1-4');
    for (const p of people) for (const t of ['a', 'b', 'c']) answer(w, p, 'q1-4', text(`${t}-${p.participantId}`));
    reveal(w, 'q1-4');
    const wall = (r: unknown) => (r as { answers: unknown[] }).answers.length;
    expect(wall(hostView(w.state).results)).toBe(WALL_LIMIT.host);
    expect(wall(screenView(w.state).results)).toBe(WALL_LIMIT.screen);
    expect(wall(participantView(w.state).results)).toBe(WALL_LIMIT.participant);
    expect(hostView(w.state).results).toMatchObject({ n: 210, respondents: 70 });
  });
});

describe('what the phones get', () => {
  it('no answered count and no participant count anywhere in the participant view', () => {
    const { w } = busyRoom();
    for (const q of ['q1-1', 'q1-2', 'q1-4']) {
      must(w, HOST, { type: 'goTo', index: stepOf(q) });
      const host = hostView(w.state);
      expect(host.step).toMatchObject({ kind: 'question', answered: 12 });
      expect(host.participants).toBe(12);
      const keys = keysOf(participantView(w.state));
      expect(keys.has('answered')).toBe(false);
      expect(keys.has('participants')).toBe(false);
      expect(keys.has('roleCounts')).toBe(false);
    }
  });

  it('a phone’s view does not change when others join and answer while results are hidden', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    const before = { ...participantView(w.state), seq: 0 };
    for (let i = 0; i < 30; i++) answer(w, join(w), 'q1-1', scale((i % 5) + 1));
    expect({ ...participantView(w.state), seq: 0 }).toEqual(before);
  });

  it('the host view shows the agenda with phases and answered counts', () => {
    const { w } = busyRoom();
    const host = hostView(w.state);
    expect(host.agenda).toHaveLength(AGENDA.length);
    expect(host.agenda[stepOf('q1-1')]).toMatchObject({ kind: 'question', questionId: 'q1-1', responseType: 'scale', phase: 'open', answered: 12 });
    expect(host.agenda[stepOf('q2-1')]).toMatchObject({ questionId: 'q2-1', phase: 'idle', answered: 0 });
    expect(host.roleCounts).toEqual({ politician: 2, executive: 2, manager: 2, employee: 2, citizen: 2, other: 2 });
  });
});

describe('meView', () => {
  it('holds only that participant’s own answers, latest scale answer only, texts in order', () => {
    const w = newWorld();
    const a = join(w, 'manager', 'Anna');
    const b = join(w, 'citizen');
    goToAndOpen(w, 'q1-1');
    answer(w, a, 'q1-1', scale(2));
    const aScale = answer(w, a, 'q1-1', scale(5));
    const bScale = answer(w, b, 'q1-1', scale(1));
    goToAndOpen(w, 'q1-4');
    const t1 = answer(w, a, 'q1-4', text('første'));
    const t2 = answer(w, a, 'q1-4', text('anden'));
    answer(w, b, 'q1-4', text('Bs svar'));
    const me = meView(w.state, a.participantId)!;
    expect(me).toMatchObject({
      participantId: a.participantId,
      name: 'Anna',
      role: 'manager',
      answers: {
        'q1-1': [{ id: aScale, answer: scale(5), at: expect.any(Number) }],
        'q1-4': [
          { id: t1, answer: text('første'), at: expect.any(Number) },
          { id: t2, answer: text('anden'), at: expect.any(Number) },
        ],
      },
    });
    expect(Object.keys(me.answers)).toEqual(['q1-1', 'q1-4']);
    const json = JSON.stringify(me);
    expect(json).not.toContain(bScale);
    expect(json).not.toContain('Bs svar');
    expect(json).not.toContain(b.participantId);
    expect(meView(w.state, b.participantId)).not.toHaveProperty('name');
  });

  it('a withdrawn answer disappears; a question with none left is not listed', () => {
    const w = newWorld();
    const a = join(w);
    goToAndOpen(w, 'q1-4');
    const id = answer(w, a, 'q1-4', text('fortryder'));
    must(w, a.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: id });
    expect(meView(w.state, a.participantId)!.answers).toEqual({});
  });

  it.each(['p_999', 'constructor', '__proto__'])('an unknown participant id (%s) → null', (id) => {
    expect(meView(newWorld().state, id)).toBeNull();
  });
});
