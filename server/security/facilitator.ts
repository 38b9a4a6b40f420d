// The facilitator password (FACILITATOR_PASSWORD): one authorization layer, bound to the routes
// it protects rather than compared against a path. A route is declared with `facilitatorOnly`
// in front of its handler, so whatever spelling of a URL reaches the handler has passed the
// guard first. The app also routes case-sensitively and strictly (see app.ts), so
// `/API/Sessions/` reaches nothing at all.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response, NextFunction } from 'express';
import { passwordBudget, type SharedBudgets } from './quotas.ts';

export const ROUTER_OPTIONS = { caseSensitive: true, strict: true } as const;

export function facilitatorOnly(password: string | undefined, keyOf: (req: Request) => string, shared?: SharedBudgets): RequestHandler {
  if (!password) return (_req, _res, next) => next();
  const expected = digest(password);
  const attempts = passwordBudget(shared);
  return (req: Request, res: Response, next: NextFunction) => {
    const key = keyOf(req);
    // Taken before the comparison: attempts in flight count too.
    void attempts.take(key).then((wait) => {
      if (wait) {
        res.setHeader('Retry-After', String(wait));
        return void res.status(429).json({ error: { code: 'rate_limited', message: 'too many password attempts from this network; wait and try again' } });
      }
      const given = req.get('x-facilitator-password');
      if (given && timingSafeEqual(digest(given), expected)) {
        attempts.refund(key);
        return next();
      }
      res.status(401).json({ error: { code: 'password_required', message: 'the facilitator password is required' } });
    }, next);
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}
