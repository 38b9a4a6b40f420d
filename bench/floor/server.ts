// The floor: the least a server can do on the same wire. Same socket.io options and handshake,
// the same messages in the same places (hello + initial view + me on connect; an ack and a `me`
// per command; views to the host and screen rooms coalesced leading-edge to one per 100 ms per
// session; a view to the participants' room on host commands; a `me` to every phone when a
// question opens or closes or voting opens, carrying a window of answers to vote on) — but no
// validation, no state beyond counters and the texts, no disk. Rådslag ÷ floor is what the
// product's own work costs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { serveStats, type ServerToParent } from '../ipc.ts';

const FLUSH_MS = 100;
type Session = { code: string; question: string | null; answers: Map<string, number>; participants: number; texts: { id: string; text: string }[] };
type Dirty = { staff: boolean; participants: boolean; meAll: boolean; voting?: string };

const sessions = new Map<string, Session>();
const dirty = new Map<string, Dirty>();
const lastFlush = new Map<string, number>();
const timers = new Map<string, NodeJS.Timeout>();
const sent = { host: 0, screen: 0, participants: 0 };
let ids = 0;

const httpServer = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/sessions') return void res.writeHead(404).end();
  req.resume();
  req.on('end', () => {
    const code = newCode();
    sessions.set(code, { code, question: null, answers: new Map(), participants: 0, texts: [] });
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ code, hostToken: `host-${code}-token` }));
  });
});
const io = new Server(httpServer, {
  maxHttpBufferSize: 64 * 1024,
  perMessageDeflate: false,
  httpCompression: false,
  transports: ['websocket', 'polling'],
  serveClient: false,
  pingInterval: 20_000,
  pingTimeout: 20_000,
});
io.engine.on('connection', (raw: { request: unknown }) => {
  raw.request = null;
});

io.on('connection', (socket: Socket) => {
  const auth = (socket.handshake.auth ?? {}) as { code?: string; as?: string };
  const s = sessions.get(String(auth.code));
  if (!s) return void socket.disconnect(true);
  const as = auth.as === 'host' || auth.as === 'screen' ? auth.as : 'participant';
  void socket.join(`${s.code}:${as}`);
  socket.emit('hello', { serverNow: Date.now(), protocol: 1, audience: as });
  socket.emit('view', view(s, as));
  if (as === 'participant') socket.emit('me', null);

  socket.on('command', (env: { command?: { type?: string; questionId?: string; answer?: { text?: string } } }, ack: (a: unknown) => void) => {
    const c = env?.command ?? {};
    const id = `x_${(++ids).toString(36)}`;
    if (c.type === 'join') {
      s.participants++;
      mark(s.code, false);
      ack({ ok: true, data: { participantId: `p_${id}`, token: `t_${id}_padding_` } });
      socket.emit('me', { participantId: `p_${id}`, role: 'employee', answers: {} });
    } else if (c.type === 'submitAnswer') {
      const q = String(c.questionId);
      s.answers.set(q, (s.answers.get(q) ?? 0) + 1);
      if (typeof c.answer?.text === 'string') s.texts.push({ id: `a_${id}`, text: c.answer.text });
      mark(s.code, false);
      ack({ ok: true, data: { answerId: `a_${id}` } });
      socket.emit('me', { participantId: 'p', role: 'employee', answers: { [q]: [{ id: `a_${id}` }] } });
    } else if (c.type === 'castVote') {
      mark(s.code, false);
      ack({ ok: true });
      socket.emit('me', { participantId: 'p', role: 'employee', answers: {}, voting: [] });
    } else {
      if (c.type === 'openAnswering' && c.questionId) s.question = c.questionId;
      mark(s.code, true, ['openAnswering', 'closeAnswering', 'openVoting'].includes(String(c.type)), c.type === 'openVoting' ? c.questionId : undefined);
      ack({ ok: true });
    }
  });
});

function mark(code: string, participants: boolean, meAll = false, voting?: string): void {
  const d = dirty.get(code) ?? { staff: false, participants: false, meAll: false };
  d.staff = true;
  d.participants ||= participants;
  d.meAll ||= meAll;
  if (voting) d.voting = voting;
  dirty.set(code, d);
  if (timers.has(code)) return;
  const wait = Math.max(5, (lastFlush.get(code) ?? 0) + FLUSH_MS - Date.now());
  timers.set(code, setTimeout(() => flush(code), wait));
}

function flush(code: string): void {
  timers.delete(code);
  const d = dirty.get(code);
  const s = sessions.get(code);
  dirty.delete(code);
  if (!d || !s) return;
  lastFlush.set(code, Date.now());
  io.to(`${code}:host`).emit('view', view(s, 'host'));
  io.to(`${code}:screen`).emit('view', view(s, 'screen'));
  sent.host++;
  sent.screen++;
  if (d.participants) {
    io.to(`${code}:participant`).emit('view', view(s, 'participant'));
    sent.participants++;
  }
  if (d.meAll) {
    // One `me` per phone, each with its own window of answers (as a product must send them).
    const size = Math.min(s.texts.length, 30, Math.max(10, Math.ceil((8 * s.texts.length) / Math.max(1, s.participants))));
    let ordinal = 0;
    for (const id of io.sockets.adapter.rooms.get(`${code}:participant`) ?? []) {
      const start = (ordinal++ * size) % Math.max(1, s.texts.length);
      const sample = d.voting ? Array.from({ length: size }, (_, k) => ({ ...s.texts[(start + k) % s.texts.length]!, mine: 0 })) : [];
      const voting = d.voting ? [{ questionId: d.voting, budget: 3, maxPerAnswer: 2, used: 0, sample }] : [];
      io.sockets.sockets.get(id)?.emit('me', { participantId: id, role: 'employee', answers: {}, voting });
    }
  }
}

function view(s: Session, audience: string): unknown {
  const step = s.question ? { kind: 'question', question: { id: s.question }, answered: s.answers.get(s.question) ?? 0 } : null;
  return { audience, code: s.code, participants: s.participants, step };
}

function newCode(): string {
  const abc = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let code = '';
  do code = Array.from({ length: 6 }, () => abc[Math.floor(Math.random() * abc.length)]).join('');
  while (sessions.has(code));
  return code;
}

httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  serveStats(
    () => sent,
    async () => {
      for (const t of timers.values()) clearTimeout(t);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  );
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` } satisfies ServerToParent);
});
