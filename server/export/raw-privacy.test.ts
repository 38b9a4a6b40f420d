// The suppression rule in the raw exports: no xlsx, csv, json or Markdown file reveals a role or a
// table whose group of respondents is under the session's minimum – unless the facilitator chose
// exact roles, and then the small roles are there and the file says so first. The workshop has one
// question of every type, answered by 6 employees, 5 politicians, one executive and one citizen;
// the citizen sits alone at table 3. Executive, citizen and table 3 are groups of one.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/protocol.ts';
import { typesWorld } from '../../shared/summary/fixture-types.ts';
import { labels } from '../../shared/summary/labels.ts';
import type { Summary } from '../../shared/summary/summary.ts';
import { GUEST, HOST, answer, must, type Joined } from '../../shared/session/test-fixtures.ts';
import { renderSession } from './render.ts';

const L = labels('da');
const SMALL_ROLES: Role[] = ['executive', 'citizen'];
const SMALL_ROLE_LABELS = SMALL_ROLES.map((r) => L.role(r));
const SMALL_TABLE = L.t('tableN', { n: 3 });
const MERGED = L.role('otherOrFew');
const TOO_FEW = L.t('tooFew');

function world() {
  const w = typesWorld();
  must(w, HOST, { type: 'configureSession', tables: 3 });
  const [e] = must(w, GUEST, { type: 'join', role: 'citizen', table: 3 });
  if (e?.type !== 'participantJoined') throw new Error('no participantJoined');
  const citizen: Joined = { participantId: e.participantId, token: e.token, actor: { kind: 'participant', participantId: e.participantId } };
  answer(w, citizen, 'sk', { kind: 'scale', value: 2 });
  answer(w, citizen, 'ta', { kind: 'number', value: 99 });
  answer(w, citizen, 'v1', { kind: 'choice', options: [2] });
  answer(w, citizen, 'v2', { kind: 'choice', options: [0] });
  answer(w, citizen, 'ra', { kind: 'ranking', order: [0, 2, 1] });
  answer(w, citizen, 'ud', { kind: 'statements', votes: ['pass', 'disagree'] });
  return w;
}
const state = world().state;
const MIN = state.minGroupSize;

async function files(exactRoles: boolean) {
  const get = async (format: 'xlsx' | 'csv' | 'json' | 'md') => (await renderSession(state, format, { exactRoles })).body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await get('xlsx')) as unknown as ArrayBuffer);
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, rows: Array.from(ws.getSheetValues() as unknown[][], (r) => (r ?? []).slice(1).map(text)).filter((r) => r.length) }));
  const csv: string[][] = parse((await get('csv')).toString('utf8'), { bom: true, delimiter: ';', relax_column_count: true });
  const json = JSON.parse((await get('json')).toString('utf8')) as Summary;
  const md = (await get('md')).toString('utf8');
  return { sheets, csv, json, md };
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(v);
}

/** Raw answer rows (question, round, role): every role written as itself has at least MIN rows. */
function roleGroups(rows: { q: string; round: string; role: string }[]): Map<string, number> {
  const groups = new Map<string, number>();
  for (const r of rows) if (r.role !== MERGED) groups.set(`${r.q}|${r.round}|${r.role}`, (groups.get(`${r.q}|${r.round}|${r.role}`) ?? 0) + 1);
  return groups;
}

/** Markdown tables: header and rows, split into cells. */
function mdTables(md: string): { head: string[]; rows: string[][] }[] {
  const out: { head: string[]; rows: string[][] }[] = [];
  const cells = (line: string) => line.slice(1, -1).split(' | ').map((c) => c.trim());
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !lines[i + 1]?.startsWith('| ---') && !lines[i + 1]?.startsWith('|---') && !/^\|\s*-/.test(lines[i + 1] ?? '')) continue;
    const t = { head: cells(lines[i]!), rows: [] as string[][] };
    for (i += 2; lines[i]?.startsWith('|'); i++) t.rows.push(cells(lines[i]!));
    out.push(t);
  }
  return out;
}

/** The participants lists (how many of each role and at each table were present) name every group with its count, by design. */
const isParticipantsTable = (head: string[]) => head[1] === L.t('count') && (head[0] === L.t('role') || head[0] === L.t('table'));

