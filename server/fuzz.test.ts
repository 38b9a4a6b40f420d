// Fuzzing the edges: arbitrary payloads – prototype-pollution keys included – through the same
// path the gateway takes (parseCommand, then decide on a live session), for every audience, and
// through the handshake's AUTH; then a smaller number over real sockets. Every one must come back
// as a typed error, nothing may throw, Object.prototype and the session must stay as they were.
// The seed is printed; a seed that ever fails belongs in REGRESSIONS, under a name.
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, parseCommand, type Ack, type CommandError } from '../shared/protocol.ts';
import type { Actor } from '../shared/session/actor.ts';
import { decide } from '../shared/session/decide.ts';
import { GUEST, HOST, SCREEN, SET, answer, contextFor, goToAndOpen, join, must, newWorld, num, open, scale, text, type World } from '../shared/session/test-fixtures.ts';
import { authorize, type Directory } from './security/handshake.ts';
import { budget } from './security/quotas.ts';
import { SessionManager } from './sessions.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import { Harness, tempDataDir, type Created } from './testing/harness.ts';
import { CRAFTED_JSON, commandishOf, envelope, handshake, jsonish, key, wireEnvelope } from './testing/payloads.ts';

const SEED = Number(process.env.FUZZ_SEED ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 1);
const RUNS = 10_000;
/** Seeds that once failed, by name: they run on every test run, whatever SEED is. */
const REGRESSIONS: { name: string; seed: number }[] = [
  // parseCommand put the unknown type into its message with JSON.stringify, which throws on a BigInt.
  { name: 'a BigInt command type crashed parseCommand', seed: 300082968 },
];

const ERRORS = new Set<string>(ERROR_CODES);
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

// ---------------------------------------------------------------- the live session

/** A session mid-workshop: people joined, a scale and a number question open, voting on q1-4. */
function liveWorld(): { world: World; actors: Record<string, Actor> } {
  const world = newWorld();
  const [a, b, c] = [join(world, 'citizen', 'A'), join(world, 'politician'), join(world, 'employee')];
  goToAndOpen(world, 'q1-1');
  answer(world, a, 'q1-1', scale(3));
  open(world, 'q1-2');
  answer(world, b, 'q1-2', num(12));
  open(world, 'q1-4');
  for (const [p, t] of [[a, 'første'], [b, 'anden'], [c, 'tredje']] as const) answer(world, p, 'q1-4', text(t));
  must(world, HOST, { type: 'openVoting', questionId: 'q1-4' });
  deepFreeze(world.state); // a write anywhere in decide() now throws: purity, checked on every run
  return { world, actors: { host: HOST, screen: SCREEN, guest: GUEST, participant: a.actor } };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const k of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[k]);
  }
  return value;
}

function prototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
}

function expectTyped(error: CommandError): void {
  expect(ERRORS.has(error.code), `error code ${error.code}`).toBe(true);
  expect(typeof error.message).toBe('string');
}

/** The gateway's path without the socket: parse, then decide. Accepted (valid) commands are skipped. */
function commandProperty(world: World, actor: Actor, snapshot: string) {
  let runs = 0;
  return fc.property(envelope, (payload) => {
    const parsed = parseCommand(payload);
    let error: CommandError;
    if (!parsed.ok) error = parsed.error;
    else {
      const d = decide(world.state, parsed.command, contextFor(world, actor));
      fc.pre(!d.ok); // a valid command for this audience is not bad input
      error = (d as { error: CommandError }).error;
    }
    expectTyped(error);
    prototypeIntact();
    if (++runs % 1000 === 0) expect(JSON.stringify(world.state)).toBe(snapshot);
  });
}

function runCommandFuzz(seed: number, numRuns: number): void {
  const { world, actors } = liveWorld();
  const snapshot = JSON.stringify(world.state);
  for (const [audience, actor] of Object.entries(actors)) {
    const t = performance.now();
    fc.assert(commandProperty(world, actor, snapshot), { seed, numRuns, maxSkipsPerRun: 10 });
    console.log(`[fuzz] command as ${audience}: ${numRuns} payloads, seed ${seed}, ${Math.round(performance.now() - t)} ms`);
  }
  expect(JSON.stringify(world.state)).toBe(snapshot);
}

