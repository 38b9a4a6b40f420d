// Every refusal a person can meet in the UI is said in their language – and only in it. Each is
// provoked the way a person would meet it, in Danish and in English: a phone answers offline while
// the facilitator closes the question (question_closed), a phone joins a locked workshop
// (joining_locked), a phone is removed (removed), a join link with a wrong code (no_such_session),
// a console link with a wrong key (forbidden), and a hand-written question set uploaded with
// mistakes (invalid_question_set, its problems line by line), with the built-in set's id
// (duplicate_id) or in Windows-1252 (the encoding notice). The codes the UI itself never sends
// (can flags hide the control, the core's own check runs first) are listed in docs/protocol.md.
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { da } from '../client/i18n/da.ts';
import { en } from '../client/i18n/en.ts';
import { ERROR_TEXT, HTTP_ERROR_TEXT } from '../client/i18n/errors.ts';
import { QuestionSetError, type Problem } from '../shared/question-set.ts';
import { parseQuestionSetFile } from '../shared/question-set-md.ts';
import { useHarness, type Harness } from './harness.ts';
import { shown } from './flow.ts';

let h: Harness;
useHarness((started) => (h = started));

type Lang = 'da' | 'en';
const UI = { da, en } as const;
const LOCALE = { da: 'da-DK', en: 'en-GB' } as const;
const TEXT_QUESTION = { da: 'Hvordan indtænkes evidens?', en: 'How is evidence taken into account?' } as const;

/** Every UI and error string of one language, cut at its placeholders, that the other language lacks. */
function onlyIn(lang: Lang): string[] {
  const other: Lang = lang === 'da' ? 'en' : 'da';
  const all = (l: Lang) => [...Object.values(UI[l]), ...Object.values(ERROR_TEXT[l]), ...Object.values(HTTP_ERROR_TEXT[l])] as string[];
  const theirs = all(other).join('\n');
  return all(lang)
    .flatMap((s) => s.split(/\{\w+\}/).map((p) => p.trim()))
    .filter((part) => part.length > 6 && !theirs.includes(part));
}
const FOREIGN = { da: onlyIn('en'), en: onlyIn('da') } as const;

/** The element's text is the expected text, and holds nothing of the other language. */
async function says(locator: Locator, lang: Lang, expected: string | RegExp, what: string): Promise<void> {
  await shown(locator.filter({ hasText: expected }).first());
  const text = await locator.filter({ hasText: expected }).first().innerText();
  if (typeof expected === 'string') expect(text.trim(), what).toBe(expected);
  const foreign = FOREIGN[lang].filter((part) => text.includes(part));
  expect(foreign, `${what} (${lang}) shows the other language: ${text}`).toEqual([]);
}

const MD_WITH_MISTAKES = [
  '---',
  'id: min-workshop',
  'title: Min workshop',
  '---',
  '# Tema: Mål',
  '> - 1. Færre mål',
  '- Hvor enig er du? {scale 1-5}',
  '- Vælg {choice}',
  '  - Kun én',
  '- Hvor mange? {number 10-5}',
  '',
].join('\n');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function problemsOf(content: string, file: string): Problem[] {
  try {
    parseQuestionSetFile(content, file);
  } catch (e) {
    if (e instanceof QuestionSetError) return e.problems;
    throw e;
  }
  throw new Error('expected problems');
}

