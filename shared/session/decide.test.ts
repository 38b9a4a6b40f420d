import { describe, expect, it } from 'vitest';
import type { Command, HostCommand } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { decide } from './decide.ts';
import {
  AGENDA, GUEST, HOST, LAST_STEP, SCREEN, T0, answer, contextFor, dontKnow, goToAndOpen, join, must, newWorld, num, open, run, scale, text,
} from './test-fixtures.ts';

describe('join', () => {
  it('a guest joins: one participantJoined event with server-made id and token, counted by role', () => {
    const w = newWorld();
    const d = run(w, GUEST, { type: 'join', role: 'manager', name: '  Kirsten  ' });
    expect(d).toEqual({
      ok: true,
      events: [
        { type: 'participantJoined', participantId: 'p_1', token: 'SECRET-token-2-xyzzy', name: 'Kirsten', role: 'manager', at: T0 + 1000 },
      ],
    });
    expect(w.state.participants.p_1).toMatchObject({ id: 'p_1', token: 'SECRET-token-2-xyzzy', name: 'Kirsten', role: 'manager', joinedAt: T0 + 1000 });
    expect(w.state.tokens).toEqual({ 'SECRET-token-2-xyzzy': 'p_1' });
    expect(w.state.participantCount).toBe(1);
    expect(w.state.roleCounts).toEqual({ politician: 0, executive: 0, manager: 1, employee: 0, citizen: 0, other: 0 });
  });

  it.each([undefined, '', '   '])('a blank name (%j) is left out', (name) => {
    const w = newWorld();
    const [e] = must(w, GUEST, { type: 'join', role: 'citizen', ...(name === undefined ? {} : { name }) });
    expect(e).not.toHaveProperty('name');
    expect(w.state.participants.p_1).not.toHaveProperty('name');
  });

  it.each<[string, Actor | 'joined', string]>([
    ['a participant already joined', 'joined', 'already_joined'],
    ['the screen', SCREEN, 'forbidden'],
    ['the host', HOST, 'forbidden'],
  ])('%s cannot join → %s', (_label, who, code) => {
    const w = newWorld();
    const actor = who === 'joined' ? join(w).actor : who;
    const before = structuredClone(w.state);
    expect(run(w, actor, { type: 'join', role: 'citizen' })).toMatchObject({ ok: false, error: { code } });
    expect(w.state).toEqual(before);
  });
});

describe('removal with a ban', () => {
  const phone = (device: string): Actor => ({ kind: 'guest', device });
  const joinFrom = (w: ReturnType<typeof newWorld>, device: string) => {
    const [e] = must(w, phone(device), { type: 'join', role: 'citizen' });
    return e?.type === 'participantJoined' ? e.participantId : '';
  };

  it.each<[string, boolean | undefined, string, boolean]>([
    ['removed without a ban, the same phone joins again', undefined, 'dev-A', true],
    ['ban: false is no ban', false, 'dev-A', true],
    ['banned, the same phone is refused', true, 'dev-A', false],
    ['banned, another phone still joins', true, 'dev-B', true],
  ])('%s', (_label, ban, again, joins) => {
    const w = newWorld();
    const id = joinFrom(w, 'dev-A');
    const events = must(w, HOST, { type: 'removeParticipant', participantId: id, ...(ban === undefined ? {} : { ban }) });
    expect(events.map((e) => e.type)).toEqual(ban ? ['participantRemoved', 'deviceBanned'] : ['participantRemoved']);
    const d = run(w, phone(again), { type: 'join', role: 'citizen' });
    expect(d.ok).toBe(joins);
    if (!joins) expect(d).toMatchObject({ ok: false, error: { code: 'banned' } });
  });

  it('a phone that joined without a device id is removed, and nothing is banned (best effort)', () => {
    const w = newWorld();
    const { participantId } = join(w);
    expect(must(w, HOST, { type: 'removeParticipant', participantId, ban: true }).map((e) => e.type)).toEqual(['participantRemoved']);
    expect(w.state.banned).toBeUndefined();
    expect(run(w, GUEST, { type: 'join', role: 'citizen' }).ok).toBe(true);
  });
});