async function runHandshakeFuzz(seed: number, numRuns: number): Promise<void> {
  const store = openSqliteStore(tempDataDir());
  const sessions = await SessionManager.start(store);
  const { code, hostToken } = await sessions.create(SET);
  const joined = await sessions.execute(code, nanoid(), { type: 'join', role: 'citizen' }, { kind: 'guest' });
  const token = (joined as { data: { token: string } }).data.token;
  const dir: Directory = { has: (c) => !!sessions.get(c), isHost: (c, t) => sessions.isHost(c, t), identify: async (c, t) => {
    const participantId = sessions.participantFor(c, t);
    return participantId ? { participantId } : undefined;
  } };
  const snapshot = JSON.stringify(sessions.get(code)!.state);
  const withKnown = fc.oneof(handshake, fc.record({ code: fc.constant(code), as: fc.constantFrom('host', 'screen', 'participant'), token: fc.constantFrom(hostToken, token, 'x'.repeat(24)) }, { requiredKeys: ['code', 'as'] }));
  await fc.assert(
    fc.asyncProperty(withKnown, async (auth) => {
      const d = await authorize(auth, dir, budget(20, 60), 'fuzz');
      if (d.ok) {
        // Only a well-formed handshake to the real session gets in, as who its token says.
        expect(d.identity.code).toBe(code);
        if (d.identity.audience === 'host') expect((auth as { token?: string }).token).toBe(hostToken);
        if (d.identity.participantId) expect((auth as { token?: string }).token).toBe(token);
      } else expectTyped(d.error);
      prototypeIntact();
    }),
    { seed, numRuns },
  );
  expect(JSON.stringify(sessions.get(code)!.state)).toBe(snapshot);
  sessions.close();
  await store.close();
  console.log(`[fuzz] handshake auth: ${numRuns} payloads, seed ${seed}`);
}

