// HTTP hardening: security headers (helmet) with a strict Content-Security-Policy, the Origin
// check of state-changing requests, and the wrong-code throttle of /api/sessions/:code.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { Guards } from './guards.ts';
import { originOf } from './origin.ts';

/**
 * Everything comes from the server itself; nothing runs inline, nothing frames the app.
 * `style-src-attr 'unsafe-inline'`: React's `style={{ width }}` (bars, progress) is a style
 * attribute; attributes cannot load anything or run script, so allowing them costs nothing while
 * <style> elements and stylesheets from anywhere else stay refused. `connect-src 'self'` covers
 * the socket's ws:/wss: to the same host (CSP Level 3).
 * No `upgrade-insecure-requests` (helmet's default): on a LAN the server speaks plain http.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
} as const;

/** A CSP Level 2 hash source, and nothing else: what join.csp.json may add to the policy. */
const HASH_SOURCE = /^'sha256-[A-Za-z0-9+/]{43}='$/;

/**
 * The policy as a header value, as helmet writes it, with hash sources added to script-src and
 * style-src: the phone's page carries its script and stylesheet inline (build/inline.ts) and the
 * server allows exactly those, by hash, on that page (server/static.ts). Anything but a sha256
 * hash source is refused, so a stray file cannot widen the policy.
 */
export function contentSecurityPolicy(hashes: { script?: readonly string[]; style?: readonly string[] } = {}): string {
  for (const h of [...(hashes.script ?? []), ...(hashes.style ?? [])]) {
    if (!HASH_SOURCE.test(h)) throw new Error(`not a sha256 hash source: ${h}`);
  }
  const directives: Record<string, readonly string[]> = {
    ...CSP_DIRECTIVES,
    'script-src': [...CSP_DIRECTIVES['script-src'], ...(hashes.script ?? [])],
    'style-src': [...CSP_DIRECTIVES['style-src'], ...(hashes.style ?? [])],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');
}

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // HSTS is the business of whatever terminates TLS in front of the server; over plain http
    // on a LAN browsers ignore it anyway.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    // The host token travels in the URL fragment, which browsers never send; no-referrer keeps
    // every other URL (join codes included) out of Referer headers too.
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * `Cache-Control: no-store` on every /api answer, set before any route runs: host tokens (session
 * creation, rotation), exports of a session's answers and the status of a browser's workshops
 * must never sit in a browser's or a proxy's cache – and a route added later cannot forget it.
 * (The socket's polling answers, which carry participant tokens, are no-store by engine.io.)
 */
export function noStore(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/**
 * Requests whose Host is not one of the server's names (security/hosts.ts) are refused before
 * anything else runs: `421 Misdirected Request`, saying which name and what to do. /healthz stays
 * open to monitors, whatever name they use; it tells nothing.
 */
export function allowedHostsOnly(guards: Guards): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/healthz' || guards.hosts.allowed(req.headers.host)) return next();
    const name = String(req.headers.host).slice(0, 100);
    const message = `this server does not answer to the name "${name}"; if that is its address, add it to ALLOWED_HOSTS`;
    res.status(421);
    if (req.path.startsWith('/api/')) return void res.json({ error: { code: 'host_not_allowed', message } });
    res.type('text/plain').send(message);
  };
}

/** A POST (or any non-GET) from a page on another site is refused: no cross-site request forgery. */
export function sameOriginWrites(guards: Guards): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (guards.origins.allowed(originOf(req), req.headers.host)) return next();
    res.status(403).json({ error: { code: 'forbidden', message: 'requests from this origin are not allowed' } });
  };
}

/**
 * Lookups under /api/sessions/:code that find nothing (404) count against the address's budget
 * of unknown codes, shared with socket handshakes (and, with REDIS_URL, with every node); over it,
 * lookups answer 429 until the window passes – unless they carry the session's host token. The
 * miss is taken *before* the request is handled (atomically, where Redis counts) and given back if
 * it found something: requests in flight (pipelined on one connection, in parallel, or spread over
 * the nodes) count at once, so a batch cannot slip past the check together.
 */
export function codeThrottle(guards: Guards, isHost: (code: string, token: string | undefined) => boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = guards.keyOf(req);
    const code = String(req.params.code ?? '').toUpperCase();
    if (isHost(code, bearerToken(req))) return next();
    void guards.codes.take(key).then((wait) => {
      if (wait) {
        res.setHeader('Retry-After', String(wait));
        return void res.status(429).json({ error: { code: 'rate_limited', message: 'too many unknown codes from this network; wait a minute' } });
      }
      res.on('finish', () => {
        if (res.statusCode !== 404) guards.codes.refund(key);
      });
      next();
    }, next);
  };
}

export function bearerToken(req: Request): string | undefined {
  return /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
}
