// The organiser's view of a campaign, built from the workshops' states: progress, combined
// results (combine.ts) and every workshop's decisions and actions. Pure: the server reads the
// records and states, this decides what the organiser sees – never a raw answer.
import type { Lang, NoteKind } from '../protocol.ts';
import { localize } from '../question-set.ts';
import { DEFAULT_MIN_GROUP_SIZE } from '../session/evolve.ts';
import type { SessionState } from '../session/state.ts';
import { combine, workshopInput, type CombinedQuestion } from './combine.ts';

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
  /** Its follow-up: the latest status a later workshop of the campaign gave it, and the earlier ones. */
  followUp?: FollowUp[];
};

export const FOLLOW_UP_STATUSES = ['done', 'inProgress', 'dropped'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
/** A status given to an action at a later workshop (`reviewedIn`: its code), `at` in ms. */
export type FollowUp = { status: FollowUpStatus; reviewedIn: string; at: number };
export type Review = FollowUp & { workshop: string; noteId: string };

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
  /** For the organiser to hand out again: it attaches a workshop, it reads nothing. */
  attachCode: string;
  minGroupSize: number;
  workshops: CampaignWorkshopView[];
  questions: CombinedQuestion[];
  actions: CampaignAction[];
};

/** What GET /api/campaigns/:id sends by default: the fine-grained splits are in the downloads. */
export type PageQuestion = Omit<CombinedQuestion, 'byWorkshopRole' | 'byLabelRole'>;
export type CampaignPageView = Omit<CampaignView, 'questions'> & { questions: PageQuestion[] };

/** What the view needs of a campaign and of each attached workshop. */
export type CampaignSource = { id: string; name: string; lang: Lang; attachCode: string };
export type AttachedWorkshop = { code: string; label: string; heldOn: string | null; state: SessionState };

export function campaignView(campaign: CampaignSource, attached: AttachedWorkshop[], reviews: Review[] = []): CampaignView {
  // The strictest minimum of the workshops: combining must not show what one of them hides.
  const minGroupSize = Math.max(DEFAULT_MIN_GROUP_SIZE, ...attached.map((w) => w.state.minGroupSize));
  return {
    id: campaign.id,
    name: campaign.name,
    lang: campaign.lang,
    attachCode: campaign.attachCode,
    minGroupSize,
    workshops: attached.map((w) => ({
      code: w.code,
      label: w.label,
      heldOn: w.heldOn,
      title: localize(w.state.set.title, campaign.lang),
      participants: Object.values(w.state.participants).filter((p) => !p.removed).length,
      // Started: the facilitator left the lobby, or someone has joined.
      started: w.state.startedAt !== undefined || w.state.participantCount > 0,
      ended: w.state.ended,
    })),
    questions: combine(
      attached.map((w) => workshopInput(w.code, w.label, w.state)),
      minGroupSize,
    ),
    actions: attached.flatMap((w) => actionsOf(w.code, w.label, w.state)).map((a) => withFollowUp(a, reviews)),
  };
}

/** Adds the reviews of an action, newest first (actions only: a decision is not followed up). */
function withFollowUp(a: CampaignAction, reviews: Review[]): CampaignAction {
  if (a.kind !== 'action') return a;
  const mine = reviews.filter((r) => r.workshop === a.workshop && r.noteId === a.id).map(({ status, reviewedIn, at }) => ({ status, reviewedIn, at }));
  return mine.length ? { ...a, followUp: mine.reverse() } : a;
}

/** The actions of the campaign's other workshops attached before this one, for its console to review. */
export function earlierActions(view: CampaignView, code: string): CampaignAction[] {
  const index = view.workshops.findIndex((w) => w.code === code);
  const before = new Set(view.workshops.slice(0, index < 0 ? view.workshops.length : index).map((w) => w.code));
  return view.actions.filter((a) => a.kind === 'action' && before.has(a.workshop));
}

export function actionsOf(workshop: string, label: string, state: SessionState): CampaignAction[] {
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