for (const lang of ['da', 'en'] as const) {
  const t = UI[lang];
  const options = { locale: LOCALE[lang] };

  test(`${lang}: refusals on the phone and the console are in ${lang === 'da' ? 'Danish' : 'English'}`, async () => {
    const session = await h.createSession({ lang });
    const hostRole = await h.open('console', session.hostUrl, options);
    const host = hostRole.page;
    const a = await h.open('phone', session.joinUrl, options);
    const b = await h.open('phone', session.joinUrl, options);
    for (const phone of [a.page, b.page]) {
      await phone.getByRole('radio', { name: t.role_employee, exact: true }).check();
      await phone.getByRole('button', { name: t.joinWorkshop }).click();
      await shown(phone.getByRole('heading', { name: t.waitingTitle }));
    }

    // A text question, open; phone A answers (so that the facilitator can remove its author).
    await host.getByRole('navigation', { name: t.agenda, exact: true }).getByRole('button', { name: TEXT_QUESTION[lang] }).click();
    await host.getByRole('button', { name: t.openAnswering, exact: true }).click();
    await shown(host.getByRole('button', { name: t.closeAnswering, exact: true }));
    await a.page.getByLabel(t.textLabel, { exact: true }).fill(lang === 'da' ? 'Et svar fra A' : 'An answer from A');
    await a.page.getByRole('button', { name: t.send, exact: true }).click();
    await shown(a.page.getByRole('listitem').filter({ hasText: lang === 'da' ? 'Et svar fra A' : 'An answer from A' }));

    // question_closed: phone B answers offline; the facilitator closes answering meanwhile.
    await shown(b.page.getByLabel(t.textLabel, { exact: true }));
    await b.context.setOffline(true);
    await b.page.getByLabel(t.textLabel, { exact: true }).fill(lang === 'da' ? 'Sendt uden net' : 'Sent offline');
    await b.page.getByRole('button', { name: t.send, exact: true }).click();
    await shown(b.page.getByText(t.answerNotSaved));
    await host.getByRole('button', { name: t.closeAnswering, exact: true }).click();
    await shown(host.getByRole('button', { name: t.openAnswering, exact: true }));
    await b.context.setOffline(false);
    await says(b.page.getByRole('status'), lang, ERROR_TEXT[lang].question_closed, 'question_closed on the phone');

    // joining_locked: a new phone after the facilitator closed the workshop to new participants.
    await host.getByRole('button', { name: t.lockJoining }).click();
    await shown(host.getByRole('button', { name: t.unlockJoining }));
    const late = await h.open('phone', session.joinUrl, options);
    await late.page.getByRole('radio', { name: t.role_citizen, exact: true }).check();
    await late.page.getByRole('button', { name: t.joinWorkshop }).click();
    await says(late.page.getByRole('alert'), lang, ERROR_TEXT[lang].joining_locked, 'joining_locked on the join form');

    // removed / banned: the facilitator removes A and bars the phone (both questions answered yes).
    host.on('dialog', (dialog) => void dialog.accept());
    await host.getByRole('button', { name: t.removeAuthor }).first().click();
    const gone = [t.removedNotice, ERROR_TEXT[lang].banned];
    const alert = a.page.getByRole('alert').filter({ hasText: new RegExp(gone.map(escape).join('|')) });
    await shown(alert);
    const said = (await alert.first().textContent())?.trim() ?? '';
    expect(gone, 'removed/banned on the phone').toContain(said);
    expect(FOREIGN[lang].filter((part) => said.includes(part))).toEqual([]);

    // no_such_session: a join link with a code that is no workshop's.
    const wrong = session.joinUrl.replace(/\/join\/.*$/, '/join/QQQQQQ');
    const lost = await h.open('phone', wrong, options);
    await says(lost.page.getByRole('alert'), lang, t.sessionNotFound.replace('{code}', 'QQQQQQ'), 'no_such_session on the phone');

    // forbidden: the console opened with a wrong access key.
    const badHost = await h.open('console', session.hostUrl.replace(/#.*$/, '#not-the-right-key-at-all'), options);
    await says(badHost.page.getByRole('alert'), lang, t.hostLinkInvalid, 'forbidden on the console');

    for (const r of [a, b, late, lost, badHost, hostRole]) await r.close();
  });

  test(`${lang}: an uploaded question set's problems, duplicate id and encoding are in ${lang === 'da' ? 'Danish' : 'English'}`, async () => {
    const start = await h.open('console', `${h.origin}/`, options);
    const page: Page = start.page;
    const input = page.getByLabel(t.uploadLabel);
    await shown(input);

    // invalid_question_set: the heading and every problem with its line, in the page's language.
    await input.setInputFiles({ name: 'min-workshop.md', mimeType: 'text/markdown', buffer: Buffer.from(MD_WITH_MISTAKES) });
    const alert = page.getByRole('alert');
    await says(alert.locator('p'), lang, t.uploadInvalid.replace('{file}', 'min-workshop.md'), 'invalid_question_set heading');
    const expected = problemsOf(MD_WITH_MISTAKES, 'min-workshop.md');
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const items = alert.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(expected.length);
    for (const [i, p] of expected.entries()) {
      const where = lang === 'da' ? p.path.replace(/^line /, 'linje ') : p.path;
      await says(items.nth(i), lang, `${where}: ${lang === 'da' ? p.da : p.message}`, `problem ${i + 1}`);
      expect(await items.nth(i).innerText()).not.toMatch(/Too small|Too big|Invalid|expected array/);
    }

    // duplicate_id: a valid file with the built-in set's id; nothing is added.
    const dup = '---\nid: vejen-til-en-ny-forvaltningspolitik\ntitle: Kopi\n---\n# Tema: A\n- Q {text}\n';
    await input.setInputFiles({ name: 'kopi.md', mimeType: 'text/markdown', buffer: Buffer.from(dup) });
    await says(page.getByRole('alert'), lang, t.uploadDuplicate, 'duplicate_id');

    // Windows-1252 ("ANSI"): the letters are read right, and the notice says so in the page's language.
    const ansi = Buffer.from(MD_WITH_MISTAKES.replace('id: min-workshop', 'id: ansi-workshop'), 'latin1');
    await input.setInputFiles({ name: 'ansi.md', mimeType: 'text/markdown', buffer: ansi });
    const notice = page.getByTestId('upload-encoding');
    await says(notice, lang, lang === 'da' ? /ikke gemt som UTF-8/ : /not saved as UTF-8/, 'the encoding notice');
    // "Færre" arrived whole: the first problem names the statement "1. Færre mål" (not "F�rre").
    await expect.poll(() => page.getByRole('alert').innerText()).not.toContain('\uFFFD');

    await start.close();
  });
}
