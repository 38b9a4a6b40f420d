// Campaigns in PostgreSQL: the same tables and meanings as sqliteCampaigns (campaign-store.ts).
// Timestamps are bigint milliseconds, which node-postgres returns as strings: every read turns
// them back into numbers. Reviews keep their insertion order through an identity column, where
// SQLite uses its rowid. openPgStore (pg-store.ts) runs the DDL below after the sessions table.
import type { Pool } from 'pg';
import type { ActionReview, ActionStatus, CampaignRecord, CampaignStore, CampaignWorkshop } from './campaign-store.ts';

export const PG_CAMPAIGN_SCHEMA = `
CREATE TABLE IF NOT EXISTS campaigns (
  id text PRIMARY KEY,
  name text NOT NULL,
  organiser_token_hash text NOT NULL,
  attach_code text NOT NULL UNIQUE,
  lang text NOT NULL,
  created_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS campaign_workshops (
  code text PRIMARY KEY REFERENCES sessions(code) ON DELETE CASCADE,
  campaign_id text NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  label text NOT NULL,
  held_on text,
  attached_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS campaign_action_reviews (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  workshop text NOT NULL,
  note_id text NOT NULL,
  status text NOT NULL,
  reviewed_in text NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS campaign_action_reviews_campaign ON campaign_action_reviews(campaign_id, at, id);
CREATE INDEX IF NOT EXISTS campaign_workshops_campaign ON campaign_workshops(campaign_id, attached_at);
`;

type CampaignRow = { id: string; name: string; organiser_token_hash: string; attach_code: string; lang: string; created_at: string };
type WorkshopRow = { code: string; campaign_id: string; label: string; held_on: string | null; attached_at: string };
type ReviewRow = { campaign_id: string; workshop: string; note_id: string; status: ActionStatus; reviewed_in: string; at: string };

const toCampaign = (r: CampaignRow | undefined): CampaignRecord | undefined =>
  r && {
    id: r.id,
    name: r.name,
    organiserTokenHash: r.organiser_token_hash,
    attachCode: r.attach_code,
    lang: r.lang === 'en' ? 'en' : 'da',
    createdAt: Number(r.created_at),
  };

const toWorkshop = (r: WorkshopRow): CampaignWorkshop => ({
  campaignId: r.campaign_id,
  code: r.code,
  label: r.label,
  heldOn: r.held_on,
  attachedAt: Number(r.attached_at),
});

const toReview = (r: ReviewRow): ActionReview => ({
  campaignId: r.campaign_id,
  workshop: r.workshop,
  noteId: r.note_id,
  status: r.status,
  reviewedIn: r.reviewed_in,
  at: Number(r.at),
});

const CAMPAIGN_COLUMNS = 'id, name, organiser_token_hash, attach_code, lang, created_at';
const WORKSHOP_COLUMNS = 'code, campaign_id, label, held_on, attached_at';

/** Each call is one statement on the pool, so each is its own transaction, as in SQLite. */
export function pgCampaigns(pool: Pool): CampaignStore {
  return {
    async review(r) {
      await pool.query(
        'INSERT INTO campaign_action_reviews (campaign_id, workshop, note_id, status, reviewed_in, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [r.campaignId, r.workshop, r.noteId, r.status, r.reviewedIn, r.at],
      );
    },
    async reviews(campaignId) {
      const { rows } = await pool.query<ReviewRow>(
        'SELECT campaign_id, workshop, note_id, status, reviewed_in, at FROM campaign_action_reviews WHERE campaign_id = $1 ORDER BY at, id',
        [campaignId],
      );
      return rows.map(toReview);
    },
    async create(c) {
      await pool.query(`INSERT INTO campaigns (${CAMPAIGN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
        c.id,
        c.name,
        c.organiserTokenHash,
        c.attachCode,
        c.lang,
        c.createdAt,
      ]);
    },
    async get(id) {
      const { rows } = await pool.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`, [id]);
      return toCampaign(rows[0]);
    },
    async byAttachCode(attachCode) {
      const { rows } = await pool.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE attach_code = $1`, [attachCode]);
      return toCampaign(rows[0]);
    },
    async attach(w) {
      // Re-attaching moves or re-labels the workshop; it keeps the time it was first attached.
      await pool.query(
        `INSERT INTO campaign_workshops (${WORKSHOP_COLUMNS}) VALUES ($1, $2, $3, $4, $5) ` +
          'ON CONFLICT (code) DO UPDATE SET campaign_id = excluded.campaign_id, label = excluded.label, held_on = excluded.held_on',
        [w.code, w.campaignId, w.label, w.heldOn, w.attachedAt],
      );
    },
    async workshops(campaignId) {
      // Codes in byte order, as SQLite compares them, whatever the database's collation.
      const { rows } = await pool.query<WorkshopRow>(
        `SELECT ${WORKSHOP_COLUMNS} FROM campaign_workshops WHERE campaign_id = $1 ORDER BY attached_at, code COLLATE "C"`,
        [campaignId],
      );
      return rows.map(toWorkshop);
    },
    async campaignOf(code) {
      const { rows } = await pool.query<WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM campaign_workshops WHERE code = $1`, [code]);
      return rows[0] && toWorkshop(rows[0]);
    },
    async detach(code) {
      await pool.query('DELETE FROM campaign_workshops WHERE code = $1', [code]);
    },
  };
}
