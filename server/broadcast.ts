// Coalesced fan-out: a change marks its session dirty per audience; views go out at most every
// FLUSH_MS per session, each built once and sent to a whole room as one frame. The cost grows
// with rooms × flushes, never with phones × answers. Which audiences a change wakes is decided
// beside the views, in shared/session/fanout.ts. This is the one module that sends views and
// `me`: the coalesced flush, and the first ones a socket gets when it connects or joins.
import type { AppServer as Server, AppSocket as Socket } from './io.ts';
import type { SessionEvent } from '../shared/session/events.ts';
import { nothingWoken, wakeOf, type Wake } from '../shared/session/fanout.ts';
import { hostView, meView, participantView, screenView, type MeView, type ParticipantView } from '../shared/session/views.ts';
import type { SessionState } from '../shared/session/state.ts';
import type { SessionManager } from './sessions.ts';
import type { Audience } from '../shared/protocol.ts';

/** A socket's first frame. */
export type Greeting = { event: 'view'; view: unknown } | { event: 'update'; view: unknown; me: MeView | null };

export const FLUSH_MS = 100;
/**
 * The console's cadence while only phones are answering and voting. Its view is the largest (the
 * whole wall, every vote, every can-flag) and a facilitator reads it, not a stopwatch: twice a
 * second keeps the counts live. With a hundred rooms voting at once, consoles at ten a second took
 * most of the event loop, and at four a second still an eighth of it (docs/performance.md). What
 * the facilitator does (a phase, a step, a moderation) reaches the console at the FLUSH_MS cadence.
 */
export const HOST_FLUSH_MS = 500;
/**
 * Personal frames sent in one event-loop turn (about 20–40 ms of work here): a hundred rooms
 * opening voting at once are 5,000 frames, which in one turn stalled every workshop for seconds.
 */
const PHONES_PER_TURN = 200;

export const rooms = {
  host: (code: string) => `${code}:host`,
  screen: (code: string) => `${code}:screen`,
  participants: (code: string) => `${code}:participants`,
  participant: (code: string, id: string) => `${code}:p:${id}`,
  /** A session's phones that have not joined yet. */
  guests: (code: string) => `${code}:guests`,
  table: (code: string, table: number) => `${code}:t:${table}`,
};

/** A participant's key in the map of commands awaiting their ack. */
const ackingKey = (code: string, id: string) => `${code}\n${id}`;

export class Broadcaster {
  private readonly dirty = new Map<string, Wake>();
  private readonly lastFlush = new Map<string, number>();
  private readonly lastHostFlush = new Map<string, number>();
  /** The next flush of each session, and when it is due. */
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  /** Sessions whose phones each get their own frame after a phase change, and who is still to get it. */
  /** Commands awaiting their ack, per participant (`code\nid`): see holdMe. */
  private readonly acking = new Map<string, number>();
  /** `spread`: sent through the adapter (see spreadNow), decided when the job starts. */
  private readonly everyPhone = new Map<string, { withView: boolean; ids: string[] | undefined; spread: boolean }>();
  private draining = false;
  /** Views sent, by audience: the bench and tests read these to show what fan-out costs. */
  readonly sent = { host: 0, screen: 0, participants: 0 };

  /**
   * `spreadNow`: the clustered mode – whether a session has sockets on other nodes now. Then its
   * frames go to its rooms through the Redis adapter (a phone's own frame for every participant
   * the session knows), else only to this node's sockets: every node reads every frame put on the
   * adapter's stream, which a session with all its sockets here need not cost them.
   */
  constructor(
    private readonly io: Server,
    private readonly sessions: SessionManager,
    private readonly spreadNow: (code: string) => boolean = () => false,
  ) {}

  /** A room of the session: on every node while it is spread, else on this one. */
  private to(code: string, room: string) {
    return (this.spreadNow(code) ? this.io : this.io.local).to(room);
  }

  /** A socket's first frame: its audience's view – a phone's with its own `me` (null before it joins) – without waiting for a flush. */
  greeting(code: string, audience: Audience, participantId: string | undefined): Greeting | undefined {
    const state = this.sessions.get(code)?.state;
    if (!state) return undefined;
    if (audience === 'host') return { event: 'view', view: hostView(state) };
    if (audience === 'screen') return { event: 'view', view: screenView(state) };
    return { event: 'update', view: participantView(state), me: participantId ? meView(state, participantId) : null };
  }

  /** Sends a greeting (from this node's session, or from the owner's) to a socket of this node. */
  greet(socket: Socket, greeting: Greeting): void {
    if (greeting.event === 'view') socket.emit('view', greeting.view);
    else socket.emit('update', { view: greeting.view, me: greeting.me });
  }

