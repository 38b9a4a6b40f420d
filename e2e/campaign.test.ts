// A campaign in Chromium: the organiser creates it from the start page, makes three workshops on
// the organiser page and hands out their console links; three workshops run with phones (real
// socket.io clients, to keep the test short); the organiser page shows the combined results with
// the small groups hidden and every decision and action; the third workshop's console reviews
// the first two's actions and the organiser sees the follow-up; axe on both pages.
import { expect, test } from 'vitest';
import type { AnswerValue, JoinResult, Role } from '../shared/protocol.ts';
import { TestClient } from '../server/testing/harness.ts';
import type { HostView, ParticipantView } from '../shared/session/views.ts';
import { expectAccessible } from './axe.ts';
import { screenshot, useHarness, type Harness } from './harness.ts';
import { shown } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

async function runWorkshop(hostUrl: string, people: [Role, number][], decision: string): Promise<void> {
  const url = new URL(hostUrl);
  const code = url.pathname.split('/')[2]!;
  const host = await TestClient.connect<HostView>(h.origin, { code, as: 'host', token: decodeURIComponent(url.hash.slice(1)) });
  await host.must({ type: 'openAnswering', questionId: 'q1-1' });
  const phones: TestClient<ParticipantView>[] = [];
  for (const [role, value] of people) {
    const phone = await TestClient.connect<ParticipantView>(h.origin, { code, as: 'participant' });
    phones.push(phone);
    await phone.must<JoinResult>({ type: 'join', role });
    await phone.must({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value } as AnswerValue });
  }
  await host.must({ type: 'addNote', scope: { kind: 'session' }, kind: 'action', text: decision, who: 'Kim', due: '2027-03-01', onScreen: false });
  host.close();
  for (const p of phones) p.close();
}

test('an organiser creates a campaign, three workshops run, the organiser sees them combined', async () => {
  const { page } = await h.open('console', `${h.origin}/`);
  await page.getByRole('link', { name: 'Nyt forløb' }).click();
  await page.getByLabel('Forløbets navn').fill('Forvaltningspolitik 2027');
  await page.getByRole('button', { name: 'Opret forløb' }).click();
  await shown(page.getByRole('heading', { name: 'Forløb: Forvaltningspolitik 2027' }));
  // The token left the address bar at once.
  expect(page.url()).not.toContain('#');

  const links: string[] = [];
  for (const label of ['Nord', 'Syd', 'Vest']) {
    await page.getByLabel('Gruppe (fx forvaltning eller kommune)').fill(label);
    await page.getByRole('button', { name: 'Opret workshop' }).click();
    const link = page.getByRole('status').getByRole('link');
    await shown(page.getByRole('row', { name: new RegExp(`^.* ${label} `) }));
    links.push((await link.getAttribute('href'))!);
  }
  expect(new Set(links).size).toBe(3);

  await runWorkshop(links[0]!, [['manager', 1], ['manager', 2], ['manager', 2], ['manager', 3], ['manager', 5]], 'Fælles mål – Nord');
  await runWorkshop(links[1]!, [['employee', 4], ['employee', 4], ['employee', 5], ['employee', 1], ['employee', 2], ['manager', 3]], 'Færre mål – Syd');
  await runWorkshop(links[2]!, [['citizen', 3], ['citizen', 3], ['citizen', 4]], 'Borgerpanel – Vest');

  await page.reload();
  const q = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Virker din resultatstyring som ønsket?' }) });
  // 14 answers: 1,2,2,3,5 | 4,4,5,1,2,3 | 3,3,4 → median 3.
  await shown(q.getByText('Alle workshops: 14 svarpersoner'));
  await shown(q.getByText('Median: 3', { exact: false }).first());
  const byWorkshop = q.getByRole('table', { name: 'Pr. workshop' });
  // Vest has 3 people: hidden; and so is a second workshop, or Vest is the campaign minus the others.
  await expect.poll(() => byWorkshop.getByText('for få svar').count()).toBeGreaterThanOrEqual(2);
  const byRole = q.getByRole('table', { name: 'Pr. rolle' });
  expect(await byRole.getByRole('row', { name: /^Leder 6 / }).count()).toBe(1);
  // Every action, with its owner.
  for (const text of ['Fælles mål – Nord', 'Færre mål – Syd', 'Borgerpanel – Vest']) await shown(page.getByRole('listitem').filter({ hasText: text }));
  await shown(page.getByText('Ansvarlig: Kim').first());

  // The third workshop's console reviews the first two workshops' actions.
  const { page: console3 } = await h.open('console', links[2]!);
  const card = console3.getByRole('region', { name: 'Forløb' });
  await shown(card.getByText('Workshoppen er en del af forløbet Forvaltningspolitik 2027 (Vest).'));
  await shown(card.getByRole('heading', { name: 'Handlinger fra tidligere workshops' }));
  expect(await card.getByRole('listitem').count()).toBe(2);
  await card.getByLabel('Status: Fælles mål – Nord').selectOption('done');
  await card.getByLabel('Status: Færre mål – Syd').selectOption('inProgress');
  await expect.poll(() => card.getByLabel('Status: Færre mål – Syd').inputValue()).toBe('inProgress');
  await expectAccessible(console3, 'the console with its campaign card');
  await screenshot(console3, 'campaign-console-review');

  await page.reload();
  await shown(page.getByRole('listitem').filter({ hasText: 'Fælles mål – Nord' }).filter({ hasText: 'Status: Udført (Vest' }));
  await shown(page.getByRole('listitem').filter({ hasText: 'Færre mål – Syd' }).filter({ hasText: 'Status: I gang (Vest' }));
  await expectAccessible(page, 'the organiser page');
  await screenshot(page, 'campaign-organiser');
});
