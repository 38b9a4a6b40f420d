// A client worker: up to 1,000 real socket.io-client participants in one process, driven by
// bench/run.ts over IPC. Websocket transport only, no reconnection, every wait bounded.
import { io, type Socket } from 'socket.io-client';
import { MAX_SOCKETS_PER_WORKER, now, type AnswerSample, type AnswerSpec, type ClientSpec, type Counts, type ParentToWorker, type WorkerToParent } from './ipc.ts';

type Client = {
  spec: ClientSpec;
  socket: Socket;
  joined: boolean;
  seq: number;
  idx: number;
  /** Per question: the answer ids this phone may vote on, and when its `me` brought them. */
  voting: Map<string, { ids: string[]; at: number }>;
};
type Me = { voting?: { questionId: string; sample: { id: string }[] }[] } | null;
let clients: Client[] = [];
const counts: Counts = { clients: 0, frames: 0, bytes: 0, byEvent: {}, bytesByEvent: {} };
let prefix = Math.random().toString(36).slice(2, 10);

const send = (m: WorkerToParent) => process.send?.(m);

process.on('message', (m: ParentToWorker) => {
  if (m.type === 'join') void join(m.urls ?? [m.url], m.clients, m.concurrency, m.timeoutMs);
  else if (m.type === 'answer') void answer(m);
  else if (m.type === 'awaitVoting') void awaitVoting(m.questionId, m.timeoutMs);
  else if (m.type === 'vote') void vote(m.questionId, m.votes, m.t0, m.windowMs, m.timeoutMs);
  else if (m.type === 'counts') send({ type: 'counts', counts: { ...counts, clients: clients.length } });
  else if (m.type === 'close') close();
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });

async function join(urls: string[], specs: ClientSpec[], concurrency: number, timeoutMs: number): Promise<void> {
  if (clients.length + specs.length > MAX_SOCKETS_PER_WORKER) throw new Error(`at most ${MAX_SOCKETS_PER_WORKER} sockets per worker`);
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  const deadline = now() + timeoutMs;
  const one = async (spec: ClientSpec): Promise<void> => {
    const t0 = now();
    const socket = connect(urls[clients.length % urls.length]!, spec.code);
    const client: Client = { spec, socket, joined: false, seq: 0, idx: clients.length, voting: new Map() };
    clients.push(client);
    const sawMe = (me: Me) => {
      for (const v of me?.voting ?? []) {
        if (!client.voting.has(v.questionId)) client.voting.set(v.questionId, { ids: v.sample.map((x) => x.id), at: now() });
      }
    };
    socket.on('me', sawMe);
    socket.on('update', (u: { me: Me }) => sawMe(u.me));
    try {
      const ack = await command(client, { type: 'join', role: 'employee' }, Math.max(1000, deadline - now()));
      if (!ack.ok) throw new Error(JSON.stringify(ack.error));
      client.joined = true;
      latencies.push(now() - t0);
    } catch (error) {
      failed++;
      firstError ??= String(error);
    }
  };
  const lane = async (): Promise<void> => {
    while (next < specs.length && now() < deadline) await one(specs[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, specs.length) }, lane));
  failed += specs.length - next;
  send({ type: 'joined', latencies, failed, done: latencies.length, ...(firstError ? { firstError } : {}) });
}

function connect(url: string, code: string): Socket {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
    auth: { code, as: 'participant' },
    // As the app does: a load balancer (--cluster) routes by it.
    query: { code },
  });
  // Count what the server sends: every socket.io frame (events and acks), bytes as on the wire.
  socket.io.on('open', () => {
    socket.io.engine.on('packet', (p: { type: string; data?: unknown }) => {
      if (p.type !== 'message' || typeof p.data !== 'string') return;
      counts.frames++;
      const bytes = Buffer.byteLength(p.data) + 1;
      counts.bytes += bytes;
      // socket.io's text packets: `2["event",…]` is an event, `3<id>[…]` an ack.
      const kind = p.data[0] === '3' ? 'ack' : (/^2\d*\["([^"]+)"/.exec(p.data)?.[1] ?? 'other');
      counts.bytesByEvent[kind] = (counts.bytesByEvent[kind] ?? 0) + bytes;
    });
  });
  socket.onAny((event: string) => {
    counts.byEvent[event] = (counts.byEvent[event] ?? 0) + 1;
  });
  return socket;
}