describe('raw exports respect the suppression rule', () => {
  it('the fixture has groups under the minimum: executive, citizen, table 3', () => {
    expect(MIN).toBe(5);
    expect(Object.values(state.participants).filter((p) => p.role === 'executive' || p.role === 'citizen')).toHaveLength(2);
    expect(Object.values(state.participants).filter((p) => p.table === 3)).toHaveLength(1);
  });

  describe('by default no file reveals a group under the minimum', async () => {
    const f = await files(false);

    it('xlsx: no answer row with a small role; a small group is named only beside "for få svar"', () => {
      const answers = f.sheets.find((s) => s.name === L.t('sheetAnswers'))!.rows;
      expect(answers[0]).toContain(L.t('role'));
      const roleCol = answers[0]!.indexOf(L.t('role'));
      const body = answers.slice(1);
      expect(body.length).toBeGreaterThan(60);
      expect(body.filter((r) => r[roleCol] === MERGED).length).toBeGreaterThan(0);
      for (const [group, count] of roleGroups(body.map((r) => ({ q: r[2]!, round: r[8]!, role: r[roleCol]! })))) expect(count, group).toBeGreaterThanOrEqual(MIN);
      for (const s of f.sheets) {
        for (const row of s.rows) {
          const named = row.filter((c) => [...SMALL_ROLE_LABELS, SMALL_TABLE].includes(c));
          if (named.length) expect(row, `${s.name}: ${row.join(' | ')}`).toContain(TOO_FEW);
        }
      }
    });

    it('csv: no answer row with a small role, and the header is the first line', () => {
      expect(f.csv[0]![0]).toBe(L.t('theme'));
      const body = f.csv.slice(1);
      expect(body.length).toBeGreaterThan(60);
      for (const row of body) for (const label of [...SMALL_ROLE_LABELS, SMALL_TABLE]) expect(row, row.join(';')).not.toContain(label);
      for (const [group, count] of roleGroups(body.map((r) => ({ q: r[2]!, round: r[8]!, role: r[5]! })))) expect(count, group).toBeGreaterThanOrEqual(MIN);
    });

    it('json: no answer with a small role; every small split is suppressed and carries nothing else', () => {
      expect(f.json.rawRoles).toBe('merged');
      for (const a of f.json.answers) expect(SMALL_ROLES, JSON.stringify(a)).not.toContain(a.role);
      const rows = f.json.answers.map((a) => ({ q: a.questionId, round: String(a.round ?? 1), role: L.role(a.role) }));
      for (const [group, count] of roleGroups(rows)) expect(count, group).toBeGreaterThanOrEqual(MIN);
      for (const q of f.json.themes.flatMap((t) => t.questions)) {
        for (const split of [...q.byRole, ...(q.byTable ?? [])]) {
          if (split.suppressed) expect(Object.keys(split).sort(), `${q.id} ${JSON.stringify(split)}`).toEqual(['role' in split ? 'role' : 'table', 'suppressed'].sort());
          else expect(split.respondents, `${q.id} ${JSON.stringify(split)}`).toBeGreaterThanOrEqual(MIN);
        }
        const small = [...q.byRole.filter((r) => SMALL_ROLES.includes(r.role)), ...(q.byTable ?? []).filter((t) => t.table === 3)];
        for (const s of small) expect(s.suppressed, `${q.id} ${JSON.stringify(s)}`).toBe(true);
      }
    });

    it('md: no table has a column for a small group; a row naming one says "for få svar"', () => {
      const tables = mdTables(f.md);
      expect(tables.length).toBeGreaterThan(10);
      expect(f.md).toContain(`## ${L.t('appendix')}`);
      for (const t of tables) {
        if (isParticipantsTable(t.head)) continue;
        for (const label of [...SMALL_ROLE_LABELS, SMALL_TABLE]) expect(t.head, t.head.join(' | ')).not.toContain(label);
        for (const row of t.rows) if ([...SMALL_ROLE_LABELS, SMALL_TABLE].includes(row[0]!)) expect(row[1], row.join(' | ')).toBe(TOO_FEW);
      }
      expect(f.md).not.toContain(L.t('exactRolesNotice', { n: MIN }));
    });
  });

  describe('with exact roles chosen, the small roles are there and each file says so first', async () => {
    const f = await files(true);
    const notice = L.t('exactRolesNotice', { n: MIN });

    it('xlsx: the minutes and the answers sheet open with the notice; the executive\'s and the citizen\'s answers are on the answers sheet', () => {
      const answers = f.sheets.find((s) => s.name === L.t('sheetAnswers'))!.rows;
      expect(f.sheets[0]!.rows[0]![0]).toBe(notice);
      expect(answers[0]![0]).toBe(notice);
      const roleCol = answers[1]!.indexOf(L.t('role'));
      for (const label of SMALL_ROLE_LABELS) expect(answers.slice(2).filter((r) => r[roleCol] === label).length, label).toBeGreaterThan(0);
    });

    it('csv: the first line is the notice; the small roles are in the answers', () => {
      expect(f.csv[0]).toEqual([notice]);
      for (const label of SMALL_ROLE_LABELS) expect(f.csv.slice(2).filter((r) => r[5] === label).length, label).toBeGreaterThan(0);
    });

    it('json: rawRoles "exact" near the top; the small roles are in the answers', () => {
      expect(f.json.rawRoles).toBe('exact');
      expect(Object.keys(f.json).indexOf('rawRoles')).toBeLessThan(3);
      for (const role of SMALL_ROLES) expect(f.json.answers.filter((a) => a.role === role).length, role).toBeGreaterThan(0);
    });

    it('md: the first line is the notice; the appendix has a column for each small role', () => {
      expect(f.md.split('\n')[0]).toBe(`**${notice}**`);
      const appendix = mdTables(f.md.slice(f.md.indexOf(`## ${L.t('appendix')}`)));
      for (const label of SMALL_ROLE_LABELS) expect(appendix.some((t) => t.head.includes(label)), label).toBe(true);
    });

    it('tables are never exact: table 3 still appears only as "for få svar"', () => {
      for (const t of mdTables(f.md)) {
        if (isParticipantsTable(t.head)) continue;
        expect(t.head).not.toContain(SMALL_TABLE);
      }
      for (const q of f.json.themes.flatMap((t) => t.questions)) for (const t of q.byTable ?? []) if (t.table === 3) expect(t.suppressed).toBe(true);
    });
  });
});
