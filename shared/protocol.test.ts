// The edge of the system: every payload a client sends goes through parseCommand.
import { describe, expect, it } from 'vitest';
import { HOST_COMMANDS, HandshakeAuth, LIMITS, parseCommand, type Command } from './protocol.ts';

const ID = 'cmd_abc123XYZ_0123456789';
const env = (command: unknown, id: unknown = ID) => ({ id, command });
const codeOf = (raw: unknown) => {
  const r = parseCommand(raw);
  return r.ok ? 'ok' : r.error.code;
};

describe('parseCommand accepts every command of the protocol', () => {
  it.each<Command>([
    { type: 'join', role: 'citizen' },
    { type: 'join', role: 'politician', name: 'Kirsten' },
    { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 3 } },
    { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'dontKnow' } },
    { type: 'submitAnswer', questionId: 'q1-2', answer: { kind: 'number', value: 42 } },
    { type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'x'.repeat(LIMITS.textAnswerLength) } },
    { type: 'withdrawAnswer', questionId: 'q1-4', answerId: 'a_1' },
    { type: 'goTo', index: 0 },
    { type: 'next' },
    { type: 'previous' },
    { type: 'openAnswering', questionId: 'q1-1' },
    { type: 'closeAnswering', questionId: 'q1-1' },
    { type: 'setResultsVisible', questionId: 'q1-1', visible: false },
  ])('$type %#', (command) => {
    expect(parseCommand(env(command))).toEqual({ ok: true, id: ID, command });
  });

  it('trims the name, and a name of 40 characters after trimming is fine', () => {
    const r = parseCommand(env({ type: 'join', role: 'other', name: `  ${'å'.repeat(40)}  ` }));
    expect(r).toEqual({ ok: true, id: ID, command: { type: 'join', role: 'other', name: 'å'.repeat(40) } });
  });

  it('knows which commands are the host’s', () => {
    expect([...HOST_COMMANDS]).toEqual(expect.arrayContaining(['closeAnswering', 'goTo', 'next', 'openAnswering', 'previous', 'setResultsVisible']));
    for (const own of ['join', 'submitAnswer', 'withdrawAnswer'] as const) expect(HOST_COMMANDS.has(own)).toBe(false);
  });
});

