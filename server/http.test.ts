// The HTTP surface in DESIGN.md ("keep these stable; tools and tests rely on them").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import raw from '../questions/vejen-til-en-ny-forvaltningspolitik.json';
import { parseQuestionSet } from '../shared/question-set.ts';
import { SUMMARY_SCHEMA_VERSION } from '../shared/summary/summary.ts';
import { Harness, type Created } from './testing/harness.ts';

const SET_ID = 'vejen-til-en-ny-forvaltningspolitik';
const SET = parseQuestionSet(raw, 'set');
const QUESTIONS_PER_THEME = SET.themes.map((t) => t.questions.length);
let h: Harness;
let session: Created;

beforeAll(async () => {
  h = await Harness.start();
  session = await h.createSession({ questionSetId: SET_ID });
});
afterAll(async () => {
  await h?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${h.url}${path}`, { headers });
const post = (path: string, body: string, type = 'application/json') =>
  fetch(`${h.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('health and question sets', () => {
  it('GET /healthz → 200 {ok:true}', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /api/question-sets lists the built-in set', async () => {
    const res = await get('/api/question-sets');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { id: string; themes: number; questions: number }[];
    const questions = QUESTIONS_PER_THEME.reduce((a, b) => a + b, 0);
    expect(list).toContainEqual(expect.objectContaining({ id: SET_ID, themes: 4, questions, title: SET.title }));
    expect(questions).toBeGreaterThanOrEqual(15);
  });

  it('GET /api/question-sets/:id → the whole set, as validated', async () => {
    const res = await get(`/api/question-sets/${SET_ID}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(SET);
  });

  it.each(['no-such-set', '..%2Fpackage.json', '__proto__', 'constructor'])('GET /api/question-sets/%s → 404', async (id) => {
    const res = await get(`/api/question-sets/${id}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('POST /api/sessions', () => {
  it('→ 201 with code, hostToken and the three URLs; only the host URL holds the token, after #', async () => {
    const res = await post('/api/sessions', JSON.stringify({ questionSetId: SET_ID }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Created;
    expect(Object.keys(body).sort()).toEqual(['code', 'hostToken', 'hostUrl', 'joinUrl', 'screenUrl']);
    expect(body.code).toMatch(/^[A-Z0-9]{4,10}$/);
    expect(body.hostToken.length).toBeGreaterThanOrEqual(24);
    const host = new URL(body.hostUrl);
    expect(host.hash).toBe(`#${body.hostToken}`);
    expect(host.pathname + host.search).not.toContain(body.hostToken);
    expect(host.pathname).toContain(body.code);
    for (const url of [body.screenUrl, body.joinUrl]) {
      expect(url).not.toContain(body.hostToken);
      expect(url).toContain(body.code);
      expect(url.startsWith(h.url)).toBe(true);
    }
  });

  it('an empty body uses the first set; every session gets its own code and token', async () => {
    const a = await (await post('/api/sessions', '{}')).json() as Created;
    const b = await (await post('/api/sessions', '')).json() as Created;
    expect(a.code).not.toBe(b.code);
    expect(a.hostToken).not.toBe(b.hostToken);
    const s = await (await get(`/api/sessions/${a.code}/summary?format=json`, bearer(a.hostToken))).json();
    expect(s).toMatchObject({ code: a.code });
    expect((s as { themes: unknown[] }).themes).toHaveLength(SET.themes.length);
  });

  it.each([
    ['malformed JSON', '{"questionSetId": '],
    ['a JSON string', '"hello"'],
    ['an unknown key', JSON.stringify({ questionSetId: SET_ID, admin: true })],
    ['a non-string set id', JSON.stringify({ questionSetId: 42 })],
    ['a __proto__ key', `{"__proto__": {"admin": true}}`],
  ])('%s → 400', async (_label, body) => {
    const res = await post('/api/sessions', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: expect.stringMatching(/invalid_json|invalid_payload/) } });
  });

  it('an unknown questionSetId → 404', async () => {
    const res = await post('/api/sessions', JSON.stringify({ questionSetId: 'no-such-set' }));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('GET /api/sessions/:code/summary', () => {
  const path = () => `/api/sessions/${session.code}/summary`;

  it('format=json with the host token → 200, the summary as a download', async () => {
    const res = await get(`${path()}?format=json`, bearer(session.hostToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const summary = (await res.json()) as { code: string; participants: { total: number }; themes: { questions: unknown[] }[] };
    expect(summary).toMatchObject({ schemaVersion: SUMMARY_SCHEMA_VERSION, code: session.code, participants: { total: 0 } });
    expect(summary.themes.map((t) => t.questions.length)).toEqual(QUESTIONS_PER_THEME);
  });

  it('json is the default format', async () => {
    const res = await get(path(), bearer(session.hostToken));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: session.code });
  });

  it('without Authorization → 401', async () => {
    const res = await get(`${path()}?format=json`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it.each([
    ['a wrong token', () => bearer('x'.repeat(32))],
    ['another session’s token', async () => bearer((await h.createSession()).hostToken)],
    ['the token in another scheme', () => ({ authorization: `Basic ${session.hostToken}` })],
  ])('with %s → 401/403, never the summary', async (_label, headers) => {
    const res = await get(`${path()}?format=json`, await headers());
    expect([401, 403]).toContain(res.status);
    expect(await res.json()).not.toHaveProperty('themes');
  });

  it('a wrong Bearer token → 403', async () => {
    const res = await get(`${path()}?format=json`, bearer('not-the-host-token-at-all'));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('an unknown session → 403 (no hint whether it exists)', async () => {
    const res = await get('/api/sessions/ZZZZZZ/summary?format=json', bearer(session.hostToken));
    expect(res.status).toBe(403);
  });

  it('format=md → 200, Markdown naming the session, as a download', async () => {
    const res = await get(`${path()}?format=md`, bearer(session.hostToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const md = await res.text();
    expect(md).toContain(SET.title.da);
    expect(md).not.toContain(session.hostToken);
  });

  it('format=md without the token → 401', async () => {
    expect((await get(`${path()}?format=md`)).status).toBe(401);
  });

  it('an unknown format → 400', async () => {
    const res = await get(`${path()}?format=exe`, bearer(session.hostToken));
    expect(res.status).toBe(400);
  });
});

describe('other paths', () => {
  it('an unknown /api path → 404 JSON', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('responses carry no-referrer and nosniff', async () => {
    const res = await get('/healthz');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
