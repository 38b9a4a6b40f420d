// The store behind one small interface: the session manager appends events and reads them
// back after a restart; it never sees SQL. Another store (for several machines) fits here.
import type { SessionEvent } from '../../shared/session/events.ts';
import type { Leases } from '../cluster/leases.ts';
import type { CampaignStore } from './campaign-store.ts';

export type SessionMeta = {
  code: string;
  hostTokenHash: string;
  questionSetId: string;
  createdAt: number;
};

/** `owner`: who owns the client id when the key alone does not say (a join: its device's hash). */
export type EventRow = { code: string; seq: number; clientKey: string | null; event: SessionEvent; owner?: string | null };

export type StoredSession = {
  meta: SessionMeta;
  /** The whole log, in order: replaying it is fast (tens of thousands of events a second). */
  events: EventRow[];
};

/** One write to the event log; a commit does a list of them in order, in one transaction. */
export type WriteOp =
  | { kind: 'append'; rows: readonly EventRow[] }
  /** A session's whole log replaced (erasure). */
  | { kind: 'replace'; code: string; rows: readonly EventRow[] }
  /** A session and all its events deleted. */
  | { kind: 'delete'; code: string };

/**
 * The clustered mode's fencing token for a commit: the node and, per session, the lease
 * generation its events were decided under (server/cluster/leases.ts).
 */
export type Fence = { node: string; generations: ReadonlyMap<string, number> };

/** One session's writes in a group commit, with the fence they were decided under. */
export type FencedPart = { ops: readonly WriteOp[]; fence: Fence };

/** The sessions a list of writes touches. */
export function codesOf(ops: readonly WriteOp[]): string[] {
  const codes = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'append') for (const r of op.rows) codes.add(r.code);
    else codes.add(op.code);
  }
  return [...codes];
}

/** A fenced commit refused: another node holds these sessions' leases now. Nothing was written. */
export class FencedError extends Error {
  constructor(readonly codes: readonly string[]) {
    super(`the lease of ${codes.join(', ')} is held by another node now`);
  }
}

/**
 * Every method is async: the embedded SQLite store answers at once, the PostgreSQL store
 * (pg-store.ts, for several machines) over the network. Reads are of what is committed.
 */
export interface Store {
  /** Campaigns and the workshops attached to them (campaign-store.ts). */
  readonly campaigns: CampaignStore;
  /** The session's meta and its first event, in one transaction; durable when it resolves. */
  createSession(meta: SessionMeta, first: EventRow): Promise<void>;
  /**
   * Writes the ops in order in one transaction – all of them durable, or none – off the event
   * loop where the store can (SQLite: in its commit thread). Resolves with the milliseconds the
   * commit took once it is durable; rejects when nothing was written. The commit queue
   * (commit-queue.ts) sends one commit at a time, so commits land in the order they were made.
   * With a fence (PostgreSQL only), the commit is refused with FencedError unless every session
   * it writes is still leased to the fence's node at the fence's generation.
   */
  commit(ops: readonly WriteOp[], fence?: Fence): Promise<number>;
  /**
   * Several sessions' fenced commits in one transaction (PostgreSQL only; the clustered mode's
   * group commit, cluster/group-commit.ts): the parts whose sessions are still leased at the
   * part's fence are written; a part with a session whose lease moved on (or that its fence does
   * not name) is left out, and its index comes back in `refused`. Rejects when nothing was written.
   */
  commitGroup?(parts: readonly FencedPart[]): Promise<{ ms: number; refused: ReadonlySet<number> }>;
  /** Session leases, where the store is shared by several nodes (PostgreSQL); absent for SQLite. */
  readonly leases?: Leases;
  /** Replaces a session's host token hash (the console link was rotated). Durable when it resolves. */
  setHostTokenHash(code: string, hostTokenHash: string): Promise<void>;
  /** Every session with its whole log (the export and backup tools, the migration). */
  loadSessions(): Promise<StoredSession[]>;
  /** Every session's meta, without its log: start-up reads only these (logs load on first use). */
  loadMetas(): Promise<SessionMeta[]>;
  /** One session's meta: a session another node created after this one started. */
  loadMeta(code: string): Promise<SessionMeta | undefined>;
  /** How many sessions are stored, by whichever node made them (MAX_SESSIONS on several nodes). */
  countSessions(): Promise<number>;
  /** The event a client key made, if it is in the log (exactly-once beyond what memory holds). */
  findClientKey(code: string, clientKey: string): Promise<{ event: SessionEvent; owner: string | null } | undefined>;
  /** One session's log as committed, in order. */
  loadEvents(code: string): Promise<EventRow[]>;
  /**
   * After an erasure or a deletion, takes the old rows out of what the store keeps besides the
   * table (SQLite: empties the WAL into the database file, where secure_delete overwrote them).
   * Resolves false if that could not be done now (a reader kept the WAL for ~5 s).
   */
  truncateWal(): Promise<boolean>;
  /** Waits for commits in flight, then closes. */
  close(): Promise<void>;
}
