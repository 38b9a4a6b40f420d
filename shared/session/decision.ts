// What decide() returns: the events that follow from a command, or a typed rejection.
import type { CommandError } from '../protocol.ts';
import type { SessionEvent } from './events.ts';

export type Decision = { ok: true; events: SessionEvent[] } | { ok: false; error: CommandError };

export const reject = (code: CommandError['code'], message: string): Decision => ({ ok: false, error: { code, message } });
export const accept = (...events: SessionEvent[]): Decision => ({ ok: true, events });
