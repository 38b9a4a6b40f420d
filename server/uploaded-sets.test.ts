// Issue 12, finding 5, on real servers: an uploaded question set is never the default agenda –
// not after a restart, whatever its id or title – is marked as uploaded (when, and whether the
// facilitator password was required), is capped in number, size and by free disk, and can be
// replaced and removed (with the password when one is set).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import builtIn from '../questions/vejen-til-en-ny-forvaltningspolitik.json';
import type { Config } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { REPO, tempDataDir, testConfig } from './testing/harness.ts';

const BUILT_IN_ID = builtIn.id;
const running = new Set<RunningServer>();
afterAll(async () => {
  for (const s of running) await s.close();
});

/** A server on its own copies of questions/ and DATA_DIR, so that a restart finds what was stored. */
function place(extra: Partial<Config> = {}) {
  const dataDir = tempDataDir();
  const questionsDir = fs.mkdtempSync(path.join(dataDir, 'q-'));
  for (const f of fs.readdirSync(path.join(REPO, 'questions'))) {
    if (f.endsWith('.json') || f.endsWith('.md')) fs.copyFileSync(path.join(REPO, 'questions', f), path.join(questionsDir, f));
  }
  const config: Config = { ...testConfig(dataDir), questionsDir, ...extra };
  return {
    config,
    async start(more: Partial<Config> = {}) {
      const server = await startServer({ ...config, ...more });
      running.add(server);
      return Object.assign(server, {
        stop: async () => {
          running.delete(server);
          await server.close();
        },
      });
    },
  };
}

type Listed = { id: string; title: { da: string }; default?: boolean; uploaded?: { at: string; withPassword: boolean } };
const list = async (url: string) => (await (await fetch(`${url}/api/question-sets`)).json()) as Listed[];
const send = (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });

/** A set whose id sorts before the built-in one and whose title copies it. */
const impostor = (id = 'aaa-official', extra = '') =>
  `---\nid: ${id}\ntitle: ${builtIn.title.da}\n---\n# Tema: Mål${extra}\n- Virker det? {scale 1-5 "Slet ikke" "Helt"}\n`;

describe('the default agenda', () => {
  it('is never an upload – also after a restart, whatever the upload\'s id or title sorts as', async () => {
    const p = place();
    let s = await p.start();
    const up = await send(`${s.url}/api/question-sets`, 'POST', { filename: '0-first.md', content: impostor() });
    expect(up.status).toBe(201);
    for (let round = 0; round < 2; round++) {
      const sets = await list(s.url);
      expect(sets[0]).toMatchObject({ id: BUILT_IN_ID, default: true });
      expect(sets[0]!.uploaded).toBeUndefined();
      expect(sets.filter((x) => x.default).length).toBe(1);
      expect(sets.find((x) => x.id === 'aaa-official')).toMatchObject({ title: { da: builtIn.title.da }, uploaded: { withPassword: false } });
      expect(sets.find((x) => x.id === 'aaa-official')!.default).toBeUndefined();
      // A workshop created without naming a set gets the built-in agenda.
      const created = (await (await send(`${s.url}/api/sessions`, 'POST', {})).json()) as { code: string };
      expect((await s.sessions.peek(created.code))!.state.set.id).toBe(BUILT_IN_ID);
      await s.stop();
      s = await p.start();
    }
  });

  it('is DEFAULT_QUESTION_SET when set, which must name a file of questions/', async () => {
    const p = place();
    fs.writeFileSync(path.join(p.config.questionsDir, 'zz-egen.md'), impostor('zz-egen'));
    const s = await p.start({ defaultQuestionSet: 'zz-egen' });
    expect((await list(s.url))[0]).toMatchObject({ id: 'zz-egen', default: true });
    const created = (await (await send(`${s.url}/api/sessions`, 'POST', {})).json()) as { code: string };
    expect((await s.sessions.peek(created.code))!.state.set.id).toBe('zz-egen');
    await send(`${s.url}/api/question-sets`, 'POST', { filename: 'u.md', content: impostor('uploaded-one') });
    await s.stop();
    await expect(p.start({ defaultQuestionSet: 'uploaded-one' })).rejects.toThrow(/DEFAULT_QUESTION_SET: no question set with the id "uploaded-one"/);
  });
});

