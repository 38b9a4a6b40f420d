// The campaign summary against golden files: three workshops run through the real core with a
// fixed clock, combined, and written as Markdown (Danish and English), CSV and JSON. The CSV is
// also read back with a ";" parser to check the columns, and no file holds a raw answer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Role } from '../protocol.ts';
import { expectGolden } from '../summary/golden.ts';
import { HOST, answer, join, must, newWorld, type World } from '../session/test-fixtures.ts';
import { renderCampaignCsv, renderCampaignJson, renderCampaignMarkdown } from './summary.ts';
import { campaignView, type AttachedWorkshop } from './view.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '__golden__');

function workshop(code: string, people: [Role, number, number][], decision: string): World {
  const world = newWorld(undefined, code);
  for (const q of ['q1-1', 'q1-2', 'q1-4']) must(world, HOST, { type: 'openAnswering', questionId: q });
  for (const [i, [role, scale, num]] of people.entries()) {
    const who = join(world, role);
    answer(world, who, 'q1-1', { kind: 'scale', value: scale });
    answer(world, who, 'q1-2', { kind: 'number', value: num });
    answer(world, who, 'q1-4', { kind: 'text', text: `rå tekst ${code} ${i}` });
  }
  must(world, HOST, { type: 'addNote', scope: { kind: 'question', questionId: 'q1-1' }, kind: 'decision', text: decision, onScreen: false });
  must(world, HOST, { type: 'addNote', scope: { kind: 'session' }, kind: 'action', text: `Følg op: ${decision}`, who: 'Kim', due: '2027-02-01', onScreen: false });
  must(world, HOST, { type: 'endSession' });
  return world;
}

const m = (scale: number, num: number): [Role, number, number] => ['manager', scale, num];
const e = (scale: number, num: number): [Role, number, number] => ['employee', scale, num];
const c = (scale: number, num: number): [Role, number, number] => ['citizen', scale, num];

const attached: AttachedWorkshop[] = [
  { code: 'NORD01', label: 'Nord', heldOn: '2027-01-10', state: workshop('NORD01', [m(1, 10), m(2, 20), m(2, 30), m(3, 40), m(5, 50), e(4, 5)], 'Fælles mål for tværgående samarbejde').state },
  { code: 'SYD002', label: 'Syd', heldOn: '2027-01-12', state: workshop('SYD002', [m(4, 100), m(4, 200), m(5, 300), e(1, 0), e(2, 5), e(3, 7), e(3, 9)], 'Færre mål | tydeligere').state },
  { code: 'NORD03', label: 'Nord', heldOn: null, state: workshop('NORD03', [e(5, 1), e(4, 2), c(1, 3)], 'Borgerpanel').state },
];

// The third workshop reviewed the first one's action: in progress, later done.
const REVIEWS = [
  { workshop: 'NORD01', noteId: actionId('NORD01'), status: 'inProgress' as const, reviewedIn: 'NORD03', at: 1 },
  { workshop: 'NORD01', noteId: actionId('NORD01'), status: 'done' as const, reviewedIn: 'NORD03', at: 2 },
];
function actionId(code: string): string {
  const state = attached.find((a) => a.code === code)!.state;
  return state.noteOrder.find((id) => state.notes[id]!.kind === 'action')!;
}

describe('the campaign summary', () => {
  for (const lang of ['da', 'en'] as const) {
    const view = campaignView({ id: 'kampagne1', name: 'Vejen til en ny forvaltningspolitik', lang, attachCode: 'ABCDE23456' }, attached, REVIEWS);

    it(`Markdown (${lang}) equals the golden file; no raw answer in it`, () => {
      const md = renderCampaignMarkdown(view);
      expectGolden(path.join(GOLDEN, `campaign.${lang}.md`), md);
      expect(md).not.toContain('rå tekst');
      // The latest review counts.
      expect(md).toContain(lang === 'da' ? 'Status: udført (Nord · NORD03)' : 'Status: done (Nord · NORD03)');
    });

    it(`CSV (${lang}) equals the golden file and splits into the right columns`, () => {
      const csv = renderCampaignCsv(view);
      expectGolden(path.join(GOLDEN, `campaign.${lang}.csv`), csv);
      const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { delimiter: lang === 'da' ? ';' : ',', relax_column_count: false });
      expect(new Set(rows.map((r) => r.length))).toEqual(new Set([10]));
      // The whole campaign's scale: 1,2,2,3,5,4 | 4,4,5,1,2,3,3 | 5,4,1 → 16 answers, median 3.
      const overall = rows.find((r) => r[0] === 'q1-1' && r[2] === '' && r[3] === '' && r[4] === '')!;
      expect(overall.slice(5, 9)).toEqual(['16', '16', '0', '3']);
      expect(csv).not.toContain('rå tekst');
    });
  }

  it('JSON equals the golden file', () => {
    const view = campaignView({ id: 'kampagne1', name: 'Vejen til en ny forvaltningspolitik', lang: 'da', attachCode: 'ABCDE23456' }, attached, REVIEWS);
    const json = renderCampaignJson(view);
    expectGolden(path.join(GOLDEN, 'campaign.da.json'), json);
    expect(JSON.parse(json)).toMatchObject({ schemaVersion: 1, kind: 'campaign', workshops: [{ code: 'NORD01' }, { code: 'SYD002' }, { code: 'NORD03' }] });
    expect(json).not.toContain('rå tekst');
  });
});
