// HTTP: the built client, /api/* and /healthz. Kept stable: tools and tests rely on it.
import os from 'node:os';
import express, { type Request, type Response, type NextFunction } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { Lang } from '../shared/protocol.ts';
import type { Config } from './config.ts';
import { renderForServer } from './export/off-thread.ts';
import { isFormat } from './export/render.ts';
import { isCsvDelimiter } from './export/csv.ts';
import { createGuards, type Guards } from './security/guards.ts';
import { allowedHostsOnly, bearerToken, codeThrottle, noStore, sameOriginWrites, securityHeaders } from './security/http.ts';
import type { HostPolicy } from './security/hosts.ts';
import { OwnedElsewhere, type SessionManager } from './sessions.ts';
import { lifecycleRoutes } from './lifecycle.ts';
import { creationQuota } from './security/capacity.ts';
import { facilitatorOnly } from './security/facilitator.ts';
import { budget, type SharedBudgets } from './security/quotas.ts';
import { questionSetRoutes, setInfo } from './question-set-routes.ts';
import type { QuestionCatalogue } from './question-sets.ts';
import { serveClient } from './static.ts';
import { Campaigns } from './campaigns.ts';
import { campaignRoutes } from './campaign-routes.ts';

const CreateSession = z.strictObject({ questionSetId: z.string().max(64).optional(), lang: Lang.optional() });
const SUMMARY_FORMATS = ['json', 'md', 'csv', 'html', 'docx', 'xlsx'] as const;

