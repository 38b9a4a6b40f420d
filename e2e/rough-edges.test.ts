// The rough edges a full workshop run turned up (issue 14) that live in the UI alone, each checked
// the way a facilitator or a participant meets it in Chromium: console shortcuts only outside
// controls, the join link whole, accessible names of the merge checkbox and the note type, an
// ended workshop offering review only; the join form above the fold and asking for a role, two
// tabs of one phone agreeing, a long paste said rather than cut, "Fjern" not squeezed, the offline
// header on one line, and a late visitor after the end not thanked for answers never given.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { da } from '../client/i18n/da.ts';
import { useHarness, type Harness } from './harness.ts';
import { Q, acceptNextDialog, goToStep, join, openAnswering, questionOpen, shown } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

/** How many lines the first occurrence of `text` in the page's text takes (by its characters' boxes). */
async function linesOf(page: Page, text: string): Promise<number> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const tops = new Set<number>();
      for (let i = at; i < at + needle.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return tops.size;
    }
    return -1;
  }, text);
}

test('console: shortcuts only outside controls, the join link whole, named controls, and after the end review only', async () => {
  const session = await h.createSession();
  const hostRole = await h.open('console', session.hostUrl);
  const host = hostRole.page;
  const phone = (await h.open('phone', session.joinUrl)).page;
  await join(phone, 'Leder');

  // The join link in the side panel never breaks inside the code, however narrow the console.
  for (const width of [1440, 1024, 800]) {
    await host.setViewportSize({ width, height: 900 });
    await shown(host.getByText(session.code, { exact: false }).first());
    expect(await linesOf(host, session.code), `the join code at ${width} px`).toBe(1);
  }
  await host.setViewportSize({ width: 1440, height: 900 });

  // Space in a text field types a space; outside a control it opens answering. Two presses end
  // with answering open only if the first did not toggle it.
  await goToStep(host, Q.text);
  const note = host.locator('#note-text');
  await note.click();
  await host.keyboard.press('Space');
  expect(await note.inputValue()).toBe(' ');
  await host.getByRole('main').getByRole('heading', { name: Q.text }).click();
  await host.keyboard.press('Space');
  await shown(host.getByRole('button', { name: da.closeAnswering, exact: true }));
  await questionOpen(phone, Q.text);

  // The note's "Type" select is named by its label alone, not by the value it holds.
  await shown(host.getByRole('combobox', { name: da.noteKind, exact: true }));

  // The merge checkbox names the answer it selects.
  const answer = 'Vi læser forskningen sammen hver måned';
  await phone.getByLabel(da.textLabel, { exact: true }).fill(answer);
  await phone.getByRole('button', { name: da.send, exact: true }).click();
  await shown(host.getByRole('checkbox', { name: `${da.selectForMerge}: ${answer}`, exact: true }));

  // After the end: no control to run the workshop; moving between steps to review still works.
  acceptNextDialog(host);
  await host.getByRole('button', { name: da.endSession }).click();
  await shown(host.getByText(da.sessionEndedHost));
  for (const name of [da.openAnswering, da.closeAnswering, da.endSession, da.lockJoining]) {
    const buttons = host.getByRole('button', { name, exact: true });
    for (let i = 0; i < (await buttons.count()); i++) expect(await buttons.nth(i).isEnabled(), `${name} after the end`).toBe(false);
  }
  expect(await host.getByRole('button', { name: /^↶/ }).count(), 'undo after the end').toBe(0);
  await goToStep(host, Q.scale);
  expect(await host.getByRole('alert').count(), 'no refusal after moving in an ended workshop').toBe(0);
  await hostRole.close();
});

test('phones: the join form, two tabs agree, a long paste, "Fjern", the offline header, and a late visitor after the end', async () => {
  const session = await h.createSession();
  const host = (await h.open('console', session.hostUrl)).page;
  const a = await h.open('phone', session.joinUrl);
  const phone = a.page;

  // 390×844: the join button is above the fold; without a role the form says so.
  const joinButton = phone.getByRole('button', { name: da.joinWorkshop });
  await shown(joinButton);
  const box = (await joinButton.boundingBox())!;
  expect(box.y + box.height, 'the join button bottom at 390×844').toBeLessThanOrEqual(844);
  // The role boxes fit: "Medarbejder/fagprofessionel" once spilled out and the page scrolled sideways (453 px).
  expect(await phone.evaluate(() => document.documentElement.scrollWidth), 'the join form scrolls sideways').toBeLessThanOrEqual(390);
  await joinButton.click();
  await shown(phone.getByRole('alert').filter({ hasText: da.roleRequired }));
  expect(await phone.locator('body').innerText()).not.toContain('?');
  await join(phone, 'Leder');

  // Two tabs of one phone (one browser, one participant) show the same answer.
  const tab2 = await a.context.newPage();
  await tab2.goto(session.joinUrl);
  await goToStep(host, Q.scale);
  await openAnswering(host);
  await questionOpen(phone, Q.scale);
  await questionOpen(tab2, Q.scale);
  await phone.getByRole('radio', { name: '4', exact: true }).check();
  await expect.poll(() => tab2.getByRole('radio', { name: '4', exact: true }).isChecked(), { timeout: 10_000 }).toBe(true);
  await tab2.getByRole('radio', { name: '2', exact: true }).check();
  await expect.poll(() => phone.getByRole('radio', { name: '2', exact: true }).isChecked(), { timeout: 10_000 }).toBe(true);
  expect(await phone.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(false);
  await tab2.close();

  // A 10,000-character paste is kept whole, and the phone says it is too long instead of cutting it.
  await goToStep(host, Q.text);
  await openAnswering(host);
  await questionOpen(phone, Q.text);
  const field = phone.getByLabel(da.textLabel, { exact: true });
  await field.fill('ord '.repeat(2500));
  expect((await field.inputValue()).length).toBe(10_000);
  const [before, after] = da.textTooLong.split('{n}') as [string, string];
  await shown(phone.getByRole('alert').filter({ hasText: before }).filter({ hasText: after.replace('{max}', '280') }));
  expect(await phone.getByRole('button', { name: da.send, exact: true }).isEnabled()).toBe(false);

  // A long answer: its "Fjern" button keeps its word on one line beside it.
  const long = `${'Forvaltningspolitikkens-sammenhængskraft '.repeat(6)}slut`;
  await field.fill(long);
  await phone.getByRole('button', { name: da.send, exact: true }).click();
  const remove = phone.getByRole('button', { name: new RegExp(`^${da.remove}`) });
  await shown(remove);
  const r = (await remove.boundingBox())!;
  expect(r.width, `"Fjern" is ${r.width}×${r.height}`).toBeGreaterThan(r.height);

  // Offline: the header stays one line.
  const header = phone.locator('header.topbar');
  const online = (await header.boundingBox())!.height;
  await a.context.setOffline(true);
  await shown(phone.getByText(da.offline));
  expect((await header.boundingBox())!.height, 'the header offline').toBeLessThanOrEqual(online + 1);
  await a.context.setOffline(false);
  await shown(phone.getByText(da.online));

  // After the end: the participant is thanked; a visitor who never joined is told it is over.
  acceptNextDialog(host);
  await host.getByRole('button', { name: da.endSession }).click();
  await shown(phone.getByText(da.sessionEnded));
  const late = (await h.open('phone', session.joinUrl)).page;
  await shown(late.getByText(da.sessionEndedVisitor));
  expect(await late.getByText(da.sessionEnded).count()).toBe(0);
});
