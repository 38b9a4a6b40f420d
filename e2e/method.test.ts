// 1-2-4-All end to end with four phones at two tables: the console sets the number of tables,
// the phones join at their table (two choose it in the join form, two come by a table's link),
// the console turns q1-4 into the method's steps and runs them: 1 (alone), 2 (in pairs), 4 (one
// shared answer per table, which the table's other phone sees), then a vote on the tables'
// answers; the screen shows them ordered by votes.
// The tests run in order on one workshop: the second picks up where the first left off.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useHarness, type Harness, type RolePage } from './harness.ts';
import { expectAccessible } from './axe.ts';
import { Q, answerText, closeAnswering, consoleCount, expand, goToStep, joinAtTable, openAnswering, questionOpen, revealResults, shown, vote } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

const LONG = 240_000;
const STEPS = ['1 – Tænk selv', '2 – Drøft to og to', '4 – Enes ved bordet om ét svar'].map((p) => `${p}: ${Q.text}`) as [string, string, string];
const TABLE_ANSWERS = { 1: 'Forskning ind i hver sagsgang', 2: 'Et fælles evidensråd' } as const;

let roles: RolePage[] = [];
let host: Page;
let screen: Page;
/** Phones: p1 and p2 at table 1, p3 and p4 at table 2. */
let p1: Page;
let p2: Page;
let p3: Page;
let p4: Page;

async function next(label: string): Promise<void> {
  await host.getByRole('button', { name: /^Næste →/ }).click();
  await shown(host.getByRole('main').getByRole('heading', { name: label }));
}

test('two tables: phones join at their table, by the join form or by the table\'s link', async () => {
  const session = await h.createSession();
  roles = [await h.open('console', session.hostUrl), await h.open('screen', session.screenUrl)];
  [host, screen] = roles.map((r) => r.page) as [Page, Page];
  await host.getByLabel('Antal borde', { exact: true }).fill('2');
  await host.getByRole('button', { name: 'Gem', exact: true }).click();
  await shown(host.locator('summary', { hasText: 'QR-koder til bordene' }));

  for (const url of [session.joinUrl, `${session.joinUrl}?table=1`, session.joinUrl, `${session.joinUrl}?table=2`]) {
    roles.push(await h.open('phone', url));
  }
  [p1, p2, p3, p4] = roles.slice(2).map((r) => r.page) as [Page, Page, Page, Page];
  // A table's link chooses the table in the form already.
  await shown(p2.getByRole('combobox', { name: 'Dit bord', exact: true }));
  expect(await p2.getByRole('combobox', { name: 'Dit bord', exact: true }).inputValue()).toBe('1');
  expect(await p4.getByRole('combobox', { name: 'Dit bord', exact: true }).inputValue()).toBe('2');
  expect(await p1.getByRole('combobox', { name: 'Dit bord', exact: true }).inputValue()).toBe('');
  await expectAccessible(p1, 'join form with tables');
  await joinAtTable(p1, 'Leder', 1);
  await joinAtTable(p2, 'Borger', null);
  await joinAtTable(p3, 'Politiker', 2);
  await joinAtTable(p4, 'Medarbejder/fagprofessionel', null);
  await shown(host.getByRole('heading', { name: 'Deltagere: 4' }));
}, LONG);

