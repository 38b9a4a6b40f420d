// The server's own clock (session-timers.ts) on a real server: an auto-closing timer closes the
// question when it runs out, as a command of the server's own, and the console sees it.
import { afterAll, describe, expect, it } from 'vitest';
import { Harness, stepIndex } from './testing/harness.ts';

let h: Harness | undefined;
afterAll(async () => h?.close());

describe('timers', () => {
  it('an auto-closing timer closes answering when it runs out; an advisory one does not', async () => {
    h = await Harness.start();
    const session = await h.createSession();
    const host = await h.host(session);
    const view = await host.waitForView((v) => v.agenda.length > 0);
    await host.must({ type: 'goTo', index: stepIndex(view, 'q1-1') });
    await host.must({ type: 'openAnswering', questionId: 'q1-1' });
    await host.must({ type: 'openAnswering', questionId: 'q1-2' });
    await host.must({ type: 'setTimer', questionId: 'q1-1', seconds: 1, autoClose: true });
    await host.must({ type: 'setTimer', questionId: 'q1-2', seconds: 1, autoClose: false });
    const phaseOf = (v: typeof view, id: string) => v.agenda.find((a) => a.questionId === id)?.phase;
    const closed = await host.waitForView((v) => phaseOf(v, 'q1-1') === 'closed', 'q1-1 closed by its timer', 4000);
    expect(phaseOf(closed, 'q1-2')).toBe('open');
  });
});
