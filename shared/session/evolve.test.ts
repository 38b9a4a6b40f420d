import { describe, expect, it } from 'vitest';
import type { SessionEvent } from './events.ts';
import { evolve, initialState, replay } from './evolve.ts';
import { hostView, meView, participantView, screenView } from './views.ts';
import {
  HOST, SET, T0, answer, close, dontKnow, goToAndOpen, join, must, newWorld, num, open, reveal, scale, text, type World,
} from './test-fixtures.ts';

/** A scripted workshop that touches every event type, replacements and withdrawals included. */
function workshop(): World {
  const w = newWorld();
  const a = join(w, 'politician', 'Anna');
  const b = join(w, 'employee');
  const c = join(w, 'citizen', '  Carl ');
  goToAndOpen(w, 'q1-1');
  answer(w, a, 'q1-1', scale(2));
  answer(w, b, 'q1-1', dontKnow);
  answer(w, a, 'q1-1', scale(4));
  const cScale = answer(w, c, 'q1-1', scale(5));
  must(w, c.actor, { type: 'withdrawAnswer', questionId: 'q1-1', answerId: cScale });
  reveal(w, 'q1-1');
  close(w, 'q1-1');
  goToAndOpen(w, 'q1-2');
  answer(w, a, 'q1-2', num(12));
  answer(w, b, 'q1-2', num(300));
  must(w, HOST, { type: 'next' });
  must(w, HOST, { type: 'next' });
  open(w, 'q1-4');
  const t = answer(w, c, 'q1-4', text('mere tid'));
  answer(w, c, 'q1-4', text('færre mål'));
  must(w, c.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: t });
  answer(w, c, 'q1-4', text('bedre data'));
  reveal(w, 'q1-4');
  reveal(w, 'q1-1', false);
  open(w, 'q1-1');
  answer(w, c, 'q1-1', scale(1));
  must(w, HOST, { type: 'previous' });
  return w;
}

describe('replay', () => {
  it('replay(events) equals the live-evolved state', () => {
    const w = workshop();
    expect(replay(w.events)).toEqual(w.state);
  });

  it('also after a JSON round trip of the log (as the store keeps it)', () => {
    const w = workshop();
    const stored = JSON.parse(JSON.stringify(w.events)) as SessionEvent[];
    const restored = replay(stored);
    expect(restored).toEqual(w.state);
    expect(hostView(restored)).toEqual(hostView(w.state));
    expect(screenView(restored)).toEqual(screenView(w.state));
    expect(participantView(restored)).toEqual(participantView(w.state));
    for (const id of Object.keys(w.state.participants)) expect(meView(restored, id)).toEqual(meView(w.state, id));
  });

  it('replaying a prefix gives the state at that point', () => {
    const w = newWorld();
    join(w);
    goToAndOpen(w, 'q1-1');
    const middle = structuredClone(w.state);
    const cut = w.events.length;
    answer(w, join(w), 'q1-1', scale(3));
    expect(replay(w.events.slice(0, cut))).toEqual(middle);
  });

  it('seq counts the events, sessionCreated being 1', () => {
    const w = workshop();
    expect(w.state.seq).toBe(w.events.length);
    expect(initialState({ type: 'sessionCreated', code: 'X', set: SET, lang: 'da', at: T0 }).seq).toBe(1);
  });

  it('a log must start with sessionCreated, and sessionCreated cannot be folded into a running session', () => {
    const w = workshop();
    expect(() => replay([])).toThrow(/sessionCreated/);
    expect(() => replay(w.events.slice(1))).toThrow(/sessionCreated/);
    expect(() => evolve(w.state, w.events[0]!)).toThrow(/sessionCreated/);
  });
});

describe('the workshop’s state (hand-checked)', () => {
  it('has the expected tallies after replacements and withdrawals', () => {
    const { state } = workshop();
    expect(state.participantCount).toBe(3);
    expect(state.participants.p_5).toMatchObject({ name: 'Carl', role: 'citizen' });
    const q11 = state.runs['q1-1']!;
    expect(q11).toMatchObject({ phase: 'open', resultsVisible: false, respondents: 3 });
    expect(q11.tally).toMatchObject({ n: 2, dontKnow: 1, counts: { '1': 1, '4': 1 } });
    expect(state.runs['q1-2']!.tally).toMatchObject({ n: 2, counts: { '12': 1, '300': 1 } });
    const q14 = state.runs['q1-4']!;
    expect(q14).toMatchObject({ respondents: 1, resultsVisible: true });
    expect(q14.tally).toMatchObject({ n: 2, texts: 2, byRole: { citizen: { n: 2 } } });
    expect(hostView(state).step).toMatchObject({ kind: 'question', question: { id: 'q1-3' } });
  });

  it('evolve is deterministic: the same events twice give equal states', () => {
    const { events } = workshop();
    expect(replay(events)).toEqual(replay(events));
  });
});
