// Campaigns ("forløb"): the same questions run in many workshops, combined for the organiser.
// The organiser holds a secret link (like the console's); facilitators attach their workshop
// with the campaign's attach code, or the organiser creates the workshops. The organiser sees
// combined results with small groups hidden in every combination (shared/campaign) and the
// decisions and actions of every workshop – never the raw answers of a workshop.
import { createHash, timingSafeEqual } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import type { Lang, NoteKind } from '../shared/protocol.ts';
import { combine, workshopInput, type CombinedQuestion } from '../shared/campaign/combine.ts';
import { DEFAULT_MIN_GROUP_SIZE } from '../shared/session/evolve.ts';
import type { SessionState } from '../shared/session/state.ts';
import type { CampaignRecord, CampaignStore } from './store/campaign-store.ts';
import type { SessionManager } from './sessions.ts';

/** The attach code is typed by a facilitator: no look-alike letters, grouped for reading. */
const attachCode = customAlphabet('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 10);

export type CampaignAction = {
  /** Stable: the note's id within its workshop (with `workshop`, unique in the campaign). */
  id: string;
  workshop: string;
  label: string;
  kind: Extract<NoteKind, 'decision' | 'action'>;
  text: string;
  who?: string;
  due?: string;
  /** The question it was noted under, when it was. */
  questionId?: string;
};

export type CampaignWorkshopView = {
  code: string;
  label: string;
  heldOn: string | null;
  title: string;
  participants: number;
  started: boolean;
  ended: boolean;
};

/** What the organiser's link shows: GET /api/campaigns/:id (docs/protocol.md, "Campaigns"). */
export type CampaignView = {
  id: string;
  name: string;
  lang: Lang;
  minGroupSize: number;
  workshops: CampaignWorkshopView[];
  questions: CombinedQuestion[];
  actions: CampaignAction[];
};

export class Campaigns {
  constructor(
    private readonly store: CampaignStore,
    private readonly sessions: SessionManager,
    private readonly clock: () => number = Date.now,
  ) {}

  create(name: string, lang: Lang): { id: string; organiserToken: string; attachCode: string } {
    const id = nanoid(12);
    const organiserToken = nanoid(24);
    const code = attachCode();
    this.store.create({ id, name, organiserTokenHash: hash(organiserToken), attachCodeHash: hash(code), lang, createdAt: this.clock() });
    return { id, organiserToken, attachCode: code };
  }

  get(id: string): CampaignRecord | undefined {
    return this.store.get(id);
  }

  isOrganiser(id: string, token: string | undefined): boolean {
    const c = this.store.get(id);
    if (!c || !token) return false;
    const a = Buffer.from(hash(token), 'hex');
    const b = Buffer.from(c.organiserTokenHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The campaign an attach code opens (codes are compared as typed, case and spaces aside). */
  byAttachCode(code: string): CampaignRecord | undefined {
    return this.store.byAttachCode(hash(code.replace(/[\s-]/g, '').toUpperCase()));
  }

  attach(campaignId: string, code: string, label: string, heldOn: string | null): void {
    this.store.attach({ campaignId, code, label: label.trim(), heldOn, attachedAt: this.clock() });
  }

  campaignOf(code: string): { campaign: CampaignRecord; label: string; heldOn: string | null } | undefined {
    const w = this.store.campaignOf(code);
    const campaign = w && this.store.get(w.campaignId);
    return campaign && w && { campaign, label: w.label, heldOn: w.heldOn };
  }

  /** The organiser's view: progress, combined results and every workshop's decisions and actions. */
  view(id: string): CampaignView | undefined {
    const campaign = this.store.get(id);
    if (!campaign) return undefined;
    const attached = this.store.workshops(id).flatMap((w) => {
      const live = this.sessions.get(w.code);
      return live ? [{ ...w, state: live.state }] : [];
    });
    // The strictest minimum of the workshops: combining must not show what one of them hides.
    const minGroupSize = Math.max(DEFAULT_MIN_GROUP_SIZE, ...attached.map((w) => w.state.minGroupSize));
    return {
      id,
      name: campaign.name,
      lang: campaign.lang,
      minGroupSize,
      workshops: attached.map((w) => ({
        code: w.code,
        label: w.label,
        heldOn: w.heldOn,
        title: w.state.set.title.da,
        participants: Object.values(w.state.participants).filter((p) => !p.removed).length,
        started: w.state.startedAt !== undefined,
        ended: w.state.ended,
      })),
      questions: combine(
        attached.map((w) => workshopInput(w.code, w.label, w.state)),
        minGroupSize,
      ),
      actions: attached.flatMap((w) => actionsOf(w.code, w.label, w.state)),
    };
  }
}

function actionsOf(workshop: string, label: string, state: SessionState): CampaignAction[] {
  return state.noteOrder.flatMap((id) => {
    const n = state.notes[id];
    if (!n || (n.kind !== 'decision' && n.kind !== 'action')) return [];
    return [
      {
        id: n.id,
        workshop,
        label,
        kind: n.kind,
        text: n.text,
        ...(n.who ? { who: n.who } : {}),
        ...(n.due ? { due: n.due } : {}),
        ...(n.scope.kind === 'question' ? { questionId: n.scope.questionId } : {}),
      },
    ];
  });
}

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