  /**
   * A participant's own view to go with the ack of their command: the flush then has no `me` to
   * send them (one frame, not two). The owner of the session builds it; see toOtherTabs.
   */
  meFor(code: string, id: string): MeView | null | undefined {
    const state = this.sessions.get(code)?.state;
    if (!state) return undefined;
    this.dirty.get(code)?.me.participants.delete(id);
    return meView(state, id);
  }

  /**
   * The participant's other tabs on this node get the `me` their ack carried to `socket`. (Tabs of
   * one phone reach one node through the balancer, which routes by join code; a tab on another
   * node gets its `me` with the next change.)
   */
  toOtherTabs(socket: Socket, me: unknown): void {
    const id = socket.data.participantId;
    if (!id) return;
    const room = rooms.participant(socket.data.code, id);
    if (this.idsIn(room).size > 1) this.io.local.to(room).except(socket.id).emit('me', me);
  }

  /** A participant's command is on its way: its ack will carry their `me`, so flushes meanwhile leave them out. */
  holdMe(code: string, id: string): void {
    const k = ackingKey(code, id);
    this.acking.set(k, (this.acking.get(k) ?? 0) + 1);
  }

  /** That command was answered (with or without a `me`). */
  releaseMe(code: string, id: string): void {
    const k = ackingKey(code, id);
    const n = (this.acking.get(k) ?? 0) - 1;
    if (n > 0) this.acking.set(k, n);
    else this.acking.delete(k);
  }

  changed(code: string, events: readonly SessionEvent[]): void {
    const state = this.sessions.get(code)?.state;
    if (!state) return;
    for (const e of events) {
      if (e.type === 'participantRemoved') {
        // A removed phone is told and let go; its token no longer opens the session (and, banned,
        // its device no longer does either: see the gateway).
        const room = rooms.participant(code, e.participantId);
        this.io.to(room).emit('fatal', e.banned ? { code: 'banned', message: 'removed by the facilitator, and this phone may not join again' } : { code: 'removed', message: 'removed by the facilitator' });
        this.io.in(room).disconnectSockets(true);
      }
    }
    const d = wakeOf(state, events, this.dirty.get(code));
    this.dirty.set(code, d);
    this.schedule(code);
  }

  /**
   * Every audience of the session its whole view at the next flush: after this node took the
   * session over, its sockets on other nodes have seen nothing since the old owner went.
   */
  refreshAll(code: string): void {
    const d = this.dirty.get(code) ?? nothingWoken();
    Object.assign(d, { host: true, hostSoon: true, screen: true, participants: true });
    d.me.all = true;
    this.dirty.set(code, d);
    this.schedule(code);
  }

  /** A flush in `wait` ms (default: as soon as the session's cadence allows), unless one is due sooner. */
  private schedule(code: string, wait?: number): void {
    // Leading edge: an idle session flushes almost at once; a busy one at most every FLUSH_MS.
    const ms = wait ?? Math.max(5, (this.lastFlush.get(code) ?? 0) + FLUSH_MS - Date.now());
    const at = Date.now() + ms;
    const current = this.timers.get(code);
    if (current && current.at <= at) return;
    if (current) clearTimeout(current.timer);
    this.timers.set(code, { timer: setTimeout(() => this.flush(code), ms), at });
  }

  flush(code: string): void {
    this.timers.delete(code);
    const d = this.dirty.get(code);
    const state = this.sessions.get(code)?.state;
    if (!d || !state) return void this.dirty.delete(code);
    // Spread over nodes, a view reaches every node's sockets: a node resumed from a pause waits
    // until its lease renewal says whether the session is still its own (else it is dropped).
    if (this.spreadNow(code) && !(this.sessions.placement?.speaksFor(code) ?? true)) return this.schedule(code, FLUSH_MS);
    this.dirty.delete(code);
    const now = Date.now();
    this.lastFlush.set(code, now);
    const hostDue = (this.lastHostFlush.get(code) ?? 0) + (d.hostSoon ? FLUSH_MS : HOST_FLUSH_MS) - now;
    if (d.host && hostDue <= 0) {
      this.to(code, rooms.host(code)).emit('view', hostView(state));
      this.lastHostFlush.set(code, now);
      this.sent.host++;
    } else if (d.host) this.later(code, hostDue, d.hostSoon);
    if (d.screen) {
      this.to(code, rooms.screen(code)).emit('view', screenView(state));
      this.sent.screen++;
    }
    // After a phase change every phone's own view changes too: each gets the shared view and its
    // own in one frame (below). Otherwise the shared view goes to the room as one frame.
    if (d.participants && !d.me.all) {
      this.to(code, rooms.participants(code)).emit('view', participantView(state));
      this.sent.participants++;
    }
    if (d.me.all) return this.toEveryPhone(code, d.participants);
    // Phones that sent something (only their own sockets), and the tables whose shared answers
    // changed. A phone whose command is still committing gets its `me` with the ack instead; it
    // stays due in case that command fails.
    const spread = this.spreadNow(code);
    const waiting = new Set([...d.me.participants].filter((id) => this.acking.has(ackingKey(code, id))));
    for (const id of d.me.participants) if (!waiting.has(id)) this.to(code, rooms.participant(code, id)).emit('me', meView(state, id));
    for (const table of d.me.tables) {
      for (const id of this.atTable(code, state, table, spread)) {
        if (!d.me.participants.has(id)) this.to(code, rooms.participant(code, id)).emit('me', meView(state, id));
      }
    }
    if (waiting.size) {
      const next = this.dirty.get(code) ?? nothingWoken();
      for (const id of waiting) next.me.participants.add(id);
      this.dirty.set(code, next);
      this.schedule(code);
    }
  }

