// Fan-out does not grow with answers: a real server, 200 real socket.io participants, a screen
// and a host. While results are hidden an answer wakes no phone but its sender (one `me`), and
// the screen gets at most one view per FLUSH_MS however many answers arrive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLUSH_MS, HOST_FLUSH_MS } from './broadcast.ts';
import { startServer, type RunningServer } from './server.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const PARTICIPANTS = 200;
const WINDOW_MS = 1000;
const QUESTION = 'q1-1'; // a 1–5 scale: a new answer replaces the previous one

/**
 * `mes`: `me` frames; `ackMes`: acks that carried the phone's `me` (no frame of their own);
 * `updates`: frames with the shared view and `me` together; `frames`: every frame the server sent.
 */
type Phone = { socket: Socket; views: number; mes: number; updates: number; frames: number; ackMes: number; sent: number; seq: number; joinAckMe?: boolean; mesAtJoin?: number };
type Tally = { phoneViews: number; phoneMes: number; screenViews: number; answers: number; elapsedMs: number; phonesSent: number };

let server: RunningServer;
let dataDir: string;
let host: Socket;
let screen: Socket;
let screenViews: { answered?: number }[] = [];
const phones: Phone[] = [];

const open = (auth: Record<string, string>): Socket =>
  connect(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let ids = 0;
const commandAck = async (socket: Socket, cmd: Record<string, unknown>) => {
  const ack = (await socket.timeout(10_000).emitWithAck('command', { id: `fanout_${String(++ids).padStart(16, '0')}`, command: cmd })) as { ok: boolean; data?: unknown; error?: unknown; me?: unknown };
  if (!ack.ok) throw new Error(`${String(cmd.type)}: ${JSON.stringify(ack.error)}`);
  return ack;
};
const command = async (socket: Socket, cmd: Record<string, unknown>) => (await commandAck(socket, cmd)).data;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-fanout-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    questionsDir: path.join(repo, 'questions'),
    clientDir: path.join(repo, 'dist', 'client'),
  });
  const res = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const { code, hostToken } = (await res.json()) as { code: string; hostToken: string };

  host = open({ code, as: 'host', token: hostToken });
  const agenda = await new Promise<{ index: number; questionId?: string }[]>((resolve) => host.once('view', (v) => resolve(v.agenda)));
  screen = open({ code, as: 'screen' });
  screen.on('view', (v: { step?: { answered?: number } | null }) => screenViews.push({ answered: v.step?.answered }));

  for (let i = 0; i < PARTICIPANTS; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, PARTICIPANTS - i) }, async () => {
        const phone: Phone = { socket: open({ code, as: 'participant' }), views: 0, mes: 0, updates: 0, frames: 0, ackMes: 0, sent: 0, seq: 0 };
        phone.socket.on('view', () => phone.views++);
        phone.socket.on('me', () => phone.mes++);
        phone.socket.on('update', () => phone.updates++);
        phone.socket.io.on('packet', (p: { type: number }) => void (p.type === 2 || p.type === 3 ? phone.frames++ : 0));
        const joined = await commandAck(phone.socket, { type: 'join', role: 'employee' });
        phone.joinAckMe = joined.me !== undefined;
        phone.mesAtJoin = phone.mes;
        phones.push(phone);
      }),
    );
  }
  const index = agenda.find((a) => a.questionId === QUESTION)!.index;
  await command(host, { type: 'goTo', index });
  await command(host, { type: 'openAnswering', questionId: QUESTION });
  await sleep(3 * FLUSH_MS);
});

