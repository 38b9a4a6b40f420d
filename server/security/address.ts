// The address a limit is counted against. Never logged and never stored: it lives only in the
// in-memory counters (ip-limits.ts, quotas.ts) – on several nodes in Redis's memory instead –
// for at most a minute (an hour: password attempts) after its last use, or while it has
// connections open.
//
// Behind a reverse proxy the client's address comes from X-Forwarded-For, but only as far as the
// hops that relay it are trusted (TRUST_PROXY, in Express's "trust proxy" forms: addresses, CIDR
// ranges, `loopback`/`linklocal`/`uniquelocal`, or a hop count). A client that reaches the server
// directly, from an address that is not a trusted proxy, is counted by its own address whatever
// X-Forwarded-For it sends – so rotating that header gains nothing.
import net from 'node:net';
import express from 'express';

type Headers = Record<string, string | string[] | undefined>;
/** Express's compiled trust function: is the hop `address`, `i` hops from us, a trusted proxy? */
export type TrustFn = (address: string, i: number) => boolean;

const TRUST_NONE: TrustFn = () => false;

/**
 * Express's own compilation of a `trust proxy` value (proxy-addr underneath), so that HTTP
 * (req.ip, req.protocol) and the socket handshakes read the same hops the same way. Throws on an
 * address it cannot read.
 */
export function compileTrust(value: string | number | undefined): TrustFn {
  if (value === undefined) return TRUST_NONE;
  return express().set('trust proxy', value).get('trust proxy fn') as TrustFn;
}

/**
 * The client's address as a counting key: walk from the socket's peer back through
 * X-Forwarded-For (right to left) while each hop is a trusted proxy; the first untrusted one is
 * the client. IPv6 addresses are grouped by their /64, because one device may use many addresses
 * of its network.
 */
export function clientKey(remote: string | undefined, headers: Headers | undefined, trust: TrustFn = TRUST_NONE): string {
  const forwarded = headers?.['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  const hops = [remote ?? '', ...list.reverse()];
  let i = 0;
  while (i < hops.length - 1 && trust(hops[i]!, i)) i++;
  return keyOf(hops[i]!);
}

export function keyOf(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (net.isIPv6(plain)) return `${expand(plain).slice(0, 4).join(':')}::/64`;
  return plain || 'unknown';
}

function expand(v6: string): string[] {
  const [head = '', tail = ''] = v6.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  if (!v6.includes('::')) return h;
  return [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
}
