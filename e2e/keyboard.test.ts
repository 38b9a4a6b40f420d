// Keyboard only, no mouse: a phone joins (skip link, Tab, Shift+Tab, arrow keys, Enter), the
// facilitator moves to a question and opens it (Tab, Enter), the phone answers the scale with
// Space and arrow keys, and the facilitator reveals the results (Space).
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useHarness, type Harness } from './harness.ts';
import { Q, consoleCount, shown } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until the element has focus; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${String(target)} never got the focus after ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}; the focus is on ${active}`);
}

async function expectFocused(target: Locator): Promise<void> {
  expect(await isFocused(target), `${String(target)} should have the focus`).toBe(true);
}

test('join, open a question, answer and reveal with the keyboard alone', async () => {
  const session = await h.createSession();
  const hostRole = await h.open('console', session.hostUrl);
  const phoneRole = await h.open('phone', session.joinUrl);
  const [host, phone] = [hostRole.page, phoneRole.page];

  // Phone: the skip link comes first and leads into the form.
  const name = phone.getByLabel('Dit navn (valgfrit)');
  await shown(name);
  await phone.keyboard.press('Tab');
  await expectFocused(phone.getByRole('link', { name: 'Spring til indhold' }));
  await phone.keyboard.press('Enter');
  await phone.keyboard.press('Tab');
  await expectFocused(name);
  await phone.keyboard.type('Kim');

  // Into the role group: arrow keys move and choose; Shift+Tab comes back to the chosen role.
  await phone.keyboard.press('Tab');
  await expectFocused(phone.getByRole('radio', { name: 'Politiker', exact: true }));
  await phone.keyboard.press('ArrowDown');
  await phone.keyboard.press('ArrowDown');
  const manager = phone.getByRole('radio', { name: 'Leder', exact: true });
  expect(await manager.isChecked()).toBe(true);
  const joinButton = phone.getByRole('button', { name: 'Deltag i workshoppen' });
  await tabTo(phone, joinButton);
  await tabTo(phone, manager, { back: true, max: 5 });
  await tabTo(phone, joinButton);
  await phone.keyboard.press('Enter');
  await shown(phone.getByRole('heading', { name: 'Velkommen!' }));
  // The name is shown on the phone itself, as the join form says (and nowhere else).
  await shown(phone.getByText('Du deltager som Kim (Leder).'));

  // Console: the question in the agenda, then "open answering".
  await shown(host.getByRole('heading', { name: 'Deltagere: 1' }));
  await tabTo(host, host.getByRole('navigation', { name: 'Dagsorden' }).getByRole('button', { name: Q.scale }));
  await host.keyboard.press('Enter');
  await shown(host.getByRole('main').getByRole('heading', { name: Q.scale }));
  const open = host.getByRole('button', { name: 'Åbn for svar', exact: true });
  await tabTo(host, open);
  await host.keyboard.press('Enter');
  // The button turns into "close answering" under the focus; the focus does not fall to the page.
  const close = host.getByRole('button', { name: 'Luk for svar', exact: true });
  await shown(close);
  await expectFocused(close);

  // Phone: Space chooses the focused point, arrow keys move the choice to 4.
  await shown(phone.getByRole('status').filter({ hasText: 'Åben for svar' }));
  const first = phone.getByRole('radio', { name: '1 – Slet ikke' });
  await tabTo(phone, first);
  await phone.keyboard.press('Space');
  await expect.poll(() => first.isChecked()).toBe(true);
  for (let i = 0; i < 3; i++) await phone.keyboard.press('ArrowRight');
  const four = phone.getByRole('radio', { name: '4', exact: true });
  await expectFocused(four);
  await expect.poll(() => four.isChecked()).toBe(true);
  await shown(phone.getByText('Svar modtaget'));
  await shown(consoleCount(host, 1, 1));
  await shown(host.getByText('Median: 4'));

  // Console: reveal with Space.
  await tabTo(host, host.getByRole('button', { name: 'Vis resultater på skærmen', exact: true }));
  await host.keyboard.press('Space');
  await shown(host.getByText('Resultaterne vises på skærmen'));
  await shown(phone.getByRole('heading', { name: 'Resultater' }));
  await shown(phone.getByText('Median: 4'));

  await hostRole.close();
  await phoneRole.close();
});
