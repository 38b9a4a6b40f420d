// The walking skeleton in a real browser: the console, a screen and three phones run through a
// scale, a number and a text question; one phone reloads in the middle of a question.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness, type Harness, type RolePage } from './harness.ts';
import {
  Q,
  answerNumber,
  answerScale,
  answerText,
  consoleCount,
  gone,
  goToStep,
  join,
  openAnswering,
  questionOpen,
  revealResults,
  shown,
} from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

test('a workshop from lobby to results: scale, number and text questions', async () => {
  const session = await h.createSession();
  const hostRole = await h.open('console', session.hostUrl);
  const screenPage = await h.open('screen', session.screenUrl);
  const phones: RolePage[] = [];
  for (let i = 0; i < 3; i++) phones.push(await h.open('phone', session.joinUrl));
  const [a, b, c] = phones.map((p) => p.page) as [Page, Page, Page];
  const host = hostRole.page;
  const screen = screenPage.page;

  // Lobby: the screen shows the code; three people join with different roles, one with a name.
  await shown(screen.getByText(session.code, { exact: true }));
  await join(a, 'Leder', 'Anna');
  await join(b, 'Medarbejder/fagprofessionel');
  await join(c, 'Politiker');
  await shown(a.getByText('Du deltager som Anna (Leder).'));
  await shown(b.getByText('Du deltager som Medarbejder/fagprofessionel'));
  await shown(screen.getByRole('status').filter({ hasText: '3 deltagere' }));
  await shown(host.getByRole('heading', { name: 'Deltagere: 3' }));
  const roles = host.getByRole('table', { name: 'Deltagere fordelt på roller' });
  expect(await roles.getByRole('row', { name: 'Leder' }).getByRole('cell').innerText()).toBe('1');
  expect(await roles.getByRole('row', { name: 'Borger' }).getByRole('cell').innerText()).toBe('0');

  // Scale question q1-1: shown first, then opened.
  await goToStep(host, Q.scale);
  for (const phone of [a, b, c]) {
    await shown(phone.getByRole('heading', { name: Q.scale }));
    await shown(phone.getByText('Spørgsmålet er ikke åbnet endnu.'));
  }
  await shown(screen.getByRole('heading', { name: Q.scale }));
  await shown(screen.getByText('Spørgsmålet åbner snart'));
  await openAnswering(host);
  for (const phone of [a, b, c]) await questionOpen(phone, Q.scale);
  await shown(screen.getByText('Svar nu på din telefon'));

  await answerScale(a, '4');
  await answerScale(b, '4');
  await answerScale(c, 'Ved ikke');

  // A reload in the middle of the question: the phone still has its answer, and says so.
  await a.reload();
  await questionOpen(a, Q.scale);
  await expect.poll(() => a.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
  await shown(a.getByText('Svar modtaget'));
  expect(await a.getByRole('radio', { name: 'Ved ikke', exact: true }).isChecked()).toBe(false);

  // The console counts live; the screen counts too but shows no results before they are revealed.
  await shown(consoleCount(host, 3, 3));
  await shown(host.getByRole('navigation', { name: 'Dagsorden' }).getByRole('button', { name: /Åben for svar · 3/ }));
  await shown(host.getByText('Median: 4'));
  await shown(screen.getByText('3 har svaret'));
  expect(await screen.getByRole('table').count()).toBe(0);
  expect(await screen.getByText('Median').count()).toBe(0);

  await revealResults(host);
  await shown(screen.getByText('2 svar', { exact: true }));
  await shown(screen.getByText('Median: 4', { exact: true }));
  await shown(screen.getByText('1 ved ikke', { exact: true }));
  const bars = screen.getByRole('table', { name: 'Fordeling af svar' });
  expect(await bars.getByRole('row', { name: /^4/ }).getByRole('cell').innerText()).toMatch(/^2\b/);
  // Revealed results reach the phones too.
  await shown(c.getByRole('heading', { name: 'Resultater' }));

  // Number question q1-2.
  await goToStep(host, Q.number);
  await openAnswering(host);
  for (const phone of [a, b, c]) await questionOpen(phone, Q.number);
  await answerNumber(a, '12');
  await answerNumber(b, '7');
  await answerNumber(c, '30');
  await shown(a.getByText('Dit svar: 12'));
  await shown(consoleCount(host, 3, 3));
  await shown(screen.getByText('3 har svaret'));
  expect(await screen.getByText('Median').count()).toBe(0);
  await revealResults(host);
  await shown(screen.getByText('Median: 12', { exact: true }));
  await shown(screen.getByText('3 svar', { exact: true }));
  await shown(screen.getByText('Spænd: 7–30', { exact: true }));

  // Text question q1-4: the wall appears on the screen only once revealed.
  const texts = ['Vi bruger forskning', 'Mest erfaring', 'For lidt evidens'];
  await goToStep(host, Q.text);
  await openAnswering(host);
  for (const phone of [a, b, c]) await questionOpen(phone, Q.text);
  await answerText(a, texts[0]!);
  await answerText(b, texts[1]!);
  await answerText(c, texts[2]!);
  await shown(consoleCount(host, 3, 3));
  for (const text of texts) await shown(host.getByText(text, { exact: true }));
  await shown(screen.getByText('3 har svaret'));
  for (const text of texts) expect(await screen.getByText(text).count()).toBe(0);
  expect(await screen.getByRole('region', { name: 'Svar fra salen' }).count()).toBe(0);
  await revealResults(host);
  const wall = screen.getByRole('region', { name: 'Svar fra salen' });
  await shown(wall);
  for (const text of texts) await shown(wall.getByRole('listitem').filter({ hasText: text }));
  expect(await wall.getByRole('listitem').count()).toBe(3);
  await shown(wall.getByText('3 svar', { exact: true }));

  // Hiding the results takes them off the screen again.
  await host.getByRole('button', { name: 'Skjul resultater på skærmen', exact: true }).click();
  await gone(screen.getByRole('region', { name: 'Svar fra salen' }));

  for (const p of [hostRole, screenPage, ...phones]) await p.close();
});
