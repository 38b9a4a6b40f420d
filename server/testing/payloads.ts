// Payloads for fuzzing the edges: arbitrary values (prototype-pollution keys included), command-
// and envelope-shaped objects made of plausible values and near misses, hand-made attacks, and
// the subset a socket can carry (JSON). Only tests import this module.
import fc from 'fast-check';
import { HOST_COMMANDS, ParticipantCommand } from '../../shared/protocol.ts';

const TRICKY = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const FIELDS = ['type', 'id', 'command', 'answer', 'kind', 'text', 'value', 'questionId', 'answerId', 'role', 'name', 'table', 'index', 'visible', 'options', 'order', 'votes'];
const TYPES = [...ParticipantCommand.options.map((o) => o.shape.type.value), ...HOST_COMMANDS, 'timerExpired', ...TRICKY];
export const key = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...TRICKY, ...FIELDS));
export const anything = fc.anything({
  key,
  maxDepth: 2,
  maxKeys: 5,
  withObjectString: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
});
/** Values a real field might hold, and near misses; and command-shaped objects made of them. */
export const plausibleOf = (any: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.constantFrom('q1-1', 'q1-2', 'q1-4', 'a_1', 'p_1', 'citizen', 'scale', 'text', ...TRICKY, '', ' ', 'x'.repeat(501)),
    fc.integer({ min: -2, max: 12 }),
    fc.constantFrom(0.5, -0, Number.NaN, Infinity, 1e308, Number.MAX_SAFE_INTEGER + 2),
    fc.record({ kind: fc.constantFrom('scale', 'dontKnow', 'number', 'text', 'choice', 'ranking', 'statements', '__proto__'), value: fc.integer({ min: -1, max: 11 }) }, { requiredKeys: ['kind'] }),
    any,
  );
export const commandishOf = (any: fc.Arbitrary<unknown>) =>
  fc
    .tuple(fc.oneof(fc.constantFrom(...TYPES), any), fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS, ...TRICKY), key), plausibleOf(any), { maxKeys: 4 }))
    .map(([type, fields]) => Object.assign(fields, { type }));
const plausible = plausibleOf(anything);
const commandish = commandishOf(anything);
const clientId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), fc.constantFrom('__proto__', 'constructor', 'short', 'x'.repeat(65), ''), anything);

/** JSON with own "__proto__" keys (as a socket delivers them) and other hand-made attacks. */
export const CRAFTED_JSON: unknown[] = [
  '{"__proto__":{"polluted":1}}',
  '{"id":"abcdefgh","command":{"type":"join","role":"citizen","__proto__":{"polluted":1}}}',
  '{"id":"abcdefgh","command":{"__proto__":{"type":"next"}}}',
  '{"id":"abcdefgh","__proto__":{"command":{"type":"next"}}}',
  '{"id":"abcdefgh","command":{"type":"submitAnswer","questionId":"q1-1","answer":{"kind":"scale","value":3,"__proto__":{"polluted":1}}}}',
  '{"id":"abcdefgh","command":{"type":"next","constructor":{"prototype":{"polluted":1}}}}',
  '{"id":"abcdefgh","command":{"constructor":{"prototype":{"polluted":1}}}}',
  '{"id":"__proto__","command":{"type":"submitAnswer","questionId":"__proto__","answer":{"kind":"text","text":"x"}}}',
  '{"id":"constructor","command":{"type":"castVote","questionId":"constructor","answerId":"__proto__"}}',
  '{"id":"abcdefgh","command":{"type":"castVote","questionId":"q1-4","answerId":"__proto__"}}',
  '{"id":"abcdefgh","command":{"type":"castVote","questionId":"q1-4","answerId":"constructor"}}',
  '{"id":"abcdefgh","command":{"type":"retractVote","questionId":"q1-4","answerId":"toString"}}',
  '{"id":"abcdefgh","command":{"type":"withdrawAnswer","questionId":"hasOwnProperty","answerId":"valueOf"}}',
  '{"id":"abcdefgh","command":{"type":"openAnswering","questionId":"__proto__"}}',
  '{"id":"abcdefgh","command":{"type":"setResultsVisible","questionId":"constructor","visible":true}}',
  '{"id":"abcdefgh","command":{"type":"configureQuestion","questionId":"prototype","split":"role"}}',
  '{"id":"abcdefgh","command":{"type":"goTo","index":1e400}}',
  '{"id":"abcdefgh","command":{"type":"submitAnswer","questionId":"q1-4","answer":{"kind":"text","text":"' + 'x'.repeat(10_000) + '"}}}',
  '{"id":"abcdefgh","command":{"type":"timerExpired","questionId":"q1-1"}}',
  '{"code":"ABCDEF","as":"host","__proto__":{"token":"x"}}',
  '{"code":"__proto__","as":"participant"}',
].map((s) => JSON.parse(s) as unknown);
export const CRAFTED: unknown[] = [
  ...CRAFTED_JSON,
  Object.create({ id: 'abcdefghijklmnopqrstu', command: { type: 'next' } }),
  [{ id: 'abcdefghijklmnopqrstu', command: { type: 'next' } }],
  { id: 'abcdefghijklmnopqrstu', command: { type: 10n } },
  { id: 'abcdefghijklmnopqrstu', command: { type: { toJSON: () => { throw new Error('toJSON'); } } } },
  { id: 'abcdefghijklmnopqrstu', command: { type: Symbol('next'), [Symbol('x')]: 1 } },
  { id: 'abcdefghijklmnopqrstu', command: Object.assign(Object.create(null) as object, { type: 'next', extra: 1 }) },
  null,
  undefined,
  'command',
  42,
];

export const envelope = fc.oneof(
  { weight: 3, arbitrary: anything },
  { weight: 3, arbitrary: fc.record({ id: clientId, command: commandish }) },
  { weight: 1, arbitrary: fc.record({ id: clientId, command: anything }) },
  { weight: 1, arbitrary: fc.tuple(fc.record({ id: clientId, command: commandish }), fc.dictionary(key, plausible, { maxKeys: 2 })).map(([e, extra]) => Object.assign(extra, e)) },
  { weight: 1, arbitrary: fc.constantFrom(...CRAFTED) },
);
export const handshake = fc.oneof(
  anything,
  fc.record(
    { code: fc.oneof(fc.constantFrom('TEST42', 'ZZZZZZ', '__proto__', 'test42', ''), fc.stringMatching(/^[A-Z0-9]{3,11}$/), anything), as: fc.oneof(fc.constantFrom('host', 'screen', 'participant', 'guest', '__proto__'), anything), token: fc.oneof(fc.string({ maxLength: 130 }), anything) },
    { requiredKeys: [] },
  ),
  fc.constantFrom(...CRAFTED),
);


/** What socket.io can carry: JSON values, plus the crafted JSON with own "__proto__" keys. */
export const jsonish = fc.anything({ key, maxDepth: 3, maxKeys: 6, withObjectString: true, values: [fc.string({ maxLength: 20 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)] });
export const wireEnvelope = fc.oneof(
  jsonish,
  fc.record({ id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), jsonish), command: fc.oneof(jsonish, commandishOf(jsonish)) }),
  fc.constantFrom(...CRAFTED_JSON),
);
