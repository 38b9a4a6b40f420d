// Campaigns ("forløb") in the store: a campaign and the workshops attached to it. Small,
// rarely written records beside the event logs; secrets are kept as SHA-256 hashes only.
import type Database from 'better-sqlite3';
import type { FollowUpStatus } from '../../shared/campaign/view.ts';

export type CampaignRecord = {
  id: string;
  name: string;
  /** Hash of the organiser's token (the organiser link's secret). */
  organiserTokenHash: string;
  /** The code facilitators use to attach a workshop they already run: it lets them add a workshop,
   * never read one, so it is kept as given and shown to the organiser again. */
  attachCode: string;
  lang: 'da' | 'en';
  createdAt: number;
};

/** A workshop in a campaign: its session code, a label (department, municipality, …) and the day it is held. */
export type CampaignWorkshop = { campaignId: string; code: string; label: string; heldOn: string | null; attachedAt: number };

export type ActionStatus = FollowUpStatus;
/** A later workshop's review of an earlier workshop's action: appended, never changed (the latest counts). */
export type ActionReview = { campaignId: string; workshop: string; noteId: string; status: ActionStatus; reviewedIn: string; at: number };

export interface CampaignStore {
  review(review: ActionReview): Promise<void>;
  /** Every review in the campaign, oldest first. */
  reviews(campaignId: string): Promise<ActionReview[]>;
  create(campaign: CampaignRecord): Promise<void>;
  get(id: string): Promise<CampaignRecord | undefined>;
  byAttachCode(attachCode: string): Promise<CampaignRecord | undefined>;
  /** Attaches (or re-labels) a workshop; a workshop belongs to one campaign at most. */
  attach(workshop: CampaignWorkshop): Promise<void>;
  /** Oldest first (attached_at, then code). */
  workshops(campaignId: string): Promise<CampaignWorkshop[]>;
  campaignOf(code: string): Promise<CampaignWorkshop | undefined>;
  /** The session is gone (deleted or expired): it leaves its campaign. */
  detach(code: string): Promise<void>;
}

export const CAMPAIGN_SCHEMA = `
CREATE TABLE IF NOT EXISTS campaigns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  organiser_token_hash TEXT NOT NULL,
  attach_code TEXT NOT NULL UNIQUE,
  lang TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS campaign_workshops (
  code TEXT PRIMARY KEY REFERENCES sessions(code) ON DELETE CASCADE,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  held_on TEXT,
  attached_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS campaign_action_reviews (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  workshop TEXT NOT NULL,
  note_id TEXT NOT NULL,
  status TEXT NOT NULL,
  reviewed_in TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS campaign_action_reviews_campaign ON campaign_action_reviews(campaign_id, at);
CREATE INDEX IF NOT EXISTS campaign_workshops_campaign ON campaign_workshops(campaign_id, attached_at);
`;

type CampaignRow = { id: string; name: string; organiser_token_hash: string; attach_code: string; lang: string; created_at: number };
type WorkshopRow = { code: string; campaign_id: string; label: string; held_on: string | null; attached_at: number };

const toWorkshop = (r: WorkshopRow): CampaignWorkshop => ({ campaignId: r.campaign_id, code: r.code, label: r.label, heldOn: r.held_on, attachedAt: r.attached_at });

const toCampaign = (r: CampaignRow | undefined): CampaignRecord | undefined =>
  r && { id: r.id, name: r.name, organiserTokenHash: r.organiser_token_hash, attachCode: r.attach_code, lang: r.lang === 'en' ? 'en' : 'da', createdAt: r.created_at };

export function sqliteCampaigns(db: Database.Database): CampaignStore {
  db.exec(CAMPAIGN_SCHEMA);
  const insert = db.prepare('INSERT INTO campaigns (id, name, organiser_token_hash, attach_code, lang, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const byId = db.prepare('SELECT * FROM campaigns WHERE id = ?');
  const byAttach = db.prepare('SELECT * FROM campaigns WHERE attach_code = ?');
  const upsertWorkshop = db.prepare(
    'INSERT INTO campaign_workshops (code, campaign_id, label, held_on, attached_at) VALUES (?, ?, ?, ?, ?) ' +
      'ON CONFLICT(code) DO UPDATE SET campaign_id = excluded.campaign_id, label = excluded.label, held_on = excluded.held_on',
  );
  const workshopsOf = db.prepare('SELECT * FROM campaign_workshops WHERE campaign_id = ? ORDER BY attached_at, code');
  const workshopByCode = db.prepare('SELECT * FROM campaign_workshops WHERE code = ?');
  const remove = db.prepare('DELETE FROM campaign_workshops WHERE code = ?');
  const insertReview = db.prepare('INSERT INTO campaign_action_reviews (campaign_id, workshop, note_id, status, reviewed_in, at) VALUES (?, ?, ?, ?, ?, ?)');
  const reviewsOf = db.prepare('SELECT * FROM campaign_action_reviews WHERE campaign_id = ? ORDER BY at, rowid');
  type ReviewRow = { campaign_id: string; workshop: string; note_id: string; status: ActionStatus; reviewed_in: string; at: number };
  return {
    async review(r) {
      insertReview.run(r.campaignId, r.workshop, r.noteId, r.status, r.reviewedIn, r.at);
    },
    async reviews(campaignId) {
      return (reviewsOf.all(campaignId) as ReviewRow[]).map((r) => ({ campaignId: r.campaign_id, workshop: r.workshop, noteId: r.note_id, status: r.status, reviewedIn: r.reviewed_in, at: r.at }));
    },
    async create(c) {
      insert.run(c.id, c.name, c.organiserTokenHash, c.attachCode, c.lang, c.createdAt);
    },
    async get(id) {
      return toCampaign(byId.get(id) as CampaignRow | undefined);
    },
    async byAttachCode(attachCode) {
      return toCampaign(byAttach.get(attachCode) as CampaignRow | undefined);
    },
    async attach(w) {
      upsertWorkshop.run(w.code, w.campaignId, w.label, w.heldOn, w.attachedAt);
    },
    async workshops(campaignId) {
      return (workshopsOf.all(campaignId) as WorkshopRow[]).map(toWorkshop);
    },
    async campaignOf(code) {
      const r = workshopByCode.get(code) as WorkshopRow | undefined;
      return r && toWorkshop(r);
    },
    async detach(code) {
      remove.run(code);
    },
  };
}
