// The store behind one small interface: the session manager appends events and reads them
// back after a restart; it never sees SQL. Another store (for several machines) fits here.
import type { SessionEvent } from '../../shared/session/events.ts';
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

export interface Store {
  /** Campaigns and the workshops attached to them (campaign-store.ts). */
  readonly campaigns: CampaignStore;
  createSession(meta: SessionMeta, first: EventRow): void;
  /** Appends rows from any number of sessions in one transaction: all of them are durable, or none. */
  append(rows: readonly EventRow[]): void;
  /** Replaces a session's host token hash (the console link was rotated). Durable on return. */
  setHostTokenHash(code: string, hostTokenHash: string): void;
  loadSessions(): StoredSession[];
  /** Every session's meta, without its log: start-up reads only these (logs load on first use). */
  loadMetas(): SessionMeta[];
  /** The event a client key made, if it is in the log (exactly-once beyond what memory holds). */
  findClientKey(code: string, clientKey: string): { event: SessionEvent; owner: string | null } | undefined;
  /** One session's log, in order. */
  loadEvents(code: string): EventRow[];
  /**
   * Replaces a session's whole log in one transaction (erasure), then truncates the WAL: with
   * secure_delete the old rows are overwritten in the database file and gone from the WAL.
   * Resolves false if a reader kept the WAL from being truncated for ~5 s.
   */
  replaceLog(code: string, rows: readonly EventRow[]): Promise<boolean>;
  /**
   * Deletes a session and all its events, then truncates the WAL: with secure_delete the text
   * is overwritten in the database file and gone from the WAL when this returns.
   */
  deleteSession(code: string): void;
  close(): void;
}
