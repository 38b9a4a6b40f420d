// Moves a Rådslag SQLite database into PostgreSQL (the clustered mode's store):
//   npm run migrate -- --from ./data --to postgres://raadslag@db.example/raadslag [--schema raadslag]
// Every session (meta and whole log, one transaction each), campaign (with its reviews, one
// transaction each) and workshop attachment. What PostgreSQL has already is left alone and
// counted as skipped, so a second run copies only what is new – but a session copied before
// does not get the events it gained since: stop the server before the last run.
// The SQLite file is opened read-only, each session read in a snapshot of its own, so a server
// may keep running on it (a short read transaction does not hold up its commits or checkpoints).
// Event JSON is copied as the text SQLite holds, byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { Pool } from 'pg';
import { ensurePgSchema, inTransaction, insertEventRows, pgPool, type SerializedRow } from './store/pg-store.ts';

const USAGE = 'usage: npm run migrate -- --from DATA_DIR|FILE.db --to postgres://USER@HOST/DATABASE [--schema NAME]';
/** Rows per INSERT, so that a session with a very long log is not one giant statement. */
const CHUNK = 5000;

export class MigrateError extends Error {}

export type MigrateSummary = {
  sessionsCopied: number;
  sessionsSkipped: number;
  eventsCopied: number;
  campaignsCopied: number;
  campaignsSkipped: number;
  reviewsCopied: number;
  workshopsCopied: number;
};

type MetaRow = { code: string; host_token_hash: string; question_set_id: string; created_at: number };
type CampaignRow = { id: string; name: string; organiser_token_hash: string; attach_code: string; lang: string; created_at: number };
type ReviewRow = { workshop: string; note_id: string; status: string; reviewed_in: string; at: number };
type WorkshopRow = { code: string; campaign_id: string; label: string; held_on: string | null; attached_at: number };

