// The minutes' header in the core: set, changed, cleared, kept after the workshop ends, refused
// to anyone but the facilitator and when empty – and a refusal changes nothing.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../protocol.ts';
import { replay } from './evolve.ts';
import { hostView, participantView, screenView } from './views.ts';
import { GUEST, HOST, join, must, newWorld, run, SCREEN } from './test-fixtures.ts';

describe('session details', () => {
  it('sets, changes and clears the fields; the host view carries them; a replay gives the same', () => {
    const w = newWorld();
    must(w, HOST, { type: 'setSessionDetails', purpose: 'Drøfte mål', place: 'Byrådssalen' });
    must(w, HOST, { type: 'setSessionDetails', facilitator: 'Anne', minuteTaker: 'Bo', place: '' });
    expect(w.state.details).toEqual({ purpose: 'Drøfte mål', facilitator: 'Anne', minuteTaker: 'Bo' });
    expect(hostView(w.state).details).toEqual(w.state.details);
    expect(replay(w.events).details).toEqual(w.state.details);
    // The screen and the phones have no use for them.
    expect(JSON.stringify(screenView(w.state))).not.toContain('Anne');
    expect(JSON.stringify(participantView(w.state))).not.toContain('Anne');
  });

  it('can still be filled in after the workshop has ended (minutes are often written afterwards)', () => {
    const w = newWorld();
    must(w, HOST, { type: 'endSession' });
    must(w, HOST, { type: 'setSessionDetails', minuteTaker: 'Bo' });
    expect(w.state.details.minuteTaker).toBe('Bo');
    expect(run(w, HOST, { type: 'setJoiningLocked', locked: true })).toMatchObject({ ok: false, error: { code: 'session_ended' } });
  });

  it('takes the start from the log: the first step away from the lobby', () => {
    const w = newWorld();
    expect(w.state.startedAt).toBeUndefined();
    w.now += 60_000;
    must(w, HOST, { type: 'next' });
    const started = w.now;
    expect(w.state.startedAt).toBe(started);
    w.now += 60_000;
    must(w, HOST, { type: 'next' });
    expect(w.state.startedAt).toBe(started);
  });
});

describe('session details refused', () => {
  it.each([
    ['a participant', 'participant', { type: 'setSessionDetails', place: 'Hjemme' }, 'forbidden'],
    ['the screen', 'screen', { type: 'setSessionDetails', place: 'Hjemme' }, 'forbidden'],
    ['a guest', 'guest', { type: 'setSessionDetails', place: 'Hjemme' }, 'forbidden'],
    ['no field at all', 'host', { type: 'setSessionDetails' }, 'not_allowed_now'],
  ] as const)('%s: %s, state unchanged', (_label, who, command, code) => {
    const w = newWorld();
    must(w, HOST, { type: 'setSessionDetails', place: 'Byrådssalen' });
    const actor = who === 'participant' ? join(w, 'employee').actor : who === 'screen' ? SCREEN : who === 'guest' ? GUEST : HOST;
    const before = JSON.stringify(w.state);
    expect(run(w, actor, command)).toMatchObject({ ok: false, error: { code } });
    expect(JSON.stringify(w.state)).toBe(before);
  });

  it('a field past its length or an unknown field is refused at the edge', () => {
    const long = { id: 'abcdefghij1234567890XY', command: { type: 'setSessionDetails', place: 'x'.repeat(201) } };
    expect(parseCommand(long)).toMatchObject({ ok: false });
    expect(parseCommand({ id: 'abcdefghij1234567890XY', command: { type: 'setSessionDetails', date: 'i går' } })).toMatchObject({ ok: false });
    expect(parseCommand({ id: 'abcdefghij1234567890XY', command: { type: 'setSessionDetails', purpose: '  Drøfte  ' } })).toMatchObject({ ok: true, command: { purpose: 'Drøfte' } });
  });
});