  /**
   * Every phone of a session its own frame: `update` (shared view and `me`) or just `me`. Queued
   * and sent PHONES_PER_TURN at a time between I/O, so that a hundred workshops changing phase
   * at once do not stall the event loop; each frame is built when it is sent, from the state as
   * it is then, so a phone never gets an older view after a newer one.
   */
  private toEveryPhone(code: string, withView: boolean): void {
    const job = this.everyPhone.get(code);
    // A phase change while the last one is still going out: everyone again, from the start.
    if (job) Object.assign(job, { withView: job.withView || withView, ids: undefined });
    else this.everyPhone.set(code, { withView, ids: undefined, spread: false });
    if (!this.draining) {
      this.draining = true;
      setImmediate(() => this.drainEveryPhone());
    }
  }

  private drainEveryPhone(): void {
    let budget = PHONES_PER_TURN;
    for (const [code, job] of this.everyPhone) {
      const state = this.sessions.get(code)?.state;
      const view = state && job.withView ? participantView(state) : undefined;
      if (!job.ids) {
        job.spread = this.spreadNow(code);
        job.ids = job.spread && state ? Object.keys(state.participants) : [...this.idsIn(rooms.participants(code))];
        if (job.spread && view) this.io.to(rooms.guests(code)).emit('view', view);
      }
      for (; state && job.ids.length && budget > 0; budget--) {
        if (job.spread) this.toParticipant(code, state, job.ids.pop()!, view);
        else this.toSocket(state, this.socket(job.ids.pop()!), view);
      }
      if (state && job.ids.length) break;
      this.everyPhone.delete(code);
      if (view) this.sent.participants++;
    }
    if (this.everyPhone.size) setImmediate(() => this.drainEveryPhone());
    else this.draining = false;
  }

  /** One phone's frame to one socket of this node: `update` or `me`; a guest gets the shared view. */
  private toSocket(state: SessionState, s: Socket | undefined, view: ParticipantView | undefined): void {
    const id = s?.data.participantId;
    if (id && view) s.emit('update', { view, me: meView(state, id) });
    else if (id) s.emit('me', meView(state, id));
    else if (view) s?.emit('view', view);
  }

  /** One participant's frame to their room, wherever their sockets are. */
  private toParticipant(code: string, state: SessionState, id: string, view: ParticipantView | undefined): void {
    const room = this.io.to(rooms.participant(code, id));
    if (view) room.emit('update', { view, me: meView(state, id) });
    else room.emit('me', meView(state, id));
  }

  /** The participants at a table: from the session (spread), else those with a socket here. */
  private atTable(code: string, state: SessionState, table: number, spread: boolean): string[] {
    if (spread) return Object.entries(state.participants).flatMap(([id, p]) => (p.table === table ? [id] : []));
    return [...new Set([...this.idsIn(rooms.table(code, table))].flatMap((sid) => this.socket(sid)?.data.participantId ?? []))];
  }

  /** This node's sockets in a room, by id. */
  private idsIn(room: string): ReadonlySet<string> {
    return this.io.of('/').adapter.rooms.get(room) ?? new Set<string>();
  }

  private socket(id: string): Socket | undefined {
    return this.io.of('/').sockets.get(id);
  }

  /** The console's view when its cadence allows: kept dirty, flushed then (with whatever else is due). */
  private later(code: string, wait: number, soon: boolean): void {
    const d = this.dirty.get(code) ?? nothingWoken();
    d.host = true;
    d.hostSoon ||= soon;
    this.dirty.set(code, d);
    // Never sooner than the session's own cadence: a flush for the console also sends the screen
    // and the phones whatever is dirty, which would otherwise break their one-per-FLUSH_MS bound.
    const cadence = (this.lastFlush.get(code) ?? 0) + FLUSH_MS - Date.now();
    this.schedule(code, Math.max(5, wait, cadence));
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
    this.everyPhone.clear();
  }
}
