// The facilitator's toolkit in a real browser, seen on the screen and a phone: hiding and merging
// texts in the moderation list, undoing "Næste", analog counts from a show of hands, a decision
// note shown on the screen, and ending the workshop. One phone runs in a browser; two more
// participants write over plain socket.io, which is all the wall needs.
// The tests run in order on one workshop: each picks up where the one before left off.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestClient } from '../server/testing/harness.ts';
import type { ParticipantView } from '../shared/session/views.ts';
import { screenshot, useHarness, type Harness, type RolePage } from './harness.ts';
import { expectAccessible } from './axe.ts';
import {
  Q,
  acceptNextDialog,
  answerText,
  consoleCount,
  expand,
  gone,
  goToStep,
  join,
  joinOverSocket,
  openAnswering,
  questionOpen,
  revealResults,
  shown,
} from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

const LONG = 240_000;
const STATEMENTS_Q = 'Er du enig eller uenig i temaets udsagn?';
const TEXTS = { mine: 'Mere forskning i hverdagen', data: 'Flere data', moreData: 'Mere data', rude: 'Noget upassende' };

let roles: RolePage[] = [];
let host: Page;
let screen: Page;
let phone: Page;
let others: TestClient<ParticipantView>[] = [];

test('hide and merge in the moderation list change the wall on the screen', async () => {
  const session = await h.createSession();
  roles = [await h.open('console', session.hostUrl), await h.open('screen', session.screenUrl), await h.open('phone', session.joinUrl)];
  [host, screen, phone] = roles.map((r) => r.page) as [Page, Page, Page];
  await join(phone, 'Borger');
  others = [await joinOverSocket(h.origin, session.code, 'employee'), await joinOverSocket(h.origin, session.code, 'politician')];
  await shown(host.getByRole('heading', { name: 'Deltagere: 3' }));

  await goToStep(host, Q.text);
  await openAnswering(host);
  await questionOpen(phone, Q.text);
  await answerText(phone, TEXTS.mine);
  const [employee, politician] = others as [TestClient<ParticipantView>, TestClient<ParticipantView>];
  for (const [client, text] of [[employee, TEXTS.data], [politician, TEXTS.moreData], [politician, TEXTS.rude]] as const) {
    await client.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text } });
  }
  await shown(consoleCount(host, 3, 3));
  await revealResults(host);
  const wall = screen.getByRole('region', { name: 'Svar fra salen' });
  for (const text of Object.values(TEXTS)) await shown(wall.getByText(text, { exact: true }));
  await shown(wall.getByText('4 svar', { exact: true }));

  // Hide: the text leaves the wall; the console keeps it, marked, with "Gendan".
  const moderation = host.getByRole('region', { name: 'Moderering' });
  const item = (text: string) => moderation.getByRole('listitem').filter({ hasText: text });
  await item(TEXTS.rude).getByRole('button', { name: 'Skjul', exact: true }).click();
  await gone(wall.getByText(TEXTS.rude, { exact: true }));
  await shown(item(TEXTS.rude).getByText('skjult', { exact: true }));
  await shown(item(TEXTS.rude).getByRole('button', { name: 'Gendan', exact: true }));
  await shown(wall.getByText('3 svar', { exact: true }));

  // Merge: the first one chosen is kept and carries the other's text.
  await item(TEXTS.data).getByRole('checkbox', { name: 'Vælg til fletning' }).check();
  await item(TEXTS.moreData).getByRole('checkbox', { name: 'Vælg til fletning' }).check();
  await moderation.getByRole('button', { name: /^Flet valgte ind i det første/ }).click();
  await shown(item(TEXTS.data).getByText(`Flettet med: ${TEXTS.moreData}`, { exact: true }));
  const merged = wall.getByRole('listitem').filter({ hasText: TEXTS.data });
  await shown(merged.getByText(`Flettet med: ${TEXTS.moreData}`, { exact: true }));
  await gone(wall.getByText(TEXTS.moreData, { exact: true }));
  expect(await wall.getByRole('listitem').count()).toBe(2);
  await expectAccessible(screen, 'screen wall with a merged answer');
  await screenshot(screen, 'screen-wall-moderated');
  await expectAccessible(host, 'console moderation list');
  await screenshot(host, 'console-moderation');
}, LONG);

