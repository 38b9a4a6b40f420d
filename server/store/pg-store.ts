// PostgreSQL store (node-postgres), for several machines sharing one database. Same tables and
// meanings as the SQLite store (sqlite-store.ts, commit-thread.mjs): a commit is one transaction
// on one pooled connection, durable once COMMIT returns (PostgreSQL's synchronous_commit=on
// flushes the WAL first). Events stay the JSON text they were serialized to – not jsonb, which
// reorders keys – so a replay folds exactly what was decided.
import { Client, Pool, type PoolClient } from 'pg';
import { assertNever } from '../../shared/assert-never.ts';
import type { SessionEvent } from '../../shared/session/events.ts';
import { LEASES_SCHEMA, pgLeases } from '../cluster/leases.ts';
import { PG_CAMPAIGN_SCHEMA, pgCampaigns } from './pg-campaigns.ts';
import { codesOf, FencedError, type EventRow, type Fence, type FencedPart, type SessionMeta, type Store, type StoredSession, type WriteOp } from './store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code text PRIMARY KEY,
  host_token_hash text NOT NULL,
  question_set_id text NOT NULL,
  created_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  code text NOT NULL REFERENCES sessions(code) ON DELETE CASCADE,
  seq integer NOT NULL,
  client_key text,
  event text NOT NULL,
  owner text,
  PRIMARY KEY (code, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS events_client_key ON events(code, client_key) WHERE client_key IS NOT NULL;
`;

/** The schema name goes into SQL and into the connection's options, so only plain names pass. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/**
 * Held while the tables are created: CREATE ... IF NOT EXISTS run at once by several processes
 * can still fail (a unique violation in pg_type), so openers take turns. One constant key for
 * the whole database ("raad"); it is released when the transaction ends.
 */
const DDL_LOCK_KEY = 0x72616164;

/**
 * `idleInTransactionMs` (the clustered mode: a lease's life): PostgreSQL ends a transaction left
 * idle that long. A node paused in the middle of a commit (SIGSTOP, a frozen VM) holds its
 * sessions' lease rows locked (FOR SHARE, checkFence): without this, no other node could take
 * them over until it woke up.
 */
export type PgStoreOptions = { url: string; schema?: string; poolSize?: number; idleInTransactionMs?: number };
/** An event row as written: the event already JSON (the text that is kept), as the SQLite commit thread takes it. */
export type SerializedRow = [code: string, seq: number, clientKey: string | null, event: string, owner: string | null];

export const serializeRow = (r: EventRow): SerializedRow => [r.code, r.seq, r.clientKey, JSON.stringify(r.event), r.owner ?? null];

/**
 * A pool whose connections all use `schema` (when given). An idle connection that drops (a
 * restarted database, a network cut) is only logged: the pool opens a new one when needed.
 */
export function pgPool(options: PgStoreOptions & { connectionTimeoutMillis?: number }): Pool {
  const { url, schema, poolSize = 10, connectionTimeoutMillis, idleInTransactionMs } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name ${JSON.stringify(schema)}: lower-case letters, digits and _ only, not starting with a digit, at most 63`);
  }
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis,
    application_name: schema ? `raadslag:${schema}` : 'raadslag',
    ...(idleInTransactionMs ? { idle_in_transaction_session_timeout: idleInTransactionMs } : {}),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', (e) => console.warn(`PostgreSQL: an idle connection failed (${e.message}); the pool opens a new one when needed`));
  return pool;
}

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when
 * it throws. A connection that failed meanwhile is closed rather than returned to the pool. (If
 * the connection drops during COMMIT itself, PostgreSQL may have committed: the caller sees an
 * error either way, and a replay from the database after a restart shows what is there.)
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out connection has no listener of the pool's: without this one, its failure between
  // two queries would be an unhandled 'error' event and stop the process.
  const onError = (e: Error) => (broken ??= e);
  client.on('error', onError);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch((r: unknown) => (broken ??= r instanceof Error ? r : new Error(String(r))));
    throw e;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Creates the schema and its tables if they are missing, one opener at a time. */
export async function ensurePgSchema(pool: Pool, schema?: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK_KEY]);
    // The connections' search_path already names the schema; once it exists, the tables go there.
    // Looked up first: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas even when
    // the schema is there, which a role given only its own schema does not have.
    if (schema !== undefined && (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 0) {
      await client.query(`CREATE SCHEMA "${schema}"`);
    }
    await client.query(SCHEMA + PG_CAMPAIGN_SCHEMA + LEASES_SCHEMA);
  });
}

/** Inserts rows in one statement, however many (one array parameter per column). */
export async function insertEventRows(client: PoolClient, rows: readonly SerializedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    'INSERT INTO events (code, seq, client_key, event, owner) ' +
      'SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::text[])',
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
  );
}

