// The last view (or `me`) each patching audience was sent, with its version: what the next patch
// starts from (shared/patches.ts). Kept only while a patching socket listens: a room without one
// keeps nothing, and its next patching socket starts from a whole view.
import type { Operation } from 'fast-json-patch';
import { diff } from '../shared/patches.ts';

type Sent = { version: number; value: object };

/**
 * A copy of a view as the wire carries it. Views share objects with the session's state, which
 * changes in place: without a copy, the kept "last view" would change with the state and the next
 * diff would miss the change.
 */
const snapshot = (value: object): object => JSON.parse(JSON.stringify(value)) as object;

export class ViewVersions {
  private readonly last = new Map<string, Sent>();

  get(key: string): Sent | undefined {
    return this.last.get(key);
  }

  /** A view sent in full as the start of a patch stream; its version. */
  start(key: string, value: object): number {
    const version = (this.last.get(key)?.version ?? 0) + 1;
    this.last.set(key, { version, value: snapshot(value) });
    return version;
  }

  /**
   * The next view of `key`: null when nothing changed (nothing to send), else its version and the
   * patch from the one before (`ops` null: there was none, send the whole view).
   */
  next(key: string, value: object): { version: number; from: number; ops: Operation[] | null } | null {
    const before = this.last.get(key);
    const now = snapshot(value);
    const ops = before ? diff(before.value, now) : null;
    if (ops && ops.length === 0) return null;
    const version = (before?.version ?? 0) + 1;
    this.last.set(key, { version, value: now });
    return { version, from: before?.version ?? 0, ops };
  }

  forget(key: string): void {
    this.last.delete(key);
  }

  /** Everything of a session (it was deleted). */
  forgetSession(code: string): void {
    for (const key of this.last.keys()) if (key.startsWith(`${code}|`)) this.last.delete(key);
  }
}
