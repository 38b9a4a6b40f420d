// The clustered mode's group commit across sessions. Each session has its own commit queue,
// fenced by its lease (sessions.ts), so that a session another node took over fails alone. But a
// transaction per session meant, with a hundred workshops voting at once, a hundred small
// transactions at a time on a pool of ten connections: acks waited seconds for a connection
// (docs/performance.md). Here the queues' commits of one moment go to PostgreSQL as one
// transaction – one lease check, one insert, one fsync – and each queue learns alone whether its
// part was written or refused by its fence. A queue has one commit in flight at a time, so a
// session's parts are never in two transactions at once and land in order.
import { codesOf, FencedError, type Fence, type Store, type WriteOp } from '../store/store.ts';

type Part = { ops: readonly WriteOp[]; fence: Fence; resolve: (ms: number) => void; reject: (e: unknown) => void };

/** Transactions in flight at once: one fills while the other commits. */
const IN_FLIGHT = 2;

export class GroupCommit {
  private waiting: Part[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** Transactions made and the parts they carried: for the bench and tests. */
  readonly stats = { transactions: 0, parts: 0 };

  constructor(private readonly store: Required<Pick<Store, 'commitGroup'>>) {}

  /** A session queue's commit (CommitQueue calls it as its store's commit); fenced, always. */
  commit(ops: readonly WriteOp[], fence?: Fence): Promise<number> {
    if (!fence) return Promise.reject(new Error('a clustered commit needs its fence'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ ops, fence, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.scheduled || this.inFlight >= IN_FLIGHT || this.waiting.length === 0) return;
    // The next turn: whatever else the same moment queues goes in the same transaction.
    this.scheduled = true;
    setImmediate(() => this.send());
  }

  private send(): void {
    this.scheduled = false;
    const parts = this.waiting;
    this.waiting = [];
    if (parts.length === 0) return;
    this.inFlight++;
    this.stats.transactions++;
    this.stats.parts += parts.length;
    this.store.commitGroup(parts).then(
      ({ ms, refused }) => {
        parts.forEach((p, i) => (refused.has(i) ? p.reject(new FencedError(codesOf(p.ops))) : p.resolve(ms)));
      },
      (e: unknown) => {
        for (const p of parts) p.reject(e);
      },
    ).finally(() => {
      this.inFlight--;
      this.kick();
    });
  }
}
