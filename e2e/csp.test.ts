// The built client under the server's strict Content-Security-Policy: every page (start, console,
// screen, phone) through a workshop – join, answers, results with their bars, the QR code, the
// live socket – without a single violation. And the policy is really on: an inline script and an
// inline <style> are refused.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startConfigured, type Configured, type Opened } from './configured.ts';
import { Q, answerScale, answerText, goToStep, join, openAnswering, questionOpen, revealResults, shown } from './flow.ts';

let c: Configured;
beforeAll(async () => {
  c = await startConfigured();
});
afterAll(async () => {
  await c?.close();
});

test('no page of a workshop breaks the CSP, and the socket connects under connect-src \'self\'', async () => {
  const start = await c.open('phone', `${c.origin}/`);
  await shown(start.page.getByRole('heading', { name: 'Start en workshop' }));
  const session = await c.createSession();
  const pages: Record<string, Opened> = {
    start,
    console: await c.open('console', session.hostUrl),
    screen: await c.open('screen', session.screenUrl),
    phone: await c.open('phone', session.joinUrl),
  };
  const [host, screen, phone] = [pages.console!.page, pages.screen!.page, pages.phone!.page];

  // The document itself carries the policy.
  const res = await phone.request.get(session.joinUrl);
  expect(res.headers()['content-security-policy']).toContain("script-src 'self'");

  await shown(screen.getByRole('img', { name: 'QR-kode til at deltage i workshoppen' }));
  await join(phone, 'Borger');
  await goToStep(host, Q.scale);
  await openAnswering(host);
  await questionOpen(phone, Q.scale);
  await answerScale(phone, '4');
  await revealResults(host);
  await shown(screen.getByText('Median: 4'));
  await shown(phone.getByRole('heading', { name: 'Resultater' }));
  await goToStep(host, Q.text);
  await openAnswering(host);
  await questionOpen(phone, Q.text);
  await answerText(phone, 'Mere tid til faglig sparring');
  await revealResults(host);
  await shown(screen.getByText('Mere tid til faglig sparring'));
  for (const p of Object.values(pages)) await p.page.waitForLoadState('networkidle').catch(() => {});

  for (const [name, p] of Object.entries(pages)) {
    expect(await c.violations(p.page), `CSP violations on the ${name} page`).toEqual([]);
    expect(p.errors, `errors on the ${name} page`).toEqual([]);
  }
  // The live connection is a websocket to the server itself: connect-src 'self' covers ws:.
  for (const name of ['console', 'screen', 'phone']) {
    expect(pages[name]!.requests.some((u) => u.startsWith(c.origin.replace(/^http/, 'ws'))), `${name} used a websocket`).toBe(true);
    await shown(pages[name]!.page.getByText('Forbundet'));
  }
});

test('the policy is enforced: inline script and <style> are refused (and reported)', async () => {
  const session = await c.createSession();
  const phone = await c.open('phone', session.joinUrl);
  await shown(phone.page.getByRole('button', { name: 'Deltag i workshoppen' }));
  const outcome = await phone.page.evaluate(async () => {
    const w = window as unknown as { __inline?: number };
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    const style = document.createElement('style');
    style.textContent = 'body { background: rgb(1, 2, 3) !important; }';
    document.head.append(style);
    const img = document.createElement('img');
    img.src = 'https://example.com/pixel.png';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 200));
    return { inline: w.__inline, background: getComputedStyle(document.body).backgroundColor };
  });
  expect(outcome.inline).toBeUndefined();
  expect(outcome.background).not.toBe('rgb(1, 2, 3)');
  const directives = (await c.violations(phone.page)).map((v) => v.directive);
  expect(directives).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^style-src/), 'img-src']));
});
