// Where a session's events are queued for commit. One node: one queue for all sessions, one
// transaction per group (commit-queue.ts). Clustered: a queue per session, each commit fenced by
// the session's lease, so that a session another node took over fails alone; the queues' commits
// of one moment still share a transaction (cluster/group-commit.ts).
import { GroupCommit } from './cluster/group-commit.ts';
import type { Ownership } from './cluster/ownership.ts';
import { CommitQueue } from './store/commit-queue.ts';
import { FencedError, type EventRow, type Store } from './store/store.ts';

export class SessionQueues {
  private readonly shared: CommitQueue;
  private readonly perSession = new Map<string, CommitQueue>();
  private readonly grouped: GroupCommit | undefined;

  /** `onLost`: a session's commit was refused by its fence (another node holds it now). */
  constructor(
    private readonly store: Store,
    private readonly onFatal: (error: unknown) => void,
    private readonly ownership: Ownership | undefined,
    private readonly onLost: (code: string) => void,
  ) {
    this.shared = new CommitQueue(store, onFatal);
    if (ownership && store.commitGroup) this.grouped = new GroupCommit({ commitGroup: (parts) => store.commitGroup!(parts) });
  }

  of(code: string): CommitQueue {
    const ownership = this.ownership;
    if (!ownership) return this.shared;
    let queue = this.perSession.get(code);
    if (!queue) {
      queue = new CommitQueue(this.grouped ?? this.store, (e) => (e instanceof FencedError ? this.onLost(code) : this.onFatal(e)), () => ownership.fence(code));
      this.perSession.set(code, queue);
    }
    return queue;
  }

  /**
   * The committed log with the queued writes applied, as it is in memory now (seq 1 … `seq`). A
   * commit that lands while the log is being read is in neither the read nor the queue: then the
   * log has a gap, and it is read again.
   */
  async wholeLog(code: string, seq: number): Promise<EventRow[]> {
    for (let attempt = 0; ; attempt++) {
      const log = this.of(code).logOf(code, await this.store.loadEvents(code));
      if (log.length === seq && log.every((r, i) => r.seq === i + 1)) return log;
      if (attempt === 20) throw new Error(`the log of ${code} does not match its state (${log.length} rows, seq ${seq})`);
    }
  }

  /** A session's own queue, if it has one (clustered), without making one. */
  existing(code: string): CommitQueue | undefined {
    return this.perSession.get(code);
  }

  /** Forgets a session's own queue (lost, handed over, deleted); `only`: unless another replaced it meanwhile. */
  forget(code: string, only?: CommitQueue): void {
    if (!only || this.perSession.get(code) === only) this.perSession.delete(code);
  }

  /** Resolves once everything queued so far is durable (or failed). */
  async drain(): Promise<void> {
    await Promise.all([this.shared, ...this.perSession.values()].map((q) => q.drain().catch(() => {})));
  }

  /** The commit queues' figures, for the bench. */
  stats(): { commits: number; commitMs: number; commitMaxMs: number } {
    const all = [this.shared, ...this.perSession.values()].map((q) => q.stats);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return { commits: sum(all.map((s) => s.commits)), commitMs: sum(all.map((s) => s.commitMs)), commitMaxMs: Math.max(...all.map((s) => s.commitMaxMs)) };
  }
}
