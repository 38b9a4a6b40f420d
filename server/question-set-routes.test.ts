// Own question sets over HTTP, on a real server at port 0 with a temporary copy of questions/:
// .md and .json files load at start-up (a malformed one stops it), an upload is validated whole
// before it is saved and offered, and a session's agenda comes back out as a file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import builtIn from '../questions/vejen-til-en-ny-forvaltningspolitik.json';
import { parseQuestionSet, QuestionSetError } from '../shared/question-set.ts';
import { parse, serialize } from '../shared/question-set-md.ts';
import type { Config } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { REPO, type Created } from './testing/harness.ts';

const BUILT_IN = parseQuestionSet(builtIn, 'built-in');
const MD = `---
id: min-workshop
title: Min workshop | My workshop
---
# Tema: Færre mål | Fewer goals
> - Styrke fokus – borgernes ”oplevelse”
- Virker det? {scale 1-5 "Slet ikke" "I meget høj grad"}
- Hvilken? {choice multiple}
  - A
  - B
`;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-sets-'));
}
function config(questionsDir: string, extra: Partial<Config> = {}): Config {
  return { port: 0, host: '127.0.0.1', dataDir: tempDir(), questionsDir, clientDir: path.join(REPO, 'dist', 'client'), ...extra };
}
function questionsCopy(): string {
  const dir = tempDir();
  fs.cpSync(path.join(REPO, 'questions'), dir, { recursive: true });
  return dir;
}