test('"Fortryd" takes back an accidental "Næste" on every screen', async () => {
  await host.getByRole('button', { name: /^Næste →/ }).click();
  await shown(host.getByRole('main').getByRole('heading', { name: STATEMENTS_Q }));
  await shown(screen.getByRole('heading', { name: STATEMENTS_Q }));
  await shown(phone.getByRole('heading', { name: STATEMENTS_Q }));
  await host.getByRole('button', { name: /Fortryd$/ }).click();
  await shown(host.getByRole('main').getByRole('heading', { name: Q.text }));
  await shown(screen.getByRole('heading', { name: Q.text }));
  await shown(phone.getByRole('heading', { name: Q.text }));
  // Back where it was: still open, the wall still shown as moderated.
  await shown(host.getByRole('button', { name: 'Luk for svar', exact: true }));
  await shown(screen.getByRole('region', { name: 'Svar fra salen' }).getByText(`Flettet med: ${TEXTS.moreData}`));
}, LONG);

test('analog counts from a show of hands join the results, marked as analog', async () => {
  await goToStep(host, Q.scale);
  await revealResults(host);
  await shown(screen.getByText('Ingen svar endnu.').or(screen.getByText('0 svar', { exact: true })));
  await expand(host, 'Tilføj håndsoprækning/papirsvar');
  const form = host.getByRole('group').filter({ has: host.locator('summary', { hasText: 'Tilføj håndsoprækning/papirsvar' }) });
  await form.getByLabel('4', { exact: true }).fill('3');
  await form.getByLabel('5', { exact: true }).fill('2');
  await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
  // The form empties once the counts are in.
  await expect.poll(() => form.getByLabel('4', { exact: true }).inputValue()).toBe('');
  await shown(screen.getByText('5 analoge svar', { exact: true }));
  await shown(screen.getByText('5 svar', { exact: true }));
  await shown(screen.getByText('Median: 4', { exact: true }));
  const bars = screen.getByRole('table', { name: 'Fordeling af svar' });
  // Counts tick up to their value (the stage animates them): wait for the count to settle.
  await expect.poll(() => bars.getByRole('row', { name: /^4/ }).getByRole('cell').innerText()).toMatch(/^3\b/);
  await shown(host.getByText('5 analoge svar', { exact: true }));
  await screenshot(screen, 'screen-analog-counts');
}, LONG);

test('a decision note is shown on the screen', async () => {
  const notes = host.getByRole('region', { name: 'Noter, beslutninger og handlinger' });
  const decision = 'Vi afprøver færre mål i 2026';
  await notes.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Beslutning' });
  await notes.getByLabel('Tekst', { exact: true }).fill(decision);
  await notes.getByRole('button', { name: 'Tilføj', exact: true }).click();
  const note = notes.getByRole('listitem').filter({ hasText: decision });
  await shown(note.getByText('Beslutning', { exact: true }));
  // Not on the screen until the facilitator says so.
  expect(await screen.getByText(decision).count()).toBe(0);
  await note.getByRole('checkbox', { name: 'Vis på skærmen' }).check();
  const onScreen = screen.getByRole('listitem').filter({ hasText: decision });
  await shown(onScreen);
  await shown(onScreen.getByText('Beslutning:', { exact: true }));
  await expectAccessible(screen, 'screen with a decision note');
  await screenshot(screen, 'screen-decision-note');
  await note.getByRole('checkbox', { name: 'Vis på skærmen' }).uncheck();
  await gone(screen.getByText(decision));
}, LONG);

test('ending the workshop: phones and the screen say it is over', async () => {
  acceptNextDialog(host);
  await host.getByRole('button', { name: 'Afslut workshop', exact: true }).click();
  await shown(host.getByText('Workshoppen er afsluttet. Du kan se resultaterne og hente opsummeringen.'));
  await shown(phone.getByRole('status').filter({ hasText: 'Workshoppen er slut. Tak for dine svar!' }));
  await shown(screen.getByText('Workshoppen er slut. Tak for i dag!'));
  for (const client of others) await client.waitForView((v) => v.ended, 'the ended workshop', 10_000);
  // Nothing more can be sent: an answer now is refused.
  const ack = await others[0]!.send({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 3 } });
  expect(ack.ok ? 'accepted' : ack.error.code).toBe('session_ended');
  await expectAccessible(phone, 'phone after the end');
  await screenshot(phone, 'phone-ended');
  await screenshot(screen, 'screen-ended');

  for (const client of others) client.close();
  for (const r of roles) await r.close();
}, LONG);
