// Coalesced fan-out: a change marks its session dirty per audience; views go out at most every
// FLUSH_MS per session, each built once and sent to a whole room as one frame. The cost grows
// with rooms × flushes, never with phones × answers. Which audiences a change wakes is decided
// beside the views, in shared/session/fanout.ts. This is the one module that sends views and
// `me`: the coalesced flush, and the first ones a socket gets when it connects or joins.
import type { AppServer as Server, AppSocket as Socket } from './io.ts';
import type { SessionEvent } from '../shared/session/events.ts';
import { nothingWoken, wakeOf, type Wake } from '../shared/session/fanout.ts';
import { hostView, meView, participantView, screenView } from '../shared/session/views.ts';
import type { SessionState } from '../shared/session/state.ts';
import { ViewVersions } from './view-versions.ts';
import type { SessionManager } from './sessions.ts';

export const FLUSH_MS = 100;
/**
 * The console's cadence. Its view is the largest (the whole wall, every vote, every can-flag) and
 * a facilitator reads it, not a stopwatch: four a second keeps it live. With a hundred rooms
 * voting at once, consoles at ten a second took most of the event loop (docs/performance.md).
 */
export const HOST_FLUSH_MS = 250;

export const rooms = {
  host: (code: string) => `${code}:host`,
  screen: (code: string) => `${code}:screen`,
  participants: (code: string) => `${code}:participants`,
  participant: (code: string, id: string) => `${code}:p:${id}`,
  table: (code: string, table: number) => `${code}:t:${table}`,
  /**
   * A room's patching twin: a socket that asked for patches is in both, and gets patches where
   * the others get whole views (docs/protocol.md, "Patches").
   */
  patching: (room: string) => `${room}~p`,
};

type Audience = 'host' | 'screen' | 'participants';
const VIEWS: Record<Audience, { room: (code: string) => string; build: (state: SessionState) => object }> = {
  host: { room: rooms.host, build: hostView },
  screen: { room: rooms.screen, build: screenView },
  participants: { room: rooms.participants, build: participantView },
};

export class Broadcaster {
  private readonly dirty = new Map<string, Wake>();
  private readonly lastFlush = new Map<string, number>();
  private readonly lastHostFlush = new Map<string, number>();
  /** The next flush of each session, and when it is due. */
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  /** Views sent, by audience: the bench and tests read these to show what fan-out costs. */
  readonly sent = { host: 0, screen: 0, participants: 0 };
  private readonly versions = new ViewVersions();

  constructor(
    private readonly io: Server,
    private readonly sessions: SessionManager,
  ) {}

  /** A socket that just connected: its audience's view, and a phone's own `me` (null before it joins), without waiting for a flush. */
  greet(socket: Socket): void {
    const code = socket.data.code;
    const state = this.sessions.get(code)?.state;
    if (!state) return;
    const audience: Audience = socket.data.audience === 'participant' ? 'participants' : socket.data.audience;
    if (!socket.data.patches) socket.emit('view', VIEWS[audience].build(state));
    else {
      // A change on its way goes out now, so the view the room was sent last is the current one.
      const d = this.dirty.get(code);
      if (d?.[audience]) {
        d[audience] = false;
        this.sendView(code, audience, state, socket.id);
      }
      this.startStream(socket, `${code}|${audience}`, () => VIEWS[audience].build(state), 'view');
    }
    if (audience === 'participants') this.meNow(socket);
  }

  /** One socket's `me` now: on connect, and when its join was accepted (it becomes that participant). */
  meNow(socket: Socket): void {
    const { code, participantId: id } = socket.data;
    const state = this.sessions.get(code)?.state;
    if (!state) return;
    if (!id || !socket.data.patches) return void socket.emit('me', id ? meView(state, id) : null);
    // Whatever is on its way to this participant goes now (again at the flush: no change, nothing sent).
    const d = this.dirty.get(code);
    if (d && (d.me.all || d.me.participants.has(id) || d.me.tables.size > 0)) this.sendMe(code, id, state, socket.id);
    this.startStream(socket, `${code}|me|${id}`, () => meView(state, id), 'me');
  }