afterAll(async () => {
  for (const p of phones) p.socket.disconnect();
  host?.disconnect();
  screen?.disconnect();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Every phone sends `each` answers at random moments within the window; counts what arrives. */
async function round(each: number): Promise<Tally> {
  for (const p of phones) {
    p.views = 0;
    p.mes = 0;
    p.ackMes = 0;
    p.sent = 0;
  }
  screenViews = [];
  const phonesSent = server.broadcaster.sent.participants;
  const started = Date.now();
  await Promise.all(
    phones.flatMap((p, i) =>
      Array.from({ length: each }, (_, k) =>
        sleep(Math.random() * WINDOW_MS).then(async () => {
          const ack = await commandAck(p.socket, { type: 'submitAnswer', questionId: QUESTION, answer: { kind: 'scale', value: 1 + ((i + k) % 5) } });
          p.sent++;
          if (ack.me !== undefined) p.ackMes++;
        }),
      ),
    ),
  );
  await sleep(2 * FLUSH_MS); // the trailing flush
  return {
    phoneViews: phones.reduce((n, p) => n + p.views, 0),
    phoneMes: phones.reduce((n, p) => n + p.mes, 0),
    screenViews: screenViews.length,
    answers: phones.reduce((n, p) => n + p.sent, 0),
    elapsedMs: Date.now() - started,
    phonesSent: server.broadcaster.sent.participants - phonesSent,
  };
}

describe('fan-out under load', () => {
  it('costs the same whether each participant answers once or five times', async () => {
    const a = await round(1);
    const b = await round(5);
    expect(a.answers).toBe(PARTICIPANTS);
    expect(b.answers).toBe(5 * PARTICIPANTS);

    // Phones: no view at all while results are hidden; each hears only about its own answers,
    // with the ack (no frame of its own) and at most one `me` frame per answer besides.
    expect(a.phoneViews).toBe(0);
    expect(b.phoneViews).toBe(0);
    expect(a.phonesSent + b.phonesSent).toBe(0);
    for (const p of phones) {
      expect(p.mes).toBeLessThanOrEqual(p.sent);
      expect(p.ackMes).toBe(p.sent);
    }
    // No `me` frames at all: the ack carries the view, and no flush sends it while the ack is on
    // its way (before: about one per answer, then about half as many while commits were slow).
    expect(phones.reduce((n, p) => n + p.mes, 0)).toBe(0);

    // The screen: bounded by time, not by answers — 1,000 answers may not buy more views than 200.
    for (const r of [a, b]) expect(r.screenViews).toBeLessThanOrEqual(Math.ceil(r.elapsedMs / FLUSH_MS) + 3);
    expect(b.screenViews).toBeLessThan(b.answers / 10);
    expect(screenViews.at(-1)?.answered).toBe(PARTICIPANTS); // a new scale answer replaces the old
  });

  it('the console: phones answering wake it at most every HOST_FLUSH_MS; the facilitator’s own command within about FLUSH_MS', async () => {
    const hostViews: number[] = [];
    const onView = () => hostViews.push(Date.now());
    host.on('view', onView);
    const r = await round(1);
    expect(hostViews.length).toBeGreaterThan(0);
    expect(hostViews.length).toBeLessThanOrEqual(Math.ceil(r.elapsedMs / HOST_FLUSH_MS) + 2);
    // Right after a console view (woken by a phone): a command of the facilitator's is not held
    // back for the console's cadence.
    const woken = new Promise((resolve) => host.once('view', resolve));
    await commandAck(phones[0]!.socket, { type: 'submitAnswer', questionId: QUESTION, answer: { kind: 'scale', value: 3 } });
    await woken;
    const next = new Promise<number>((resolve) => host.once('view', () => resolve(Date.now())));
    // A note: it concerns the console (and the minutes), not the phones.
    await command(host, { type: 'addNote', scope: { kind: 'session' }, kind: 'note', text: 'cadence' });
    const sent = Date.now();
    expect((await next) - sent).toBeLessThan(HOST_FLUSH_MS - 100);
    host.off('view', onView);
  });

  it('a join is answered in its ack alone, and a phase change reaches each phone as one frame with both views', async () => {
    for (const p of phones) {
      expect(p.joinAckMe).toBe(true);
      expect(p.mesAtJoin).toBe(0);
    }
    for (const p of phones) Object.assign(p, { views: 0, mes: 0, updates: 0, frames: 0 });
    await command(host, { type: 'closeAnswering', questionId: QUESTION });
    await sleep(3 * FLUSH_MS);
    for (const p of phones) expect({ updates: p.updates, views: p.views, mes: p.mes, frames: p.frames }).toEqual({ updates: 1, views: 0, mes: 0, frames: 1 });
    await command(host, { type: 'openAnswering', questionId: QUESTION });
    await sleep(3 * FLUSH_MS);
  });

  it('does reach the phones once results are shown, still coalesced (the counters can see views)', async () => {
    await command(host, { type: 'setResultsVisible', questionId: QUESTION, visible: true });
    await sleep(3 * FLUSH_MS);
    const c = await round(1);
    expect(c.phonesSent).toBeGreaterThan(0);
    expect(c.phoneViews).toBe(c.phonesSent * PARTICIPANTS);
    expect(c.phonesSent).toBeLessThanOrEqual(Math.ceil(c.elapsedMs / FLUSH_MS) + 3);
  });
});