describe('submitAnswer', () => {
  it('accepts a scale answer and records it with the role', () => {
    const w = newWorld();
    const p = join(w, 'politician');
    goToAndOpen(w, 'q1-1');
    const id = answer(w, p, 'q1-1', scale(4));
    const r = w.state.runs['q1-1']!;
    expect(r.entries[id]).toEqual({ id, participantId: p.participantId, role: 'politician', answer: scale(4), at: w.now });
    expect(r.byParticipant).toEqual({ [p.participantId]: [id] });
    expect(r.respondents).toBe(1);
    expect(r.tally).toMatchObject({ n: 1, dontKnow: 0, counts: { '4': 1 } });
  });

  it('accepts "Ved ikke" on a scale that offers it', () => {
    const w = newWorld();
    const p = join(w);
    goToAndOpen(w, 'q1-1');
    answer(w, p, 'q1-1', dontKnow);
    expect(w.state.runs['q1-1']!.tally).toMatchObject({ n: 0, dontKnow: 1, counts: {} });
    expect(w.state.runs['q1-1']!.respondents).toBe(1);
  });

  it('accepts whole numbers at both ends of a number range', () => {
    const w = newWorld();
    const [a, b] = [join(w), join(w)];
    goToAndOpen(w, 'q1-2');
    answer(w, a, 'q1-2', num(0));
    answer(w, b, 'q1-2', num(500));
    expect(w.state.runs['q1-2']!.tally.counts).toEqual({ '0': 1, '500': 1 });
  });

  it('trims a text answer before it is stored', () => {
    const w = newWorld();
    const p = join(w);
    goToAndOpen(w, 'q1-4');
    const [e] = must(w, p.actor, { type: 'submitAnswer', questionId: 'q1-4', answer: text('  mere data  ') });
    expect(e).toMatchObject({ type: 'answerSubmitted', answer: text('mere data') });
  });

  it.each([
    ['scale', 'q1-1', scale(2), scale(5), { n: 2, dontKnow: 0, counts: { '2': 1, '5': 1 } }],
    ['scale → Ved ikke', 'q1-1', scale(2), dontKnow, { n: 1, dontKnow: 1, counts: { '2': 1 } }],
    ['number', 'q1-2', num(10), num(12), { n: 2, dontKnow: 0, counts: { '10': 1, '12': 1 } }],
  ])('changing a %s answer replaces it', (_label, q, first, second, tally) => {
    const w = newWorld();
    const p = join(w);
    const other = join(w);
    goToAndOpen(w, q);
    answer(w, other, q, first);
    const old = answer(w, p, q, first);
    const now = answer(w, p, q, second);
    const r = w.state.runs[q]!;
    expect(r.byParticipant[p.participantId]).toEqual([now]);
    expect(r.entries[old]).toBeUndefined();
    expect(Object.keys(r.entries)).toHaveLength(2);
    expect(r.respondents).toBe(2);
    expect(r.tally).toMatchObject(tally);
  });

  it('takes several text answers up to maxAnswers (3), then too_many_answers', () => {
    const w = newWorld();
    const p = join(w);
    goToAndOpen(w, 'q1-4');
    const ids = ['én', 'to', 'tre'].map((t) => answer(w, p, 'q1-4', text(t)));
    const before = structuredClone(w.state);
    const d = run(w, p.actor, { type: 'submitAnswer', questionId: 'q1-4', answer: text('fire') });
    expect(d).toMatchObject({ ok: false, error: { code: 'too_many_answers' } });
    expect(w.state).toEqual(before);
    const r = w.state.runs['q1-4']!;
    expect(r.byParticipant[p.participantId]).toEqual(ids);
    expect(r.order).toEqual(ids);
    expect(r.tally).toMatchObject({ n: 3, texts: 3 });
    expect(r.respondents).toBe(1);
  });
});

