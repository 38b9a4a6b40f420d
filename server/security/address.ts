// The address a limit is counted against. Never logged and never stored: it lives only in the
// in-memory counters of ip-limits.ts, for at most a minute after its last use.
import net from 'node:net';

type Headers = Record<string, string | string[] | undefined>;

/**
 * The client's address as a counting key. Behind a trusted proxy it is the last X-Forwarded-For
 * entry (the one the proxy itself added; earlier ones are the client's say-so). IPv6 addresses
 * are grouped by their /64, because one device may use many addresses of its network.
 */
export function clientKey(remote: string | undefined, headers: Headers | undefined, trustProxy: boolean): string {
  let address = remote ?? '';
  if (trustProxy) {
    const forwarded = headers?.['x-forwarded-for'];
    const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
    const last = list[list.length - 1];
    if (last) address = last;
  }
  return keyOf(address);
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
