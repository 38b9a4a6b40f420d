// Patching clients against whole-view clients on one real server: through a workshop (answers,
// voting, results shown, a reconnect), every patching console, screen and phone ends with exactly
// the view and `me` a whole-view client has, no patch ever misses its version, and the patches
// are a fraction of the whole views' size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinResult } from '../shared/protocol.ts';
import type { HostView, MeView } from '../shared/session/views.ts';
import { Harness, stepIndex, type Created, type TestClient } from './testing/harness.ts';

let h: Harness;
let created: Created;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  h = await Harness.start();
  created = await h.createSession();
});
afterAll(async () => {
  await h?.close();
});

describe('view and me patches', () => {
  it('a patching client always holds what a whole-view client holds', async () => {
    const auth = (as: 'host' | 'screen' | 'participant', patches: boolean, token?: string) => ({ code: created.code, as, patches, ...(token ? { token } : {}) });
    const hosts = [await h.connect<HostView>(auth('host', true, created.hostToken)), await h.connect<HostView>(auth('host', false, created.hostToken))];
    const screens = [await h.connect(auth('screen', true)), await h.connect(auth('screen', false))];
    const phones: { client: TestClient<unknown>; token: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const client = await h.connect(auth('participant', i % 2 === 0));
      const { token } = await client.must<JoinResult>({ type: 'join', role: i % 3 === 0 ? 'manager' : 'employee' });
      phones.push({ client, token });
    }
    const host = hosts[0]!;
    await host.must({ type: 'goTo', index: stepIndex(host.view!, 'q1-4') });
    await host.must({ type: 'openAnswering', questionId: 'q1-4' });
    for (const [i, p] of phones.entries()) await p.client.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `Idé ${i}` } });
    await host.must({ type: 'closeAnswering', questionId: 'q1-4' });
    await host.must({ type: 'openVoting', questionId: 'q1-4' });
    await sleep(300);
    for (const p of phones) {
      const me = p.client.me as MeView;
      const target = me.voting[0]!.sample.find((s) => s.canAdd)!;
      await p.client.must({ type: 'castVote', questionId: 'q1-4', answerId: target.id });
    }
    // A patching phone drops and comes back in the middle of it all.
    phones[0]!.client.close();
    phones[0]!.client = await h.connect(auth('participant', true, phones[0]!.token));
    await host.must({ type: 'setResultsVisible', questionId: 'q1-4', visible: true });
    await sleep(600); // the consoles' cadence and the trailing flushes

    expect(hosts[0]!.view).toEqual(hosts[1]!.view);
    expect(screens[0]!.view).toEqual(screens[1]!.view);
    for (const p of phones) {
      const fresh = await h.connect(auth('participant', false, p.token));
      expect(p.client.me).toEqual(fresh.me);
      expect(p.client.view).toEqual(fresh.view);
      fresh.close();
    }
    for (const c of [...hosts, ...screens, ...phones.map((p) => p.client)]) expect(c.patchMisses).toBe(0);
    // Patches were used, not whole views sent again.
    expect(hosts[0]!.viewCount).toBeGreaterThan(3);
  });

  it('a change the state makes in place (the type of a question) reaches a patching console', async () => {
    // Views share objects with the state: the kept last view must be a copy, or this patch is lost.
    const c = await h.createSession();
    const a = await h.connect<HostView>({ code: c.code, as: 'host', token: c.hostToken, patches: true });
    const b = await h.connect<HostView>({ code: c.code, as: 'host', token: c.hostToken, patches: false });
    await a.must({ type: 'goTo', index: stepIndex(a.view!, 'q1-3') });
    await sleep(400);
    const options = [{ da: 'For vagt' }, { da: 'Passende' }, { da: 'For stram' }];
    await a.must({ type: 'changeQuestionType', questionId: 'q1-3', response: { type: 'choice', options, multiple: false, other: false } });
    await a.waitForView((v) => v.step?.kind === 'question' && v.step.question.response.type === 'choice', 'the choice question');
    await sleep(400);
    expect(a.view).toEqual(b.view);
    expect(a.patchMisses).toBe(0);
  });
});
