// Every response type on a phone (390×844), with the console and the screen (1920×1080): a choice
// and a ranking question made live from the console ("Skift svartype"), the theme's statements
// split by role, and an open-text question with dot voting. Three phones run in browsers with
// different roles; four more leaders answer over plain socket.io, so that one role reaches the
// smallest group shown on its own (5) while the others show "for få svar". Each new phone view
// and the screen's statements results are checked with axe and saved as screenshots.
// The tests run in order on one workshop: each picks up where the one before left off.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestClient } from '../server/testing/harness.ts';
import type { ParticipantView } from '../shared/session/views.ts';
import { screenshot, useHarness, type Harness, type RolePage } from './harness.ts';
import { expectAccessible } from './axe.ts';
import {
  Q,
  answerChoice,
  answerStatement,
  answerText,
  changeType,
  closeAnswering,
  consoleCount,
  goToNthStep,
  goToStep,
  join,
  joinOverSocket,
  moveItem,
  openAnswering,
  questionOpen,
  rankingItems,
  revealResults,
  shown,
  vote,
} from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

const LONG = 240_000;
const CHOICE = { q: 'Er de strategiske mål præcist nok formuleret?', options: ['For vagt', 'Passende', 'For detaljeret'] };
const RANKING = { q: 'Bliver de politiske mål oversat klart?', items: ['Klare mål', 'Korte dokumenter', 'Fælles sprog'] };
const STATEMENTS = {
  q: 'Er du enig eller uenig i temaets udsagn?',
  s: ['Styrke fokus på kerneydelserne – borgernes oplevelse', 'Forenkle styringen - undgå komplekse styringssystemer', 'En 3-strengt styringsmodel'],
};
const TEXTS = ['Vi bruger forskning', 'Mest erfaring', 'For lidt evidens'];

let roles: RolePage[] = [];
let host: Page;
let screen: Page;
let a: Page;
let b: Page;
let c: Page;
let leaders: TestClient<ParticipantView>[] = [];

/** Checks the view with axe and saves it as <name>.png. */
async function view(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
}

test('the room joins: three phones with different roles, four more leaders over socket.io', async () => {
  const session = await h.createSession();
  roles = [await h.open('console', session.hostUrl), await h.open('screen', session.screenUrl)];
  for (let i = 0; i < 3; i++) roles.push(await h.open('phone', session.joinUrl));
  [host, screen, a, b, c] = roles.map((r) => r.page) as [Page, Page, Page, Page, Page];
  await join(a, 'Leder', 'Anna');
  await join(b, 'Medarbejder/fagprofessionel');
  await join(c, 'Politiker');
  leaders = [];
  for (let i = 0; i < 4; i++) leaders.push(await joinOverSocket(h.origin, session.code, 'manager'));
  await shown(host.getByRole('heading', { name: 'Deltagere: 7' }));
  await shown(screen.getByRole('status').filter({ hasText: '7 deltagere' }));
}, LONG);

test('choice: the console makes q1-3 a choice question, phones pick one option each', async () => {
  await goToStep(host, CHOICE.q);
  await changeType(host, 'Valg', CHOICE.options);
  // The console's live results list the new options before anyone answers.
  const live = host.getByRole('table', { name: 'Fordeling af svar' });
  for (const o of CHOICE.options) await shown(live.getByRole('rowheader', { name: o }));
  await openAnswering(host);
  for (const p of [a, b, c]) await questionOpen(p, CHOICE.q);
  await shown(a.getByRole('group', { name: 'Vælg én mulighed.' }));
  await view(a, 'phone-choice-open');
  await answerChoice(a, 'Passende');
  await answerChoice(b, 'Passende');
  await answerChoice(c, 'For vagt');
  await view(a, 'phone-choice-answered');
  await shown(consoleCount(host, 3, 7));
  await closeAnswering(host);
  await revealResults(host);
  const bars = screen.getByRole('table', { name: 'Fordeling af svar' });
  await shown(bars);
  // Largest first: the options by count, each with its count written out.
  expect(await bars.getByRole('rowheader').allInnerTexts()).toEqual(['Passende', 'For vagt', 'For detaljeret']);
  expect(await bars.getByRole('row', { name: /^Passende/ }).getByRole('cell').innerText()).toMatch(/^2\b/);
  await shown(screen.getByText('3 svar', { exact: true }));
  await screenshot(screen, 'screen-choice-results');
  await shown(a.getByRole('heading', { name: 'Resultater' }));
  await view(a, 'phone-choice-results');
}, LONG);