/** The SQLite side, by its table layout only (sqlite-store.ts, campaign-store.ts). */
function sqliteSource(from: string) {
  const file = fs.existsSync(from) && fs.statSync(from).isDirectory() ? path.join(from, 'raadslag.db') : from;
  if (!fs.existsSync(file)) throw new MigrateError(`no Rådslag database at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('sessions') || !tables.has('events')) throw new MigrateError(`${file} is not a Rådslag database (no sessions and events tables)`);
    // Files from before the owner column (the store adds it when it opens one) have none.
    const hasOwner = (db.pragma('table_info(events)') as { name: string }[]).some((c) => c.name === 'owner');
    const hasCampaigns = tables.has('campaigns');
    const metaOf = db.prepare('SELECT code, host_token_hash, question_set_id, created_at FROM sessions WHERE code = ?');
    const eventsOf = db.prepare(`SELECT seq, client_key, event, ${hasOwner ? 'owner' : 'NULL'} AS owner FROM events WHERE code = ? ORDER BY seq`);
    type Ev = { seq: number; client_key: string | null; event: string; owner: string | null };
    return {
      file,
      codes: () => db.prepare('SELECT code FROM sessions ORDER BY created_at, code').pluck().all() as string[],
      /** A session's meta and log in one snapshot; undefined if it was deleted meanwhile. */
      session: db.transaction((code: string) => {
        const meta = metaOf.get(code) as MetaRow | undefined;
        const rows = (eventsOf.all(code) as Ev[]).map((e): SerializedRow => [code, e.seq, e.client_key, e.event, e.owner]);
        return meta && { meta, rows };
      }),
      campaigns: () => (hasCampaigns ? (db.prepare('SELECT * FROM campaigns ORDER BY created_at, id').all() as CampaignRow[]) : []),
      reviews: (id: string) => db.prepare('SELECT * FROM campaign_action_reviews WHERE campaign_id = ? ORDER BY at, rowid').all(id) as ReviewRow[],
      workshops: () => (hasCampaigns ? (db.prepare('SELECT * FROM campaign_workshops ORDER BY attached_at, code').all() as WorkshopRow[]) : []),
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    if (e instanceof MigrateError) throw e;
    throw new MigrateError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

async function copySession(pool: Pool, meta: MetaRow, rows: SerializedRow[]): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const inserted = await client.query(
      'INSERT INTO sessions (code, host_token_hash, question_set_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING',
      [meta.code, meta.host_token_hash, meta.question_set_id, meta.created_at],
    );
    if (inserted.rowCount === 0) return false;
    for (let i = 0; i < rows.length; i += CHUNK) await insertEventRows(client, rows.slice(i, i + CHUNK));
    return true;
  });
}

/** A campaign new to PostgreSQL comes with its reviews; one it has already keeps its own. */
async function copyCampaign(pool: Pool, c: CampaignRow, reviews: ReviewRow[]): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const inserted = await client.query(
      'INSERT INTO campaigns (id, name, organiser_token_hash, attach_code, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
      [c.id, c.name, c.organiser_token_hash, c.attach_code, c.lang, c.created_at],
    );
    if (inserted.rowCount === 0) return false;
    // In SQLite's order, so that the identity column keeps "same time: order made".
    await client.query(
      'INSERT INTO campaign_action_reviews (campaign_id, workshop, note_id, status, reviewed_in, at) ' +
        'SELECT $1, w, n, s, r, a FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]) WITH ORDINALITY AS x(w, n, s, r, a, i) ORDER BY i',
      [c.id, reviews.map((r) => r.workshop), reviews.map((r) => r.note_id), reviews.map((r) => r.status), reviews.map((r) => r.reviewed_in), reviews.map((r) => r.at)],
    );
    return true;
  });
}

/** Attachments PostgreSQL lacks, of sessions and campaigns it has (one deleted meanwhile is left out). */
async function copyWorkshops(pool: Pool, workshops: WorkshopRow[]): Promise<number> {
  const result = await pool.query(
    'INSERT INTO campaign_workshops (code, campaign_id, label, held_on, attached_at) ' +
      'SELECT w.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS w(code, campaign_id, label, held_on, attached_at) ' +
      'WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.code = w.code) AND EXISTS (SELECT 1 FROM campaigns c WHERE c.id = w.campaign_id) ' +
      'ON CONFLICT (code) DO NOTHING',
    [workshops.map((w) => w.code), workshops.map((w) => w.campaign_id), workshops.map((w) => w.label), workshops.map((w) => w.held_on), workshops.map((w) => w.attached_at)],
  );
  return result.rowCount ?? 0;
}

/** The URL without its password, for messages. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function reason(e: unknown): string {
  if (e instanceof AggregateError) return e.errors.map(reason).join('; '); // every address tried
  return e instanceof Error ? e.message || String((e as NodeJS.ErrnoException).code) : String(e);
}

/** Opens the pool and makes sure the schema and tables exist; a clear error if it cannot. */
async function connect(to: string, schema: string | undefined): Promise<Pool> {
  let pool: Pool;
  try {
    pool = pgPool({ url: to, ...(schema ? { schema } : {}), poolSize: 2, connectionTimeoutMillis: 10_000 });
  } catch (e) {
    throw new MigrateError((e as Error).message);
  }
  try {
    await ensurePgSchema(pool, schema);
    return pool;
  } catch (e) {
    await pool.end();
    throw new MigrateError(`cannot use PostgreSQL at ${shown(to)}: ${reason(e)}`);
  }
}

export async function migrate(from: string, to: string, schema?: string): Promise<MigrateSummary> {
  const source = sqliteSource(from);
  const summary: MigrateSummary = { sessionsCopied: 0, sessionsSkipped: 0, eventsCopied: 0, campaignsCopied: 0, campaignsSkipped: 0, reviewsCopied: 0, workshopsCopied: 0 };
  let pool: Pool | undefined;
  try {
    pool = await connect(to, schema);
    for (const code of source.codes()) {
      const s = source.session(code);
      if (!s) continue;
      if (await copySession(pool, s.meta, s.rows)) (summary.sessionsCopied++, (summary.eventsCopied += s.rows.length));
      else summary.sessionsSkipped++;
    }
    for (const c of source.campaigns()) {
      const reviews = source.reviews(c.id);
      if (await copyCampaign(pool, c, reviews)) (summary.campaignsCopied++, (summary.reviewsCopied += reviews.length));
      else summary.campaignsSkipped++;
    }
    summary.workshopsCopied = await copyWorkshops(pool, source.workshops());
    return summary;
  } finally {
    source.close();
    await pool?.end();
  }
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, schema: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    return console.error(`${(e as Error).message}\n${USAGE}`), 2;
  }
  if (values.help) return console.log(USAGE), 0;
  if (!values.from || !values.to) return console.error(`--from and --to are required\n${USAGE}`), 2;
  if (!/^postgres(ql)?:\/\//.test(values.to)) return console.error(`--to must be a postgres:// URL\n${USAGE}`), 2;
  try {
    const s = await migrate(path.resolve(values.from), values.to, values.schema);
    console.log(
      `sessions: ${s.sessionsCopied} copied (${s.eventsCopied} events), ${s.sessionsSkipped} skipped (already in PostgreSQL)\n` +
        `campaigns: ${s.campaignsCopied} copied (${s.reviewsCopied} reviews), ${s.campaignsSkipped} skipped; workshop attachments: ${s.workshopsCopied} copied`,
    );
    return 0;
  } catch (e) {
    if (e instanceof MigrateError) return console.error(e.message), 1;
    // Each session and campaign was its own transaction: what was copied stays, a rerun goes on.
    return console.error(`the migration stopped: ${reason(e)}\nwhat was copied stays; run it again to copy the rest`), 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
