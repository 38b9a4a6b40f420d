// Participant text is text, everywhere: markup, javascript: links, template syntax, bidi
// overrides, zero-width characters and one 500-character word go in as names and answers, and
// come out on the console, the screen and the phones as literal text – nothing runs, no element
// is made from them, no text reorders what follows it, and no page scrolls sideways. Longer than
// the protocol allows (500 characters) is refused at the door with invalid_payload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Ack } from '../shared/protocol.ts';
import { repoRoot } from './harness.ts';
import { startConfigured, type Configured } from './configured.ts';
import { Q, goToStep, openAnswering, questionOpen, revealResults, shown } from './flow.ts';

const LONG_WORD = 'Forvaltningspolitikudviklingsprocessen'.repeat(14).slice(0, 500);
const NAMES = ['<img src=x onerror=window.__xss=1>', '\u202Eevil\u202C navn', 'nul\u200Bbredde\u200D'];
const TEXTS = [
  '<img src=x onerror=window.__xss=1>',
  'javascript:alert(1)',
  '<a href="javascript:window.__xss=2">klik her</a>',
  '[klik](javascript:window.__xss=3)',
  '<script>window.__xss=4</script>',
  '<svg onload=window.__xss=5></svg>',
  '{{constructor.constructor("window.__xss=6")()}} ${window.__xss=7}',
  '\u202Etxet desrever\u202C efter',
  '\u202Eingen afslutning',
  'nul\u200Bbredde\u200C\u200Dtegn\uFEFF',
  LONG_WORD,
];

let c: Configured;
let setDir: string;
beforeAll(async () => {
  // The real set, with room for a whole 500-character answer and for all the payloads.
  setDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-xss-set-'));
  const file = 'vejen-til-en-ny-forvaltningspolitik.json';
  const set = JSON.parse(fs.readFileSync(path.join(repoRoot, 'questions', file), 'utf8')) as { themes: { questions: { id: string; response: Record<string, unknown> }[] }[] };
  for (const q of set.themes.flatMap((t) => t.questions)) if (q.id === 'q1-4') Object.assign(q.response, { maxLength: 500, maxAnswers: 10 });
  fs.writeFileSync(path.join(setDir, file), JSON.stringify(set));
  c = await startConfigured({ questionsDir: setDir });
});
afterAll(async () => {
  await c?.close();
  fs.rmSync(setDir, { recursive: true, force: true });
});

async function joinAs(phone: Page, name: string): Promise<void> {
  await shown(phone.getByRole('button', { name: 'Deltag i workshoppen' }));
  await phone.getByLabel('Dit navn (valgfrit)').fill(name);
  await phone.getByRole('radio', { name: 'Borger', exact: true }).check();
  await phone.getByRole('button', { name: 'Deltag i workshoppen' }).click();
  await shown(phone.getByRole('heading', { name: 'Velkommen!' }));
}

async function answer(phone: Page, text: string, n: number): Promise<void> {
  await phone.getByLabel('Dit svar', { exact: true }).fill(text);
  await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await shown(phone.getByRole('heading', { name: `Dine svar (${n}/10)` }));
}

/** Everything that would mean participant text became markup, ran, or broke the layout. */
async function inspect(page: Page) {
  return page.evaluate(() => {
    const texts: { text: string; bidi: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      // (Text for screen readers only is read in logical order: nothing to reorder on screen.)
      if (/[\u202A-\u202E\u2066-\u2069]/.test(n.textContent ?? '') && el.getClientRects().length > 0 && !el.closest('.visually-hidden')) {
        // What follows a bidi override in the same box is reordered unless the text is isolated.
        const isolated = el.closest('bdi, [dir]');
        texts.push({ text: n.textContent!.slice(0, 30), bidi: isolated ? getComputedStyle(isolated).unicodeBidi : getComputedStyle(el).unicodeBidi });
      }
    }
    return {
      xss: (window as unknown as { __xss?: unknown }).__xss,
      // In the body: the phone page's own (hashed) inline scripts are in its head.
      made: document.querySelectorAll('img[src="x"], img[onerror], svg[onload], a[href^="javascript:"], body script:not([src])').length,
      links: [...document.querySelectorAll('a')].filter((a) => /klik|javascript/i.test(a.textContent ?? '')).length,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      overrides: texts,
    };
  });
}

