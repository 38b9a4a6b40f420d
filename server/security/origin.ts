// Which browser origins may open a socket or send a state-changing request: the server's own
// (whatever Host the browser used – a LAN address, a DNS name), PUBLIC_URL's and ALLOWED_ORIGINS.
// A request without an Origin header is not from a web page's script on another site (browsers
// send Origin on every WebSocket handshake and cross-origin request), so tools and tests pass.
import type { IncomingMessage } from 'node:http';

export type OriginPolicy = { allowed: (origin: string | undefined, host: string | undefined) => boolean };

export function originPolicy(options: { publicUrl?: string; allowedOrigins?: readonly string[] }): OriginPolicy {
  const extra = new Set(options.allowedOrigins ?? []);
  if (options.publicUrl) extra.add(new URL(options.publicUrl).origin);
  return {
    allowed(origin, host) {
      if (origin === undefined) return true;
      if (extra.has(origin)) return true;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false; // "null" (a sandboxed frame, a file) or garbage
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
      // Same host and port as the request was sent to; the scheme may differ behind a TLS proxy.
      return host !== undefined && url.host.toLowerCase() === host.toLowerCase();
    },
  };
}

export function originOf(req: IncomingMessage): string | undefined {
  const o = req.headers.origin;
  return typeof o === 'string' ? o : undefined;
}
