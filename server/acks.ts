// Exactly-once per (session, client id), for every actor: a command resent with the same id is
// acknowledged with the first answer and applied once. The first sender owns the id: a participant
// (or console, or screen) by its identity, a join by the device that sent it – so a retried join
// gives the new participant's token back to that device only, and anyone else presenting the id
// gets `id_in_use`. Memory holds the recent ids (bounded); older ones are found on disk by the
// unique index on (code, client_key), so the guarantee does not end when an id leaves memory.
import type { Ack } from '../shared/protocol.ts';

type Entry = { owner: string; ack: Promise<Ack>; settled: boolean };
/** What the store knows of an id: the first event it made and its owner (joins: a device hash). */
export type Stored = { data: unknown; owner: string | null };

export const ACKS_IN_MEMORY = 2000;
/** The owner of a join sent without a device id: any retry of its id gets its answer. */
export const ANYONE = '*';

export class AckBook {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limit = ACKS_IN_MEMORY) {}

  /**
   * The earlier answer to this id while memory holds it: the same ack marked duplicate for its
   * owner, `id_in_use` for anyone else; undefined when memory does not know the id (it may still
   * be in the log: see fromStored).
   */
  prior(clientId: string, owner: string): Promise<Ack> | undefined {
    const entry = this.entries.get(clientId);
    if (!entry) return undefined;
    return entry.owner === owner || entry.owner === ANYONE ? entry.ack.then((a) => (a.ok ? { ...a, duplicate: true } : a)) : inUse();
  }

  /** The answer to an id found in the log, for `owner`. */
  static fromStored(stored: Stored, owner: string): Promise<Ack> {
    // Rows from before owners were stored carry none: their actor is already in the key.
    if (stored.owner !== null && stored.owner !== owner) return inUse();
    return Promise.resolve({ ok: true, ...(stored.data === undefined ? {} : { data: stored.data }), duplicate: true });
  }

  remember(clientId: string, owner: string, ack: Promise<Ack>): void {
    const entry: Entry = { owner, ack, settled: false };
    this.entries.set(clientId, entry);
    void ack.then(() => (entry.settled = true));
    if (this.entries.size > this.limit) this.evict();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops the oldest acknowledged ids (they are on disk); ids still in flight stay. */
  private evict(): void {
    for (const [id, e] of this.entries) {
      if (this.entries.size <= this.limit / 2) return;
      if (e.settled) this.entries.delete(id);
    }
  }
}

function inUse(): Promise<Ack> {
  return Promise.resolve({ ok: false, error: { code: 'id_in_use', message: 'this command id was used by someone else; send a new one' } });
}