describe('withdrawAnswer', () => {
  it('removes the answer from entries, tally and respondents, and frees a text slot', () => {
    const w = newWorld();
    const p = join(w, 'employee');
    goToAndOpen(w, 'q1-4');
    const ids = ['a', 'b', 'c'].map((t) => answer(w, p, 'q1-4', text(t)));
    must(w, p.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: ids[1]! });
    const r = w.state.runs['q1-4']!;
    expect(r.byParticipant[p.participantId]).toEqual([ids[0], ids[2]]);
    expect(r.entries[ids[1]!]).toBeUndefined();
    expect(r.tally).toMatchObject({ n: 2, texts: 2, byRole: { employee: { n: 2 } } });
    answer(w, p, 'q1-4', text('d'));
    expect(r.tally.texts).toBe(3);
  });

  it('withdrawing the only answer makes the person no longer a respondent', () => {
    const w = newWorld();
    const p = join(w);
    goToAndOpen(w, 'q1-1');
    const id = answer(w, p, 'q1-1', scale(3));
    must(w, p.actor, { type: 'withdrawAnswer', questionId: 'q1-1', answerId: id });
    const r = w.state.runs['q1-1']!;
    expect(r.respondents).toBe(0);
    expect(r.tally).toMatchObject({ n: 0, dontKnow: 0, counts: {}, byRole: { citizen: { n: 0, counts: {} } } });
  });

  it.each([
    ['someone else’s answer', 'other'],
    ['an answer already withdrawn', 'twice'],
    ['an id that does not exist', 'missing'],
  ])('rejects %s → unknown_answer', (_label, kind) => {
    const w = newWorld();
    const [p, other] = [join(w), join(w)];
    goToAndOpen(w, 'q1-4');
    const mine = answer(w, p, 'q1-4', text('mit'));
    const theirs = answer(w, other, 'q1-4', text('deres'));
    if (kind === 'twice') must(w, p.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: mine });
    const answerId = kind === 'other' ? theirs : kind === 'twice' ? mine : 'a_999';
    const before = structuredClone(w.state);
    expect(run(w, p.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId })).toMatchObject({
      ok: false,
      error: { code: 'unknown_answer' },
    });
    expect(w.state).toEqual(before);
  });
});