describe('parseCommand rejects', () => {
  it.each<[string, unknown, string]>([
    // the envelope
    ['null', null, 'invalid_payload'],
    ['a string', 'join', 'invalid_payload'],
    ['a number', 42, 'invalid_payload'],
    ['an array', [ID, { type: 'next' }], 'invalid_payload'],
    ['a missing id', { command: { type: 'next' } }, 'invalid_payload'],
    ['an id too short', env({ type: 'next' }, 'abc'), 'invalid_payload'],
    ['an id too long', env({ type: 'next' }, 'a'.repeat(LIMITS.clientIdLength + 1)), 'invalid_payload'],
    ['an id with odd characters', env({ type: 'next' }, 'abc def ghi'), 'invalid_payload'],
    ['a numeric id', env({ type: 'next' }, 12345678), 'invalid_payload'],
    ['an unknown envelope key', { ...env({ type: 'next' }), extra: 1 }, 'invalid_payload'],
    ['a missing command', { id: ID }, 'invalid_payload'],
    // the command's type
    ['an unknown command type', env({ type: 'deleteSession' }), 'unknown_command'],
    ['a command type from Object.prototype', env({ type: 'constructor' }), 'unknown_command'],
    ['a command without a type', env({ role: 'citizen' }), 'unknown_command'],
    ['a non-string type', env({ type: 7 }), 'unknown_command'],
    ['a null command', env(null), 'unknown_command'],
    ['a string command', env('next'), 'unknown_command'],
    // the command's fields
    ['an unknown key on a command', env({ type: 'next', force: true }), 'invalid_payload'],
    ['an unknown key on an answer', env({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 3, weight: 9 } }), 'invalid_payload'],
    ['a participantId smuggled into a command', env({ type: 'submitAnswer', questionId: 'q1-1', participantId: 'p_1', answer: { kind: 'dontKnow' } }), 'invalid_payload'],
    ['a text of 501 characters', env({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'x'.repeat(501) } }), 'invalid_payload'],
    ['a name of 41 characters', env({ type: 'join', role: 'citizen', name: 'n'.repeat(41) }), 'invalid_payload'],
    ['an unknown role', env({ type: 'join', role: 'king' }), 'invalid_payload'],
    ['a join without a role', env({ type: 'join' }), 'invalid_payload'],
    ['a scale value that is not whole', env({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 2.5 } }), 'invalid_payload'],
    ['a scale value above 10', env({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 11 } }), 'invalid_payload'],
    ['a number as a string', env({ type: 'submitAnswer', questionId: 'q1-2', answer: { kind: 'number', value: '42' } }), 'invalid_payload'],
    ['an unknown answer kind', env({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'emoji', value: 1 } }), 'invalid_payload'],
    ['an empty question id', env({ type: 'submitAnswer', questionId: '', answer: { kind: 'dontKnow' } }), 'invalid_payload'],
    ['a question id of 65 characters', env({ type: 'openAnswering', questionId: 'q'.repeat(65) }), 'invalid_payload'],
    ['a negative goTo', env({ type: 'goTo', index: -1 }), 'invalid_payload'],
    ['a fractional goTo', env({ type: 'goTo', index: 1.5 }), 'invalid_payload'],
    ['visible as a string', env({ type: 'setResultsVisible', questionId: 'q1-1', visible: 'true' }), 'invalid_payload'],
  ])('%s → %s', (_label, raw, code) => {
    expect(codeOf(raw)).toBe(code);
  });

  it.each([
    ['on the envelope', `{"id":"${ID}","command":{"type":"next"},"__proto__":{"polluted":true}}`],
    ['on the command', `{"id":"${ID}","command":{"type":"join","role":"citizen","__proto__":{"isHost":true}}}`],
    ['on an answer', `{"id":"${ID}","command":{"type":"submitAnswer","questionId":"q1-1","answer":{"kind":"scale","value":3,"__proto__":{"x":1}}}}`],
    ['constructor.prototype', `{"id":"${ID}","command":{"type":"next","constructor":{"prototype":{"polluted":true}}}}`],
  ])('a __proto__ / constructor key %s (as JSON.parse makes it) → invalid_payload, nothing polluted', (_where, json) => {
    const raw: unknown = JSON.parse(json);
    expect(codeOf(raw)).toBe('invalid_payload');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isHost).toBeUndefined();
  });

  it('the error message names the field, briefly', () => {
    const r = parseCommand(env({ type: 'join', role: 'citizen', name: 'n'.repeat(41) }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/name/);
      expect(r.error.message.length).toBeLessThan(300);
    }
  });

  it('an unknown type is echoed at most 40 characters long', () => {
    const r = parseCommand(env({ type: 'x'.repeat(10_000) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.length).toBeLessThan(100);
  });
});

describe('HandshakeAuth', () => {
  it.each<[unknown, boolean]>([
    [{ code: 'ABC234', as: 'participant' }, true],
    [{ code: 'ABC234', as: 'host', token: 't'.repeat(32) }, true],
    [{ code: 'ABC234', as: 'screen' }, true],
    [{ code: 'abc234', as: 'screen' }, false],
    [{ code: 'ABC234', as: 'admin' }, false],
    [{ code: 'ABC234', as: 'host', token: 'short' }, false],
    [{ code: 'ABC234', as: 'participant', participantId: 'p_1' }, false],
    [null, false],
  ])('%j → %s', (auth, ok) => {
    expect(HandshakeAuth.safeParse(auth).success).toBe(ok);
  });
});