describe('fuzz: parseCommand + decide, in process', () => {
  it(`${RUNS} arbitrary payloads per audience get typed errors and change nothing (seed ${SEED})`, () => {
    console.log(`[fuzz] seed ${SEED} – rerun with FUZZ_SEED=${SEED} npx vitest run --project unit server/fuzz.test.ts`);
    runCommandFuzz(SEED, RUNS);
  });
  it(`${RUNS} arbitrary handshake auths get typed errors or the identity their token proves (seed ${SEED})`, async () => {
    await runHandshakeFuzz(SEED, RUNS);
  });
  it('regression: a BigInt command type once crashed parseCommand (found by seed 300082968)', () => {
    expect(parseCommand({ id: 'abcdefghijklmnopqrstu', command: { type: 10n } })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });
  for (const r of REGRESSIONS) {
    it(`regression "${r.name}" (seed ${r.seed})`, async () => {
      runCommandFuzz(r.seed, 1000);
      await runHandshakeFuzz(r.seed, 1000);
    });
  }
});

// ---------------------------------------------------------------- over real sockets

describe('fuzz over real sockets', () => {
  let h: Harness;
  let session: Created;
  beforeAll(async () => {
    h = await Harness.start();
    session = await h.createSession();
    const host = await h.host(session);
    const phone = await h.participant(session);
    await phone.must({ type: 'join', role: 'citizen' });
    await host.must({ type: 'goTo', index: host.view!.agenda.find((a) => a.questionId === 'q1-4')!.index });
    await host.must({ type: 'openAnswering', questionId: 'q1-4' });
    await phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'før fuzz' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`~340 payloads over sockets of every audience: typed errors, nothing changes, the server lives (seed ${SEED})`, async () => {
    const live = h.server.sessions.get(session.code)!;
    const before = JSON.stringify(live.state);
    const token = Object.keys(live.state.tokens)[0]!;
    const audiences = {
      host: { as: 'host', token: session.hostToken, actor: { kind: 'host' } },
      screen: { as: 'screen', actor: { kind: 'screen' } },
      guest: { as: 'participant', actor: { kind: 'guest' } },
      participant: { as: 'participant', token, actor: { kind: 'participant', participantId: live.state.tokens[token]! } },
    } as const;
    let sent = 0;
    for (const [i, [name, a]] of Object.entries(audiences).entries()) {
      // Valid commands for this audience are left out: the point is bad input.
      const payloads = fc.sample(wireEnvelope, { seed: SEED + i, numRuns: 200 }).filter((p) => {
        const parsed = parseCommand(p);
        return !parsed.ok || !decide(live.state, parsed.command, { actor: a.actor, now: Date.now(), newId: () => 'x', newToken: () => 'y' }).ok;
      }).slice(0, 84);
      // 28 (+4 odd ones) a socket: under the per-socket burst, so every answer is the payload's own.
      // 84 (+ the odd ones) an audience: under the refusals a participant may collect before it
      // counts as a flood and is let go (security/participant-limits.ts, FLOOD burst 100).
      for (let k = 0; k < payloads.length; k += 28) {
        const client = await h.connect({ code: session.code, as: a.as, ...('token' in a ? { token: a.token } : {}) });
        // Odd shapes of the event itself first (handled in order, before the acks below come back):
        // no ack function, no payload, extra arguments, an event that does not exist.
        const raw = client.socket as unknown as { emit: (event: string, ...args: unknown[]) => void };
        raw.emit('command');
        raw.emit('command', { id: nanoid(), command: { type: 'next', extra: 1 } });
        raw.emit('command', payloads[k], 'not a function', 3);
        raw.emit('no-such-event', { polluted: 1 }, () => {});
        const acks = await Promise.all(payloads.slice(k, k + 28).map((p) => client.sendRaw(p)));
        for (const ack of acks) {
          expect(ack.ok, `${name}: ${JSON.stringify(ack)}`).toBe(false);
          expectTyped((ack as { error: CommandError }).error);
        }
        sent += acks.length;
        client.close();
      }
    }
    console.log(`[fuzz] over sockets: ${sent} payloads, seed ${SEED}`);
    expect(sent).toBeGreaterThanOrEqual(330);
    prototypeIntact();
    expect((await fetch(`${h.url}/healthz`)).ok).toBe(true);
    expect(JSON.stringify(live.state)).toBe(before);
  });

  it(`handshakes with arbitrary auth get typed connect errors (seed ${SEED})`, async () => {
    // socket.io carries an object as auth (anything else is refused by its parser: tested below).
    const auths = fc.sample(fc.oneof(fc.object({ key, maxDepth: 2, values: [fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null)] }), fc.record({ code: fc.oneof(fc.constant(session.code), fc.stringMatching(/^[A-Z0-9]{4,10}$/), jsonish), as: fc.oneof(fc.constantFrom('host', 'participant', 'x'), jsonish), token: jsonish }, { requiredKeys: [] })), { seed: SEED, numRuns: 60 });
    for (const auth of auths) {
      const outcome = await new Promise<{ ok: true } | { ok: false; code: unknown }>((resolve) => {
        const s = io(h.url, { transports: ['websocket'], auth: auth as object, reconnection: false, forceNew: true });
        s.once('connect', () => {
          s.close();
          resolve({ ok: true });
        });
        s.once('connect_error', (e: Error & { data?: { code?: unknown } }) => {
          s.close();
          resolve({ ok: false, code: e.data?.code });
        });
      });
      if (!outcome.ok) expect(ERRORS.has(String(outcome.code)), `${JSON.stringify(auth)} → ${String(outcome.code)}`).toBe(true);
    }
    // Not an object at all: socket.io's parser refuses the CONNECT packet and drops the connection.
    for (const auth of ['text', 42, [1, 2], null]) {
      const s = io(h.url, { transports: ['websocket'], auth: auth as object, reconnection: false, forceNew: true });
      const outcome = await new Promise<string>((resolve) => {
        s.once('connect', () => resolve('connected'));
        s.once('connect_error', (e: Error & { data?: { code?: string } }) => resolve(`refused ${e.data?.code ?? e.message}`));
        s.io.once('close', () => resolve('closed'));
        setTimeout(() => resolve('timeout'), 3000);
      });
      s.close();
      expect(outcome, JSON.stringify(auth)).not.toBe('connected');
    }
    expect((await fetch(`${h.url}/healthz`)).ok).toBe(true);
    prototypeIntact();
  });

  it('every ack over the wire is one of the documented shapes', async () => {
    const phone = await h.participant(session);
    const acks: Ack[] = await Promise.all([phone.sendRaw(null), phone.sendRaw({ id: 'abcdefghijklmnopqrstu', command: { type: 'nope' } })]);
    expect(acks).toEqual([
      { ok: false, error: { code: 'invalid_payload', message: expect.any(String) } },
      { ok: false, error: { code: 'unknown_command', message: expect.any(String) } },
    ]);
  });
});