describe('host commands', () => {
  it.each<[string, number, HostCommand, number | string]>([
    ['next from the start', 0, { type: 'next' }, 1],
    ['next at the last step', LAST_STEP, { type: 'next' }, 'unknown_step'],
    ['previous at the start', 0, { type: 'previous' }, 'unknown_step'],
    ['previous from step 5', 5, { type: 'previous' }, 4],
    ['goTo the last step', 0, { type: 'goTo', index: LAST_STEP }, LAST_STEP],
    ['goTo past the end', 0, { type: 'goTo', index: LAST_STEP + 1 }, 'unknown_step'],
    ['goTo far past the end', 3, { type: 'goTo', index: 10_000 }, 'unknown_step'],
    ['goTo a negative index', 3, { type: 'goTo', index: -1 }, 'unknown_step'],
    ['goTo the same step', 3, { type: 'goTo', index: 3 }, 3],
  ])('%s', (_label, from, command, expected) => {
    const w = newWorld();
    if (from !== 0) must(w, HOST, { type: 'goTo', index: from });
    expect(w.state.agenda).toEqual(AGENDA);
    const before = structuredClone(w.state);
    const d = run(w, HOST, command);
    if (typeof expected === 'number') {
      expect(d).toEqual({ ok: true, events: [{ type: 'stepChanged', index: expected, at: w.now }] });
      expect(w.state.cursor).toBe(expected);
    } else {
      expect(d).toMatchObject({ ok: false, error: { code: expected } });
      expect(w.state).toEqual(before);
    }
  });

  it('open, close, reopen and results visibility move the question run', () => {
    const w = newWorld();
    const r = () => w.state.runs['q2-1']!;
    expect(r()).toMatchObject({ phase: 'idle', resultsVisible: false });
    open(w, 'q2-1');
    const openedAt = w.now;
    expect(r()).toMatchObject({ phase: 'open', openedAt });
    must(w, HOST, { type: 'closeAnswering', questionId: 'q2-1' });
    expect(r()).toMatchObject({ phase: 'closed', openedAt, closedAt: w.now });
    open(w, 'q2-1');
    expect(r()).toMatchObject({ phase: 'open', openedAt });
    expect(r()).not.toHaveProperty('closedAt');
    must(w, HOST, { type: 'setResultsVisible', questionId: 'q2-1', visible: true });
    expect(r().resultsVisible).toBe(true);
    must(w, HOST, { type: 'setResultsVisible', questionId: 'q2-1', visible: false });
    expect(r().resultsVisible).toBe(false);
  });

  it('closing a question that was never opened is refused, and opening an open one too (the console offers neither)', () => {
    const w = newWorld();
    expect(run(w, HOST, { type: 'closeAnswering', questionId: 'q2-1' })).toMatchObject({ ok: false, error: { code: 'not_allowed_now' } });
    expect(w.state.runs['q2-1']!.phase).toBe('idle');
    open(w, 'q2-1');
    expect(run(w, HOST, { type: 'openAnswering', questionId: 'q2-1' })).toMatchObject({ ok: false, error: { code: 'not_allowed_now' } });
  });

  it.each<HostCommand['type']>(['openAnswering', 'closeAnswering', 'setResultsVisible'])(
    '%s on an unknown question → unknown_question',
    (type) => {
      const w = newWorld();
      const before = structuredClone(w.state);
      const command = { type, questionId: 'q9-9', ...(type === 'setResultsVisible' ? { visible: true } : {}) } as HostCommand;
      expect(run(w, HOST, command)).toMatchObject({ ok: false, error: { code: 'unknown_question' } });
      expect(w.state).toEqual(before);
    },
  );

  const HOST_ONLY: HostCommand[] = [
    { type: 'next' },
    { type: 'previous' },
    { type: 'goTo', index: 2 },
    { type: 'openAnswering', questionId: 'q1-1' },
    { type: 'closeAnswering', questionId: 'q1-1' },
    { type: 'setResultsVisible', questionId: 'q1-1', visible: true },
  ];
  const NOT_HOST: [string, (w: ReturnType<typeof newWorld>) => Actor][] = [
    ['participant', (w) => join(w).actor],
    ['guest', () => GUEST],
    ['screen', () => SCREEN],
  ];
  it.each(NOT_HOST.flatMap(([who, mk]) => HOST_ONLY.map((c) => [c.type, who, mk, c] as const)))(
    '%s from a %s → forbidden, state unchanged',
    (_type, _who, mk, command) => {
      const w = newWorld();
      const actor = mk(w);
      must(w, HOST, { type: 'goTo', index: 1 });
      open(w, 'q1-1');
      const before = structuredClone(w.state);
      expect(run(w, actor, command)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(w.state).toEqual(before);
    },
  );
});

describe('decide is pure', () => {
  it('never changes the state it is given, even when it accepts', () => {
    const w = newWorld();
    const p = join(w);
    goToAndOpen(w, 'q1-1');
    const commands: [Actor, Command][] = [
      [GUEST, { type: 'join', role: 'other' }],
      [p.actor, { type: 'submitAnswer', questionId: 'q1-1', answer: scale(3) }],
      [HOST, { type: 'next' }],
      [HOST, { type: 'closeAnswering', questionId: 'q1-1' }],
    ];
    for (const [actor, command] of commands) {
      const before = structuredClone(w.state);
      expect(decide(w.state, command, contextFor(w, actor)).ok).toBe(true);
      expect(w.state).toEqual(before);
    }
  });
});
