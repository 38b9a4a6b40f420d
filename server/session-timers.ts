// The server's own clock for running sessions: an auto-closing question timer and an
// auto-rotating screen come back in as commands of the server's own (SystemCommand) when due.
import type { Ack } from '../shared/protocol.ts';
import type { SystemCommand } from '../shared/session/decide.ts';
import { ROTATE_MS } from '../shared/session/screen-control.ts';

export class SessionTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly run: (code: string, command: SystemCommand) => Promise<Ack>,
    private readonly clock: () => number,
  ) {}

  /** Time is the server's: an auto-closing timer comes back in as a command when it runs out. */
  question(code: string, questionId: string, endsAt: number | null): void {
    const key = `${code}:${questionId}`;
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (endsAt === null) return;
    const t = setTimeout(() => {
      this.timers.delete(key);
      void this.run(code, { type: 'timerExpired', questionId });
    }, Math.max(0, endsAt - this.clock()));
    t.unref();
    this.timers.set(key, t);
  }

  /** An auto-rotating screen turns its page every ROTATE_MS, as a command of the server's own. */
  rotation(code: string, on: boolean): void {
    // "~" is not allowed in a question id, so this key never meets a question's timer.
    const key = `${code}:~rotate`;
    clearInterval(this.timers.get(key));
    this.timers.delete(key);
    if (!on) return;
    const t = setInterval(() => {
      void this.run(code, { type: 'rotateScreen' }).then((ack) => {
        if (!ack.ok && this.timers.get(key) === t) {
          clearInterval(t);
          this.timers.delete(key);
        }
      });
    }, ROTATE_MS);
    t.unref();
    this.timers.set(key, t);
  }

  /** Every timer of one session (deleted, or gone to another node). */
  clear(code: string): void {
    for (const [key, t] of this.timers) {
      if (key.startsWith(`${code}:`)) {
        clearTimeout(t);
        this.timers.delete(key);
      }
    }
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
