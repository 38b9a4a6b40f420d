// The hostile participant of `npm run bench -- --attack`, in a process of its own (forked by
// bench/attack.ts) so that its CPU is not the measuring phones'. One participant token on 100
// sockets, each sending answers as fast as its socket carries them (no waiting for acks);
// sockets the server refuses (too many tabs) try again every half second. Beside them one socket
// that never reads: its TCP socket is paused while it keeps sending, so its acks pile up on the
// server. Reports what it sent and how often it was let go.
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';

export type AttackerToParent = { type: 'ready' } | { type: 'report'; sent: number; refusedHandshakes: number; slowDropped: number; open: number; cpuS: number };
export type ParentToAttacker = { type: 'start'; url: string; code: string; token: string; slowToken: string; sockets: number } | { type: 'stop' };

const IN_FLIGHT = 64;
let running = false;
let sent = 0;
let refusedHandshakes = 0;
let slowDropped = 0;
let cpuAtStart = process.cpuUsage();
const sockets = new Set<Socket>();
const answer = () => ({ id: nanoid(), command: { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 1 + Math.floor(Math.random() * 5) } } });

/** One tab of the attacker: connects (again and again if refused) and floods while connected. */
function tab(url: string, auth: object): void {
  if (!running) return;
  const s = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  sockets.add(s);
  let inFlight = 0;
  const pump = () => {
    while (running && s.connected && inFlight < IN_FLIGHT) {
      inFlight++;
      sent++;
      s.emit('command', answer(), () => {
        inFlight--;
        setImmediate(pump);
      });
    }
  };
  s.on('connect', pump);
  s.on('connect_error', () => {
    refusedHandshakes++;
    s.close();
    sockets.delete(s);
    setTimeout(() => tab(url, auth), 500);
  });
  s.on('disconnect', () => {
    sockets.delete(s);
    if (running) setTimeout(() => tab(url, auth), 500);
  });
}

/** The slow reader: stops reading its TCP socket and keeps sending; comes back when let go. */
function slowReader(url: string, auth: object): void {
  if (!running) return;
  const s = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  sockets.add(s);
  let timer: NodeJS.Timeout | undefined;
  s.on('connect', () => {
    const engine = s.io.engine as unknown as { transport: { ws?: { _socket?: { pause: () => void } } } };
    engine.transport.ws?._socket?.pause();
    // Writes still go out while reading is paused: 50 every 10 ms (counted only while connected:
    // socket.io would buffer them otherwise).
    timer = setInterval(() => {
      for (let i = 0; i < 50 && s.connected; i++) {
        sent++;
        s.emit('command', answer(), () => {});
      }
    }, 10);
  });
  const again = () => {
    clearInterval(timer);
    sockets.delete(s);
    s.close();
    if (running) setTimeout(() => slowReader(url, auth), 500);
  };
  s.on('disconnect', () => {
    slowDropped++;
    again();
  });
  s.on('connect_error', again);
}

process.on('message', (m: ParentToAttacker) => {
  if (m.type === 'start') {
    running = true;
    cpuAtStart = process.cpuUsage();
    const auth = { code: m.code, as: 'participant', token: m.token };
    // ATTACK_PARTS=tabs or =slow runs one half alone (to see which one costs what).
    const parts = process.env.ATTACK_PARTS ?? 'both';
    if (parts !== 'slow') for (let i = 0; i < m.sockets; i++) tab(m.url, auth);
    if (parts !== 'tabs') slowReader(m.url, { code: m.code, as: 'participant', token: m.slowToken });
  }
  if (m.type === 'stop') {
    running = false;
    for (const s of sockets) s.close();
    const cpu = process.cpuUsage(cpuAtStart);
    const report: AttackerToParent = { type: 'report', sent, refusedHandshakes, slowDropped, open: sockets.size, cpuS: (cpu.user + cpu.system) / 1e6 };
    process.send?.(report, () => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' } satisfies AttackerToParent);
