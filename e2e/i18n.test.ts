// Language in the browser: the visible switch ("English" / "Dansk") changes the UI and is
// remembered; with an English browser every page is English – no Danish UI string (from
// client/i18n/da.ts) appears in its text or in its accessible names.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { da } from '../client/i18n/da.ts';
import { en } from '../client/i18n/en.ts';
import { useHarness, type Harness } from './harness.ts';
import { enterCode, shown } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

/** Keys whose Danish value belongs on an English page: the switch offers the other language. */
const SAME_ON_BOTH = new Set<string>(['switchToOther', 'otherLangCode']);

/**
 * The Danish strings that must not show in English: the fixed parts of each template longer than
 * 3 characters, except parts the English text has too ("KiB." in "… {max} KiB.").
 */
const danishOnly = (Object.keys(da) as (keyof typeof da)[])
  .filter((k) => !SAME_ON_BOTH.has(k) && da[k] !== en[k])
  .flatMap((k) => da[k].split(/\{\w+\}/).map((part) => ({ key: k, part: part.trim() })))
  .filter(({ key, part }) => part.length > 3 && !en[key].includes(part));

/**
 * The page's visible text and its accessible names (aria-label, alt, title, placeholder),
 * without question-set content that is marked lang="da" (a set may lack English).
 */
async function englishPageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('body [lang="da"]')) text = text.replace(el.innerText, ' ');
    const attrs = [...document.querySelectorAll('[aria-label], [alt], [title], [placeholder]')]
      .filter((el) => !el.closest('body [lang="da"]'))
      .flatMap((el) => ['aria-label', 'alt', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    return [text, ...attrs].join('\n');
  });
}

async function danishFound(page: Page): Promise<{ key: string; part: string }[]> {
  const text = await englishPageText(page);
  return danishOnly.filter(({ part }) => text.includes(part));
}

async function expectNoDanish(page: Page, view: string): Promise<void> {
  const found = await danishFound(page);
  expect.soft(found, `${view} shows Danish UI strings: ${found.map((f) => `${f.key} "${f.part}"`).join(', ')}`).toEqual([]);
  expect.soft(await page.evaluate(() => document.documentElement.lang), `${view}: <html lang>`).toBe('en');
}

test('the visible language button switches the UI and the choice is remembered', async () => {
  const session = await h.createSession();
  const phoneRole = await h.open('phone', session.joinUrl);
  const phone = phoneRole.page;
  await shown(phone.getByRole('button', { name: 'Deltag i workshoppen' }));
  expect(await phone.evaluate(() => document.documentElement.lang)).toBe('da');
  // The detector used below finds the Danish strings of a Danish page.
  expect((await danishFound(phone)).map((f) => f.key)).toContain('joinWorkshop');

  await phone.getByRole('button', { name: 'English' }).click();
  await shown(phone.getByRole('button', { name: 'Join the workshop' }));
  await shown(phone.getByLabel('Your name (optional)'));
  await shown(phone.getByRole('group', { name: 'Your role' }));
  expect(await phone.evaluate(() => document.documentElement.lang)).toBe('en');
  await phone.reload();
  await shown(phone.getByRole('button', { name: 'Join the workshop' }));

  await phone.getByRole('button', { name: 'Dansk' }).click();
  await shown(phone.getByRole('button', { name: 'Deltag i workshoppen' }));
  expect(await phone.evaluate(() => document.documentElement.lang)).toBe('da');

  // The console and the screen have the same switch.
  const hostRole = await h.open('console', session.hostUrl);
  await shown(hostRole.page.getByRole('link', { name: 'Åbn skærmvisning' }));
  await hostRole.page.getByRole('button', { name: 'English' }).click();
  await shown(hostRole.page.getByRole('link', { name: 'Open screen view' }));
  const screenRole = await h.open('screen', session.screenUrl);
  await shown(screenRole.page.getByText('Scan QR-koden for at deltage'));
  await screenRole.page.getByRole('button', { name: 'English' }).click();
  await shown(screenRole.page.getByText('Scan the QR code to join'));

  for (const r of [phoneRole, hostRole, screenRole]) await r.close();
});

test('with an English browser, no page shows a Danish UI string', async () => {
  expect(danishOnly.length).toBeGreaterThan(50);
  const english = { locale: 'en-GB' };
  const session = await h.createSession({ lang: 'en' });
  const phoneRole = await h.open('phone', `${h.origin}/`, english);
  const phone = phoneRole.page;
  await shown(phone.getByRole('heading', { name: 'Start a workshop' }));
  await shown(phone.getByRole('radio', { name: /The road to a new administrative policy/ }));
  await expectNoDanish(phone, 'start page');
  await enterCode(phone, session.code, { code: 'Code', join: 'Join' });
  const hostRole = await h.open('console', session.hostUrl, english);
  const screenRole = await h.open('screen', session.screenUrl, english);
  const [host, screen] = [hostRole.page, screenRole.page];

  await shown(phone.getByRole('button', { name: 'Join the workshop' }));
  await expectNoDanish(phone, 'join form');
  await phone.getByRole('radio', { name: 'Employee/professional', exact: true }).check();
  await phone.getByRole('button', { name: 'Join the workshop' }).click();
  await shown(phone.getByRole('heading', { name: 'Welcome!' }));
  await expectNoDanish(phone, 'waiting page');
  await shown(screen.getByText('1 participants').or(screen.getByText('1 participant')));
  await expectNoDanish(screen, 'screen lobby');
  await expectNoDanish(host, 'console lobby');

  const questions = ['Does your results-based management work as intended?', 'How many goals are you working with at present?', 'How is evidence taken into account?'];
  for (const [i, question] of questions.entries()) {
    await host.getByRole('navigation', { name: 'Agenda', exact: true }).getByRole('button', { name: question }).click();
    await host.getByRole('button', { name: 'Open answering', exact: true }).click();
    await shown(phone.getByRole('status').filter({ hasText: 'Open for answers' }));
    if (i === 0) await phone.getByRole('radio', { name: '3', exact: true }).check();
    if (i === 1) await phone.getByLabel('Your number').fill('40');
    if (i === 2) await phone.getByLabel('Your answer', { exact: true }).fill('Through research');
    if (i > 0) await phone.getByRole('button', { name: 'Send', exact: true }).click();
    await shown(phone.getByText('Answer received').or(phone.getByRole('listitem').filter({ hasText: 'Through research' })));
    await host.getByRole('button', { name: 'Show results on the screen', exact: true }).click();
    await shown(phone.getByRole('heading', { name: 'Results' }));
    await shown(screen.getByText(/^1 answers?$/));
    for (const [page, role] of [[phone, 'phone'], [screen, 'screen'], [host, 'console']] as const) await expectNoDanish(page, `${role}, question ${i + 1} with results`);
  }
  for (const r of [hostRole, screenRole, phoneRole]) await r.close();
});
