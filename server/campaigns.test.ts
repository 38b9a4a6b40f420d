// Campaigns through the real server: an organiser creates a campaign and two workshops, a third
// facilitator attaches theirs with the campaign's code; phones answer over socket.io; the
// organiser's view combines the three with small groups hidden, lists every decision and action,
// never shows a raw answer, and survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerValue, JoinResult, Role } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import type { CampaignView } from '../shared/campaign/view.ts';
import { Harness, type Created } from './testing/harness.ts';

type NewCampaign = { id: string; organiserToken: string; attachCode: string; organiserUrl: string };

let h: Harness;
let campaign: NewCampaign;
const workshops: Created[] = [];
/** Participant ids per workshop code, in the order they joined. */
const joined: Record<string, string[]> = {};

async function api<T>(path: string, init: { method?: string; token?: string; body?: object } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${h.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** People answer q1-1 (scale) and q1-4 (text); the host notes a decision and an action. */
async function run(created: Created, people: { role: Role; scale: number }[], decision: string): Promise<void> {
  const host = await h.host(created);
  for (const questionId of ['q1-1', 'q1-4']) await host.must({ type: 'openAnswering', questionId });
  for (const [i, p] of people.entries()) {
    const phone = await h.participant(created);
    const { participantId } = await phone.must<JoinResult>({ type: 'join', role: p.role });
    (joined[created.code] ??= []).push(participantId);
    await phone.must({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: p.scale } as AnswerValue });
    await phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `hemmeligt svar ${created.code} ${i}` } });
  }
  await host.must({ type: 'addNote', scope: { kind: 'question', questionId: 'q1-1' }, kind: 'decision', text: decision, onScreen: false });
  await host.must({ type: 'addNote', scope: { kind: 'session' }, kind: 'action', text: `Følg op på ${decision}`, who: 'Kim', due: '2027-01-15', onScreen: false });
  await host.must({ type: 'addNote', scope: { kind: 'session' }, kind: 'note', text: 'intern note', onScreen: false });
  await host.waitForView((v: HostView) => v.participants === people.length, 'everyone joined');
}

