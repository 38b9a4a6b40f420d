// Any node accepts any socket, in the clustered mode. A socket's node answers what its sockets ask
// itself when it runs their workshop – or can take the workshop's lease now, nobody holding it –
// and otherwise passes the question to the node that runs it (the owner) over the NodeLink; the
// owner answers with the same code as for its own sockets (runner.ts), and its views reach every
// node's sockets through the socket.io Redis adapter (adapter.ts). The load balancer's routing by
// join code keeps most traffic on the owner; forwarding is what makes the rest work: a node added
// or drained, a balancer without that routing, a plenary spread over several nodes on purpose.
//
// When the owner dies (nobody listens on its channel), this node waits for its lease to run out
// and takes the workshop itself; when it only stops answering, its requests time out, and the
// lease – read again at most every third of its life – tells when another node has taken over.
// Requests still waiting on the old owner then fail at once, and their phones resend.
import type { Audience } from '../../shared/protocol.ts';
import type { Greeting } from '../broadcast.ts';
import type { CommandCall, CommandDone, Identified, Runner } from '../runner.ts';
import type { SessionManager } from '../sessions.ts';
import type { Placement } from './placement.ts';
import { NodeGone, NoAnswer, type NodeLink } from './node-link.ts';

/** A command's answer comes well within the phone's own ack timeout (8 s), or it resends. */
export const FORWARD_TIMEOUT_MS = 6000;
/**
 * A node with sockets of a workshop another node runs says so this often; the owner sends that
 * workshop's frames through the adapter until REMOTE_HOLD_MS after it last heard from one.
 */
const PRESENT_EVERY_MS = 2000;
const REMOTE_HOLD_MS = 3 * PRESENT_EVERY_MS;
/** What an owner answers about a workshop it does not run (any more): ask again. */
const MOVED = 'moved: this node does not run the workshop';

type Owner = { node: string; until: number };

export class Forwarding implements Runner {
  private readonly owners = new Map<string, Owner>();
  /** Until when each workshop this node runs has sockets on other nodes (as they last said). */
  private readonly remoteUntil = new Map<string, number>();
  private readonly presence: NodeJS.Timeout;

  /** `codesHere`: the workshops this node has sockets of. */
  constructor(
    private readonly sessions: SessionManager,
    private readonly placement: Placement,
    private readonly local: Runner,
    private readonly link: NodeLink,
    private readonly ttlMs: number,
    private readonly codesHere: () => Iterable<string>,
  ) {
    link.serve((kind, body) => this.answer(kind, body));
    this.presence = setInterval(() => void this.sayPresent(), PRESENT_EVERY_MS);
    this.presence.unref();
  }

  /** Whether a workshop this node runs has sockets on other nodes now (its frames then go through the adapter). */
  spreadNow(code: string): boolean {
    return (this.remoteUntil.get(code) ?? 0) > Date.now();
  }

  /**
   * Just taken over: whichever nodes hold its sockets have not said so to this node yet, so its
   * frames go everywhere until they have had the time to.
   */
  takenOver(code: string): void {
    this.remoteUntil.set(code, Date.now() + REMOTE_HOLD_MS);
  }

  /**
   * Tells the owner of each workshop this node has sockets of (and does not run) that it has
   * them. Looking the owner up also takes a workshop whose owner died and whose lease ran out,
   * so its timers run on even while nobody acts.
   */
  private async sayPresent(): Promise<void> {
    for (const code of this.codesHere()) {
      const owner = await this.ownerOf(code).catch(() => undefined);
      if (owner !== undefined && owner !== 'here') void this.link.call(owner, 'present', { code }, PRESENT_EVERY_MS, code).catch(() => {});
    }
  }

  async reach(code: string): Promise<boolean> {
    return (await this.ownerOf(code)) !== undefined;
  }

  identify(code: string, token: string | undefined, device: string | undefined): Promise<Identified | undefined> {
    return this.route(code, 'identify', { code, token, device }, () => this.local.identify(code, token, device));
  }

  greet(code: string, audience: Audience, participantId: string | undefined): Promise<Greeting | undefined> {
    return this.route(code, 'greet', { code, audience, participantId }, () => this.local.greet(code, audience, participantId));
  }