test('1-2-4-All: alone, in pairs, one answer per table, a vote, the tables\' answers by votes', async () => {
  // The method turns q1-4 into three steps after it.
  await goToStep(host, Q.text);
  await expand(host, 'Metode');
  await host.getByRole('combobox', { name: 'Metode', exact: true }).selectOption({ label: '1-2-4-alle' });
  await host.getByRole('button', { name: 'Tilføj metodens trin', exact: true }).click();
  const agenda = host.getByRole('navigation', { name: 'Dagsorden', exact: true });
  for (const label of STEPS) await shown(agenda.getByRole('button', { name: label }));

  // 1 – alone: everyone writes; the method's time runs on the screen.
  await next(STEPS[0]);
  await openAnswering(host);
  const phones = [p1, p2, p3, p4];
  for (const p of phones) await questionOpen(p, STEPS[0]);
  await shown(screen.getByText(/^\d+:\d\d tilbage$/));
  for (const [i, p] of phones.entries()) await answerText(p, `Min egen tanke ${i + 1}`);
  await shown(consoleCount(host, 4, 4));
  await closeAnswering(host);

  // 2 – in pairs: one of each pair writes the pair's thought.
  await next(STEPS[1]);
  await openAnswering(host);
  for (const p of phones) await questionOpen(p, STEPS[1]);
  await answerText(p1, 'Vores par: forskning og praksis');
  await answerText(p3, 'Vores par: mere tid til at læse');
  await shown(consoleCount(host, 2, 4));
  await closeAnswering(host);

  // 4 – one shared answer per table: any member writes it, and the others at the table see it.
  await next(STEPS[2]);
  await openAnswering(host);
  for (const p of phones) await questionOpen(p, STEPS[2]);
  await shown(p1.getByText(/Besvares pr\. bord: .* Bord 1$/));
  await shown(p4.getByText(/Besvares pr\. bord: .* Bord 2$/));
  await expectAccessible(p2, 'phone, per-table step open');
  await answerText(p1, TABLE_ANSWERS[1]);
  const mine = (p: Page) => p.getByRole('region', { name: /^Dine svar/ });
  await shown(mine(p2).getByRole('listitem').filter({ hasText: TABLE_ANSWERS[1] }));
  // The table's one answer is given: nobody at the table can add another, either may take it back.
  await shown(p2.getByText('Du har sendt det største antal svar.'));
  await shown(mine(p2).getByRole('button', { name: /^Fjern/ }));
  expect(await mine(p3).count()).toBe(0);
  await answerText(p3, TABLE_ANSWERS[2]);
  await shown(mine(p4).getByRole('listitem').filter({ hasText: TABLE_ANSWERS[2] }));
  expect(await mine(p4).getByRole('listitem').filter({ hasText: TABLE_ANSWERS[1] }).count()).toBe(0);
  await expectAccessible(p2, 'phone, the table\'s answer given by another');
  await screenshot(p2, 'phone-method-table-answer');
  await shown(consoleCount(host, 2, 4));

  // All – a vote on the tables' answers; a table cannot vote for its own.
  await host.getByRole('button', { name: 'Åbn afstemning', exact: true }).click();
  await shown(host.getByRole('button', { name: 'Luk afstemning', exact: true }));
  for (const p of phones) await shown(p.getByRole('heading', { name: 'Stem på de bedste svar' }));
  expect(await p2.getByRole('button', { name: new RegExp(`Stem: ${TABLE_ANSWERS[1]}$`) }).count()).toBe(0);
  await vote(p1, TABLE_ANSWERS[2], 2);
  await vote(p2, TABLE_ANSWERS[2], 1);
  await vote(p3, TABLE_ANSWERS[1], 1);
  await vote(p4, TABLE_ANSWERS[1], 1);
  await expectAccessible(p4, 'phone, voting on the tables\' answers');
  await screenshot(p4, 'phone-method-voting');
  await host.getByRole('button', { name: 'Luk afstemning', exact: true }).click();
  await shown(host.getByRole('button', { name: 'Åbn for svar', exact: true }));
  await revealResults(host);

  const wall = screen.getByRole('region', { name: 'Svar fra salen' });
  const items = wall.getByRole('listitem');
  await shown(wall.getByText('3 stemmer', { exact: true }));
  expect(await items.count()).toBe(2);
  await shown(items.nth(0).getByText(TABLE_ANSWERS[2], { exact: true }));
  await shown(items.nth(0).getByText('3 stemmer', { exact: true }));
  await shown(items.nth(1).getByText(TABLE_ANSWERS[1], { exact: true }));
  await shown(items.nth(1).getByText('2 stemmer', { exact: true }));
  await expectAccessible(screen, 'screen, the tables\' answers by votes');
  await screenshot(screen, 'screen-method-results');

  for (const r of roles) await r.close();
}, LONG);
