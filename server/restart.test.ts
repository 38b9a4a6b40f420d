// Acknowledged means durable: a restart on the same DATA_DIR restores every session, and so does
// a hard kill (SIGKILL of a server in a child process) – every acknowledged answer is still there.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, JoinResult, SubmitResult } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import { Harness, REPO, TestClient, createSession, inBatches, stepIndex, tempDataDir, type Created } from './testing/harness.ts';

const running: Harness[] = [];
afterAll(async () => {
  for (const h of running) await h.close().catch(() => {});
});
async function start(dataDir: string): Promise<Harness> {
  const h = await Harness.start(dataDir);
  running.push(h);
  return h;
}
async function stop(h: Harness): Promise<void> {
  running.splice(running.indexOf(h), 1);
  await h.close();
}
const summaryOf = async (url: string, s: Created) =>
  (await fetch(`${url}/api/sessions/${s.code}/summary?format=json`, { headers: { authorization: `Bearer ${s.hostToken}` } })).json();

async function goToAndOpen(host: TestClient<HostView>, questionId: string): Promise<void> {
  await host.must({ type: 'goTo', index: stepIndex(host.view!, questionId) });
  await host.must({ type: 'openAnswering', questionId });
}

describe('restart on the same DATA_DIR', () => {
  it('restores participants, answers, aggregates, phases, identities and retries', async () => {
    const dataDir = tempDataDir();
    let h = await start(dataDir);
    const session = await h.createSession();
    const host = await h.host(session);
    const phones = await Promise.all(Array.from({ length: 8 }, () => h.participant(session)));
    const joinIds = phones.map(() => nanoid());
    const joined = await Promise.all(
      phones.map((p, i) => p.send({ type: 'join', role: i % 2 ? 'employee' : 'politician', name: `P${i}` }, joinIds[i]).then((a) => (a as { data: JoinResult }).data)),
    );
    await goToAndOpen(host, 'q1-2');
    await Promise.all(phones.map((p, i) => p.must({ type: 'submitAnswer', questionId: 'q1-2', answer: { kind: 'number', value: i * 11 } })));
    await goToAndOpen(host, 'q1-4');
    await Promise.all(phones.map((p, i) => p.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `tekst ${i}` } })));
    await goToAndOpen(host, 'q1-1');
    const retry = { id: nanoid(), command: { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 5 } } };
    const firstAck = await phones[0]!.sendRaw(retry);
    await Promise.all(phones.slice(1).map((p, i) => p.must({ type: 'submitAnswer', questionId: 'q1-1', answer: i === 3 ? { kind: 'dontKnow' } : { kind: 'scale', value: (i % 5) + 1 } })));
    await host.must({ type: 'setResultsVisible', questionId: 'q1-1', visible: true });
    await host.must({ type: 'closeAnswering', questionId: 'q1-2' });
    const before = await host.waitForView((v) => v.results?.type === 'scale' && v.results.n + v.results.dontKnow === 8 && v.agenda.some((a) => a.questionId === 'q1-2' && a.phase === 'closed'));
    expect(before.results).toMatchObject({ n: 7, dontKnow: 1 });
    const mesBefore = await Promise.all(phones.map((p, i) => p.waitForMe((m) => Object.keys(m.answers).length === 3 && !('q1-2' in m.answering), `me ${i}`)));
    const summaryBefore = await summaryOf(h.url, session);

    await stop(h);
    h = await start(dataDir);

    const host2 = await h.host(session);
    expect(host2.view).toEqual(before);
    expect(await summaryOf(h.url, session)).toEqual(summaryBefore);
    const screen = await h.screen(session);
    expect(screen.view!.results).toEqual(before.results);
    for (const [i, j] of joined.entries()) {
      const phone = await h.participant(session, j.token);
      expect(phone.me, `me of participant ${i}`).toEqual(mesBefore[i]);
    }
    // A command retried across the restart is still applied once, and so is a join.
    const phone0 = await h.participant(session, joined[0]!.token);
    // The same first answer (`me` is the phone's view now, not then: left out of the comparison).
    const { me: _now, ...again } = (await phone0.sendRaw(retry)) as Ack & { me?: unknown };
    const { me: _then, ...first } = firstAck as Ack & { me?: unknown };
    expect(again).toEqual({ ...first, duplicate: true });
    const guest = await h.participant(session);
    const { me: rejoinedAs, ...rejoin } = (await guest.send({ type: 'join', role: 'politician', name: 'P0' }, joinIds[0])) as Ack & { me?: { participantId: string } };
    expect(rejoin).toEqual({ ok: true, data: joined[0], duplicate: true });
    // The join's ack carries the phone's own view, as every participant's ack does.
    expect(rejoinedAs?.participantId).toBe(joined[0]!.participantId);
    // And the session goes on: a closed question stays closed, an open one takes answers.
    expect(await phone0.send({ type: 'submitAnswer', questionId: 'q1-2', answer: { kind: 'number', value: 1 } })).toMatchObject({ error: { code: 'question_closed' } });
    await phone0.must({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 1 } });
    const bars = (v: HostView) => (v.results?.type === 'scale' ? v.results.bars.map((b) => b.count) : []);
    const [ones, fives] = [bars(before)[0]!, bars(before)[4]!];
    const after = await host2.waitForView((v) => bars(v)[0] === ones + 1, 'the changed answer');
    expect(bars(after)[4]).toBe(fives - 1);
    expect(after.participants).toBe(8);
    expect(after.results).toMatchObject({ n: 7, dontKnow: 1 });
  });
});