test('open text with voting: answers, dots on the others\' answers, the wall ordered by votes', async () => {
  await goToStep(host, Q.text);
  await openAnswering(host);
  for (const p of [a, b, c]) await questionOpen(p, Q.text);
  await answerText(a, TEXTS[0]!);
  await answerText(b, TEXTS[1]!);
  await answerText(c, TEXTS[2]!);
  await shown(consoleCount(host, 3, 7));

  await host.getByRole('button', { name: 'Åbn afstemning', exact: true }).click();
  await shown(host.getByRole('button', { name: 'Luk afstemning', exact: true }));
  await shown(screen.getByRole('status').filter({ hasText: 'Stem på de bedste svar' }));
  for (const p of [a, b, c]) await shown(p.getByRole('heading', { name: 'Stem på de bedste svar' }));
  // Each phone is shown the others' answers, never its own.
  await shown(a.getByRole('button', { name: new RegExp(`Stem: ${TEXTS[1]}$`) }));
  expect(await a.getByRole('button', { name: new RegExp(`Stem: ${TEXTS[0]}$`) }).count()).toBe(0);
  await shown(a.getByText('3 stemmer tilbage'));
  await view(a, 'phone-voting-open');

  await vote(a, TEXTS[1]!, 2);
  await vote(a, TEXTS[2]!, 1);
  await shown(a.getByText('0 stemmer tilbage'));
  // The budget is spent: no more "+" buttons that work.
  expect(await a.getByRole('button', { name: new RegExp(`Stem: ${TEXTS[2]}$`) }).isDisabled()).toBe(true);
  await view(a, 'phone-voting-spent');
  await vote(b, TEXTS[2]!, 2);
  await vote(b, TEXTS[0]!, 1);
  await vote(c, TEXTS[1]!, 2);
  await vote(c, TEXTS[0]!, 1);
  // Shown while voting is open, the wall has the answers but not the votes: they would sway the vote.
  await revealResults(host);
  const wall = screen.getByRole('region', { name: 'Svar fra salen' });
  for (const text of TEXTS) await shown(wall.getByText(text, { exact: true }));
  expect(await wall.getByText(/^\d+ stemmer?$/).count()).toBe(0);

  await host.getByRole('button', { name: 'Luk afstemning', exact: true }).click();
  await shown(host.getByRole('button', { name: 'Åbn for svar', exact: true }));
  await shown(wall.getByText('4 stemmer', { exact: true }));
  const items = wall.getByRole('listitem');
  expect(await items.count()).toBe(3);
  // Most votes first: 4, 3, 2.
  const expected = [
    [TEXTS[1], '4 stemmer'],
    [TEXTS[2], '3 stemmer'],
    [TEXTS[0], '2 stemmer'],
  ] as const;
  for (const [i, [text, votes]] of expected.entries()) {
    await shown(items.nth(i).getByText(text!, { exact: true }));
    await shown(items.nth(i).getByText(votes, { exact: true }));
  }
  await screenshot(screen, 'screen-voting-results');
}, LONG);

