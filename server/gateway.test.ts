// The socket gateway on a real server: retries are applied once, identity comes from the
// handshake, and every rejection has its code and changes nothing.
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinResult, SubmitResult } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import { Harness, connectError, stepIndex, type Created } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h?.close();
});

/** A fresh session with a host on `questionId`, opened. */
async function sessionOn(questionId: string) {
  const session = await h.createSession();
  const host = await h.host(session);
  await host.must({ type: 'goTo', index: stepIndex(host.view!, questionId) });
  await host.must({ type: 'openAnswering', questionId });
  return { session, host };
}

/** What a newly connected host sees: the whole state, as a view. */
async function freshHostView(session: Created): Promise<HostView> {
  const host = await h.host(session);
  const view = host.view!;
  host.close();
  return view;
}

describe('a retried command is applied once', () => {
  it('the same envelope twice: both ok, the second duplicate, the answer counted once', async () => {
    const { session, host } = await sessionOn('q1-4');
    const phone = await h.participant(session);
    await phone.must({ type: 'join', role: 'employee' });
    const envelope = { id: nanoid(), command: { type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'kun én gang' } } };
    const first = await phone.sendRaw(envelope);
    const second = await phone.sendRaw(envelope);
    expect(first).toMatchObject({ ok: true, data: { answerId: expect.any(String) } });
    expect(first).not.toHaveProperty('duplicate');
    expect(second).toEqual({ ...first, duplicate: true });
    // A different id is a different answer: this proves the count below could be 2.
    await phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'en anden' } });
    const v = await host.waitForView((x) => x.results?.type === 'text' && x.results.n === 2, 'two texts');
    expect(v.results).toMatchObject({ n: 2, respondents: 1 });
    expect((await freshHostView(session)).results).toMatchObject({ n: 2 });
  });

  it('two copies in flight at once are applied once too', async () => {
    const { session, host } = await sessionOn('q1-4');
    const phone = await h.participant(session);
    await phone.must({ type: 'join', role: 'citizen' });
    const envelope = { id: nanoid(), command: { type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'samtidig' } } };
    const [a, b] = await Promise.all([phone.sendRaw(envelope), phone.sendRaw(envelope)]);
    expect([a, b].filter((x) => x.ok && x.duplicate)).toHaveLength(1);
    expect((a as { data: SubmitResult }).data).toEqual((b as { data: SubmitResult }).data);
    await host.waitForView((x) => x.results?.type === 'text' && x.results.n === 1);
    expect((await freshHostView(session)).results).toMatchObject({ n: 1 });
  });

  it('a join retried from a fresh guest socket (after a lost ack) gets the same participant and token', async () => {
    const session = await h.createSession();
    const id = nanoid();
    const first = await h.participant(session);
    const a = await first.send({ type: 'join', role: 'manager', name: 'Mette' }, id);
    first.close();
    const second = await h.participant(session);
    const b = await second.send({ type: 'join', role: 'manager', name: 'Mette' }, id);
    expect(a).toMatchObject({ ok: true, data: { participantId: expect.any(String), token: expect.any(String) } });
    expect(b).toEqual({ ...a, duplicate: true });
    const v = await freshHostView(session);
    expect(v.participants).toBe(1);
    // The retrying socket is now that participant: it gets its `me` and may answer.
    const me = await second.waitForMe((m) => m.participantId === (a as { data: JoinResult }).data.participantId);
    expect(me).toMatchObject({ name: 'Mette', role: 'manager' });
  });

  it('a client id belongs to the session: a second participant presenting it gets id_in_use, and it counts once', async () => {
    const { session, host } = await sessionOn('q1-1');
    const [p, q] = [await h.participant(session), await h.participant(session)];
    await p.must({ type: 'join', role: 'other' });
    await q.must({ type: 'join', role: 'other' });
    const envelope = { id: nanoid(), command: { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 4 } } };
    expect(await p.sendRaw(envelope)).not.toHaveProperty('duplicate');
    expect(await q.sendRaw(envelope)).toMatchObject({ ok: false, error: { code: 'id_in_use' } });
    await host.waitForView((x) => x.results?.type === 'scale' && x.results.n === 1, 'one scale answer');
  });
});

