// Zero axe-core violations (WCAG 2.1 A/AA) on every view and state: the start page, the join
// form, waiting, each response type open / answered / closed / with results, the console and the
// screen. Danish throughout, English for a few views. Each view is also saved as a screenshot.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, screenshotAt, useHarness, type Harness } from './harness.ts';
import { axeViolations, expectAccessible } from './axe.ts';
import { Q, enterCode, answerNumber, answerScale, answerText, closeAnswering, goToStep, join, openAnswering, questionOpen, revealResults, shown } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

/** Checks the view with axe and saves it as <name>.png. */
async function view(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
}

test('every view and state in Danish has no axe violations', async () => {
  // The phone starts on the start page and types the code from the screen.
  const session = await h.createSession();
  const phoneRole = await h.open('phone', `${h.origin}/`);
  const phone = phoneRole.page;
  await shown(phone.getByRole('radio', { name: /Vejen til en ny forvaltningspolitik/ }));
  await expectAccessible(phone, 'start page');
  await screenshotAt(phone, 'start', ['phone', 'screen']);
  // The check itself works: an image without a text alternative is caught.
  await phone.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
  expect((await axeViolations(phone)).map((v) => v.id)).toContain('image-alt');
  await enterCode(phone, session.code);

  const hostRole = await h.open('console', session.hostUrl);
  const screenRole = await h.open('screen', session.screenUrl);
  const [host, screen] = [hostRole.page, screenRole.page];

  await shown(host.getByRole('heading', { name: 'Deltagere: 0' }));
  await view(host, 'console-lobby');
  await shown(screen.getByText(session.code, { exact: true }));
  await view(screen, 'screen-lobby');

  // The join form, plain and with its "choose a role" error.
  await shown(phone.getByRole('button', { name: 'Deltag i workshoppen' }));
  await expectAccessible(phone, 'join form');
  await screenshotAt(phone, 'phone-join', ['phone', 'screen']);
  await phone.getByRole('button', { name: 'Deltag i workshoppen' }).click();
  await shown(phone.getByRole('alert'));
  await view(phone, 'phone-join-error');

  await join(phone, 'Leder', 'Anna');
  await shown(screen.getByText('1 deltager'));
  await view(phone, 'phone-waiting');

  // A theme step: the screen shows its statements, the phone says "look at the screen".
  await goToStep(host, 'Færre mål og mere ledelse');
  await shown(phone.getByText('Kig op på skærmen'));
  await view(phone, 'phone-theme');
  await view(screen, 'screen-theme');

  // Scale: not open yet, open, answered, closed, results.
  await goToStep(host, Q.scale);
  await shown(phone.getByText('Spørgsmålet er ikke åbnet endnu.'));
  await view(phone, 'phone-scale-idle');
  await view(screen, 'screen-question-idle');
  await openAnswering(host);
  await questionOpen(phone, Q.scale);
  await view(phone, 'phone-scale-open');
  await answerScale(phone, '4');
  await view(phone, 'phone-scale-answered');
  await shown(screen.getByText('1 har svaret'));
  await view(screen, 'screen-question-open');
  await view(host, 'console-question');
  await closeAnswering(host);
  await shown(phone.getByText('Der er lukket for svar.'));
  await view(phone, 'phone-scale-closed');
  await revealResults(host);
  await shown(phone.getByRole('heading', { name: 'Resultater' }));
  await view(phone, 'phone-scale-results');
  await shown(screen.getByText('Median: 4'));
  await view(screen, 'screen-results-scale');
  await view(host, 'console-results');

  // Number: open, a refused entry, answered, results.
  await goToStep(host, Q.number);
  await openAnswering(host);
  await questionOpen(phone, Q.number);
  await view(phone, 'phone-number-open');
  await phone.getByLabel('Dit tal').fill('mange');
  await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await shown(phone.getByText('Skriv et helt tal fra 0 til 500.'));
  await view(phone, 'phone-number-invalid');
  await answerNumber(phone, '12');
  await view(phone, 'phone-number-answered');
  await revealResults(host);
  await shown(screen.getByText('Median: 12'));
  await view(screen, 'screen-results-number');
  await shown(phone.getByRole('heading', { name: 'Resultater' }));
  await view(phone, 'phone-number-results');

  // Text: open, answered (with its remove button), results on the wall.
  await goToStep(host, Q.text);
  await openAnswering(host);
  await questionOpen(phone, Q.text);
  await view(phone, 'phone-text-open');
  await answerText(phone, 'Vi bruger forskning, når vi kan');
  await view(phone, 'phone-text-answered');
  await view(screen, 'screen-question-text');
  await revealResults(host);
  await shown(screen.getByRole('region', { name: 'Svar fra salen' }));
  await view(screen, 'screen-results-text');
  await shown(phone.getByRole('heading', { name: 'Resultater' }));
  await view(phone, 'phone-text-results');
  await view(host, 'console-results-text');

  for (const r of [hostRole, screenRole, phoneRole]) await r.close();
});

test('English views have no axe violations', async () => {
  const en = { locale: 'en-GB' };
  const session = await h.createSession({ lang: 'en' });
  const phoneRole = await h.open('phone', `${h.origin}/`, en);
  const phone = phoneRole.page;
  await shown(phone.getByRole('heading', { name: 'Join a workshop' }));
  await shown(phone.getByRole('radio', { name: /The road to a new administrative policy/ }));
  await view(phone, 'en-start');
  await enterCode(phone, session.code, { code: 'Code', join: 'Join' });
  const hostRole = await h.open('console', session.hostUrl, en);
  const screenRole = await h.open('screen', session.screenUrl, en);
  const [host, screen] = [hostRole.page, screenRole.page];

  await shown(phone.getByRole('button', { name: 'Join the workshop' }));
  await view(phone, 'en-phone-join');
  await phone.getByRole('radio', { name: 'Citizen', exact: true }).check();
  await phone.getByRole('button', { name: 'Join the workshop' }).click();
  await shown(phone.getByRole('heading', { name: 'Welcome!' }));
  await view(phone, 'en-phone-waiting');
  await view(screen, 'en-screen-lobby');

  const question = 'Does your results-based management work as intended?';
  await host.getByRole('navigation', { name: 'Agenda', exact: true }).getByRole('button', { name: question }).click();
  await host.getByRole('button', { name: 'Open answering', exact: true }).click();
  await shown(phone.getByRole('status').filter({ hasText: 'Open for answers' }));
  await phone.getByRole('radio', { name: "Don't know", exact: true }).check();
  await shown(phone.getByText('Answer received'));
  await view(phone, 'en-phone-scale-answered');
  await host.getByRole('button', { name: 'Show results on the screen', exact: true }).click();
  await shown(screen.getByText("1 don't know"));
  await view(screen, 'en-screen-results-scale');
  await view(host, 'en-console-results');

  for (const r of [hostRole, screenRole, phoneRole]) await r.close();
});
