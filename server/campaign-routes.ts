// /api/campaigns: create a campaign (facilitator password when one is set), create or attach
// workshops, and read the organiser's combined view. Every answer that carries a secret is
// no-store (the /api prefix sets it for all).
import { gzipSync } from 'node:zlib';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { Lang } from '../shared/protocol.ts';
import type { QuestionSet } from '../shared/question-set.ts';
import type { Campaigns } from './campaigns.ts';
import { FOLLOW_UP_STATUSES } from '../shared/campaign/view.ts';
import { renderCampaignCsv, renderCampaignJson, renderCampaignMarkdown } from '../shared/campaign/summary.ts';
import { renderCampaignHtml } from './export/campaign-html.ts';
import { renderCampaignOffThread } from './export/off-thread.ts';
import type { CampaignView } from '../shared/campaign/view.ts';
import { ROUTER_OPTIONS } from './security/facilitator.ts';
import { bearerToken } from './security/http.ts';
import type { SessionManager } from './sessions.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Label = z.string().trim().max(80);
const CreateCampaign = z.strictObject({ name: z.string().trim().min(1).max(120), lang: Lang.optional() });
const CreateWorkshop = z.strictObject({ label: Label.optional(), heldOn: Day.optional(), questionSetId: z.string().max(64).optional(), lang: Lang.optional() });
const Attach = z.strictObject({ attachCode: z.string().trim().min(4).max(20), label: Label.optional(), heldOn: Day.optional() });

const SUMMARY: Record<string, { type: string; body: (v: CampaignView) => string | Promise<Buffer> }> = {
  // Word and Excel in the export worker: exceljs and docx build their XML synchronously.
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: (v) => renderCampaignOffThread(v, 'docx') },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: (v) => renderCampaignOffThread(v, 'xlsx') },
  html: { type: 'text/html; charset=utf-8', body: renderCampaignHtml },
  md: { type: 'text/markdown; charset=utf-8', body: renderCampaignMarkdown },
  csv: { type: 'text/csv; charset=utf-8', body: (v) => renderCampaignCsv(v) },
  json: { type: 'application/json; charset=utf-8', body: renderCampaignJson },
};

const Review = z.strictObject({ workshop: z.string().min(1).max(16), id: z.string().min(1).max(64), status: z.enum(FOLLOW_UP_STATUSES) });

