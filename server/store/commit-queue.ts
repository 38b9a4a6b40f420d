// Group commit: every event decided in one turn of the event loop goes to disk in one
// transaction, and only then are the commands acknowledged. One fsync per turn, not per answer.
import type { EventRow, Store } from './store.ts';

export class CommitQueue {
  private rows: EventRow[] = [];
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly store: Store,
    private readonly onFatal: (error: unknown) => void,
  ) {}

  push(rows: readonly EventRow[]): Promise<void> {
    for (const r of rows) this.rows.push(r);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  flush(): void {
    this.scheduled = false;
    const rows = this.rows;
    const waiters = this.waiters;
    this.rows = [];
    this.waiters = [];
    try {
      this.store.append(rows);
    } catch (error) {
      // The in-memory state is now ahead of the disk: no ack goes out, and the process must
      // restart from what is on disk. Clients resend what was not acknowledged.
      for (const w of waiters) w.reject(error);
      this.onFatal(error);
      return;
    }
    for (const w of waiters) w.resolve();
  }
}
