// The calls that go through client/net/api.ts, in the real built client against the real server:
// the console's (its join link, a download, a new console link, erasing for good) and the start
// page's list of workshops and delete, after creating one from the start page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { repoRoot } from './harness.ts';
import { startConfigured, type Configured } from './configured.ts';
import { shown } from './flow.ts';

let h: Configured;
// Uploads are written to the questions folder: a copy of the built-in set in a folder of its own.
const questionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-http-client-'));
beforeAll(async () => {
  for (const f of fs.readdirSync(path.join(repoRoot, 'questions')).filter((f) => f.endsWith('.json'))) fs.copyFileSync(path.join(repoRoot, 'questions', f), path.join(questionsDir, f));
  h = await startConfigured({ questionsDir });
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(questionsDir, { recursive: true, force: true });
});

const accept = (page: import('playwright-core').Page) => page.on('dialog', (d) => void d.accept());

test('console and start page: join link, download, new link, erase, list and delete', async () => {
  const { page } = await h.open('console', `${h.origin}/`);
  accept(page);
  await shown(page.getByRole('heading', { name: 'Start en workshop' }));
  // The built-in set is listed (GET /api/question-sets).
  await shown(page.getByRole('radio').first());

  await page.getByRole('button', { name: 'Opret workshop' }).click();
  // The console takes its token out of the address bar: the code is what stays.
  await page.waitForURL(/\/host\/[A-Z0-9]+/);
  const code = /\/host\/([A-Z0-9]+)/.exec(page.url())![1]!;
  // The join link as the server gives it (GET /api/sessions/:code).
  await shown(page.getByText(`/join/${code}`).first());

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown (.md)' }).first().click();
  expect((await download).suggestedFilename()).toBe(`raadslag-${code}.md`);

  await page.getByRole('button', { name: 'Lav nyt konsol-link' }).click();
  await shown(page.getByText('Nyt link lavet. Det gamle virker ikke længere.'));

  await page.getByRole('button', { name: 'Slet skjulte og trukne svar for altid' }).click();
  await shown(page.getByText('Slettet for altid: 0 deltager(e), 0 svar, 0 note(r).'));

  // My workshops (POST /api/sessions/status) lists it; delete (DELETE /api/sessions/:code) takes it away.
  await page.goto(`${h.origin}/`);
  const row = page.getByRole('row').filter({ hasText: code });
  await shown(row);
  await row.getByRole('button', { name: `Slet ${code}` }).click();
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
  expect((await fetch(`${h.origin}/api/sessions/${code}`)).status).toBe(404);
});