beforeAll(async () => {
  h = await Harness.start();
  const made = await api<NewCampaign>('/api/campaigns', { method: 'POST', body: { name: 'Vejen til en ny forvaltningspolitik 2027' } });
  expect(made.status).toBe(201);
  campaign = made.body;
  for (const label of ['Nord', 'Syd']) {
    const w = await api<Created>(`/api/campaigns/${campaign.id}/workshops`, { method: 'POST', token: campaign.organiserToken, body: { label, heldOn: '2027-01-10' } });
    expect(w.status).toBe(201);
    workshops.push(w.body);
  }
  // The third facilitator made their own workshop and attaches it with the code, typed loosely.
  const own = await h.createSession();
  const typed = campaign.attachCode.toLowerCase().replace(/(.{5})/, '$1 ');
  const attached = await api<{ campaign: { name: string } }>(`/api/sessions/${own.code}/campaign`, { method: 'POST', token: own.hostToken, body: { attachCode: typed, label: 'Nord' } });
  expect(attached.status).toBe(200);
  expect(attached.body.campaign.name).toBe('Vejen til en ny forvaltningspolitik 2027');
  workshops.push(own);
  // Nord A: 5 managers; Syd: 3 managers + 4 employees; Nord C: 2 employees + 1 citizen.
  const as = (role: Role) => (scale: number) => ({ role, scale });
  await run(workshops[0]!, [1, 2, 2, 3, 5].map(as('manager')), 'Beslutning A');
  await run(workshops[1]!, [...[4, 4, 5].map(as('manager')), ...[1, 2, 3, 3].map(as('employee'))], 'Beslutning B');
  await run(workshops[2]!, [{ role: 'employee', scale: 5 }, { role: 'employee', scale: 4 }, { role: 'citizen', scale: 1 }], 'Beslutning C');
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('a campaign of three workshops', () => {
  it('the organiser sees progress and the combined results; medians of all answers', async () => {
    const { status, body } = await api<CampaignView>(`/api/campaigns/${campaign.id}?detail=all`, { token: campaign.organiserToken });
    expect(status).toBe(200);
    expect(body.workshops.map((w) => [w.label, w.participants])).toEqual([['Nord', 5], ['Syd', 7], ['Nord', 3]]);
    const q = body.questions.find((x) => x.id === 'q1-1')!;
    // All 15: 1,1,1,2,2,2,3,3,3,4,4,4,5,5,5 → median 3.
    expect(q.overall).toMatchObject({ hidden: false, people: 15, results: { n: 15, median: 3 } });
    const nord = q.byLabel.find((c) => c.key.label === 'Nord')!;
    // Nord = A + C: 1,2,2,3,5,5,4,1 → sorted 1,1,2,2,3,4,5,5 → median 2.5.
    expect(nord).toMatchObject({ hidden: false, people: 8, results: { median: 2.5 } });
    // C's 2 employees and 1 citizen are below 5: hidden, and with them enough others that no
    // total minus its shown parts leaves them over.
    const cell = (w: string, r: Role) => q.byWorkshopRole.find((c) => c.key.workshop === w && c.key.role === r)!;
    expect(cell(workshops[2]!.code, 'employee').hidden).toBe(true);
    expect(cell(workshops[2]!.code, 'citizen').hidden).toBe(true);
    expect(q.byWorkshop.find((c) => c.key.workshop === workshops[2]!.code)!.hidden).toBe(true);
  });

  it('the page\'s view leaves out role within workshop and label (in the downloads), and comes gzipped when large', async () => {
    const { body } = await api<CampaignView>(`/api/campaigns/${campaign.id}`, { token: campaign.organiserToken });
    const q = body.questions.find((x) => x.id === 'q1-1')!;
    expect(q.byWorkshop).toHaveLength(3);
    expect('byWorkshopRole' in q || 'byLabelRole' in q).toBe(false);
    // Parts carry the headline's figures only; the whole campaign its bars.
    expect(q.overall.hidden === false && q.overall.results?.type === 'scale' && q.overall.results.bars).toHaveLength(5);
    const part = q.byLabel.find((c) => !c.hidden)!;
    expect(part.hidden === false && part.results?.type === 'scale' && part.results.bars).toEqual([]);
    // The whole view (over 16 KB) goes gzipped to a client that takes it, and reads back the same.
    const all = await fetch(`${h.url}/api/campaigns/${campaign.id}?detail=all`, { headers: { authorization: `Bearer ${campaign.organiserToken}`, 'accept-encoding': 'gzip' } });
    expect(all.headers.get('content-encoding')).toBe('gzip');
    expect(((await all.json()) as CampaignView).questions[0]!.byWorkshopRole.length).toBeGreaterThan(0);
  });

  it('every decision and action, with owner and due date; no plain notes; no raw answers', async () => {
    const { body } = await api<CampaignView>(`/api/campaigns/${campaign.id}`, { token: campaign.organiserToken });
    expect(body.actions.map((a) => [a.kind, a.text])).toEqual(
      ['A', 'B', 'C'].flatMap((x) => [['decision', `Beslutning ${x}`], ['action', `Følg op på Beslutning ${x}`]]),
    );
    expect(body.actions.find((a) => a.kind === 'action')).toMatchObject({ who: 'Kim', due: '2027-01-15' });
    const json = JSON.stringify(body);
    expect(json).not.toContain('hemmeligt svar');
    expect(json).not.toContain('intern note');
    expect(json).not.toContain(workshops[0]!.hostToken);
  });

  it('only the organiser token opens it: none, a wrong one or a console token are refused', async () => {
    expect((await api(`/api/campaigns/${campaign.id}`)).status).toBe(401);
    expect((await api(`/api/campaigns/${campaign.id}`, { token: 'x'.repeat(24) })).status).toBe(403);
    expect((await api(`/api/campaigns/${campaign.id}`, { token: workshops[0]!.hostToken })).status).toBe(403);
    expect((await api(`/api/campaigns/${campaign.id}/workshops`, { method: 'POST', token: workshops[0]!.hostToken, body: {} })).status).toBe(403);
    // A wrong attach code, and a console token of another workshop, attach nothing.
    const other = await h.createSession();
    expect((await api(`/api/sessions/${other.code}/campaign`, { method: 'POST', token: other.hostToken, body: { attachCode: 'WRONGCODE1' } })).status).toBe(404);
    expect((await api(`/api/sessions/${other.code}/campaign`, { method: 'POST', token: workshops[0]!.hostToken, body: { attachCode: campaign.attachCode } })).status).toBe(403);
    const { body } = await api<CampaignView>(`/api/campaigns/${campaign.id}`, { token: campaign.organiserToken });
    expect(body.workshops).toHaveLength(3);
  });

  it('the console can ask which campaign its workshop is in', async () => {
    const { body } = await api<{ campaign: { id: string } | null; label: string }>(`/api/sessions/${workshops[1]!.code}/campaign`, { token: workshops[1]!.hostToken });
    expect(body).toMatchObject({ campaign: { id: campaign.id }, label: 'Syd' });
  });

  it('the campaign summary downloads in every format – for the organiser only', async () => {
    const get = (format: string, token?: string) => fetch(`${h.url}/api/campaigns/${campaign.id}/summary?format=${format}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const md = await get('md', campaign.organiserToken);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    const text = await md.text();
    expect(text).toContain('# Forløb: Vejen til en ny forvaltningspolitik 2027');
    expect(text).toContain('Beslutning B');
    expect(text).not.toContain('hemmeligt svar');
    const csv = await (await get('csv', campaign.organiserToken)).text();
    expect(csv.split('\r\n')[0]).toContain('Spørgsmål;Opdeling;Workshop');
    expect(JSON.parse(await (await get('json', campaign.organiserToken)).text())).toMatchObject({ schemaVersion: 1, kind: 'campaign' });
    for (const [format, type, magic] of [
      ['docx', 'wordprocessingml', 'PK'],
      ['xlsx', 'spreadsheetml', 'PK'],
      ['html', 'text/html', '<!doctype html>'],
    ] as const) {
      const res = await get(format, campaign.organiserToken);
      expect(res.headers.get('content-type'), format).toContain(type);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="forloeb-${campaign.id}.${format}"`);
      expect(Buffer.from(await res.arrayBuffer()).toString('latin1').startsWith(magic), format).toBe(true);
    }
    expect((await get('pdf', campaign.organiserToken)).status).toBe(400);
    expect((await get('constructor', campaign.organiserToken)).status).toBe(400);
    expect((await get('docx')).status).toBe(401);
    expect((await get('md')).status).toBe(401);
    expect((await get('md', workshops[0]!.hostToken)).status).toBe(403);
  });

  it('erasing a participant takes their answer out of the combined figures at once (the view is not served stale)', async () => {
    const view = () => api<CampaignView>(`/api/campaigns/${campaign.id}`, { token: campaign.organiserToken }).then((r) => r.body);
    const before = await view();
    expect(before.questions.find((x) => x.id === 'q1-1')!.overall).toMatchObject({ people: 15 });
    const syd = workshops[1]!;
    const res = await fetch(`${h.url}/api/sessions/${syd.code}/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${syd.hostToken}` },
      body: JSON.stringify({ participantId: joined[syd.code]![0] }),
    });
    expect(res.status).toBe(200);
    const after = await view();
    expect(after.workshops.map((w) => w.participants)).toEqual([5, 6, 3]);
    // The erased manager answered 4: 1,1,1,2,2,2,3,3,3,4,4,5,5,5 → 14 answers, median 3.
    expect(after.questions.find((x) => x.id === 'q1-1')!.overall).toMatchObject({ people: 14, results: { n: 14 } });
  });

  it('a restart keeps the campaign, its workshops and the combined figures', async () => {
    const before = await api<CampaignView>(`/api/campaigns/${campaign.id}`, { token: campaign.organiserToken });
    const dataDir = h.dataDir;
    await h.close();
    h = await Harness.start(dataDir);
    const after = await api<CampaignView>(`/api/campaigns/${campaign.id}`, { token: campaign.organiserToken });
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
  });

  it('deleting a workshop takes it out of the campaign', async () => {
    const gone = workshops[1]!;
    const res = await fetch(`${h.url}/api/sessions/${gone.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${gone.hostToken}` } });
    expect(res.status).toBeLessThan(300);
    const { body } = await api<CampaignView>(`/api/campaigns/${campaign.id}`, { token: campaign.organiserToken });
    expect(body.workshops.map((w) => w.code)).toEqual([workshops[0]!.code, workshops[2]!.code]);
  });
});