  /**
   * A patching socket's first whole view: the one the others in its room were sent last (so the
   * next patch fits it; with nothing on its way, it is the current one: shared/session/fanout.ts),
   * or, when none was kept, a new one, from which the room's patches start.
   */
  private startStream(socket: Socket, key: string, build: () => object | null, event: 'view' | 'me'): void {
    const kept = this.versions.get(key);
    if (kept) return void socket.emit(event, kept.value, kept.version);
    const value = build();
    if (value === null) return void socket.emit(event, null);
    socket.emit(event, value, this.versions.start(key, value));
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
    this.dirty.delete(code);
    if (!d || !state) return;
    const now = Date.now();
    this.lastFlush.set(code, now);
    const hostDue = (this.lastHostFlush.get(code) ?? 0) + HOST_FLUSH_MS - now;
    if (d.host && hostDue <= 0) {
      this.sendView(code, 'host', state);
      this.lastHostFlush.set(code, now);
    } else if (d.host) this.later(code, hostDue);
    if (d.screen) this.sendView(code, 'screen', state);
    if (d.participants) this.sendView(code, 'participants', state);
    // Personal views differ per phone, so they go one by one – but only on phase changes
    // (phones × phase changes), never on other people's answers.
    const meRooms = d.me.all ? [rooms.participants(code)] : [...d.me.tables].map((t) => rooms.table(code, t));
    // Phones that sent something: only their own sockets, unless everyone's goes out anyway.
    if (!d.me.all) for (const id of d.me.participants) this.sendMe(code, id, state);
    for (const room of meRooms) {
      void this.io
        .in(room)
        .fetchSockets()
        .then((sockets) => {
          const ids = new Set(sockets.flatMap((s) => (s.data.participantId ? [s.data.participantId] : [])));
          for (const id of ids) this.sendMe(code, id, state);
        });
    }
  }

  /** An audience's view: whole to the room, as a patch to its patching twin (if anyone is there). */
  private sendView(code: string, audience: Audience, state: SessionState, except?: string): void {
    const room = VIEWS[audience].room(code);
    const view = VIEWS[audience].build(state);
    this.emitVersioned(room, `${code}|${audience}`, view, 'view', 'viewPatch', except);
    this.sent[audience]++;
  }

  /** One participant's `me`, to all their sockets: whole, or as a patch to those that take patches. */
  private sendMe(code: string, id: string, state: SessionState, except?: string): void {
    const me = meView(state, id);
    const room = rooms.participant(code, id);
    if (me === null) {
      this.versions.forget(`${code}|me|${id}`);
      return void this.io.to(room).emit('me', null);
    }
    this.emitVersioned(room, `${code}|me|${id}`, me, 'me', 'mePatch', except);
  }

  /** `except`: a socket being greeted, which gets the whole value next (a patch before it would not fit). */
  private emitVersioned(room: string, key: string, value: object, whole: 'view' | 'me', patch: 'viewPatch' | 'mePatch', except?: string): void {
    const twin = rooms.patching(room);
    const skip = except ? [except] : [];
    const patchers = this.io.of('/').adapter.rooms.get(twin)?.size ?? 0;
    if (patchers === 0) {
      // Nobody to patch: keep nothing, send whole as always.
      this.versions.forget(key);
      return void this.io.to(room).emit(whole, value);
    }
    const next = this.versions.next(key, value);
    if (!next) return; // the same as last time: nothing to tell anyone
    this.io.to(room).except(twin).emit(whole, value, next.version);
    if (next.ops) this.io.to(twin).except(skip).emit(patch, { from: next.from, to: next.version, ops: next.ops });
    else this.io.to(twin).except(skip).emit(whole, value, next.version);
  }

  /** The console's view when its cadence allows: kept dirty, flushed then (with whatever else is due). */
  private later(code: string, wait: number): void {
    const d = this.dirty.get(code) ?? nothingWoken();
    d.host = true;
    this.dirty.set(code, d);
    this.schedule(code, Math.max(5, wait));
  }

  /** A deleted session: nothing of it is kept. */
  forget(code: string): void {
    clearTimeout(this.timers.get(code)?.timer);
    this.timers.delete(code);
    this.dirty.delete(code);
    this.lastFlush.delete(code);
    this.lastHostFlush.delete(code);
    this.versions.forgetSession(code);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
  }
}
