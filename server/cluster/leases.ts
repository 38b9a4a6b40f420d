// One owner per session at a time, in the clustered mode: the node that runs a session holds a
// lease on it in PostgreSQL (node, generation, expiry) and renews it while it lives. Another node
// takes the lease only once it has expired, and taking it raises the generation. Every commit of
// the session's events is fenced by the generation it was decided under (pg-store.ts), so an
// owner that was paused or cut off and comes back cannot append after its successor took over:
// the database refuses it, whatever the clocks say. Expiry is PostgreSQL's clock (now()), never a
// node's, so nodes with skewed clocks agree on when a lease has run out.
import pg, { type Pool } from 'pg';

export type Acquired = { ok: true; generation: number } | { ok: false; holder: string; expiresInMs: number };

export interface Leases {
  /** Takes the session's lease for `node` if it is free, expired or already this node's. */
  acquire(code: string, node: string, ttlMs: number): Promise<Acquired>;
  /** Extends this node's leases still at the generation it holds; resolves with the codes it still holds. */
  renew(node: string, held: ReadonlyMap<string, number>, ttlMs: number): Promise<Set<string>>;
  /** Gives a lease up at once (a drained or stopping node), so the next node need not wait for expiry. */
  release(code: string, node: string, generation: number): Promise<void>;
  /** Who holds the session now, if anyone holds it unexpired. */
  holder(code: string): Promise<{ node: string; generation: number; expiresInMs: number } | undefined>;
  /**
   * Asks whichever node holds the session to hand it over (the load balancer now sends its
   * traffic here): a notification every node hears, sent through PostgreSQL (NOTIFY).
   */
  requestHandover(code: string): Promise<void>;
  /** Calls `listener` with each session another node asked for (LISTEN); resolves once listening. */
  onHandoverRequested(listener: (code: string) => void): Promise<void>;
  /** Stops listening. */
  close(): Promise<void>;
}

export const LEASES_SCHEMA = `
CREATE TABLE IF NOT EXISTS session_leases (
  code text PRIMARY KEY REFERENCES sessions(code) ON DELETE CASCADE,
  node text NOT NULL,
  generation bigint NOT NULL,
  expires_at timestamptz NOT NULL
);
`;

const ms = (column: string) => `(extract(epoch from (${column} - now())) * 1000)::float8`;

/**
 * `connect`: a connection of its own for LISTEN (a pooled one would be handed to others). The
 * channel is named after the schema: notifications are database-wide, schemas are not.
 */
export function pgLeases(pool: Pool, connect: () => pg.Client, schema = 'public'): Leases {
  const channel = `raadslag_handover_${schema}`;
  let listening: pg.Client | undefined;
  return {
    async acquire(code, node, ttlMs) {
      // A new lease, an expired one (anyone's), or this node's own (extended, same generation).
      // A lease row is locked while a fenced commit of the session runs (FOR SHARE in pg-store),
      // so a takeover waits for that commit: the new owner's replay then includes it. (At most a
      // lease's life: PostgreSQL ends a transaction its node left idle that long – a node paused
      // in the middle of a commit – see PgStoreOptions.)
      const { rows } = await pool.query<{ generation: string }>(
        `INSERT INTO session_leases AS l (code, node, generation, expires_at)
           VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
         ON CONFLICT (code) DO UPDATE SET
           node = EXCLUDED.node,
           generation = CASE WHEN l.node = EXCLUDED.node AND l.expires_at > now() THEN l.generation ELSE l.generation + 1 END,
           expires_at = EXCLUDED.expires_at
         WHERE l.expires_at <= now() OR l.node = EXCLUDED.node
         RETURNING generation`,
        [code, node, ttlMs],
      );
      if (rows[0]) return { ok: true, generation: Number(rows[0].generation) };
      const current = await this.holder(code);
      return { ok: false, holder: current?.node ?? '', expiresInMs: current?.expiresInMs ?? 0 };
    },
    async renew(node, held, ttlMs) {
      if (held.size === 0) return new Set();
      // The rows are locked in code order first, as a group commit locks them (FOR SHARE, in
      // code order): two transactions that each hold some of a node's lease rows and wait for
      // the other's would be a deadlock, which PostgreSQL breaks by failing one of them.
      const { rows } = await pool.query<{ code: string }>(
        `WITH mine AS (
           SELECT l.code FROM session_leases AS l
             JOIN unnest($2::text[], $3::bigint[]) AS h(code, generation) ON l.code = h.code AND l.generation = h.generation
            WHERE l.node = $1 ORDER BY l.code FOR UPDATE OF l)
         UPDATE session_leases AS l SET expires_at = now() + $4 * interval '1 millisecond'
           FROM mine WHERE l.code = mine.code
         RETURNING l.code`,
        [node, [...held.keys()], [...held.values()], ttlMs],
      );
      return new Set(rows.map((r) => r.code));
    },
    async release(code, node, generation) {
      await pool.query('UPDATE session_leases SET expires_at = now() WHERE code = $1 AND node = $2 AND generation = $3', [code, node, generation]);
    },
    async requestHandover(code) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, code]);
    },
    async onHandoverRequested(listener) {
      if (listening) throw new Error('already listening for handovers');
      const client = connect();
      listening = client;
      // A lost connection only means no handovers are heard: the asking node then waits for
      // the lease to expire instead. Logged, not fatal.
      client.on('error', (e) => console.warn(`cluster: the handover listener's connection failed (${e.message})`));
      client.on('notification', (n) => {
        if (n.channel === channel && n.payload) listener(n.payload);
      });
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    },
    async close() {
      const client = listening;
      listening = undefined;
      await client?.end().catch(() => {});
    },
    async holder(code) {
      const { rows } = await pool.query<{ node: string; generation: string; left: number }>(
        `SELECT node, generation, ${ms('expires_at')} AS left FROM session_leases WHERE code = $1 AND expires_at > now()`,
        [code],
      );
      const r = rows[0];
      return r && { node: r.node, generation: Number(r.generation), expiresInMs: r.left };
    },
  };
}
