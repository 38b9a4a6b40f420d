// Issue 12, finding 5, in Chromium on the start page: the built-in set is preselected even with
// an upload whose title copies it; uploads show their date, whether the password was given, and
// their id; a file over the limit gets a Danish message; an upload can be removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import builtIn from '../questions/vejen-til-en-ny-forvaltningspolitik.json';
import { startConfigured, type Configured } from './configured.ts';

const copy = (id: string) => `---\nid: ${id}\ntitle: ${builtIn.title.da}\n---\n# Tema: Mål\n- Virker det? {scale 1-5 "Slet ikke" "Helt"}\n`;

describe('uploaded question sets on the start page', () => {
  let c: Configured;
  beforeAll(async () => {
    c = await startConfigured();
    for (const id of ['aaa-kopi', 'bbb-kopi']) {
      const res = await fetch(`${c.origin}/api/question-sets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: `${id}.md`, content: copy(id) }) });
      expect(res.status).toBe(201);
    }
  }, 60_000);
  afterAll(async () => {
    await c?.close();
  });

  it('preselects the built-in set, tells the copies apart by date and id, says "for stor" in Danish, and removes one', async () => {
    const { page, errors } = await c.open('console', `${c.origin}/`);
    const radios = page.locator('input[name="set"]');
    await expect.poll(() => radios.count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator(`input[name="set"][value="${builtIn.id}"]`).isChecked()).toBe(true);
    const main = page.locator('main');
    for (const id of ['aaa-kopi', 'bbb-kopi']) await expect.poll(() => main.textContent()).toMatch(new RegExp(`Uploadet .+ uden adgangskode · id: ${id}`));

    const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-upload-')), 'stor.md');
    fs.writeFileSync(big, `${copy('stor')}${'x'.repeat(2 * 1024 * 1024)}`);
    await page.getByLabel('Upload et eget spørgsmålssæt (.md eller .json)').setInputFiles(big);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Filen er for stor: højst 256 KiB.');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /Fjern .*/ }).first().click();
    await expect.poll(() => radios.count()).toBe(2);
    expect(await page.locator(`input[name="set"][value="${builtIn.id}"]`).isChecked()).toBe(true);
    expect(errors).toEqual([]);
  }, 90_000);
});