async function writeOps(client: PoolClient, ops: readonly WriteOp[]): Promise<void> {
  for (const op of ops) {
    switch (op.kind) {
      case 'append':
        await insertEventRows(client, op.rows.map(serializeRow));
        break;
      case 'replace':
        await client.query('DELETE FROM events WHERE code = $1', [op.code]);
        await insertEventRows(client, op.rows.map(serializeRow));
        break;
      case 'delete':
        // The foreign keys cascade: its events and its campaign attachment go with the session.
        await client.query('DELETE FROM sessions WHERE code = $1', [op.code]);
        break;
      default:
        assertNever(op);
    }
  }
}

/**
 * Refuses the commit unless the fence's node still holds every session at its generation. The
 * lease rows stay locked (FOR SHARE) until the commit ends, so a takeover – an UPDATE of the row –
 * waits for it, and the new owner's replay includes what this commit wrote.
 */
async function checkFence(client: PoolClient, fence: Fence): Promise<void> {
  const lost = await fencedOut(client, fence);
  if (lost.size) throw new FencedError([...lost]);
}

/** The sessions of the fence no longer leased to its node at its generation; the rest stay locked FOR SHARE (see checkFence). */
async function fencedOut(client: PoolClient, fence: Fence): Promise<Set<string>> {
  const held = await lockLeases(client, [...fence.generations.keys()]);
  return new Set([...fence.generations.keys()].filter((code) => !stillHeld(held, fence, code)));
}

type LeaseRow = { node: string; generation: string };

/** The lease rows of these sessions, locked FOR SHARE until the transaction ends (in code order: no deadlock between nodes). */
async function lockLeases(client: PoolClient, codes: readonly string[]): Promise<Map<string, LeaseRow>> {
  const { rows } = await client.query<LeaseRow & { code: string }>(
    'SELECT code, node, generation FROM session_leases WHERE code = ANY($1::text[]) ORDER BY code FOR SHARE',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

function stillHeld(held: ReadonlyMap<string, LeaseRow>, fence: Fence, code: string): boolean {
  const r = held.get(code);
  return r !== undefined && r.node === fence.node && Number(r.generation) === fence.generations.get(code);
}

/** Whether every workshop a part writes is still leased at the part's own fence. */
function partHeld(held: ReadonlyMap<string, LeaseRow>, part: FencedPart): boolean {
  return codesOf(part.ops).every((code) => stillHeld(held, part.fence, code));
}

/**
 * Several sessions' fenced writes in one transaction: one lease check for all of them, then the
 * parts whose every session is still held at the part's own fence, in one insert.
 */
async function commitGroup(client: PoolClient, parts: readonly FencedPart[]): Promise<Set<number>> {
  const held = await lockLeases(client, [...new Set(parts.flatMap((p) => codesOf(p.ops)))]);
  const refused = new Set<number>();
  const kept: WriteOp[] = [];
  parts.forEach((p, i) => {
    if (partHeld(held, p)) kept.push(...p.ops);
    else refused.add(i);
  });
  // One insert for all the appends in a row: the round trips, not the rows, are what cost.
  await writeOps(client, mergeAppends(kept));
  return refused;
}

function mergeAppends(ops: readonly WriteOp[]): WriteOp[] {
  const out: WriteOp[] = [];
  for (const op of ops) {
    const last = out.at(-1);
    if (op.kind === 'append' && last?.kind === 'append') out[out.length - 1] = { kind: 'append', rows: [...last.rows, ...op.rows] };
    else out.push(op);
  }
  return out;
}

type MetaRow = { code: string; host_token_hash: string; question_set_id: string; created_at: string };
type EventDbRow = { code: string; seq: number; client_key: string | null; event: string; owner: string | null };

const META_COLUMNS = 'code, host_token_hash, question_set_id, created_at';
const toMeta = (m: MetaRow): SessionMeta => ({ code: m.code, hostTokenHash: m.host_token_hash, questionSetId: m.question_set_id, createdAt: Number(m.created_at) });
const toEventRow = (e: EventDbRow): EventRow => ({ code: e.code, seq: e.seq, clientKey: e.client_key, event: JSON.parse(e.event) as SessionEvent, owner: e.owner });

/** Every session and its whole log, read in one snapshot. */
async function loadSessions(pool: Pool): Promise<StoredSession[]> {
  const [metas, events] = await inTransaction(
    pool,
    async (client) => [
      (await client.query<MetaRow>(`SELECT ${META_COLUMNS} FROM sessions ORDER BY created_at, code`)).rows,
      (await client.query<EventDbRow>('SELECT code, seq, client_key, event, owner FROM events ORDER BY code, seq')).rows,
    ] as const,
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
  const logs = new Map<string, EventRow[]>();
  for (const e of events) {
    const log = logs.get(e.code) ?? [];
    if (log.length === 0) logs.set(e.code, log);
    log.push(toEventRow(e));
  }
  return metas.map((m) => ({ meta: toMeta(m), events: logs.get(m.code) ?? [] }));
}

/**
 * Runs a transaction again when PostgreSQL broke a deadlock by failing it (nothing was written):
 * the lease rows are locked in code order everywhere, so this is a guard, not a path in use.
 */
async function retryDeadlock<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= tries || (e as { code?: string }).code !== '40P01') throw e;
    }
  }
}

