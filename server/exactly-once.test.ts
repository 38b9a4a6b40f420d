// Exactly-once keyed by (session, client id) for every actor (issues 12 and 17): a retried join
// answers only the device that sent it; memory of ids is bounded, and a resend of an id that has
// left memory is still applied once (found on disk).
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinResult } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import { AckBook } from './acks.ts';
import { Harness, TestClient, stepIndex } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h?.close();
});

const phone = (code: string, device?: string) => TestClient.connect<unknown>(h.url, { code, as: 'participant', ...(device ? { device } : {}) } as never);

describe('a join id', () => {
  it('retried from the same device on a fresh socket gets the same participant; another device gets nothing', async () => {
    const session = await h.createSession();
    const mine = nanoid();
    const joinId = nanoid();
    const first = await phone(session.code, mine);
    const a = await first.send({ type: 'join', role: 'citizen', name: 'Mette' }, joinId);
    expect(a.ok).toBe(true);
    first.close();

    const thief = await phone(session.code, nanoid());
    const stolen = await thief.send({ type: 'join', role: 'citizen' }, joinId);
    expect(stolen).toMatchObject({ ok: false, error: { code: 'id_in_use' } });
    expect(JSON.stringify(stolen)).not.toContain((a as { data: JoinResult }).data.token);
    const noDevice = await phone(session.code);
    expect(await noDevice.send({ type: 'join', role: 'citizen' }, joinId)).toMatchObject({ ok: false, error: { code: 'id_in_use' } });

    const again = await phone(session.code, mine);
    expect(await again.send({ type: 'join', role: 'citizen', name: 'Mette' }, joinId)).toEqual({ ...a, duplicate: true });
    // The same socket retrying once more (it is now the participant) gets it too.
    expect(await again.send({ type: 'join', role: 'citizen', name: 'Mette' }, joinId)).toEqual({ ...a, duplicate: true });
    for (const c of [thief, noDevice, again]) c.close();
  });

  it('ids are at least 21 characters', async () => {
    const session = await h.createSession();
    const p = await phone(session.code, nanoid());
    expect(await p.send({ type: 'join', role: 'citizen' }, 'abcdefghijklmnopqrst')).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect((await p.send({ type: 'join', role: 'citizen' }, 'abcdefghijklmnopqrstu')).ok).toBe(true);
    p.close();
  });
});

describe('the memory of ids', () => {
  it('is bounded, and an id that left it is still applied once', async () => {
    const session = await h.createSession();
    const host = await h.host(session);
    await host.must({ type: 'goTo', index: stepIndex(host.view!, 'q1-4') });
    await host.must({ type: 'openAnswering', questionId: 'q1-4' });
    const live = h.server.sessions.get(session.code)!;
    live.acks = new AckBook(4);
    const p = await phone(session.code, nanoid());
    await p.must({ type: 'join', role: 'citizen' });
    const firstId = nanoid();
    const first = await p.send({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'første svar' } }, firstId);
    expect(first.ok).toBe(true);
    for (let i = 0; i < 10; i++) await p.must({ type: 'moderateAnswer', questionId: 'q1-4', answerId: 'x', action: 'pin' }).catch(() => undefined);
    for (let i = 0; i < 10; i++) await host.must({ type: 'setScreenBlank', blank: i % 2 === 0 });
    expect(live.acks.size).toBeLessThanOrEqual(4);
    const resend = await p.send({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'første svar' } }, firstId);
    expect(resend).toEqual({ ...first, duplicate: true });
    const view = await host.waitForView((v: HostView) => v.results?.type === 'text' && v.results.n > 0, 'text results with the answer');
    expect(view.results?.type === 'text' && view.results.answers.filter((x) => x.text === 'første svar').length).toBe(1);
    p.close();
  });
});
