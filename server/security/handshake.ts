// AUTH of a socket: who it is, from its handshake alone. Pure apart from the throttle it feeds,
// so the fuzz test drives it with arbitrary payloads without a socket.
import { HandshakeAuth, type Audience, type CommandError } from '../../shared/protocol.ts';
import type { WrongCodeThrottle } from './ip-limits.ts';

/** `address`: the counting key of the socket's client (never logged, never stored). */
export type Identity = { code: string; audience: Audience; participantId?: string; address?: string; device?: string };
export type HandshakeDecision = { ok: true; identity: Identity } | { ok: false; error: CommandError };

/** The part of the session manager a handshake needs. */
export type Directory = {
  has: (code: string) => boolean;
  isHost: (code: string, token: string | undefined) => boolean;
  participantFor: (code: string, token: string | undefined) => string | undefined;
};

const fail = (code: CommandError['code'], message: string): HandshakeDecision => ({ ok: false, error: { code, message } });

export function authorize(raw: unknown, dir: Directory, codes: WrongCodeThrottle, key: string): HandshakeDecision {
  const auth = HandshakeAuth.safeParse(raw);
  if (!auth.success) return fail('invalid_payload', 'invalid handshake');
  const { code, as, token, device } = auth.data;
  const exists = dir.has(code);
  const isHost = exists && as === 'host' && dir.isHost(code, token);
  const participantId = exists && as === 'participant' ? dir.participantFor(code, token) : undefined;
  // A valid token proves the code is already known: it passes even while the address is throttled,
  // so that phones behind the venue's shared address resume however busy a prober is.
  if (!isHost && !participantId && codes.blocked(key)) return fail('rate_limited', 'too many unknown codes from this network; wait a minute');
  if (!exists) {
    codes.miss(key);
    return fail('no_such_session', 'no session with that code');
  }
  if (as === 'host' && !isHost) return fail('forbidden', 'not the facilitator');
  return { ok: true, identity: { code, audience: as, ...(participantId ? { participantId } : {}), ...(device ? { device } : {}) } };
}