export async function openPgStore(options: PgStoreOptions): Promise<Store> {
  const pool = pgPool(options);
  try {
    await ensurePgSchema(pool, options.schema);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const leases = pgLeases(pool, () => new Client({ connectionString: options.url, application_name: pool.options.application_name }), options.schema);
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;

  /** A commit in flight, waited for by close(). */
  function tracked<T>(done: Promise<T>): Promise<T> {
    inFlight.add(done);
    const forget = () => inFlight.delete(done);
    done.then(forget, forget);
    return done;
  }

  /** The milliseconds include the wait for a free connection: what the commit queue waited. */
  async function commit(ops: readonly WriteOp[], fence?: Fence): Promise<number> {
    const t = performance.now();
    try {
      await inTransaction(pool, async (client) => {
        if (fence) await checkFence(client, fence);
        await writeOps(client, ops);
      });
    } catch (e) {
      if (fence && !(e instanceof FencedError)) await refusedIfMoved(fence);
      throw e;
    }
    return performance.now() - t;
  }

  /**
   * A fenced commit that failed otherwise – its transaction ended by PostgreSQL while this node
   * was paused (idleInTransactionMs) – is a refusal like any other if the fence no longer holds:
   * whatever it wrote was rolled back, or is in the new owner's replay. Throws FencedError then.
   */
  /** Whether no part's workshops are still leased at its fence (false when that cannot be read). */
  async function allMoved(parts: readonly FencedPart[]): Promise<boolean> {
    const codes = [...new Set(parts.flatMap((p) => codesOf(p.ops)))];
    const held = await inTransaction(pool, (client) => lockLeases(client, codes)).catch(() => undefined);
    return held !== undefined && parts.every((p) => !partHeld(held, p));
  }

  async function refusedIfMoved(fence: Fence): Promise<void> {
    const moved = await inTransaction(pool, (client) => checkFence(client, fence)).then(
      () => false,
      (e: unknown) => e instanceof FencedError && e,
    );
    if (moved) throw moved;
  }

  return {
    campaigns: pgCampaigns(pool),
    leases,
    async createSession(meta, first) {
      await inTransaction(pool, async (client) => {
        await client.query(`INSERT INTO sessions (${META_COLUMNS}) VALUES ($1, $2, $3, $4)`, [meta.code, meta.hostTokenHash, meta.questionSetId, meta.createdAt]);
        await insertEventRows(client, [serializeRow(first)]);
      });
    },
    commit(ops, fence) {
      return tracked(commit(ops, fence));
    },
    commitGroup(parts) {
      const t = performance.now();
      const done = retryDeadlock(() => inTransaction(pool, (client) => commitGroup(client, parts))).then(
        (refused) => ({ ms: performance.now() - t, refused }),
        // As for one commit (refusedIfMoved): a node that was paused mid-transaction finds it ended
        // by PostgreSQL when it wakes; if every part's workshop has moved on meanwhile, that is a
        // refusal of them all, not a failure. Otherwise the error stands.
        async (e: unknown) => {
          if (await allMoved(parts)) return { ms: performance.now() - t, refused: new Set(parts.keys()) };
          throw e;
        },
      );
      return tracked(done);
    },
    async setHostTokenHash(code, hostTokenHash) {
      await pool.query('UPDATE sessions SET host_token_hash = $1 WHERE code = $2', [hostTokenHash, code]);
    },
    loadSessions: () => loadSessions(pool),
    async loadMetas() {
      return (await pool.query<MetaRow>(`SELECT ${META_COLUMNS} FROM sessions ORDER BY created_at, code`)).rows.map(toMeta);
    },
    async countSessions() {
      return Number((await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM sessions')).rows[0]?.n ?? 0);
    },
    async loadMeta(code) {
      const { rows } = await pool.query<MetaRow>(`SELECT ${META_COLUMNS} FROM sessions WHERE code = $1`, [code]);
      return rows[0] && toMeta(rows[0]);
    },
    async findClientKey(code, clientKey) {
      const { rows } = await pool.query<{ event: string; owner: string | null }>('SELECT event, owner FROM events WHERE code = $1 AND client_key = $2', [code, clientKey]);
      return rows[0] && { event: JSON.parse(rows[0].event) as SessionEvent, owner: rows[0].owner };
    },
    async loadEvents(code) {
      const { rows } = await pool.query<EventDbRow>('SELECT code, seq, client_key, event, owner FROM events WHERE code = $1 ORDER BY seq', [code]);
      return rows.map(toEventRow);
    },
    // Nothing to empty here. A deleted or replaced row stays in the table's pages as a dead tuple
    // until VACUUM (autovacuum, soon after) marks its space free for reuse; the bytes are
    // overwritten only when that space is reused, and the WAL and base backups keep them until
    // they are recycled. Erasure in PostgreSQL means: the rows are gone from every query at once.
    truncateWal: () => Promise.resolve(true),
    close() {
      closing ??= Promise.allSettled([...inFlight]).then(() => leases.close()).then(() => pool.end());
      return closing;
    },
  };
}
