// AUTH of a socket: who it is, from its handshake alone. Pure apart from the throttle it feeds,
// so the fuzz test drives it with arbitrary payloads without a socket.
import { HandshakeAuth, type Audience, type CommandError } from '../../shared/protocol.ts';
import type { Throttle } from './quotas.ts';

/** `address`: the counting key of the socket's client (never logged, never stored). */
/** `table`: a participant's table when the socket connected (its room). */
export type Identity = { code: string; audience: Audience; participantId?: string; table?: number; address?: string; device?: string };
export type HandshakeDecision = { ok: true; identity: Identity } | { ok: false; error: CommandError };

/** The part of the session manager a handshake needs. */
export type Directory = {
  has: (code: string) => boolean;
  isHost: (code: string, token: string | undefined) => boolean;
  /** The participant a token belongs to, asked of whichever node runs the workshop. */
  identify: (code: string, token: string | undefined) => Promise<{ participantId: string; table?: number } | undefined>;
};

const fail = (code: CommandError['code'], message: string): HandshakeDecision => ({ ok: false, error: { code, message } });

/** `codes`: the address's wrong-code throttle (guards.ts); `key`: the address. */
export async function authorize(raw: unknown, dir: Directory, codes: Throttle, key: string): Promise<HandshakeDecision> {
  const auth = HandshakeAuth.safeParse(raw);
  if (!auth.success) return fail('invalid_payload', 'invalid handshake');
  const { code, as, token, device } = auth.data;
  const exists = dir.has(code);
  const isHost = exists && as === 'host' && dir.isHost(code, token);
  const found = exists && as === 'participant' && token ? await dir.identify(code, token) : undefined;
  const participantId = found?.participantId;
  const identity: Identity = { code, audience: as, ...(found ?? {}), ...(device ? { device } : {}) };
  // A valid token proves the code is already known: it passes even while the address is throttled,
  // and costs the throttle nothing, so that phones behind the venue's shared address resume
  // however busy a prober is.
  if (isHost || participantId) return { ok: true, identity };
  // A miss is counted before it is answered (atomically, in Redis for all nodes), so guesses sent
  // in parallel are all counted; a code that exists only reads the count.
  const wait = exists ? await codes.peek(key) : await codes.take(key);
  if (wait) return fail('rate_limited', 'too many unknown codes from this network; wait a minute');
  if (!exists) return fail('no_such_session', 'no session with that code');
  if (as === 'host') return fail('forbidden', 'not the facilitator');
  return { ok: true, identity };
}
