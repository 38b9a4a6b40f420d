// The printable summary: the HTML export loaded in Chromium with every network request blocked,
// printed to an A4 PDF; the page count is sensible and the text is there.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

/** Drives a small workshop over plain sockets: three phones, a scale and a text question, a note. */
async function workshop(code: string, hostToken: string): Promise<void> {
  const connect = (auth: object) =>
    new Promise<ReturnType<typeof io>>((resolve, reject) => {
      const s = io(h.origin, { transports: ['websocket'], auth, forceNew: true, reconnection: false });
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });
  let n = 0;
  const send = async (s: ReturnType<typeof io>, command: object) => {
    const ack = (await s.timeout(5000).emitWithAck('command', { id: `pdf-test-${++n}-${crypto.randomUUID()}`, command })) as { ok: boolean; error?: unknown };
    if (!ack.ok) throw new Error(`${JSON.stringify(command)} refused: ${JSON.stringify(ack.error)}`);
  };
  const host = await connect({ code, as: 'host', token: hostToken });
  const phones = await Promise.all([0, 1, 2].map(() => connect({ code, as: 'participant' })));
  for (const [i, p] of phones.entries()) await send(p, { type: 'join', role: (['manager', 'employee', 'politician'] as const)[i] });
  for (const q of ['q1-1', 'q1-4']) await send(host, { type: 'openAnswering', questionId: q });
  for (const [i, p] of phones.entries()) {
    await send(p, { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 3 + (i % 2) } });
    await send(p, { type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `Evidens i praksis nr. ${i + 1} – æøå` } });
  }
  await send(host, { type: 'addNote', scope: { kind: 'question', questionId: 'q1-4' }, kind: 'action', text: 'Lav en evidensplan', who: 'Direktionen', due: 'juni' });
  for (const s of [host, ...phones]) s.close();
}

it('prints to a clean A4 PDF with no request leaving the page', async () => {
  const session = await h.createSession();
  await workshop(session.code, session.hostToken);
  const res = await fetch(`${h.origin}/api/sessions/${session.code}/summary?format=html`, { headers: { Authorization: `Bearer ${session.hostToken}` } });
  expect(res.status).toBe(200);
  const html = await res.text();

  const context = await h.browser.newContext({ locale: 'da-DK' });
  const requests: string[] = [];
  // Everything is blocked: the page must be whole on its own.
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).toContain('Virker din resultatstyring som ønsket?');
  expect(text).toContain('Evidens i praksis nr. 2 – æøå');
  expect(text).toContain('Lav en evidensplan');
  expect(await page.locator('svg').count()).toBeGreaterThan(0);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await context.close();
  expect(requests).toEqual([]);
  const source = pdf.toString('latin1');
  expect(source.startsWith('%PDF-')).toBe(true);
  // Pages are counted from the page tree: themes start on new pages, but 19 questions with a
  // few answers stay well under 40 pages.
  const pages = (source.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`summary PDF: ${pages} pages, ${Math.round(pdf.length / 1024)} KiB`);
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(pages).toBeLessThanOrEqual(40);
}, 120_000);
