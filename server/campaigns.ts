// Campaigns ("forløb"): the same questions run in many workshops, combined for the organiser.
// The organiser holds a secret link (like the console's); facilitators attach their workshop
// with the campaign's attach code, or the organiser creates the workshops. The organiser sees
// combined results with small groups hidden in every combination (shared/campaign) and the
// decisions and actions of every workshop – never the raw answers of a workshop.
import { createHash, timingSafeEqual } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import type { Lang } from '../shared/protocol.ts';
import { campaignView, earlierActions, type CampaignAction, type CampaignView } from '../shared/campaign/view.ts';
import type { ActionStatus, CampaignRecord, CampaignStore } from './store/campaign-store.ts';
import type { SessionManager } from './sessions.ts';

/** The attach code is typed by a facilitator: no look-alike letters, grouped for reading. */
const attachCode = customAlphabet('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 10);

/** A number per state object: erasure replaces a workshop's state, which must not look unchanged. */
const stateIds = new WeakMap<object, number>();
let nextStateId = 0;
function stateId(state: object): number {
  let id = stateIds.get(state);
  if (id === undefined) stateIds.set(state, (id = ++nextStateId));
  return id;
}

export class Campaigns {
  private readonly cache = new Map<string, { version: string; view: CampaignView }>();
  constructor(
    private readonly store: CampaignStore,
    private readonly sessions: SessionManager,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(name: string, lang: Lang): Promise<{ id: string; organiserToken: string; attachCode: string }> {
    const id = nanoid(12);
    const organiserToken = nanoid(24);
    const code = attachCode();
    await this.store.create({ id, name, organiserTokenHash: hash(organiserToken), attachCode: code, lang, createdAt: this.clock() });
    return { id, organiserToken, attachCode: code };
  }

  get(id: string): Promise<CampaignRecord | undefined> {
    return this.store.get(id);
  }

  async isOrganiser(id: string, token: string | undefined): Promise<boolean> {
    const c = token ? await this.store.get(id) : undefined;
    if (!c || !token) return false;
    const a = Buffer.from(hash(token), 'hex');
    const b = Buffer.from(c.organiserTokenHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The campaign an attach code opens (codes are compared as typed, case and spaces aside). */
  byAttachCode(code: string): Promise<CampaignRecord | undefined> {
    return this.store.byAttachCode(code.replace(/[\s-]/g, '').toUpperCase());
  }

  attach(campaignId: string, code: string, label: string, heldOn: string | null): Promise<void> {
    return this.store.attach({ campaignId, code, label: label.trim(), heldOn, attachedAt: this.clock() });
  }

  async campaignOf(code: string): Promise<{ campaign: CampaignRecord; label: string; heldOn: string | null } | undefined> {
    const w = await this.store.campaignOf(code);
    const campaign = w && (await this.store.get(w.campaignId));
    return campaign && w && { campaign, label: w.label, heldOn: w.heldOn };
  }

  /**
   * The organiser's view: progress, combined results and every workshop's decisions and actions.
   * Built again only when something in it changed (a workshop's log moved on, a workshop was
   * attached, an action reviewed): 200 workshops take a few hundred ms to combine.
   */
  async view(id: string): Promise<CampaignView | undefined> {
    const campaign = await this.store.get(id);
    if (!campaign) return undefined;
    const workshops = await this.store.workshops(id);
    // Each workshop's log is read on first use, like a console's; then it stays in memory. On
    // several nodes, read without taking it from the node running it (a replay each time).
    const opened = await Promise.all(workshops.map((w) => this.sessions.peek(w.code)));
    const attached = workshops.flatMap((w, i) => {
      const live = opened[i];
      return live ? [{ ...w, state: live.state }] : [];
    });
    const reviews = (await this.store.reviews(id)).map((r) => ({ workshop: r.workshop, noteId: r.noteId, status: r.status, reviewedIn: r.reviewedIn, at: r.at }));
    const version = JSON.stringify([campaign.name, attached.map((w) => [w.code, w.label, w.heldOn, stateId(w.state), w.state.seq]), reviews]);
    const cached = this.cache.get(id);
    if (cached?.version === version) return cached.view;
    const view = campaignView(campaign, attached, reviews);
    this.cache.set(id, { version, view });
    return view;
  }

  /** The actions of the workshops attached before this one, with their follow-up so far. */
  async earlierActions(code: string): Promise<CampaignAction[]> {
    const found = await this.store.campaignOf(code);
    const view = found && (await this.view(found.campaignId));
    return view ? earlierActions(view, code) : [];
  }

  /**
   * Records the status an earlier workshop's action has now, as reviewed in workshop `code`.
   * False when the action is not one this workshop may review.
   */
  async review(code: string, workshop: string, noteId: string, status: ActionStatus): Promise<boolean> {
    const found = await this.store.campaignOf(code);
    if (!found || !(await this.earlierActions(code)).some((a) => a.workshop === workshop && a.id === noteId)) return false;
    await this.store.review({ campaignId: found.campaignId, workshop, noteId, status, reviewedIn: code, at: this.clock() });
    return true;
  }
}

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