test('statements: phones take a stand on u1; the screen splits the results by role', async () => {
  await goToNthStep(host, STATEMENTS.q, 0);
  await openAnswering(host);
  for (const p of [a, b, c]) await questionOpen(p, STATEMENTS.q);
  await shown(a.getByRole('group', { name: STATEMENTS.s[0], exact: true }));
  await view(a, 'phone-statements-open');
  const [s0, s1, s2] = STATEMENTS.s as [string, string, string];
  await answerStatement(a, s0, 'Enig');
  await answerStatement(a, s1, 'Uenig');
  await answerStatement(a, s2, 'Spring over');
  await answerStatement(b, s0, 'Enig');
  await answerStatement(b, s1, 'Enig');
  await answerStatement(c, s0, 'Uenig');
  await answerStatement(c, s1, 'Uenig');
  // The four leaders over the socket: agree with the first statement, disagree with the second.
  for (const l of leaders) {
    await l.must({ type: 'submitAnswer', questionId: 'u1', answer: { kind: 'statements', votes: ['agree', 'disagree', null, null, null, null] } });
  }
  await shown(consoleCount(host, 7, 7));
  await view(a, 'phone-statements-answered');
  // A reload keeps each stand.
  await a.reload();
  await questionOpen(a, STATEMENTS.q);
  await expect.poll(() => a.getByRole('group', { name: s1, exact: true }).getByRole('radio', { name: 'Uenig', exact: true }).isChecked()).toBe(true);

  await closeAnswering(host);
  await revealResults(host);
  // Statement 1: six agree, one disagrees (consensus); statement 2 the other way round.
  const first = screen.getByRole('listitem').filter({ hasText: s0 });
  await shown(first.getByText('6 enige', { exact: true }));
  await shown(first.getByText('1 uenig', { exact: true }));
  await shown(first.getByText('Enighed', { exact: true }));
  await shown(screen.getByRole('listitem').filter({ hasText: s1 }).getByText('6 uenige', { exact: true }));
  await shown(screen.getByRole('listitem').filter({ hasText: s2 }).getByText('1 sprang over', { exact: true }));
  await view(screen, 'screen-statements-results');

  // Split by role: the leaders (5) are shown; a group of one shows "for få svar" instead.
  await host.getByRole('combobox', { name: 'Opdel resultater', exact: true }).selectOption({ label: 'Efter rolle' });
  // On the screen: a statement × role heat map of the share agreeing; small groups show no figures.
  const heat = screen.getByRole('table', { name: /^Andel enige/ });
  await shown(heat.getByRole('columnheader', { name: 'Leder 5 svar', exact: true }));
  const leaderColumn = (await heat.getByRole('columnheader').allInnerTexts()).findIndex((h) => h.startsWith('Leder'));
  await shown(heat.getByRole('row').filter({ hasText: s0 }).getByRole('cell').nth(leaderColumn - 1).getByText('100 %', { exact: true }));
  for (const role of ['Medarbejder/fagprofessionel', 'Politiker']) {
    await shown(heat.getByRole('columnheader', { name: `${role} for få svar`, exact: true }));
  }
  expect(await heat.getByRole('columnheader', { name: /^Borger/ }).count()).toBe(0);
  await view(screen, 'screen-statements-by-role');
  await shown(a.getByRole('heading', { name: 'Resultater' }));
  await view(a, 'phone-statements-results');
}, LONG);

test('ranking: q2-1 made a ranking, phones order it with the up/down buttons only', async () => {
  await goToStep(host, RANKING.q);
  await changeType(host, 'Rangordning', RANKING.items);
  await openAnswering(host);
  for (const p of [a, b, c]) await questionOpen(p, RANKING.q);
  expect(await rankingItems(a).allInnerTexts()).toHaveLength(3);
  await view(a, 'phone-ranking-open');
  const [clear, short, shared] = RANKING.items as [string, string, string];
  // The top item cannot move up, the bottom one cannot move down.
  expect(await a.getByRole('button', { name: `Flyt op: ${clear}` }).isDisabled()).toBe(true);
  expect(await a.getByRole('button', { name: `Flyt ned: ${shared}` }).isDisabled()).toBe(true);

  // a: the last item to the top with "↑"; b: the same order with "↓" only; c: the middle one up.
  const plans: [Page, [string, 'op' | 'ned'][], string[]][] = [
    [a, [[shared, 'op'], [shared, 'op']], [shared, clear, short]],
    [b, [[short, 'ned'], [clear, 'ned']], [shared, clear, short]],
    [c, [[short, 'op']], [short, clear, shared]],
  ];
  for (const [phone, moves, expected] of plans) {
    for (const [item, dir] of moves) await moveItem(phone, item, dir);
    for (const [i, item] of expected.entries()) await shown(rankingItems(phone).nth(i).getByText(item, { exact: true }));
    if (phone === a) {
      // The move is announced, and the focus stays with the moved item (on "↓" once it is at the top).
      await shown(a.getByRole('status').filter({ hasText: `${shared}: Nummer 1` }));
      const down = a.getByRole('button', { name: `Flyt ned: ${shared}` });
      await expect.poll(() => down.evaluate((el) => el === document.activeElement)).toBe(true);
    }
    await phone.getByRole('button', { name: 'Send rækkefølge', exact: true }).click();
    await shown(phone.getByText('Svar modtaget'));
  }
  await view(a, 'phone-ranking-answered');
  await shown(consoleCount(host, 3, 7));

  await closeAnswering(host);
  await revealResults(host);
  // Mean rank: shared 5/3, clear 6/3, short 7/3 – listed in that order, with the share ranked first.
  const list = screen.getByRole('listitem').filter({ hasText: 'gns. placering' });
  await shown(list.first());
  expect(await list.count()).toBe(3);
  await shown(list.nth(0).getByText(shared, { exact: true }));
  await shown(list.nth(0).getByText('gns. placering 1,7', { exact: true }));
  await shown(list.nth(0).getByText('67 % satte den først', { exact: true }));
  await shown(list.nth(1).getByText(clear, { exact: true }));
  await shown(list.nth(2).getByText(short, { exact: true }));
  await screenshot(screen, 'screen-ranking-results');

  for (const l of leaders) l.close();
  for (const r of roles) await r.close();
}, LONG);