type Ack = { ok: boolean; error?: unknown };
function command(client: Client, cmd: unknown, timeoutMs: number): Promise<Ack> {
  // The server takes 21–64 URL-safe characters (shared/protocol.ts ClientId).
  const id = `bench-client-${prefix}_${client.spec.session}_${client.idx}_${client.seq++}`;
  return client.socket.timeout(timeoutMs).emitWithAck('command', { id, command: cmd }) as Promise<Ack>;
}

type Job = { client: Client; at: number; cmd: unknown };

/** Sends each job's command at its moment; records send and ack times on the shared clock. */
async function timed(jobs: Job[], timeoutMs: number): Promise<{ samples: AnswerSample[]; firstError?: string }> {
  const samples: AnswerSample[] = [];
  let firstError: string | undefined;
  await Promise.all(
    jobs.map(
      (job) =>
        new Promise<void>((resolve) => {
          setTimeout(async () => {
            const sample: AnswerSample = { session: job.client.spec.session, send: now(), ack: 0, ok: false };
            try {
              const ack = await command(job.client, job.cmd, timeoutMs);
              sample.ack = now();
              sample.ok = ack.ok;
              if (!ack.ok) firstError ??= JSON.stringify(ack.error);
            } catch (error) {
              firstError ??= String(error);
            }
            samples.push(sample);
            resolve();
          }, Math.max(0, job.at - now()));
        }),
    ),
  );
  return { samples, ...(firstError ? { firstError } : {}) };
}

async function answer(spec: AnswerSpec): Promise<void> {
  const jobs = clients
    .filter((c) => c.joined)
    .map((client, i): Job => {
      const answer = spec.kind === 'scale' ? { kind: 'scale', value: 1 + (i % 5) } : { kind: 'text', text: `Idé nummer ${i} fra bænken` };
      return { client, at: spec.t0 + Math.random() * spec.windowMs, cmd: { type: 'submitAnswer', questionId: spec.questionId, answer } };
    });
  send({ type: 'answered', ...(await timed(jobs, spec.timeoutMs)) });
}

/** Waits (bounded) until every joined phone has been given its voting window. */
async function awaitVoting(questionId: string, timeoutMs: number): Promise<void> {
  const deadline = now() + timeoutMs;
  const joined = clients.filter((c) => c.joined);
  while (now() < deadline && !joined.every((c) => c.voting.has(questionId))) await new Promise((r) => setTimeout(r, 20));
  const meAt = joined.flatMap((c) => (c.voting.has(questionId) ? [c.voting.get(questionId)!.at] : []));
  send({ type: 'votingReady', meAt, missing: joined.length - meAt.length });
}

/** Every phone puts `votes` dots, each at its own random moment, on answers from its window. */
async function vote(questionId: string, votes: number, t0: number, windowMs: number, timeoutMs: number): Promise<void> {
  const jobs: Job[] = [];
  for (const client of clients) {
    const ids = client.voting.get(questionId)?.ids ?? [];
    if (!client.joined || !ids.length) continue;
    const offset = Math.floor(Math.random() * ids.length);
    for (let k = 0; k < votes; k++) {
      const answerId = ids[(offset + k) % ids.length]!;
      jobs.push({ client, at: t0 + Math.random() * windowMs, cmd: { type: 'castVote', questionId, answerId } });
    }
  }
  send({ type: 'voted', ...(await timed(jobs, timeoutMs)) });
}

function close(): void {
  for (const c of clients) c.socket.disconnect();
  clients = [];
  counts.frames = 0;
  counts.bytes = 0;
  counts.byEvent = {};
  counts.bytesByEvent = {};
  prefix = Math.random().toString(36).slice(2, 10);
  send({ type: 'closed' });
}