describe('files in questions/ at start-up', () => {
  it('loads .md files beside .json files', async () => {
    const dir = questionsCopy();
    fs.writeFileSync(path.join(dir, 'min-workshop.md'), MD);
    const server = await startServer(config(dir));
    try {
      const list = (await (await fetch(`${server.url}/api/question-sets`)).json()) as { id: string }[];
      expect(list.map((s) => s.id).sort()).toEqual(['min-workshop', BUILT_IN.id]);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['broken.md', MD.replace('  - B\n', ''), /broken\.md: invalid question set[^\n]*\n {2}at line 8: the options/],
    ['broken.md', MD.replace('{scale 1-5', '{skala 1-5'), /broken\.md: invalid question set[^\n]*\n {2}at line 7: unknown type "skala"/],
    ['broken.json', '{\n  "id": "x",\n}', /broken\.json: invalid question set[^\n]*\n {2}at line 3, column 1: not valid JSON/],
    ['broken.json', JSON.stringify({ ...builtIn, id: 'other', title: {} }), /broken\.json: invalid question set[^\n]*\n {2}at title\.da:/],
  ])('a malformed %s stops the server, naming the file, the line or field, and what is wrong', async (name, content, message) => {
    const dir = questionsCopy();
    fs.writeFileSync(path.join(dir, name), content);
    const started = startServer(config(dir));
    await expect(started).rejects.toBeInstanceOf(QuestionSetError);
    await expect(started).rejects.toThrow(message);
  });

  it('two files with one id stop the server', async () => {
    const dir = questionsCopy();
    fs.writeFileSync(path.join(dir, 'zz-copy.md'), serialize(BUILT_IN));
    await expect(startServer(config(dir))).rejects.toThrow(/zz-copy\.md: invalid question set[^\n]*\n {2}at id: id "vejen-til-en-ny-forvaltningspolitik" is used by another file/);
  });
});

describe('POST /api/question-sets and GET /api/sessions/:code/question-set', () => {
  let dir: string;
  let dataDir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = questionsCopy();
    dataDir = tempDir();
    server = await startServer(config(dir, { dataDir }));
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = (body: unknown) =>
    fetch(`${server.url}/api/question-sets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  // Uploads are kept apart from questions/, one record per set.
  const uploads = () => path.join(dataDir, 'uploaded-sets');
  const files = () => [...fs.readdirSync(dir), ...fs.readdirSync(uploads()).map((f) => `uploaded-sets/${f}`)].sort();
  const stored = (id: string) => (JSON.parse(fs.readFileSync(path.join(uploads(), `${id}.json`), 'utf8')) as { content: string }).content;

  it('a valid Markdown file is saved under its id (in DATA_DIR, not questions/), marked as uploaded, and offered at once', async () => {
    const before = fs.readdirSync(dir).sort();
    const res = await upload({ filename: 'C:\\Users\\me\\Min fil.md', content: MD });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      id: 'min-workshop',
      title: { da: 'Min workshop', en: 'My workshop' },
      themes: 1,
      questions: 2,
      uploaded: { at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), withPassword: false },
    });
    expect(stored('min-workshop')).toBe(MD);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    const list = (await (await fetch(`${server.url}/api/question-sets`)).json()) as { id: string }[];
    expect(list.map((s) => s.id)).toContain('min-workshop');
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ questionSetId: 'min-workshop' }),
    });
    expect(created.status).toBe(201);
  });

  it('a valid JSON file too, up to 256 KiB', async () => {
    const set = { ...BUILT_IN, id: 'stor', source: { da: 'x'.repeat(1900) } };
    const content = JSON.stringify(set, null, 2) + ' '.repeat(200_000);
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(256 * 1024);
    const res = await upload({ filename: 'stor.json', content });
    expect(res.status).toBe(201);
    expect(stored('stor')).toBe(content);
  });

  it('a duplicate id is refused with 409 and the existing file is left alone', async () => {
    const before = files();
    const res = await upload({ filename: 'again.md', content: MD.replace('Min workshop', 'Anden') });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'duplicate_id' } });
    expect(files()).toEqual(before);
    expect(stored('min-workshop')).toBe(MD);
  });

  it.each([
    ['a Markdown file with errors', 'fejl.md', `${MD.replace('min-workshop', 'fejl')}- Hvor mange? {number 10-5}\n- Ranger {ranking}\n  - a\n  - b\n`, [
      { path: 'line 11', message: 'range 10-5: the first number must be the smaller', da: 'intervallet 10-5: det første tal skal være det mindste' },
    ]],
    ['a Markdown file failing the schema', 'fejl.md', `${MD.replace('min-workshop', 'fejl')}- Ranger {ranking}\n  - a\n  - b\n`, [
      {
        path: 'line 11',
        message: 'the items to rank (the indented items): needs at least 3: add more',
        da: 'punkterne, der skal rangeres (de indrykkede punkter): skal have mindst 3: tilføj flere',
      },
    ]],
    ['invalid JSON', 'fejl.json', '{"id": "fejl",\n "title": }', [
      { path: 'line 2, column 11', message: expect.stringContaining('not valid JSON'), da: expect.stringContaining('ikke gyldig JSON') },
    ]],
    ['a JSON file failing the schema', 'fejl.json', JSON.stringify({ ...builtIn, id: 'fejl', themes: [] }), [
      { path: 'themes', message: 'needs at least 1: add more', da: 'skal have mindst 1: tilføj flere' },
    ]],
    ['another kind of file', 'fejl.docx', 'PK…', [
      { path: '', message: 'a question set file ends in .json or .md: rename it', da: 'en fil med et spørgsmålssæt ender på .json eller .md: omdøb den' },
    ]],
  ])('%s → 400 with every problem, and nothing is saved or offered', async (_name, filename, content, problems) => {
    const before = files();
    const res = await upload({ filename, content });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; problems: unknown[] } };
    expect(body.error.code).toBe('invalid_question_set');
    expect(body.error.message).toContain(filename);
    expect(body.error.problems).toEqual(problems);
    expect(files()).toEqual(before);
    const list = (await (await fetch(`${server.url}/api/question-sets`)).json()) as { id: string }[];
    expect(list.map((s) => s.id)).not.toContain('fejl');
  });

  it('a file over 256 KiB → 413; a body without filename/content → 400', async () => {
    expect((await upload({ filename: 'x.md', content: 'æ'.repeat(140_000) })).status).toBe(413);
    const res = await upload({ name: 'x.md' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_payload' } });
  });

  describe('exporting a session as a question set', () => {
    let session: Created;
    beforeAll(async () => {
      const res = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ questionSetId: BUILT_IN.id }),
      });
      session = (await res.json()) as Created;
    });
    const get = (query: string, token?: string) =>
      fetch(`${server.url}/api/sessions/${session.code}/question-set${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    it('?format=md → the Markdown file as an attachment, which reads back as the same set', async () => {
      const res = await get('?format=md', session.hostToken);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/markdown; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${BUILT_IN.id}.md"`);
      expect(parse(await res.text(), 'export.md')).toStrictEqual(BUILT_IN);
    });

    it('?format=json (the default) → the JSON file, which validates as the same set', async () => {
      for (const query of ['?format=json', '']) {
        const res = await get(query, session.hostToken);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${BUILT_IN.id}.json"`);
        expect(parseQuestionSet(await res.json(), 'export.json')).toStrictEqual(BUILT_IN);
      }
    });

    it('needs the host token: 401 without, 403 with a wrong one or an unknown session; 400 for another format', async () => {
      expect((await get('?format=md')).status).toBe(401);
      expect((await get('?format=md', 'not-the-token')).status).toBe(403);
      const unknown = await fetch(`${server.url}/api/sessions/ZZZZZZ/question-set`, { headers: { authorization: `Bearer ${session.hostToken}` } });
      expect(unknown.status).toBe(403);
      expect((await get('?format=docx', session.hostToken)).status).toBe(400);
    });
  });

  it('an uploaded file loads again after a restart', async () => {
    await server.close();
    server = await startServer(config(dir, { dataDir }));
    const list = (await (await fetch(`${server.url}/api/question-sets`)).json()) as { id: string }[];
    expect(list.map((s) => s.id).sort()).toEqual(['min-workshop', 'stor', BUILT_IN.id].sort());
  });
});

describe('with FACILITATOR_PASSWORD set', () => {
  it('uploading needs the password, checked before the body is read', async () => {
    const dir = questionsCopy();
    const dataDir = tempDir();
    const server = await startServer(config(dir, { dataDir, facilitatorPassword: 'hemmelig' }));
    try {
      const post = (headers: Record<string, string>) =>
        fetch(`${server.url}/api/question-sets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ filename: 'min.md', content: MD }),
        });
      const refused = await post({});
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: { code: 'password_required' } });
      expect(fs.readdirSync(path.join(dataDir, 'uploaded-sets'))).toEqual([]);
      expect((await post({ 'x-facilitator-password': 'hemmelig' })).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