export function createApp(
  config: Config,
  sessions: SessionManager,
  catalogue: QuestionCatalogue,
  guards: Guards = createGuards(config),
  shared?: SharedBudgets,
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // `/API/Sessions` and `/api/sessions/` are not `/api/sessions`: one spelling per route, so no
  // other spelling can reach a handler (set before the first route: the router reads them once).
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  const facilitator = facilitatorOnly(config.facilitatorPassword, guards.keyOf, shared);
  const creations = budget(config.sessionsPerIpPerMinute, 60, 0, shared && { store: shared, name: 'creations' });
  // Behind a trusted proxy, req.protocol (for the links we hand out) comes from X-Forwarded-Proto;
  // the same hops as the guards' counting key (security/address.ts).
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  // Security headers (CSP, Referrer-Policy: no-referrer, nosniff, …): see security/http.ts.
  app.use(securityHeaders());
  // DNS rebinding: only the server's own names (security/hosts.ts); the links below are built from them.
  app.use(allowedHostsOnly(guards));
  app.use('/api', noStore());
  app.use(sameOriginWrites(guards));
  app.use('/api/sessions/:code', codeThrottle(guards, (code, token) => sessions.isHost(code, token)));
  // After the throttle, which counts lookups as they arrive: every request about one session finds
  // it in memory, its log read on first use (a session from before a restart, or made by another
  // process). What follows may then ask synchronously.
  app.use('/api/sessions/:code', async (req, res, next) => {
    const code = String(req.params.code);
    try {
      await sessions.open(code);
      if (code !== code.toUpperCase()) await sessions.open(code.toUpperCase());
    } catch (e) {
      // Clustered: another node runs it and has not handed it over yet – a moment's matter.
      if (!(e instanceof OwnedElsewhere)) throw e;
      res.setHeader('Retry-After', '1');
      return void res.status(503).json({ error: { code: 'internal', message: e.message } });
    }
    next();
  });
  app.use(questionSetRoutes(config, sessions, catalogue, facilitator)); // before the 64 kB parser: a set may be 256 KiB
  app.use(express.json({ limit: '64kb' }));
  app.use(lifecycleRoutes(config, sessions, facilitator));
  const creation = creationQuota(config, sessions, creations, guards.keyOf);
  const defaultSetId = () => catalogue.defaultId;
  const links = (req: Request, code: string, hostToken: string) => {
    const base = baseUrl(req, config, guards.hosts);
    return { hostUrl: `${base}/host/${code}#${hostToken}`, screenUrl: `${base}/screen/${code}`, joinUrl: `${base}/join/${code}` };
  };
  app.use(campaignRoutes(new Campaigns(sessions.campaignStore, sessions), sessions, catalogue, { facilitator, creation }, { base: (req) => baseUrl(req, config, guards.hosts), links, defaultSetId }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  // The default agenda first (never an upload), then the other files, then uploads, newest first.
  app.get('/api/question-sets', (_req, res) => {
    res.json(catalogue.entries().map(setInfo));
  });

  app.get('/api/question-sets/:id', (req, res) => {
    const set = catalogue.get(req.params.id);
    if (!set) return void res.status(404).json({ error: { code: 'not_found', message: 'no such question set' } });
    res.json(set);
  });

  app.post('/api/sessions', facilitator, creation, async (req, res) => {
    const body = CreateSession.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: { code: 'invalid_payload', message: body.error.issues[0]?.message } });
    const setId = body.data.questionSetId ?? catalogue.defaultId;
    const set = catalogue.get(setId);
    if (!set) return void res.status(404).json({ error: { code: 'not_found', message: `no question set "${setId}"` } });
    const { code, hostToken } = await sessions.create(set, body.data.lang ?? 'da');
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({ code, hostToken, ...links(req, code, hostToken) });
  });

  app.get('/api/sessions/:code', (req, res) => {
    const s = sessions.get(req.params.code.toUpperCase());
    if (!s) return void res.status(404).json({ error: { code: 'no_such_session', message: 'no session with that code' } });
    res.json({ code: s.meta.code, title: s.state.set.title, joinUrl: `${baseUrl(req, config, guards.hosts)}/join/${s.meta.code}` });
  });

  app.get('/api/sessions/:code/qr.svg', async (req, res) => {
    const s = sessions.get(req.params.code);
    if (!s) return void res.status(404).end();
    // A table's own code (?table=N) seats the participant at that table when they join.
    const table = Number(req.query.table);
    const seat = Number.isInteger(table) && table >= 1 && table <= s.state.tables ? `?table=${table}` : '';
    const svg = await QRCode.toString(`${baseUrl(req, config, guards.hosts)}/join/${s.meta.code}${seat}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').setHeader('Cache-Control', 'no-store').send(svg);
  });

  // A new console link: the old token stops working at once, and consoles using it are
  // disconnected (the gateway listens). For a link that was shared too widely.
  app.post('/api/sessions/:code/rotate-host-token', async (req, res) => {
    const code = req.params.code;
    const token = bearerToken(req);
    if (!token) return void res.status(401).json({ error: { code: 'unauthorized', message: 'send the host token as a Bearer token' } });
    if (!sessions.isHost(code, token)) return void res.status(403).json({ error: { code: 'forbidden', message: 'not the facilitator of this session' } });
    const hostToken = (await sessions.rotateHostToken(code))!;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ hostToken, hostUrl: `${baseUrl(req, config, guards.hosts)}/host/${code}#${hostToken}` });
  });

  app.get('/api/sessions/:code/summary', async (req, res) => {
    const code = req.params.code;
    const s = sessions.get(code);
    const token = bearerToken(req);
    if (!token) return void res.status(401).json({ error: { code: 'unauthorized', message: 'send the host token as a Bearer token' } });
    if (!s || !sessions.isHost(code, token)) return void res.status(403).json({ error: { code: 'forbidden', message: 'not the facilitator of this session' } });
    const format = String(req.query.format ?? 'json');
    if (!(SUMMARY_FORMATS as readonly string[]).includes(format) || !isFormat(format)) {
      return void res.status(400).json({ error: { code: 'invalid_payload', message: `format must be one of ${SUMMARY_FORMATS.join(', ')}` } });
    }
    // The model is built synchronously from the live state; DOCX and XLSX render in a worker
    // thread so that a big room's phones do not wait for them (export/off-thread.ts).
    // ?roles=exact: the facilitator's explicit choice to keep small roles in the raw answers.
    // ?facilitatorNotes=1: the themes' notes for the facilitator, printed only when asked for.
    // ?delimiter=; (or , or tab): the CSV's separator, overriding the session language's.
    const delimiter = req.query.delimiter === 'tab' ? '\t' : req.query.delimiter;
    if (delimiter !== undefined && !isCsvDelimiter(delimiter)) {
      return void res.status(400).json({ error: { code: 'invalid_payload', message: 'delimiter must be one of , ; tab' } });
    }
    const out = await renderForServer(s.state, format, { exactRoles: req.query.roles === 'exact', ...(delimiter ? { delimiter } : {}), facilitatorNotes: req.query.facilitatorNotes === '1' });
    res.setHeader('Content-Type', out.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${out.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    // A downloaded HTML summary must not run anything or fetch anything, even if opened inline.
    if (format === 'html') res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    res.send(out.body);
  });

  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'no such endpoint' } });
  });

  // The built client, precompressed and cached (static.ts).
  serveClient(app, config.clientDir);

  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status ?? 500;
    const code = err.type === 'entity.parse.failed' ? 'invalid_json' : status === 413 ? 'too_large' : 'internal';
    res.status(status).json({ error: { code, message: status === 500 ? 'internal error' : err.message } });
  });
  return app;
}

/**
 * The address phones should use: PUBLIC_URL; else the Host the request came by – one of the
 * server's own names, as the allowlist let it through (checked again here, so that no link is
 * ever built from a name off the list) – and the LAN address when the facilitator browses via
 * localhost.
 */
export function baseUrl(req: Request, config: Config, hosts: HostPolicy): string {
  if (config.publicUrl) return config.publicUrl;
  const given = req.get('host');
  const host = given && hosts.allowed(given) ? given : `localhost:${config.port}`;
  const [hostname, port] = splitHost(host);
  const local = hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
  if (local && (config.host === '0.0.0.0' || config.host === '::')) {
    const lan = lanAddress();
    if (lan) return `${req.protocol}://${lan}${port ? `:${port}` : ''}`;
  }
  return `${req.protocol}://${host}`;
}

function splitHost(host: string): [string, string | undefined] {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  return m ? [m[1]!, m[2]] : [host, undefined];
}

export function lanAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}
