// Group commit: the events decided while the previous commit was being written go to disk together
// in the next one, and only then are their commands acknowledged. One commit in flight at a time,
// so commits land in the order they were made; under load a commit carries many answers, when
// quiet it goes out on the next turn of the event loop. The store does the commit off the event
// loop (SQLite: its commit thread), so the fsync delays acks, never the other sessions' work.
import type { EventRow, Fence, Store, WriteOp } from './store.ts';

type Waiter = { resolve: () => void; reject: (e: unknown) => void };

export class CommitQueue {
  private ops: WriteOp[] = [];
  private waiters: Waiter[] = [];
  /** The ops being committed now, for logOf. */
  private inFlight: readonly WriteOp[] = [];
  private busy = false;
  private scheduled = false;
  private failed: unknown = null;
  /** Commits made, milliseconds they took in all, and the longest: for the bench. */
  readonly stats = { commits: 0, commitMs: 0, commitMaxMs: 0 };

  /** `fence`: the clustered mode's fencing token for each commit (one queue per session there). */
  constructor(
    private readonly store: Pick<Store, 'commit'>,
    private readonly onFatal: (error: unknown) => void,
    private readonly fence?: () => Fence,
  ) {}

  /** Appends rows; resolves once they are durable. */
  push(rows: readonly EventRow[]): Promise<void> {
    const last = this.ops.at(-1);
    if (last?.kind === 'append') (last.rows as EventRow[]).push(...rows);
    else this.ops.push({ kind: 'append', rows: [...rows] });
    return this.enqueued();
  }

  /** Replaces a session's log (erasure), after everything queued before. */
  replace(code: string, rows: readonly EventRow[]): Promise<void> {
    this.ops.push({ kind: 'replace', code, rows });
    return this.enqueued();
  }

  /** Deletes a session and its log, after everything queued before. */
  delete(code: string): Promise<void> {
    this.ops.push({ kind: 'delete', code });
    return this.enqueued();
  }

  /** Resolves once everything queued so far is durable. */
  drain(): Promise<void> {
    return this.ops.length === 0 && !this.busy ? Promise.resolve() : this.enqueued();
  }

  /**
   * A session's log as it will be once the queue is written: `committed` (read from the store)
   * with the queued and in-flight writes for it applied. Rows already committed are not repeated
   * (seq only grows), so it does not matter whether the commit in flight landed before the read.
   */
  logOf(code: string, committed: EventRow[]): EventRow[] {
    let log = committed;
    for (const op of [...this.inFlight, ...this.ops]) {
      if (op.kind === 'replace' && op.code === code) log = [...op.rows];
      else if (op.kind === 'delete' && op.code === code) log = [];
      else if (op.kind === 'append') {
        const after = log.at(-1)?.seq ?? 0;
        const mine = op.rows.filter((r) => r.code === code && r.seq > after);
        if (mine.length) log = [...log, ...mine];
      }
    }
    return log;
  }

  private enqueued(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.busy && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return done;
  }

  private resolveIdle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.busy) return;
    if (this.ops.length === 0) return this.resolveIdle();
    const ops = this.ops;
    const waiters = this.waiters;
    this.ops = [];
    this.waiters = [];
    this.inFlight = ops;
    this.busy = true;
    this.store.commit(ops, this.fence?.()).then(
      (ms) => {
        this.stats.commits++;
        this.stats.commitMs += ms;
        this.stats.commitMaxMs = Math.max(this.stats.commitMaxMs, ms);
        this.busy = false;
        this.inFlight = [];
        for (const w of waiters) w.resolve();
        // What came in during this commit goes out now, as one; a drain with nothing new is done.
        if (this.ops.length) this.flush();
        else this.resolveIdle();
      },
      (error: unknown) => {
        // The in-memory state is now ahead of the disk: no ack goes out, and the process must
        // restart from what is on disk. Clients resend what was not acknowledged.
        this.failed = error;
        this.busy = false;
        this.inFlight = [];
        for (const w of [...waiters, ...this.waiters]) w.reject(error);
        this.waiters = [];
        this.ops = [];
        this.onFatal(error);
      },
    );
  }
}