  command(call: CommandCall): Promise<CommandDone> {
    return this.route(call.code, 'command', call, () => this.local.command(call)).then(
      (done) => done ?? { ack: { ok: false, error: { code: 'no_such_session', message: 'no session with that code' } } },
      (e: unknown): CommandDone => ({ ack: { ok: false, error: { code: 'internal', message: e instanceof NoAnswer ? 'the workshop did not answer in time; please resend' : 'please resend' } } }),
    );
  }

  /**
   * Here if this node runs the workshop, else asked of its owner; undefined: no such workshop. A
   * dead owner's lease runs out within its life: meanwhile the workshop is looked up again every
   * tenth of it, and the first node to find the lease free takes it (without asking anyone to
   * hand it over, which would pull it back and forth between the nodes its sockets are on).
   */
  private async route<T>(code: string, kind: string, body: unknown, here: () => Promise<T>): Promise<T | undefined> {
    const deadline = Date.now() + 2 * this.ttlMs;
    for (;;) {
      const owner = await this.ownerOf(code);
      if (owner === undefined) return undefined;
      if (owner === 'here') return here();
      this.waitingOn(code, +1);
      try {
        return await this.link.call<T>(owner, kind, body, FORWARD_TIMEOUT_MS, code);
      } catch (e) {
        this.owners.delete(code);
        const gone = e instanceof NodeGone;
        if (Date.now() > deadline || !(gone || (e instanceof Error && e.message === MOVED))) throw e;
        if (gone) await new Promise((r) => setTimeout(r, this.ttlMs / 10));
      } finally {
        this.waitingOn(code, -1);
      }
    }
  }

  /** Requests waiting on each workshop's owner; while there are any, its lease is looked at (see watch). */
  private readonly waiting = new Map<string, number>();
  private watch: NodeJS.Timeout | undefined;

  private waitingOn(code: string, delta: number): void {
    const n = (this.waiting.get(code) ?? 0) + delta;
    if (n > 0) this.waiting.set(code, n);
    else this.waiting.delete(code);
    if (this.waiting.size && !this.watch) this.watch = setInterval(() => void this.lookAgain(), this.ttlMs / 3);
    else if (!this.waiting.size && this.watch) this.watch = void clearInterval(this.watch);
  }

  /**
   * An owner that is paused still listens on Redis, so its requests would wait out their timeout;
   * the lease says sooner that it lost the workshop – or lets this node take it, expired – and
   * then what waits on the old owner is answered at once (ownerOf).
   */
  private async lookAgain(): Promise<void> {
    for (const code of [...this.waiting.keys()]) await this.ownerOf(code).catch(() => undefined);
  }

  close(): void {
    clearInterval(this.watch);
    clearInterval(this.presence);
  }

  /** Who runs the workshop: remembered for a third of a lease's life, then read again. */
  private async ownerOf(code: string): Promise<string | 'here' | undefined> {
    if (this.sessions.get(code)) return 'here';
    const known = this.owners.get(code);
    if (known && known.until > Date.now()) return known.node;
    const place = await this.placement.locate(code);
    const now = place === undefined || place === 'here' ? undefined : place.owner;
    // The workshop moved on: whatever still waits on an old owner is answered now, and resent.
    this.link.failAll(code, new Error(MOVED), now);
    if (now === undefined) this.owners.delete(code);
    else this.owners.set(code, { node: now, until: Date.now() + this.ttlMs / 3 });
    return place === undefined ? undefined : (now ?? 'here');
  }

  /** Another node's request, about a workshop it believes this node runs. */
  private async answer(kind: string, body: unknown): Promise<unknown> {
    const code = (body as { code: string }).code;
    // Taken a moment ago and still being read: wait for it (open reads it once).
    if (!this.sessions.get(code) && !(this.placement.leaseHeld(code) && (await this.sessions.open(code)))) throw new Error(MOVED);
    // Whoever asks has a socket of it (or is about to).
    this.remoteUntil.set(code, Date.now() + REMOTE_HOLD_MS);
    if (kind === 'present') return true;
    if (kind === 'identify') {
      const { token, device } = body as { token?: string; device?: string };
      return this.local.identify(code, token, device);
    }
    if (kind === 'greet') {
      const { audience, participantId } = body as { audience: Audience; participantId?: string };
      return this.local.greet(code, audience, participantId);
    }
    if (kind === 'command') return this.local.command(body as CommandCall);
    throw new Error(`unknown request ${kind}`);
  }
}
