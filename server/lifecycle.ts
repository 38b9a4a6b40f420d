// The life of a session beyond the workshop: the start page's list of "my workshops" (status
// for the host tokens a browser holds), deletion for good, automatic retention, and an
// optional facilitator password in front of everything that creates or lists sessions.
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from './config.ts';
import { ROUTER_OPTIONS } from './security/facilitator.ts';
import type { EraseTarget } from '../shared/session/erase.ts';
import type { SessionManager } from './sessions.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const EraseRequest = z.union([
  z.strictObject({ participantId: z.string().min(1).max(64) }),
  z.strictObject({ answerId: z.string().min(1).max(64) }),
  z.strictObject({ purge: z.literal(true) }),
]);
const StatusRequest = z.strictObject({
  sessions: z.array(z.strictObject({ code: z.string().max(10), token: z.string().max(128) })).max(100),
});

export function lifecycleRoutes(config: Pick<Config, 'facilitatorPassword'>, sessions: SessionManager, facilitator: RequestHandler): express.Router {
  const router = express.Router(ROUTER_OPTIONS);
  router.get('/api/config', (_req, res) => {
    res.json({ passwordRequired: Boolean(config.facilitatorPassword) });
  });

  router.post('/api/sessions/status', facilitator, async (req, res) => {
    const body = StatusRequest.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: { code: 'invalid_payload', message: body.error.issues[0]?.message } });
    // Read, not run: listing a workshop on this node must not take it from the node running it.
    const opened = await Promise.all(body.data.sessions.map(({ code }) => sessions.peek(code)));
    res.json(
      body.data.sessions.map(({ code, token }, i) => {
        const s = opened[i];
        if (!s || !sessions.isHost(code, token)) return { code, status: 'missing' as const };
        return {
          code,
          status: s.state.ended ? ('ended' as const) : ('active' as const),
          title: s.state.set.title,
          createdAt: s.meta.createdAt,
          participants: s.state.participantCount,
        };
      }),
    );
  });

  // Erasure for good of one participant, one answer, or everything withdrawn, hidden, removed
  // or deleted (see shared/session/erase.ts and docs/privacy.md).
  router.post('/api/sessions/:code/erase', (req, res) => {
    const code = req.params.code;
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return void res.status(401).json({ error: { code: 'unauthorized', message: 'send the host token as a Bearer token' } });
    if (!sessions.isHost(code, token)) return void res.status(403).json({ error: { code: 'forbidden', message: 'not the facilitator of this session' } });
    const body = EraseRequest.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: { code: 'invalid_payload', message: 'send {"participantId"}, {"answerId"} or {"purge": true}' } });
    const b = body.data;
    const target: EraseTarget = 'participantId' in b ? { kind: 'participant', participantId: b.participantId } : 'answerId' in b ? { kind: 'answer', answerId: b.answerId } : { kind: 'purge' };
    void sessions.erase(code, target).then((result) => {
      if (!result) return void res.status(404).json({ error: { code: 'no_such_session', message: 'no session with that code' } });
      const { walTruncated, ...erased } = result;
      res.setHeader('Cache-Control', 'no-store');
      res.json({ erased, walTruncated });
    });
  });

  router.delete('/api/sessions/:code', (req, res) => {
    const code = req.params.code;
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return void res.status(401).json({ error: { code: 'unauthorized', message: 'send the host token as a Bearer token' } });
    if (!sessions.isHost(code, token)) return void res.status(403).json({ error: { code: 'forbidden', message: 'not the facilitator of this session' } });
    void sessions.delete(code).then(() => res.status(204).end());
  });
  return router;
}

/** Deletes sessions older than the retention period now and then every hour. */
export function startRetention(sessions: SessionManager, days: number, clock: () => number = Date.now): () => void {
  if (days <= 0) return () => {};
  const sweep = () => {
    const deleted = sessions.deleteOlderThan(clock() - days * DAY_MS);
    // Counts only: which sessions, and what they held, stays out of the log.
    if (deleted.length) console.log(`retention: deleted ${deleted.length} session(s) older than ${days} days`);
  };
  sweep();
  const timer = setInterval(sweep, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
