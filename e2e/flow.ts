// Steps the browser tests share, written the way a person would do them in the Danish UI,
// with accessible locators only (role + name, label, visible text).
import type { Locator, Page } from 'playwright-core';

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