type Links = (req: Request, code: string, hostToken: string) => { hostUrl: string; screenUrl: string; joinUrl: string };

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export function campaignRoutes(
  campaigns: Campaigns,
  sessions: SessionManager,
  sets: { get: (id: string) => QuestionSet | undefined },
  guard: { facilitator: RequestHandler; creation: RequestHandler },
  http: { base: (req: Request) => string; links: Links; defaultSetId: () => string },
): express.Router {
  const router = express.Router(ROUTER_OPTIONS);
  const organiser = async (req: Request, res: Response): Promise<string | undefined> => {
    const id = String(req.params.id);
    const token = bearerToken(req);
    if (!token) return void fail(res, 401, 'unauthorized', 'send the organiser token as a Bearer token');
    if (!(await campaigns.isOrganiser(id, token))) return void fail(res, 403, 'forbidden', 'not the organiser of this campaign');
    return id;
  };

  router.post('/api/campaigns', guard.facilitator, guard.creation, async (req, res) => {
    const body = CreateCampaign.safeParse(req.body ?? {});
    if (!body.success) return void fail(res, 400, 'invalid_payload', body.error.issues[0]?.message ?? 'invalid campaign');
    const { id, organiserToken, attachCode } = await campaigns.create(body.data.name, body.data.lang ?? 'da');
    res.status(201).json({ id, organiserToken, attachCode, organiserUrl: `${http.base(req)}/campaign/${id}#${organiserToken}` });
  });

  // The page's view: role within workshop and role within label are in the summary downloads,
  // not on the page; `?detail=all` includes them. Large views go gzipped when the client takes it
  // (200 workshops are megabytes of JSON).
  router.get('/api/campaigns/:id', async (req, res) => {
    const id = await organiser(req, res);
    if (!id) return;
    const view = (await campaigns.view(id))!;
    const shown = req.query.detail === 'all' ? view : { ...view, questions: view.questions.map(({ byWorkshopRole: _w, byLabelRole: _l, ...q }) => q) };
    const body = Buffer.from(JSON.stringify(shown));
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Vary', 'Accept-Encoding');
    if (body.length < 16_384 || !req.acceptsEncodings('gzip')) return void res.send(body);
    res.setHeader('Content-Encoding', 'gzip');
    res.send(gzipSync(body, { level: 4 }));
  });

  router.get('/api/campaigns/:id/summary', async (req, res) => {
    const id = await organiser(req, res);
    if (!id) return;
    const format = String(req.query.format ?? 'md');
    const render = Object.hasOwn(SUMMARY, format) ? SUMMARY[format] : undefined;
    if (!render) return void fail(res, 400, 'invalid_payload', `format must be one of ${Object.keys(SUMMARY).join(', ')}`);
    const body = await render.body((await campaigns.view(id))!);
    res.setHeader('Content-Type', render.type);
    res.setHeader('Content-Disposition', `attachment; filename="forloeb-${id}.${format}"`);
    res.send(body);
  });

  // The organiser creates a workshop in the campaign and hands its console link to a facilitator.
  router.post('/api/campaigns/:id/workshops', guard.creation, async (req, res) => {
    const id = await organiser(req, res);
    if (!id) return;
    const body = CreateWorkshop.safeParse(req.body ?? {});
    if (!body.success) return void fail(res, 400, 'invalid_payload', body.error.issues[0]?.message ?? 'invalid workshop');
    const setId = body.data.questionSetId ?? http.defaultSetId();
    const set = sets.get(setId);
    if (!set) return void fail(res, 404, 'not_found', `no question set "${setId}"`);
    const campaign = (await campaigns.get(id))!;
    const { code, hostToken } = await sessions.create(set, body.data.lang ?? campaign.lang);
    await campaigns.attach(id, code, body.data.label ?? '', body.data.heldOn ?? null);
    res.status(201).json({ code, hostToken, ...http.links(req, code, hostToken) });
  });

  // A facilitator attaches the workshop they run, with the campaign's attach code.
  router.post('/api/sessions/:code/campaign', async (req, res) => {
    const code = String(req.params.code);
    const token = bearerToken(req);
    if (!token) return void fail(res, 401, 'unauthorized', 'send the host token as a Bearer token');
    if (!sessions.isHost(code, token)) return void fail(res, 403, 'forbidden', 'not the facilitator of this session');
    const body = Attach.safeParse(req.body ?? {});
    if (!body.success) return void fail(res, 400, 'invalid_payload', body.error.issues[0]?.message ?? 'invalid attach request');
    const campaign = await campaigns.byAttachCode(body.data.attachCode);
    if (!campaign) return void fail(res, 404, 'no_such_campaign', 'no campaign has that code');
    await campaigns.attach(campaign.id, code, body.data.label ?? '', body.data.heldOn ?? null);
    res.json({ campaign: { id: campaign.id, name: campaign.name }, label: body.data.label ?? '', heldOn: body.data.heldOn ?? null });
  });

  // The console shows which campaign its workshop is in.
  router.get('/api/sessions/:code/campaign', async (req, res) => {
    const code = String(req.params.code);
    if (!sessions.isHost(code, bearerToken(req))) return void fail(res, 403, 'forbidden', 'not the facilitator of this session');
    const found = await campaigns.campaignOf(code);
    res.json(
      found
        ? { campaign: { id: found.campaign.id, name: found.campaign.name }, label: found.label, heldOn: found.heldOn, earlierActions: await campaigns.earlierActions(code) }
        : { campaign: null },
    );
  });

  // Follow-up: this workshop reviews an earlier workshop's action (done / in progress / dropped).
  router.post('/api/sessions/:code/campaign/actions', async (req, res) => {
    const code = String(req.params.code);
    if (!sessions.isHost(code, bearerToken(req))) return void fail(res, 403, 'forbidden', 'not the facilitator of this session');
    const body = Review.safeParse(req.body ?? {});
    if (!body.success) return void fail(res, 400, 'invalid_payload', body.error.issues[0]?.message ?? 'invalid review');
    if (!(await campaigns.review(code, body.data.workshop, body.data.id, body.data.status))) return void fail(res, 404, 'not_found', 'no such action of an earlier workshop in this campaign');
    res.json({ earlierActions: await campaigns.earlierActions(code) });
  });

  return router;
}
