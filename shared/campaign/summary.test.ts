// The campaign summary against golden files: three workshops run through the real core with a
// fixed clock, combined, and written as Markdown (Danish and English), CSV and JSON. The CSV is
// also read back with a ";" parser to check the columns, and no file holds a raw answer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../summary/golden.ts';
import { renderCampaignCsv, renderCampaignJson, renderCampaignMarkdown } from './summary.ts';
import { attached, fixtureCampaign } from './summary-fixture.ts';
import { campaignView } from './view.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '__golden__');

describe('the campaign summary', () => {
  for (const lang of ['da', 'en'] as const) {
    const view = fixtureCampaign(lang);

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
    const view = fixtureCampaign('da');
    const json = renderCampaignJson(view);
    expectGolden(path.join(GOLDEN, 'campaign.da.json'), json);
    expect(JSON.parse(json)).toMatchObject({ schemaVersion: 1, kind: 'campaign', workshops: [{ code: 'NORD01' }, { code: 'SYD002' }, { code: 'NORD03' }] });
    expect(json).not.toContain('rå tekst');
  });

  it('says where the workshops and roles split, in words with the figures worked out by hand', () => {
    // Only Nord 01 (6 people) and Syd 002 (7): both shown. Scale: Nord 1,2,2,3,4,5 → 2,5; Syd 1,2,3,3,4,4,5 → 3.
    // Managers 1,2,2,3,5 + 4,4,5 → 3,5; employees 4 + 1,2,3,3 → 3.
    const view = campaignView({ id: 'k2', name: 'To workshops', lang: 'da', attachCode: 'ABCDE23456' }, attached.slice(0, 2));
    const md = renderCampaignMarkdown(view);
    expect(md).toContain('- Workshops: lavest median 2,5 (Nord · NORD01), højest 3 (Syd · SYD002)');
    expect(md).toContain('- Roller: lavest median 3 (Medarbejder/fagprofessionel), højest 3,5 (Leder)');
    // Numbers: Nord 5,10,20,30,40,50 → 25; Syd 0,5,7,9,100,200,300 → 9.
    expect(md).toContain('- Workshops: lavest median 9 (Syd · SYD002), højest 25 (Nord · NORD01)');
  });
});