describe('rejections over the socket have the right codes and change nothing', () => {
  it('host commands from a participant, a guest or the screen → forbidden', async () => {
    const { session } = await sessionOn('q1-1');
    const phone = await h.participant(session);
    await phone.must({ type: 'join', role: 'politician' });
    const guest = await h.participant(session);
    const screen = await h.screen(session);
    const before = await freshHostView(session);
    const commands = [
      { type: 'next' },
      { type: 'previous' },
      { type: 'goTo', index: 0 },
      { type: 'openAnswering', questionId: 'q1-3' },
      { type: 'closeAnswering', questionId: 'q1-1' },
      { type: 'setResultsVisible', questionId: 'q1-1', visible: true },
    ];
    for (const client of [phone, guest, screen]) {
      for (const command of commands) {
        expect(await client.send(command), `${command.type}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(await screen.send({ type: 'join', role: 'citizen' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await freshHostView(session)).toEqual(before);
    expect(screen.view!.results).toBeNull();
  });

  it.each<[string, object, string]>([
    ['answering before joining', { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 3 } }, 'not_joined'],
    ['withdrawing before joining', { type: 'withdrawAnswer', questionId: 'q1-1', answerId: 'a_x' }, 'not_joined'],
  ])('a guest %s → %s', async (_label, command, code) => {
    const { session } = await sessionOn('q1-1');
    const guest = await h.participant(session);
    const before = await freshHostView(session);
    expect(await guest.send(command)).toMatchObject({ ok: false, error: { code } });
    expect(await freshHostView(session)).toEqual(before);
  });

  it('each payload rejection keeps its code; the state is untouched', async () => {
    const { session, host } = await sessionOn('q1-1');
    await host.must({ type: 'openAnswering', questionId: 'q1-4' });
    await host.must({ type: 'openAnswering', questionId: 'q1-3' });
    await host.must({ type: 'closeAnswering', questionId: 'q1-3' });
    const phone = await h.participant(session);
    await phone.must({ type: 'join', role: 'executive' });
    await phone.must({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 2 } });
    const before = await freshHostView(session);
    const answer = (questionId: string, a: object) => ({ type: 'submitAnswer', questionId, answer: a });
    const cases: [unknown, string][] = [
      [{ id: nanoid(), command: answer('q1-3', { kind: 'scale', value: 3 }) }, 'question_closed'],
      [{ id: nanoid(), command: answer('q2-1', { kind: 'scale', value: 3 }) }, 'question_closed'],
      [{ id: nanoid(), command: answer('q1-4', { kind: 'text', text: 'x'.repeat(501) }) }, 'invalid_payload'],
      [{ id: nanoid(), command: { type: 'join', role: 'citizen', name: 'n'.repeat(41) } }, 'invalid_payload'],
      [{ id: nanoid(), command: answer('q1-1', { kind: 'scale', value: 6 }) }, 'out_of_range'],
      [{ id: nanoid(), command: answer('q1-1', { kind: 'number', value: 3 }) }, 'wrong_answer_type'],
      [{ id: nanoid(), command: answer('q9-9', { kind: 'scale', value: 3 }) }, 'unknown_question'],
      [{ id: nanoid(), command: answer('q1-4', { kind: 'text', text: '   ' }) }, 'empty_answer'],
      [{ id: nanoid(), command: { type: 'join', role: 'citizen' } }, 'already_joined'],
      [{ id: nanoid(), command: { type: 'selfDestruct' } }, 'unknown_command'],
      [{ id: nanoid(), command: answer('q1-1', { kind: 'scale', value: 3 }), participantId: 'p_other' }, 'invalid_payload'],
      [{ command: { type: 'next' } }, 'invalid_payload'],
      ['just a string', 'invalid_payload'],
      [null, 'invalid_payload'],
    ];
    for (const [envelope, code] of cases) {
      expect(await phone.sendRaw(envelope), JSON.stringify(envelope).slice(0, 80)).toMatchObject({ ok: false, error: { code } });
    }
    expect(await freshHostView(session)).toEqual(before);
    // `me` is coalesced with the session's flush: wait for it rather than for a fixed time.
    await phone.until(() => phone.me?.answers['q1-1'] !== undefined, 'its own answer in me');
    expect(phone.me!.answers).toEqual({ 'q1-1': [expect.objectContaining({ answer: { kind: 'scale', value: 2 } })] });
  });

  it('a closed question refuses answers until reopened', async () => {
    const { session, host } = await sessionOn('q1-1');
    const phone = await h.participant(session);
    await phone.must({ type: 'join', role: 'citizen' });
    await host.must({ type: 'closeAnswering', questionId: 'q1-1' });
    const a = { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 3 } };
    expect(await phone.send(a)).toMatchObject({ ok: false, error: { code: 'question_closed' } });
    await host.must({ type: 'openAnswering', questionId: 'q1-1' });
    expect(await phone.send(a)).toMatchObject({ ok: true });
  });
});

describe('handshake', () => {
  it.each<[string, (s: Created) => unknown, string]>([
    ['a wrong host token', (s) => ({ code: s.code, as: 'host', token: 'W'.repeat(32) }), 'forbidden'],
    ['no host token', (s) => ({ code: s.code, as: 'host' }), 'forbidden'],
    ['a host token for an unknown session', (s) => ({ code: 'ZZZZZZ', as: 'host', token: s.hostToken }), 'no_such_session'],
    ['an unknown session', () => ({ code: 'ZZZZZZ', as: 'participant' }), 'no_such_session'],
    ['an unknown audience', (s) => ({ code: s.code, as: 'admin' }), 'invalid_payload'],
    ['an unknown auth key', (s) => ({ code: s.code, as: 'participant', participantId: 'p_1' }), 'invalid_payload'],
    ['no auth at all', () => undefined, 'invalid_payload'],
  ])('%s → connect_error (%s)', async (_label, auth, code) => {
    const session = await h.createSession();
    const error = await connectError(h.url, auth(session));
    expect(error.message).toBeTruthy();
    expect(error.data?.code).toBe(code);
  });

  it('tokens from one session are no identity in another', async () => {
    const a = await h.createSession();
    const b = await h.createSession();
    expect((await connectError(h.url, { code: b.code, as: 'host', token: a.hostToken })).data?.code).toBe('forbidden');
    const phone = await h.participant(a);
    const { token } = await phone.must<JoinResult>({ type: 'join', role: 'citizen' });
    const elsewhere = await h.participant(b, token);
    expect(elsewhere.me).toBeNull();
    const ack = await elsewhere.send({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 3 } });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('the host token never reaches a participant or the screen', async () => {
    const { session } = await sessionOn('q1-1');
    const phone = await h.participant(session);
    await phone.must({ type: 'join', role: 'citizen' });
    const screen = await h.screen(session);
    const seen = JSON.stringify([phone.view, phone.me, phone.hello, screen.view, screen.hello]);
    expect(seen).not.toContain(session.hostToken);
  });
});
