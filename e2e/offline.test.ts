// A phone that loses the network keeps what it was given: the answer waits in the outbox
// (localStorage), the phone says "not saved yet", and once the network is back the answer is
// delivered – whether the page stayed open for 30 seconds offline, or was reloaded meanwhile.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startConfigured, type Configured } from './configured.ts';
import { Q, answerScale, consoleCount, goToStep, join, openAnswering, questionOpen, shown } from './flow.ts';

const OFFLINE = 'Ingen forbindelse – prøver igen …';
const NOT_SAVED = 'Ikke gemt endnu – sendes, når forbindelsen er tilbage';

let c: Configured;
beforeAll(async () => {
  // A quick heartbeat, so that a connection that dies silently is noticed within seconds too.
  c = await startConfigured({ pingIntervalMs: 2000, pingTimeoutMs: 2000 });
});
afterAll(async () => {
  await c?.close();
});

const connection = (phone: Page) => phone.locator('.connection');
const outbox = (phone: Page, code: string) => phone.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '[]') as unknown[], `raadslag:outbox:${code}`);

test('30 seconds offline while answering: "not saved yet", then delivered after reconnecting', async () => {
  const session = await c.createSession();
  const host = (await c.open('console', session.hostUrl)).page;
  const { page: phone, context } = await c.open('phone', session.joinUrl);
  await join(phone, 'Borger');
  await goToStep(host, Q.scale);
  await openAnswering(host);
  await questionOpen(phone, Q.scale);

  const offlineAt = Date.now();
  await context.setOffline(true);
  // The phone notices at once (the browser drops the socket; the client listens for "offline").
  await shown(connection(phone).filter({ hasText: OFFLINE }), 5000);
  await phone.getByRole('radio', { name: '3', exact: true }).check();
  await shown(phone.getByText(NOT_SAVED));
  expect(await outbox(phone, session.code)).toHaveLength(1);

  // Half a minute without network: still waiting, still saying so, and the console has nothing.
  await phone.waitForTimeout(Math.max(0, 30_000 - (Date.now() - offlineAt)));
  await shown(phone.getByText(NOT_SAVED));
  await shown(consoleCount(host, 0, 1));

  await context.setOffline(false);
  await shown(phone.getByText('Svar modtaget'), 15_000);
  await shown(connection(phone).filter({ hasText: 'Forbundet' }));
  await shown(consoleCount(host, 1, 1));
  expect(await outbox(phone, session.code)).toHaveLength(0);
});

test('answered offline, reloaded offline, back online: the outbox is resent after the reload', async () => {
  const session = await c.createSession();
  const host = (await c.open('console', session.hostUrl)).page;
  const { page: phone, context } = await c.open('phone', session.joinUrl);
  await join(phone, 'Leder');
  await goToStep(host, Q.scale);
  await openAnswering(host);
  await questionOpen(phone, Q.scale);

  await context.setOffline(true);
  await shown(connection(phone).filter({ hasText: OFFLINE }), 5000);
  await phone.getByRole('radio', { name: '4', exact: true }).check();
  await shown(phone.getByText(NOT_SAVED));
  expect(await outbox(phone, session.code)).toHaveLength(1);
  // A reload without network fails (the browser's own error page); the outbox stays behind.
  await phone.reload().catch(() => {});
  await context.setOffline(false);
  await phone.goto(session.joinUrl);
  await shown(consoleCount(host, 1, 1), 15_000);
  await questionOpen(phone, Q.scale);
  await shown(phone.getByText('Svar modtaget'));
  expect(await phone.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
  expect(await outbox(phone, session.code)).toHaveLength(0);
  // Sent once, counted once.
  await phone.waitForTimeout(500);
  await shown(consoleCount(host, 1, 1));
});

test('joined, offline, reloaded: the last view and the offline notice at once; the answer is acknowledged once back', async () => {
  const session = await c.createSession();
  const host = (await c.open('console', session.hostUrl)).page;
  const { page: phone, context } = await c.open('phone', session.joinUrl);
  await join(phone, 'Borger');
  await goToStep(host, Q.scale);
  await openAnswering(host);
  await questionOpen(phone, Q.scale);
  // The service worker has the page by now (it installs on the first load).
  await phone.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  const reloaded = await phone.reload();
  // The page itself came from the service worker's cache, not the (unreachable) server.
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await questionOpen(phone, Q.scale);
  await shown(connection(phone).filter({ hasText: OFFLINE }), 5000);
  await phone.getByRole('radio', { name: '3', exact: true }).check();
  await shown(phone.getByText(NOT_SAVED));
  await shown(consoleCount(host, 0, 1));

  await context.setOffline(false);
  await shown(phone.getByText('Svar modtaget'), 15_000);
  await shown(connection(phone).filter({ hasText: 'Forbundet' }));
  await shown(consoleCount(host, 1, 1));
  expect(await outbox(phone, session.code)).toHaveLength(0);
});

test('a working phone answers as before: "Svar modtaget" straight away', async () => {
  const session = await c.createSession();
  const host = (await c.open('console', session.hostUrl)).page;
  const { page: phone } = await c.open('phone', session.joinUrl);
  await join(phone, 'Borger');
  await goToStep(host, Q.scale);
  await openAnswering(host);
  await questionOpen(phone, Q.scale);
  await answerScale(phone, '2');
  await shown(consoleCount(host, 1, 1));
});
