// Every format over HTTP from a real server (port 0, temp data folder), and the same summary
// from the CLI reading that data folder after the server has stopped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, REPO, type Created } from '../testing/harness.ts';
import { exportSession } from '../export-cli.ts';
import { testsUsePostgres } from '../store/open-store.ts';
import { CONTENT_TYPES, FORMATS } from './render.ts';

let h: Harness;
let empty: Created;
let busy: Created;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (s: Created, query: string, headers: Record<string, string> = bearer(s.hostToken)) =>
  fetch(`${h.url}/api/sessions/${s.code}/summary${query}`, { headers });

beforeAll(async () => {
  h = await Harness.start();
  empty = await h.createSession();
  busy = await h.createSession();
  const host = await h.host(busy);
  for (const q of ['q1-1', 'q1-4']) await host.must({ type: 'openAnswering', questionId: q });
  const roles = ['politician', 'politician', 'employee', 'employee', 'citizen', 'manager'];
  for (const [i, role] of roles.entries()) {
    const phone = await h.participant(busy);
    await phone.must({ type: 'join', role, name: `Navn${i}-Hemmelig` });
    await phone.must({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: (i % 5) + 1 } });
    await phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `=svar ${i}, "citeret"` } });
  }
});

afterAll(async () => {
  await h?.close();
});

describe('GET /api/sessions/:code/summary?format=…', () => {
  it.each(FORMATS.flatMap((f) => [[f, 'empty'], [f, 'busy']] as const))('%s of the %s session → 200, type, attachment name', async (format, which) => {
    const s = which === 'empty' ? empty : busy;
    const res = await get(s, `?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(CONTENT_TYPES[format]);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="raadslag-${s.code}.${format}"`);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeGreaterThan(50);
    if (format === 'docx' || format === 'xlsx') expect(body.subarray(0, 2).toString()).toBe('PK');
    else expect(body.toString('utf8')).not.toContain('Hemmelig');
    if (format === 'html') expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('the busy session’s figures come through', async () => {
    const md = await (await get(busy, '?format=md')).text();
    expect(md).toContain('median 2,5 af 5, n=6'); // 1, 1, 2, 3, 4, 5
    const csv = await (await get(busy, '?format=csv')).text();
    expect(csv).toContain(`"'=svar 0, ""citeret"""`);
  });

  it('an unknown format → 400; no token → 401; a wrong token → 403', async () => {
    expect((await get(busy, '?format=pdf')).status).toBe(400);
    expect((await get(busy, '?format=md', {})).status).toBe(401);
    expect((await get(busy, '?format=md', bearer(empty.hostToken))).status).toBe(403);
  });
});

describe('npm run export', () => {
  it('renders from the data folder what the server rendered', async () => {
    const md = await (await get(busy, '?format=md')).text();
    const json = await (await get(busy, '?format=json')).text();
    await h.close();
    const out = path.join(h.dataDir, 'summary.md');
    const result = await exportSession({ session: busy.code.toLowerCase(), format: 'md', dataDir: h.dataDir, out });
    expect(result.path).toBe(out);
    expect(fs.readFileSync(out, 'utf8')).toBe(md);
    const docx = await exportSession({ session: busy.code, format: 'docx', dataDir: h.dataDir, out: path.join(h.dataDir, 's.docx') });
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    // The script itself, as a user runs it.
    const stdout = execFileSync('npx', ['tsx', 'server/export-cli.ts', '--session', busy.code, '--format', 'json', '--out', '-', '--data-dir', h.dataDir], { cwd: REPO });
    expect(stdout.toString()).toBe(json);
  });

  it('says clearly what is wrong', async () => {
    await expect(exportSession({ session: 'NOPE99', format: 'md', dataDir: h.dataDir })).rejects.toThrow(/no session with the code NOPE99/);
    await expect(exportSession({ session: busy.code, format: 'pdf', dataDir: h.dataDir })).rejects.toThrow(/unknown format/);
    // A folder with no database: SQLite only (on PostgreSQL the folder holds no database).
    if (!testsUsePostgres()) await expect(exportSession({ session: busy.code, format: 'md', dataDir: path.join(h.dataDir, 'missing') })).rejects.toThrow(/no Rådslag database/);
  });
});
