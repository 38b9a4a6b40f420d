// The session manager: identity and persistence around the pure core. A command is decided,
// folded into the in-memory state, queued for commit, and acknowledged once it is on disk.
// A repeated client id is acknowledged with the first answer and applied once.
import { timingSafeEqual } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import type { Ack, Command, Lang } from '../shared/protocol.ts';
import type { QuestionSet } from '../shared/question-set.ts';
import type { Actor } from '../shared/session/actor.ts';
import { decide, type SystemCommand } from '../shared/session/decide.ts';
import type { SessionEvent } from '../shared/session/events.ts';
import { evolve, initialState, replay } from '../shared/session/evolve.ts';
import type { SessionState } from '../shared/session/state.ts';
import { eraseFromLog, type EraseTarget, type Erased } from '../shared/session/erase.ts';
import { ANYONE, AckBook } from './acks.ts';
import { isBanned } from '../shared/session/participant-rules.ts';
import { SessionTimers } from './session-timers.ts';
import { ackData, actorKey, devicePseudonym, hash, keysOf, noSuchSession } from './session-keys.ts';

export { OwnedElsewhere, devicePseudonym } from './session-keys.ts';
import { SessionQueues } from './session-queues.ts';
import { type EventRow, type SessionMeta, type Store } from './store/store.ts';
import { Ownership, type OwnershipOptions } from './cluster/ownership.ts';
import { Placement } from './cluster/placement.ts';
import { storedCount } from './cluster/stored-count.ts';
import type { CampaignStore } from './store/campaign-store.ts';

