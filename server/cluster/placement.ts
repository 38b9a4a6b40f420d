// Where each session runs, in the clustered mode, as the session manager sees it: found (here, or
// on the node holding its lease), lost (another node took it over), handed over (another node
// asked for it). The manager keeps the sessions in memory; this decides when one comes or goes.
import type { SessionMeta, Store } from '../store/store.ts';
import type { Ownership } from './ownership.ts';
import { OwnedElsewhere } from '../session-keys.ts';

/** How a node learnt that another runs a session now (for its log). */
export type LostBecause = 'its lease was gone' | 'a commit was refused' | 'handed over';

/** What the placement asks of the session manager. */
export type Sessions = {
  inMemory(code: string): boolean;
  /** Reads the session's log into memory if it is not there (true: it exists). */
  open(code: string): Promise<boolean>;
  /** Out of memory, its timers stopped; its queue stays until `dropQueue`. */
  unload(code: string): void;
  /** Commits what is queued for the session. */
  drainQueue(code: string): Promise<void>;
  /** Its queue gone: what it still held is refused (the phones resend to the new owner). */
  dropQueue(code: string): void;
  metaRead(code: string, meta: SessionMeta | undefined): void;
};

export class Placement {
  /** Sessions being handed to another node: not to be opened here again meanwhile. */
  private readonly handingOver = new Set<string>();
  private readonly lostListeners: ((code: string, why: LostBecause) => void)[] = [];
  private loadedListener: (code: string, inherited: boolean) => void = () => {};

  constructor(
    readonly ownership: Ownership,
    private readonly store: Store,
    private readonly sessions: Sessions,
  ) {
    ownership.onLost((code) => this.lose(code, 'its lease was gone'));
  }

  /** Listens for other nodes asking for this node's sessions (see handOver). */
  listen(): Promise<void> {
    return this.ownership.listen((code) => void this.handOver(code));
  }

  /**
   * Another node runs the session now (its lease moved on): it leaves this node's memory at once,
   * its unsaved commands are refused (their phones resend them to the new owner), and listeners
   * let this node's sockets for it go.
   */
  lose(code: string, why: LostBecause): void {
    this.ownership.drop(code, false);
    this.sessions.unload(code);
    this.sessions.dropQueue(code);
    for (const listener of this.lostListeners) listener(code, why);
  }

  /**
   * Another node asked for the session (the load balancer sends its traffic there now): what is
   * queued is committed, the lease released, the session let go; this node's pages for it
   * reconnect and reach the new node, which takes the lease at once.
   */
  private async handOver(code: string): Promise<void> {
    if (!this.sessions.inMemory(code) || this.handingOver.has(code)) return;
    this.handingOver.add(code);
    try {
      this.sessions.unload(code);
      await this.sessions.drainQueue(code).catch(() => {});
      this.sessions.dropQueue(code);
      await this.ownership.release(code);
    } finally {
      this.handingOver.delete(code);
    }
    for (const listener of this.lostListeners) listener(code, 'handed over');
  }

  /** A session this node ran was taken over by another node, and how this node learnt it. */
  onLost(listener: (code: string, why: LostBecause) => void): void {
    this.lostListeners.push(listener);
  }

  /** Before a session's log is read here: the lease first – a takeover waits for the old owner's last commit. */
  async claim(code: string): Promise<void> {
    if (this.handingOver.has(code)) throw new OwnedElsewhere(code);
    if (!this.ownership.holds(code) && !(await this.ownership.take(code))) throw new OwnedElsewhere(code);
  }

  /**
   * Where the session runs: 'here' (read into memory now if need be), or another live node
   * holding its lease, which this node's sockets then reach by forwarding (forwarding.ts). Unlike
   * open, it never waits for a lease nor asks for one to be handed over. undefined: no such session.
   */
  async locate(code: string): Promise<'here' | { owner: string } | undefined> {
    if (this.sessions.inMemory(code)) return (await this.sessions.open(code)) ? 'here' : undefined;
    if (this.handingOver.has(code)) throw new OwnedElsewhere(code);
    // Read again each time: another node may have made it, deleted it or rotated its console link.
    const meta = await this.store.loadMeta(code);
    this.sessions.metaRead(code, meta);
    if (!meta) return undefined;
    const got = await this.ownership.tryTake(code);
    // No holder named (its lease ran out between two reads): open takes it.
    if (!got.ok && got.holder) return { owner: got.holder };
    return (await this.sessions.open(code)) ? 'here' : undefined;
  }

  /**
   * Whether this node may speak for the session to sockets on other nodes: only while its lease
   * is surely its own (a node resumed from a pause must not send its stale views).
   */
  speaksFor(code: string): boolean {
    return this.ownership.surelyHolds(code);
  }

  /** Whether this node holds the session's lease (its log may still be being read). */
  leaseHeld(code: string): boolean {
    return this.ownership.holds(code);
  }

  /**
   * A session this node has just taken and read; `inherited`: another node ran it before (a
   * takeover), whose sockets on every node are due a full view.
   */
  onLoaded(listener: (code: string, inherited: boolean) => void): void {
    this.loadedListener = listener;
  }

  loaded(code: string): void {
    this.loadedListener(code, this.ownership.inherited(code));
  }
}
