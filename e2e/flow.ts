// Steps the browser tests share, written the way a person would do them in the Danish UI,
// with accessible locators only (role + name, label, visible text).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const Q = {
  scale: 'Virker din resultatstyring som ønsket?',
  number: 'Hvor mange mål arbejder I med pt.?',
  text: 'Hvordan indtænkes evidens?',
} as const;

/** Waits until the locator shows (playwright-core has no auto-waiting expect). */
export async function shown(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function gone(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** Fills the join form (name optional) and waits for the waiting page. */
export async function join(page: Page, role: string, name?: string): Promise<void> {
  await shown(page.getByRole('button', { name: 'Deltag i workshoppen' }));
  if (name) await page.getByLabel('Dit navn (valgfrit)').fill(name);
  await page.getByRole('radio', { name: role, exact: true }).check();
  await page.getByRole('button', { name: 'Deltag i workshoppen' }).click();
  await shown(page.getByRole('heading', { name: 'Velkommen!' }));
}

/** The facilitator picks a step in the agenda (its button's name starts with the step's label). */
export async function goToStep(host: Page, label: string): Promise<void> {
  const agenda = host.getByRole('navigation', { name: 'Dagsorden', exact: true });
  await agenda.getByRole('button', { name: label }).click();
  await shown(host.getByRole('main').getByRole('heading', { name: label }));
}

export async function openAnswering(host: Page): Promise<void> {
  await host.getByRole('button', { name: 'Åbn for svar', exact: true }).click();
  await shown(host.getByRole('button', { name: 'Luk for svar', exact: true }));
}

export async function closeAnswering(host: Page): Promise<void> {
  await host.getByRole('button', { name: 'Luk for svar', exact: true }).click();
  await shown(host.getByRole('button', { name: 'Åbn for svar', exact: true }));
}

export async function revealResults(host: Page): Promise<void> {
  await host.getByRole('button', { name: 'Vis resultater på skærmen', exact: true }).click();
  await shown(host.getByText('Resultaterne vises på skærmen'));
}

/** The phone sees the question, open for answers. */
export async function questionOpen(phone: Page, text: string): Promise<void> {
  await shown(phone.getByRole('heading', { name: text }));
  await shown(phone.getByRole('status').filter({ hasText: 'Åben for svar' }));
}

export async function answerScale(phone: Page, choice: string): Promise<void> {
  await phone.getByRole('radio', { name: choice, exact: true }).check();
  await shown(phone.getByText('Svar modtaget'));
}

export async function answerNumber(phone: Page, value: string): Promise<void> {
  await phone.getByLabel('Dit tal').fill(value);
  await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await shown(phone.getByText('Svar modtaget'));
}

export async function answerText(phone: Page, text: string): Promise<void> {
  await phone.getByLabel('Dit svar', { exact: true }).fill(text);
  await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await shown(phone.getByRole('listitem').filter({ hasText: text }));
}

/** The console's live count, as its question controls heading says it: "… · 3 har svaret / 3". */
export function consoleCount(host: Page, answered: number, participants: number): Locator {
  return host.getByRole('heading', { name: `${answered} har svaret / ${participants}` });
}

/** On the start page: type the code from the screen and go to the join form. */
export async function enterCode(page: Page, code: string, labels = { code: 'Kode', join: 'Deltag' }): Promise<void> {
  await page.getByLabel(labels.code, { exact: true }).fill(code.toLowerCase());
  await page.getByRole('button', { name: labels.join, exact: true }).click();
  await page.waitForURL(`**/join/${code}`);
}

// ---- Response types, the facilitator's toolkit and methods (formats, toolkit and method tests) ----
// Imports are hoisted: these sit here so that the steps above stay as they were.
import { TestClient } from '../server/testing/harness.ts';
import type { Role } from '../shared/protocol.ts';
import type { ParticipantView } from '../shared/session/views.ts';

/** The n-th agenda step with this label (each theme ends with the same statements question). */
export async function goToNthStep(host: Page, label: string, n: number): Promise<void> {
  const agenda = host.getByRole('navigation', { name: 'Dagsorden', exact: true });
  await agenda.getByRole('button', { name: label }).nth(n).click();
  await shown(host.getByRole('main').getByRole('heading', { name: label }));
}

/** Opens a disclosure (<details>) by its summary's text, unless it is open already. */
export async function expand(scope: Page | Locator, summary: string): Promise<void> {
  const s = scope.locator('summary').filter({ hasText: summary }).first();
  if (!(await s.evaluate((el) => (el.parentElement as HTMLDetailsElement).open))) await s.click();
}

const LINES_LABEL: Record<string, string> = {
  Valg: 'Svarmuligheder (én pr. linje)',
  Rangordning: 'Punkter (ét pr. linje)',
  Udsagn: 'Udsagn (ét pr. linje)',
};

/** The console gives the current, unanswered question another response type ("Skift svartype"). */
export async function changeType(host: Page, type: 'Valg' | 'Rangordning' | 'Udsagn', lines: string[]): Promise<void> {
  await expand(host, 'Skift svartype');
  // The "add a question" form has a "Svartype" too, folded away: take the one in view.
  await host.getByLabel('Svartype', { exact: true }).filter({ visible: true }).selectOption({ label: type });
  await host.getByLabel(LINES_LABEL[type]!, { exact: true }).fill(lines.join('\n'));
  await host.getByRole('button', { name: 'Skift svartype', exact: true }).click();
}

export async function answerChoice(phone: Page, option: string): Promise<void> {
  await phone.getByRole('radio', { name: option, exact: true }).check();
  await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await shown(phone.getByText('Svar modtaget'));
}

/** Takes a stand on one statement (each tap is sent at once). */
export async function answerStatement(phone: Page, statement: string, vote: 'Enig' | 'Uenig' | 'Spring over'): Promise<void> {
  const radio = phone.getByRole('group', { name: statement, exact: true }).getByRole('radio', { name: vote, exact: true });
  // The phone shows the stand the server holds (its `me`), so the radio turns checked when that
  // arrives, not at the tap itself: click, then wait for it.
  await radio.click();
  await expect.poll(() => radio.isChecked()).toBe(true);
  await shown(phone.getByText('Svar modtaget'));
}

/** Moves a ranking item one place with its ↑ / ↓ button. */
export async function moveItem(phone: Page, item: string, direction: 'op' | 'ned'): Promise<void> {
  await phone.getByRole('button', { name: `Flyt ${direction}: ${item}` }).click();
}

/** The ranking's items as the phone lists them, top first. */
export function rankingItems(phone: Page): Locator {
  return phone.getByRole('listitem').filter({ has: phone.getByRole('button', { name: /Flyt op:/ }) });
}

/** Gives an answer in the voting window `times` dots, one at a time, each confirmed by the server. */
export async function vote(phone: Page, text: string, times = 1): Promise<void> {
  const item = phone.getByRole('listitem').filter({ hasText: text });
  for (let i = 0; i < times; i++) {
    const mine = Number(/\d+/.exec((await item.getByText(/^Dine stemmer:/).textContent()) ?? '')?.[0]);
    await item.getByRole('button', { name: new RegExp(`Stem: ${text}$`) }).click();
    await shown(item.getByText(`Dine stemmer: ${mine + 1}`, { exact: true }));
  }
}

/** Accepts the next confirm() the page shows (ending the workshop, removing a participant). */
export function acceptNextDialog(page: Page): void {
  page.once('dialog', (d) => void d.accept());
}

/** A participant without a browser: a plain socket.io client that joins with a role (and table). */
export async function joinOverSocket(origin: string, code: string, role: Role, table?: number): Promise<TestClient<ParticipantView>> {
  const client = await TestClient.connect<ParticipantView>(origin, { code, as: 'participant' }, 10_000);
  await client.must({ type: 'join', role, ...(table ? { table } : {}) });
  await client.waitForMe(() => true, 'its own view after joining', 10_000);
  return client;
}

/** Joins at a table chosen in the join form's "Dit bord" (null: leaves what the link chose). */
export async function joinAtTable(page: Page, role: string, table: number | null): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Dit bord', exact: true });
  await shown(select);
  if (table !== null) await select.selectOption({ label: `Bord ${table}` });
  await join(page, role);
}