/** Join codes avoid look-alikes (0/O, 1/I/L) so they can be read off a projector. */
export const newJoinCode = customAlphabet('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 6);
/** 32 characters of a 64-symbol alphabet: 192 random bits. */
const newHostToken = () => nanoid(32);

/**
 * `knownKeys`: every client key in the session's log, so that a new command id – nearly every
 * command – is known to be new without a read of the database on the event loop.
 */
export type LiveSession = { meta: SessionMeta; state: SessionState; acks: AckBook; knownKeys: Set<string> };
export type ChangeListener = (code: string, events: readonly SessionEvent[]) => void;

export class SessionManager {
  /** Every stored session's meta; its log is read and replayed on first use (see load). */
  private readonly metas = new Map<string, SessionMeta>();
  private readonly sessions = new Map<string, LiveSession>();
  /** Logs being read, so that sockets arriving together for one session read it once. */
  private readonly loading = new Map<string, Promise<LiveSession | undefined>>();
  private readonly queues: SessionQueues;
  /** The clustered mode: the sessions this node holds leases on, and where the others run. */
  private readonly ownership: Ownership | undefined;
  readonly placement: Placement | undefined;
  private listener: ChangeListener = () => {};
  private readonly rotationListeners: ((code: string) => void)[] = [];
  private readonly timers: SessionTimers;

  private constructor(
    private readonly store: Store,
    private readonly clock: () => number,
    private readonly onFatal: (error: unknown) => void,
    cluster?: OwnershipOptions,
  ) {
    this.timers = new SessionTimers((code, command) => this.executeSystem(code, command), clock);
    if (cluster && store.leases) {
      this.ownership = new Ownership(store.leases, cluster);
      this.placement = new Placement(this.ownership, store, {
        inMemory: (code) => this.sessions.has(code),
        open: async (code) => (await this.open(code)) !== undefined,
        unload: (code) => {
          this.sessions.delete(code);
          this.timers.clear(code);
        },
        drainQueue: async (code) => this.queues.existing(code)?.drain(),
        dropQueue: (code) => this.queues.forget(code),
        metaRead: (code, meta) => (meta ? this.metas.set(code, meta) : this.metas.delete(code)),
      });
    }
    this.queues = new SessionQueues(store, onFatal, this.ownership, (code) => this.placement?.lose(code, 'a commit was refused'));
  }

  /**
   * Start-up reads only the metas: a server with thousands of idle stored sessions is healthy
   * at once and small; a session's log is replayed when someone first asks for it (open).
   */
  static async start(
    store: Store,
    clock: () => number = Date.now,
    onFatal: (error: unknown) => void = (e) => {
      throw e;
    },
    cluster?: OwnershipOptions,
  ): Promise<SessionManager> {
    const manager = new SessionManager(store, clock, onFatal, cluster);
    await manager.placement?.listen();
    for (const meta of await store.loadMetas()) manager.metas.set(meta.code, meta);
    return manager;
  }

  /**
   * The session, its log read and replayed if this is its first use since the start; undefined
   * if there is no such session. Every way in (a socket's handshake, an HTTP request) opens the
   * session first; from then on `get` has it.
   */
  open(code: string): Promise<LiveSession | undefined> {
    const live = this.sessions.get(code);
    if (live) return Promise.resolve(live);
    let loading = this.loading.get(code);
    if (!loading) {
      loading = this.load(code).finally(() => this.loading.delete(code));
      this.loading.set(code, loading);
    }
    return loading;
  }

  /**
   * The session to read, not to run: for lists and overviews (the start page's status, a
   * campaign's combined view) that may ask on any node. One node: the same as open. Clustered:
   * the session in memory if this node runs it, else a replay of the log as committed – without
   * taking its lease, which would pull a running workshop away from its node.
   */
  async peek(code: string): Promise<Pick<LiveSession, 'meta' | 'state'> | undefined> {
    if (!this.ownership) return this.open(code);
    const live = this.sessions.get(code);
    if (live) return live;
    const meta = this.metas.get(code) ?? (await this.store.loadMeta(code));
    if (!meta) return undefined;
    const state = stateOf(await this.store.loadEvents(code));
    return state && { meta, state };
  }

  /** Reads and replays one session's log (on first use after a start). */
  private async load(code: string): Promise<LiveSession | undefined> {
    // A session another process made after this one started (a migration, another node). On
    // several nodes always read again: another node may have rotated its console link meanwhile.
    const meta = this.ownership || !this.metas.has(code) ? await this.store.loadMeta(code) : this.metas.get(code);
    if (!meta) {
      this.metas.delete(code); // deleted by another node
      return undefined;
    }
    await this.placement?.claim(code);
    const rows = await this.store.loadEvents(code);
    // Deleted while the log was being read.
    if (!this.metas.has(code) && this.deletedCodes.has(code)) return undefined;
    const already = this.sessions.get(code);
    if (already) return already;
    this.metas.set(code, meta);
    const state = stateOf(rows);
    if (!state) return undefined;
    const live: LiveSession = { meta, state, acks: new AckBook(), knownKeys: keysOf(rows) };
    this.sessions.set(code, live);
    // A timer that ran out while the session was not loaded closes now.
    for (const [questionId, run] of Object.entries(live.state.runs)) {
      if (run.timer?.autoClose) this.timers.question(code, questionId, run.timer.endsAt);
    }
    if (live.state.screenRotate && !live.state.ended) this.timers.rotation(code, true);
    this.placement?.loaded(code);
    return live;
  }

  /** Campaigns live in the same store as the sessions they group (server/campaigns.ts). */
  get campaignStore(): CampaignStore {
    return this.store.campaigns;
  }

  onChange(listener: ChangeListener): void {
    this.listener = listener;
  }

  /** A new session, durable when it resolves. */
  async create(set: QuestionSet, lang: Lang = 'da'): Promise<{ code: string; hostToken: string }> {
    let code = newJoinCode();
    while (this.metas.has(code)) code = newJoinCode();
    const hostToken = newHostToken();
    const event: SessionEvent = { type: 'sessionCreated', code, set, lang, at: this.clock() };
    const meta: SessionMeta = { code, hostTokenHash: hash(hostToken), questionSetId: set.id, createdAt: event.at };
    await this.store.createSession(meta, { code, seq: 1, clientKey: null, event });
    this.metas.set(code, meta);
    this.stored.changed(1);
    // Clustered: the node that first opens it runs it – the one the load balancer sends the join
    // code's traffic to, not necessarily the one that happened to take the creation request.
    if (this.ownership) return { code, hostToken };
    this.sessions.set(code, { meta, state: initialState(event), acks: new AckBook(), knownKeys: new Set() });
    return { code, hostToken };
  }

  /**
   * Clustered: the session's meta read again – its console link may have been rotated through
   * another node since this node read it. False: it is gone.
   */
  async refreshMeta(code: string): Promise<boolean> {
    if (!this.ownership) return this.metas.has(code);
    const meta = await this.store.loadMeta(code);
    if (!meta) return false;
    this.metas.set(code, meta);
    const live = this.sessions.get(code);
    if (live) live.meta = meta;
    return true;
  }

  /** A session already opened (see open); undefined if it is not in memory. */
  get(code: string): LiveSession | undefined {
    return this.sessions.get(code);
  }

  /** Whether a session exists, without loading it. */
  has(code: string): boolean {
    return this.metas.has(code);
  }

  /** Whether the facilitator removed this phone (by its device id) with a ban. The session is open. */
  isBanned(code: string, device: string | undefined): boolean {
    const state = device ? this.get(code)?.state : undefined;
    return state !== undefined && device !== undefined && isBanned(state, devicePseudonym(code, device));
  }

  isHost(code: string, token: string | undefined): boolean {
    const meta = this.metas.get(code);
    if (!meta || !token) return false;
    const a = Buffer.from(hash(token), 'hex');
    const b = Buffer.from(meta.hostTokenHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /**
   * A new host token for the session: stored (as a hash) before it is returned, so the old one
   * is dead for good, even across a restart. Listeners disconnect the consoles still using it.
   */
  async rotateHostToken(code: string): Promise<string | undefined> {
    if (!this.metas.has(code)) return undefined;
    const token = newHostToken();
    const tokenHash = hash(token);
    await this.store.setHostTokenHash(code, tokenHash);
    const meta = this.metas.get(code);
    if (!meta) return undefined; // deleted meanwhile
    const next = { ...meta, hostTokenHash: tokenHash };
    this.metas.set(code, next);
    const live = this.sessions.get(code);
    if (live) live.meta = next;
    for (const listener of this.rotationListeners) listener(code);
    return token;
  }

  onHostTokenRotated(listener: (code: string) => void): void {
    this.rotationListeners.push(listener);
  }

  participantFor(code: string, token: string | undefined): string | undefined {
    if (!token) return undefined;
    const s = this.get(code);
    return s && Object.hasOwn(s.state.tokens, token) ? s.state.tokens[token] : undefined;
  }

  /**
   * Decides, applies, persists; resolves with the ack once the events are committed. Exactly
   * once per (session, client id) – see acks.ts. `device`: the sender's device id (a join's owner).
   */
  execute(code: string, clientId: string, command: Command, actor: Actor, device?: string): Promise<Ack> {
    const session = this.sessions.get(code);
    // Not in memory (a caller that did not open it): opened first, then run as usual.
    if (!session) {
      return this.open(code).then(
        (s) => (s ? this.execute(code, clientId, command, actor, device) : noSuchSession()),
        // Clustered: another node runs it right now; the phone resends (and reconnects there).
        (e: unknown): Ack => ({ ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : 'try again' } }),
      );
    }
    const isJoin = command.type === 'join';
    // A join is sent by a guest, and stored under "guest:"; its retry may come from the
    // participant that join made – the device owns it, not the actor.
    const key = `${isJoin ? 'guest' : actorKey(actor)}:${clientId}`;
    // A join without a device id (an old client, a tool) may be retried by anyone who has its id.
    const owner = isJoin ? (device ? `d:${hash(device).slice(0, 32)}` : ANYONE) : actorKey(actor);
    const prior = session.acks.prior(clientId, owner);
    if (prior) return prior;
    // An id no longer in memory but in the log: a duplicate all the same, answered from the log.
    if (session.knownKeys.has(key)) {
      return this.store.findClientKey(code, key).then((row) =>
        row ? AckBook.fromStored({ data: ackData([row.event]), owner: row.owner }, owner) : Promise.resolve<Ack>({ ok: false, error: { code: 'internal', message: 'could not read; please resend' } }),
      );
    }
    const { ack, accepted } = this.apply(session, command, actor, key, isJoin && owner !== ANYONE ? owner : null);
    // Only accepted commands are remembered: a rejected one changed nothing and may be retried.
    if (accepted) session.acks.remember(clientId, owner, ack);
    return ack;
  }

  /** Runs a command of the server's own (a timer running out); it has no client id to dedupe. */
  executeSystem(code: string, command: SystemCommand): Promise<Ack> {
    const session = this.sessions.get(code);
    if (!session) return Promise.resolve(noSuchSession());
    return this.apply(session, command, { kind: 'system' }, null).ack;
  }

  /** The shared path: decide → evolve → queue for commit → tell the broadcaster. */
  private apply(
    session: LiveSession,
    command: Command | SystemCommand,
    actor: Actor,
    key: string | null,
    owner: string | null = null,
  ): { ack: Promise<Ack>; accepted: boolean } {
    const code = session.meta.code;
    const decision = decide(session.state, command, {
      actor,
      now: this.clock(),
      newId: (prefix) => `${prefix}_${nanoid(12)}`,
      newToken: () => nanoid(24),
      random: Math.random,
    });
    if (!decision.ok) return { ack: Promise.resolve({ ok: false, error: decision.error }), accepted: false };
    const rows: EventRow[] = decision.events.map((event, i) => {
      evolve(session.state, event);
      if (event.type === 'timerSet') this.timers.question(code, event.questionId, event.autoClose ? event.endsAt : null);
      if (event.type === 'screenConfigured' && event.rotate !== undefined) this.timers.rotation(code, event.rotate);
      return { code, seq: session.state.seq, clientKey: i === 0 ? key : null, event, owner: i === 0 ? owner : null };
    });
    if (key !== null) session.knownKeys.add(key);
    const data = ackData(decision.events);
    // The ack waits for the commit; the views do not. A flush may show an answer a few
    // milliseconds before it is durable, but only the ack tells a phone it may forget it, and a
    // crash in between makes the phone send it again. Telling the audiences now keeps one flush
    // for a facilitator's commands in a row (not one per commit).
    const ack = this.queues.of(code).push(rows).then(
      (): Ack => ({ ok: true, ...(data === undefined ? {} : { data }) }),
      (): Ack => ({ ok: false, error: { code: 'internal', message: 'could not save; please resend' } }),
    );
    this.listener(code, decision.events);
    return { ack, accepted: true };
  }

  close(): void {
    this.timers.close();
  }

  /**
   * Erases a participant, one answer, or the withdrawn/hidden/removed/deleted content of a
   * session for good: the log is rewritten without it (shared/session/erase.ts) and the state
   * rebuilt from the new log, so results recount without it. Resolves with the counts, and
   * whether the WAL was truncated (false: a reader held it; the text is in the WAL until the
   * next checkpoint).
   */
  async erase(code: string, target: EraseTarget): Promise<(Erased & { walTruncated: boolean }) | undefined> {
    const session = await this.open(code);
    if (!session) return undefined;
    const at = this.clock();
    // The whole log: what is on disk and what is still on its way there. From the check below to
    // the queued rewrite nothing else runs, so no command slips between the log and the new state.
    const log = await this.queues.wholeLog(code, session.state.seq);
    const { rows, erased } = eraseFromLog(log, target, at, (event) => ({ code, seq: 0, clientKey: null, event }));
    if (erased.participants + erased.answers + erased.notes === 0) return { ...erased, walTruncated: true };
    const renumbered = rows.map((r, i) => ({ ...r, seq: i + 1 }));
    const state = stateOf(renumbered);
    if (!state) return undefined;
    const gone = Object.keys(session.state.participants).filter((id) => !Object.hasOwn(state.participants, id));
    session.state = state;
    session.knownKeys = keysOf(renumbered);
    const written = this.queues.of(code).replace(code, renumbered);
    // Erased phones are let go like removed ones; every audience gets a fresh view.
    this.listener(code, [...gone.map((participantId): SessionEvent => ({ type: 'participantRemoved', participantId, at })), renumbered.at(-1)!.event]);
    await written;
    return { ...erased, walTruncated: await this.store.truncateWal() };
  }

  /**
   * Deletes a session for good: from memory at once, and from the database and the WAL when the
   * promise resolves (true; false: no such session).
   */
  async delete(code: string): Promise<boolean> {
    if (!this.metas.has(code)) return false;
    // Clustered: only the session's owner deletes it (its later commits would meet no session);
    // a node that cannot get the lease in time leaves it to the owner's own retention sweep.
    if (this.ownership && !this.ownership.holds(code) && !(await this.open(code).then(Boolean, () => false))) return false;
    if (!this.metas.has(code)) return false; // deleted meanwhile
    this.timers.clear(code);
    this.sessions.delete(code);
    this.metas.delete(code);
    this.stored.changed(-1);
    this.deletedCodes.add(code);
    // After whatever of the session is still queued; then the WAL is emptied, which would
    // otherwise still hold the deleted text in older frames (secure_delete zeroed the rows). The
    // queue stays in `queues` until then, so that drain() waits for the deletion too.
    const queue = this.queues.of(code);
    const gone = queue.delete(code).finally(() => {
      this.queues.forget(code, queue);
      this.ownership?.drop(code, false);
    }).then(
      () => this.store.truncateWal().then(() => true),
      () => true, // a failed commit is fatal already (onFatal); the session is gone from memory
    );
    this.deletedListener(code);
    return gone;
  }

  /** Resolves once every accepted command is durable (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.deleting]);
    await this.queues.drain();
  }

  /** Clustered: gives every lease up (after drain), so other nodes take the sessions without waiting. */
  releaseLeases(): Promise<void> {
    return this.ownership?.releaseAll() ?? Promise.resolve();
  }

  /** The commit queues' figures, for the bench. */
  commitStats(): { commits: number; commitMs: number; commitMaxMs: number } {
    return this.queues.stats();
  }


  /** Codes deleted since the start: a log read that was under way when it went is thrown away. */
  private readonly deletedCodes = new Set<string>();
  private readonly deleting = new Set<Promise<boolean>>();
  private deletedListener: (code: string) => void = () => {};
  onDeleted(listener: (code: string) => void): void {
    this.deletedListener = listener;
  }

  /** Deletes sessions created before `cutoff` (ms since epoch); returns their codes. */
  deleteOlderThan(cutoff: number): string[] {
    const old = [...this.metas.values()].filter((m) => m.createdAt < cutoff).map((m) => m.code);
    for (const code of old) {
      // Tracked, so that drain() waits for them (clustered, a deletion first takes the lease).
      const deleting = this.delete(code).finally(() => this.deleting.delete(deleting));
      this.deleting.add(deleting);
    }
    return old;
  }

  /** Workshops stored (live or ended, until deleted) that this node knows of. */
  count(): number {
    return this.metas.size;
  }

  /** Workshops stored in all; clustered, the store counts (cluster/stored-count.ts says why). */
  total(): Promise<number> {
    return this.ownership ? this.stored.get() : Promise.resolve(this.metas.size);
  }

  private readonly stored = storedCount(() => this.store.countSessions());

  /** Sessions whose log is in memory (the rest load on first use). */
  loaded(): number {
    return this.sessions.size;
  }

  codes(): string[] {
    return [...this.metas.keys()];
  }
}

/** The state a stored log rebuilds; undefined if it does not start with the session's creation. */
function stateOf(rows: readonly EventRow[]): SessionState | undefined {
  return rows[0]?.event.type === 'sessionCreated' ? replay(rows.map((r) => r.event)) : undefined;
}
