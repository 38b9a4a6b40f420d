// The commit queue against a store whose commits finish when the test says: one commit in
// flight, what comes in meanwhile goes as one next, acks in order and only after their commit, a
// failed commit acks nothing and is fatal, drain waits for everything queued, and a session's log
// can be read whole while parts of it are still on their way.
import { describe, expect, it } from 'vitest';
import { CommitQueue } from './commit-queue.ts';
import type { EventRow, Store, WriteOp } from './store.ts';

type Pending = { ops: readonly WriteOp[]; done: () => void; fail: (e: Error) => void };

function fakeStore() {
  const commits: Pending[] = [];
  const store = {
    commit: (ops: readonly WriteOp[]) =>
      new Promise<number>((resolve, reject) => commits.push({ ops, done: () => resolve(1), fail: reject })),
  } as unknown as Store;
  return { store, commits };
}

const row = (code: string, seq: number): EventRow => ({ code, seq, clientKey: `k${seq}`, event: { type: 'sessionEnded', at: seq } });
const tick = () => new Promise((r) => setImmediate(r));
const rowsOf = (ops: readonly WriteOp[]) => ops.flatMap((op) => (op.kind === 'delete' ? [] : op.rows.map((r) => `${r.code}:${r.seq}`)));

describe('the commit queue', () => {
  it('keeps one commit in flight and sends what came meanwhile as one, acking in order after each commit', async () => {
    const { store, commits } = fakeStore();
    const q = new CommitQueue(store, () => {});
    const acked: string[] = [];
    void q.push([row('A', 1)]).then(() => acked.push('A1'));
    await tick();
    expect(commits).toHaveLength(1);
    void q.push([row('A', 2)]).then(() => acked.push('A2'));
    void q.push([row('B', 1)]).then(() => acked.push('B1'));
    await tick();
    expect(commits).toHaveLength(1); // the second waits for the first
    expect(acked).toEqual([]); // nothing is acked before its commit returns
    commits[0]!.done();
    await tick();
    expect(acked).toEqual(['A1']);
    expect(commits).toHaveLength(2);
    expect(rowsOf(commits[1]!.ops)).toEqual(['A:2', 'B:1']);
    commits[1]!.done();
    await tick();
    expect(acked).toEqual(['A1', 'A2', 'B1']);
  });

  it('a failed commit acks none of its commands, nor any after, and is fatal', async () => {
    const { store, commits } = fakeStore();
    const fatal: unknown[] = [];
    const q = new CommitQueue(store, (e) => fatal.push(e));
    const first = q.push([row('A', 1)]);
    await tick();
    const second = q.push([row('A', 2)]);
    commits[0]!.fail(new Error('disk full'));
    await expect(first).rejects.toThrow('disk full');
    await expect(second).rejects.toThrow('disk full');
    expect(fatal).toHaveLength(1);
    await expect(q.push([row('A', 3)])).rejects.toThrow('disk full');
    expect(commits).toHaveLength(1);
  });

  it('drain resolves once everything queued before it is durable; at once when idle', async () => {
    const { store, commits } = fakeStore();
    const q = new CommitQueue(store, () => {});
    await q.drain();
    void q.push([row('A', 1)]);
    await tick();
    let drained = false;
    void q.drain().then(() => (drained = true));
    await tick();
    expect(drained).toBe(false);
    commits[0]!.done();
    await tick();
    expect(drained).toBe(true);
  });

  it('logOf: the log as it will be – committed rows, then the in-flight and queued writes, a replace and a delete in order', async () => {
    const { store, commits } = fakeStore();
    const q = new CommitQueue(store, () => {});
    void q.push([row('A', 2), row('B', 1)]);
    await tick(); // in flight
    void q.push([row('A', 3)]);
    const committed = [row('A', 1)];
    expect(q.logOf('A', committed).map((r) => r.seq)).toEqual([1, 2, 3]);
    // The commit in flight landed before the read: its rows are not repeated.
    expect(q.logOf('A', [row('A', 1), row('A', 2)]).map((r) => r.seq)).toEqual([1, 2, 3]);
    void q.replace('A', [row('A', 1), row('A', 2)]);
    void q.push([row('A', 3)]);
    expect(q.logOf('A', committed).map((r) => r.seq)).toEqual([1, 2, 3]);
    void q.delete('B');
    expect(q.logOf('B', [])).toEqual([]);
    commits[0]!.done();
    await tick();
    expect(commits[1]!.ops.map((op) => op.kind)).toEqual(['append', 'replace', 'append', 'delete']);
  });
});