test('names and answers built to attack render as plain text on console, screen and phone', async () => {
  const session = await c.createSession();
  const host = (await c.open('console', session.hostUrl)).page;
  const screen = (await c.open('screen', session.screenUrl)).page;
  const phones = [(await c.open('phone', session.joinUrl)).page, (await c.open('phone', session.joinUrl)).page, (await c.open('phone', session.joinUrl)).page];
  for (const [i, phone] of phones.entries()) await joinAs(phone, NAMES[i]!);
  await goToStep(host, Q.text);
  await openAnswering(host);
  for (const phone of phones) await questionOpen(phone, Q.text);
  // Spread over the phones, so each phone also gets others' answers to vote on.
  const count = [0, 0, 0];
  for (const [i, text] of TEXTS.entries()) await answer(phones[i % 3]!, text, ++count[i % 3]!);
  await revealResults(host);
  await shown(screen.getByText(TEXTS[0]!, { exact: true }));
  await host.getByRole('button', { name: 'Åbn afstemning' }).click();
  const vote = phones[0]!.getByRole('button', { name: /Stem:/ });
  await shown(vote);
  await vote.first().click();
  await shown(phones[0]!.getByText('2 stemmer tilbage'));

  // Literal text where people read it.
  for (const page of [host, screen]) {
    await shown(page.getByText(TEXTS[0]!, { exact: true }));
    await shown(page.getByText('javascript:alert(1)', { exact: true }));
    await shown(page.getByText(TEXTS[2]!, { exact: true }));
  }
  await shown(phones[0]!.getByText(TEXTS[0]!, { exact: true }));

  for (const [name, page] of Object.entries({ console: host, screen, phone0: phones[0]!, phone1: phones[1]!, phone2: phones[2]! })) {
    const seen = await inspect(page);
    expect(seen.xss, `${name}: something ran`).toBeUndefined();
    expect(seen.made, `${name}: elements made from answers`).toBe(0);
    expect(seen.links, `${name}: links made from answers`).toBe(0);
    expect(seen.overflow, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
    if (name === 'console' || name === 'screen') expect(seen.overrides.length, `${name} shows the bidi answers`).toBeGreaterThan(0);
    for (const o of seen.overrides) expect(['isolate', 'plaintext', 'isolate-override'], `${name}: "${o.text}" is not isolated`).toContain(o.bidi);
  }
  // The same on the smallest phone we design for.
  await phones[1]!.setViewportSize({ width: 320, height: 640 });
  expect((await inspect(phones[1]!)).overflow).toBeLessThanOrEqual(0);
});

test('more than 500 characters is refused by the protocol (invalid_payload); 500 is not', async () => {
  const session = await c.createSession();
  const host = io(c.origin, { transports: ['websocket'], auth: { code: session.code, as: 'host', token: session.hostToken }, forceNew: true, reconnection: false });
  const phone = io(c.origin, { transports: ['websocket'], auth: { code: session.code, as: 'participant' }, forceNew: true, reconnection: false });
  const send = (s: typeof phone, command: object) => s.timeout(5000).emitWithAck('command', { id: crypto.randomUUID(), command }) as Promise<Ack>;
  try {
    expect(await send(host, { type: 'openAnswering', questionId: 'q1-4' })).toMatchObject({ ok: true });
    expect(await send(phone, { type: 'join', role: 'citizen', name: NAMES[0] })).toMatchObject({ ok: true });
    for (const length of [10_000, 501]) {
      const ack = await send(phone, { type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'x'.repeat(length) } });
      expect(ack, `${length} characters`).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(await send(phone, { type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: LONG_WORD } })).toMatchObject({ ok: true });
    expect(await send(phone, { type: 'join', role: 'citizen', name: 'n'.repeat(41) })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  } finally {
    host.close();
    phone.close();
  }
});