describe('hard kill', () => {
  it('every acknowledged answer survives SIGKILL of the server process', async () => {
    const dataDir = tempDataDir();
    const child = await spawnServer(dataDir);
    let session: Created;
    const acked: { token: string; answerIds: string[] }[] = [];
    const clients: TestClient<unknown>[] = [];
    try {
      session = await createSession(child.url);
      const host = await TestClient.connect<HostView>(child.url, { code: session.code, as: 'host', token: session.hostToken });
      clients.push(host);
      await goToAndOpen(host, 'q1-4');
      await host.must({ type: 'openAnswering', questionId: 'q1-1' });
      const phones = await Promise.all(Array.from({ length: 12 }, () => TestClient.connect(child.url, { code: session.code, as: 'participant' })));
      clients.push(...phones);
      const joined = await Promise.all(phones.map((p) => p.must<JoinResult>({ type: 'join', role: 'citizen' })));
      const latecomers = await Promise.all(Array.from({ length: 6 }, () => TestClient.connect(child.url, { code: session.code, as: 'participant' })));
      clients.push(...latecomers);
      // Everything in flight at once: the server groups commits, and acks only what is on disk.
      await inBatches(phones, 12, async (p, i) => {
        const acks: Ack[] = await Promise.all([
          p.send({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `a${i}` } }),
          p.send({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `b${i}` } }),
          p.send({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: (i % 5) + 1 } }),
          p.send({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `c${i}` } }),
        ]);
        for (const a of acks) expect(a.ok).toBe(true);
        acked.push({ token: joined[i]!.token, answerIds: acks.map((a) => (a as { data: SubmitResult }).data.answerId) });
      });
      // More writes in flight, never awaited: the kill lands in the middle of them. They may or
      // may not survive (they were never acknowledged), but they must not disturb what was.
      for (const p of latecomers) void p.send({ type: 'join', role: 'other' }).catch(() => {});
      child.process.kill('SIGKILL');
      await child.exited;
    } finally {
      for (const c of clients) c.close();
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    }
    expect(child.process.signalCode).toBe('SIGKILL');

    const h = await start(dataDir);
    const host = await h.host(session!);
    expect(host.view!.participants).toBeGreaterThanOrEqual(12);
    expect(host.view!.participants).toBeLessThanOrEqual(18);
    expect(host.view!.roleCounts.citizen).toBe(12);
    for (const { token, answerIds } of acked) {
      const phone = await h.participant(session!, token);
      const mine = Object.values(phone.me!.answers).flat().map((a) => a.id);
      expect(mine.sort()).toEqual([...answerIds].sort());
    }
    const summary = (await summaryOf(h.url, session!)) as { themes: { questions: { id: string; n: number; respondents: number }[] }[] };
    const questions = summary.themes.flatMap((t) => t.questions);
    expect(questions.find((q) => q.id === 'q1-4')).toMatchObject({ n: 36, respondents: 12 });
    expect(questions.find((q) => q.id === 'q1-1')).toMatchObject({ n: 12, respondents: 12 });
  }, 120_000);
});

type Child = { process: ChildProcess; url: string; exited: Promise<void> };

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** `npm run serve` in a child process (main.ts reads PORT, HOST, DATA_DIR); resolves once /healthz answers. */
async function spawnServer(dataDir: string): Promise<Child> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => (output += String(d)));
  proc.stderr.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { process: proc, url, exited };
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`the server did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