describe('uploads', () => {
  it('are listed with their date and id, so two with the same title can be told apart', async () => {
    const s = await place().start();
    expect((await send(`${s.url}/api/question-sets`, 'POST', { filename: 'a.md', content: impostor('kopi-a') })).status).toBe(201);
    expect((await send(`${s.url}/api/question-sets`, 'POST', { filename: 'b.md', content: impostor('kopi-b') })).status).toBe(201);
    const uploads = (await list(s.url)).filter((x) => x.uploaded);
    expect(uploads.map((x) => x.id).sort()).toEqual(['kopi-a', 'kopi-b']);
    expect(new Set(uploads.map((x) => x.title.da)).size).toBe(1);
    for (const u of uploads) expect(Date.now() - Date.parse(u.uploaded!.at)).toBeLessThan(5 * 60_000);
  });

  it('are capped in number (MAX_UPLOADED_SETS); removing one makes room', async () => {
    const s = await place({ maxUploadedSets: 2 }).start();
    const statuses = [];
    for (const id of ['n-1', 'n-2', 'n-3', 'n-4']) statuses.push((await send(`${s.url}/api/question-sets`, 'POST', { filename: `${id}.md`, content: impostor(id) })).status);
    expect(statuses).toEqual([201, 201, 507, 507]);
    const refused = await send(`${s.url}/api/question-sets`, 'POST', { filename: 'x.md', content: impostor('n-5') });
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_uploads', message: expect.stringMatching(/at most 2 uploaded/) } });
    expect((await send(`${s.url}/api/question-sets/n-1`, 'DELETE', undefined)).status).toBe(204);
    expect((await send(`${s.url}/api/question-sets`, 'POST', { filename: 'x.md', content: impostor('n-5') })).status).toBe(201);
    expect((await list(s.url)).filter((x) => x.uploaded).map((x) => x.id).sort()).toEqual(['n-2', 'n-5']);
  });

  it('over the size limit – a 2 MB body too – get too_large naming the limit, not the parser\'s "request entity too large"', async () => {
    const s = await place().start();
    for (const content of ['x'.repeat(2 * 1024 * 1024), 'æ'.repeat(140_000)]) {
      const res = await send(`${s.url}/api/question-sets`, 'POST', { filename: 'big.md', content });
      expect(res.status).toBe(413);
      const body = (await res.json()) as { error: { code: string; message: string; limitBytes: number } };
      expect(body.error).toEqual({ code: 'too_large', message: 'a question set file may be at most 256 KiB', limitBytes: 256 * 1024 });
    }
  });

  it('are refused while the disk is below MIN_FREE_DISK_MB, saying why', async () => {
    const s = await place({ minFreeDiskMb: 1024 * 1024 * 1024 }).start();
    const res = await send(`${s.url}/api/question-sets`, 'POST', { filename: 'x.md', content: impostor() });
    expect(res.status).toBe(507);
    expect(await res.json()).toMatchObject({ error: { code: 'disk_full', message: expect.stringMatching(/disk is nearly full/) } });
    expect((await list(s.url)).some((x) => x.uploaded)).toBe(false);
  });

  it('can be replaced (same id) and removed; the sets of questions/ cannot', async () => {
    const p = place();
    const s = await p.start();
    const url = `${s.url}/api/question-sets`;
    await send(url, 'POST', { filename: 'a.md', content: impostor('mit-saet') });
    const replaced = await send(`${url}/mit-saet`, 'PUT', { filename: 'a.md', content: impostor('mit-saet', '\n- Hvorfor? {text}') });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: 'mit-saet', questions: 2, uploaded: { withPassword: false } });
    const wrongId = await send(`${url}/mit-saet`, 'PUT', { filename: 'a.md', content: impostor('andet-id') });
    expect(wrongId.status).toBe(400);
    expect(await wrongId.json()).toMatchObject({ error: { code: 'invalid_question_set', problems: [{ path: 'id' }] } });
    expect((await send(`${url}/${BUILT_IN_ID}`, 'PUT', { filename: 'a.md', content: impostor(BUILT_IN_ID) })).status).toBe(403);
    expect((await send(`${url}/${BUILT_IN_ID}`, 'DELETE', undefined)).status).toBe(403);
    expect((await send(`${url}/findes-ikke`, 'DELETE', undefined)).status).toBe(404);
    // An upload cannot take the id of a file of questions/, nor of another upload.
    expect((await send(url, 'POST', { filename: 'a.md', content: impostor(BUILT_IN_ID) })).status).toBe(409);
    expect((await send(url, 'POST', { filename: 'a.md', content: impostor('mit-saet') })).status).toBe(409);
    // A workshop already using it keeps its agenda when the upload goes.
    const created = (await (await send(`${s.url}/api/sessions`, 'POST', { questionSetId: 'mit-saet' })).json()) as { code: string };
    expect((await send(`${url}/mit-saet`, 'DELETE', undefined)).status).toBe(204);
    expect((await list(s.url)).some((x) => x.id === 'mit-saet')).toBe(false);
    expect(fs.readdirSync(path.join(p.config.dataDir, 'uploaded-sets'))).toEqual([]);
    expect((await s.sessions.peek(created.code))!.state.set.id).toBe('mit-saet');
    expect((await send(`${s.url}/api/sessions`, 'POST', { questionSetId: 'mit-saet' })).status).toBe(404);
  });

  it('with FACILITATOR_PASSWORD: uploading, replacing and removing need it, and the upload says it was given', async () => {
    const s = await place({ facilitatorPassword: 'hemmelig' }).start();
    const url = `${s.url}/api/question-sets`;
    const pw = { 'x-facilitator-password': 'hemmelig' };
    expect((await send(url, 'POST', { filename: 'a.md', content: impostor('beskyttet') })).status).toBe(401);
    expect((await send(url, 'POST', { filename: 'a.md', content: impostor('beskyttet') }, pw)).status).toBe(201);
    expect((await list(s.url)).find((x) => x.id === 'beskyttet')!.uploaded).toMatchObject({ withPassword: true });
    expect((await send(`${url}/beskyttet`, 'PUT', { filename: 'a.md', content: impostor('beskyttet', '\n- Mere? {text}') })).status).toBe(401);
    expect((await send(`${url}/beskyttet`, 'DELETE', undefined)).status).toBe(401);
    expect((await send(`${url}/beskyttet`, 'DELETE', undefined, { 'x-facilitator-password': 'forkert' })).status).toBe(401);
    expect((await list(s.url)).some((x) => x.id === 'beskyttet')).toBe(true);
    expect((await send(`${url}/beskyttet`, 'DELETE', undefined, pw)).status).toBe(204);
  });

  it('a record that no longer reads is skipped with a warning at start-up, not fatal', async () => {
    const p = place();
    const s = await p.start();
    await send(`${s.url}/api/question-sets`, 'POST', { filename: 'a.md', content: impostor('god') });
    await s.stop();
    fs.writeFileSync(path.join(p.config.dataDir, 'uploaded-sets', 'ødelagt.json'), '{"not": "a record"');
    const again = await p.start();
    expect((await list(again.url)).filter((x) => x.uploaded).map((x) => x.id)).toEqual(['god']);
  });
});
