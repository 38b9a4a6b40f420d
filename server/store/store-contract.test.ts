// One contract, two stores: the embedded SQLite store and the PostgreSQL store must behave the
// same, since the session manager cannot tell them apart. Round trips keep events exactly (key
// order, odd characters) and timestamps as numbers; a commit's ops land in order in one
// transaction, all or nothing; client keys are unique per session; campaigns keep their orders,
// and deleting a session takes its campaign attachment with it. PostgreSQL runs at DATABASE_URL
// (default: postgres://postgres@127.0.0.1/test), in a schema of its own that is dropped after.
// At the end, what only PostgreSQL has: several openers at once, schema names, dropped connections.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../shared/session/events.ts';
import { openPgStore } from './pg-store.ts';
import { TEST_PG_URL, postgresAvailable } from '../testing/postgres.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { EventRow, SessionMeta, Store } from './store.ts';

const PG_URL = TEST_PG_URL;
const PG = await postgresAvailable();
type Opened = { store: Store; dispose: () => Promise<void> };

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
const schemaName = () => `contract_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

const factories: [string, () => Promise<Opened>][] = [
  [
    'SQLite',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-contract-'));
      const store = openSqliteStore(dir);
      return { store, dispose: async () => (await store.close(), fs.rmSync(dir, { recursive: true, force: true })) };
    },
  ],
];
if (PG) {
  factories.push([
    'PostgreSQL',
    async () => {
      const schema = schemaName();
      const store = await openPgStore({ url: PG_URL, schema });
      return { store, dispose: async () => (await store.close(), await dropSchema(schema)) };
    },
  ]);
}

// Past 2^31 ms, as real timestamps are: a bigint column must still come back as a number.
const T = 1_767_225_600_123;
let codes = 0;
const newCode = () => `S${++codes}${randomUUID().slice(0, 4).toUpperCase()}`;
const metaOf = (code: string, createdAt = T): SessionMeta => ({ code, hostTokenHash: `hash-${code}`, questionSetId: 'set-1', createdAt });
const firstOf = (code: string): EventRow => ({ code, seq: 1, clientKey: null, event: { type: 'sessionConfigured', tables: 4, screenZoom: 1.25, at: T } });
const row = (code: string, seq: number, clientKey: string | null, owner: string | null = null, at = T + seq): EventRow => ({
  code,
  seq,
  clientKey,
  owner,
  event: { type: 'stepChanged', index: seq, at },
});
/** What loadEvents gives back for rows written: owner null when none was given. */
const asRead = (rows: EventRow[]) => rows.map((r) => ({ ...r, owner: r.owner ?? null }));
const seqs = (rows: EventRow[]) => rows.map((r) => r.seq);

describe.each(factories)('the %s store', (_name, open) => {
  let opened: Opened;
  let store: Store;
  beforeAll(async () => {
    opened = await open();
    store = opened.store;
  });
  afterAll(async () => opened?.dispose());

  async function session(createdAt?: number): Promise<string> {
    const code = newCode();
    await store.createSession(metaOf(code, createdAt), firstOf(code));
    return code;
  }

  it('gives back metas and events as written: event JSON byte for byte, numbers as numbers', async () => {
    const code = newCode();
    const meta = metaOf(code);
    await store.createSession(meta, firstOf(code));
    // Keys in an order jsonb would change; characters that need escaping as text, as JSON and in
    // a PostgreSQL array literal; a client key that reads "NULL".
    const details: SessionEvent = { at: T, type: 'sessionDetailsSet', details: { purpose: 'Budget "2026", {a,b} \\ back', place: 'Århus ☕ 🎉', minuteTaker: 'nul\u0000byte', facilitator: 'NULL' } };
    const joined: SessionEvent = { type: 'participantJoined', token: 'tok', participantId: 'p1', role: 'citizen', name: 'Åse', table: 3, at: T + 2 };
    const rows: EventRow[] = [
      { code, seq: 2, clientKey: 'k,{"}\\', event: details, owner: null },
      { code, seq: 3, clientKey: 'NULL', event: joined, owner: 'device-1' },
    ];
    expect(typeof (await store.commit([{ kind: 'append', rows }]))).toBe('number');

    const events = await store.loadEvents(code);
    expect(events).toEqual(asRead([firstOf(code), ...rows]));
    expect(JSON.stringify(events.map((e) => e.event))).toBe(JSON.stringify([firstOf(code), ...rows].map((e) => e.event)));
    expect(events.map((e) => typeof e.seq)).toEqual(['number', 'number', 'number']);
    expect(await store.loadMeta(code)).toEqual(meta);
    expect(typeof (await store.loadMeta(code))?.createdAt).toBe('number');
    expect((await store.loadMetas()).find((m) => m.code === code)).toEqual(meta);
    expect(await store.loadMeta('NO-SUCH')).toBeUndefined();
    expect(await store.loadEvents('NO-SUCH')).toEqual([]);
  });

  it('commits several ops in the order given, in one transaction', async () => {
    const a = await session();
    const b = await session();
    const stored = await store.countSessions();
    expect(stored).toBe((await store.loadMetas()).length);
    // Each op is valid only after the one before it: out of order, the commit would fail.
    await store.commit([
      { kind: 'append', rows: [row(a, 2, 'a2'), row(a, 3, 'a3'), row(b, 2, 'b2')] },
      { kind: 'replace', code: a, rows: [row(a, 1, null, null, 1), row(a, 2, 'a2')] },
      { kind: 'append', rows: [row(a, 3, 'a3-again', 'device-a')] },
      { kind: 'delete', code: b },
    ]);
    expect(await store.loadEvents(a)).toEqual(asRead([row(a, 1, null, null, 1), row(a, 2, 'a2'), row(a, 3, 'a3-again', 'device-a')]));
    expect(await store.findClientKey(a, 'a3')).toBeUndefined();
    expect(await store.loadMeta(b)).toBeUndefined();
    expect(await store.loadEvents(b)).toEqual([]);
    expect((await store.loadMetas()).some((m) => m.code === b)).toBe(false);
    expect(await store.countSessions()).toBe(stored - 1);
  });

  it('writes nothing of a commit that breaks a unique client key or a primary key, and commits the next', async () => {
    const a = await session();
    const b = await session();
    await store.commit([{ kind: 'append', rows: [row(a, 2, 'k2')] }]);
    const duplicateKey = store.commit([{ kind: 'append', rows: [row(a, 3, 'k3')] }, { kind: 'delete', code: b }, { kind: 'append', rows: [row(a, 4, 'k2')] }]);
    await expect(duplicateKey).rejects.toThrow();
    const duplicateSeq = store.commit([{ kind: 'append', rows: [row(a, 3, 'k3')] }, { kind: 'replace', code: b, rows: [] }, { kind: 'append', rows: [row(a, 2, 'other')] }]);
    await expect(duplicateSeq).rejects.toThrow();
    expect(seqs(await store.loadEvents(a))).toEqual([1, 2]);
    expect(await store.findClientKey(a, 'k3')).toBeUndefined();
    expect(await store.loadMeta(b)).toEqual(metaOf(b));
    expect(seqs(await store.loadEvents(b))).toEqual([1]);

    // A client key is unique within its session only.
    await store.commit([{ kind: 'append', rows: [row(a, 3, 'k3'), row(b, 2, 'k2')] }]);
    expect(seqs(await store.loadEvents(a))).toEqual([1, 2, 3]);
    expect(seqs(await store.loadEvents(b))).toEqual([1, 2]);
  });

  it('finds the event a client key made, with its owner, in its own session only', async () => {
    const a = await session();
    const b = await session();
    await store.commit([{ kind: 'append', rows: [row(a, 2, 'join-1', 'device-hash'), row(a, 3, 'answer-1')] }]);
    expect(await store.findClientKey(a, 'join-1')).toEqual({ event: row(a, 2, null).event, owner: 'device-hash' });
    expect(await store.findClientKey(a, 'answer-1')).toEqual({ event: row(a, 3, null).event, owner: null });
    expect(await store.findClientKey(a, 'unknown')).toBeUndefined();
    expect(await store.findClientKey(b, 'join-1')).toBeUndefined();
  });

  it('replaces one session’s host token hash', async () => {
    const a = await session();
    const b = await session();
    await store.setHostTokenHash(a, 'rotated');
    expect((await store.loadMeta(a))?.hostTokenHash).toBe('rotated');
    expect((await store.loadMetas()).find((m) => m.code === a)?.hostTokenHash).toBe('rotated');
    expect((await store.loadMeta(b))?.hostTokenHash).toBe(`hash-${b}`);
  });

  it('loads every session with its whole log, oldest session first', async () => {
    const later = await session(T + 10_000_000);
    const earlier = await session(T + 5_000_000);
    await store.commit([{ kind: 'append', rows: [row(later, 2, 'x'), row(earlier, 2, 'y', 'dev'), row(later, 3, null)] }]);
    const mine = (await store.loadSessions()).filter((s) => s.meta.code === later || s.meta.code === earlier);
    expect(mine.map((s) => s.meta)).toEqual([metaOf(earlier, T + 5_000_000), metaOf(later, T + 10_000_000)]);
    // The SQLite store leaves `owner` out here: compare what both give.
    const plain = (rows: EventRow[]) => rows.map(({ code, seq, clientKey, event }) => ({ code, seq, clientKey, event }));
    expect(plain(mine[0]!.events)).toEqual(plain([firstOf(earlier), row(earlier, 2, 'y')]));
    expect(plain(mine[1]!.events)).toEqual(plain([firstOf(later), row(later, 2, 'x'), row(later, 3, null)]));
  });

  describe('campaigns', () => {
    const campaign = (id: string) => ({ id, name: `Forløb ${id}`, organiserTokenHash: `org-${id}`, attachCode: `ATTACH${id}`, lang: 'en' as const, createdAt: T });
    const workshop = (campaignId: string, code: string, attachedAt: number, label = 'Dept') => ({ campaignId, code, label, heldOn: '2026-03-01', attachedAt });

    it('creates a campaign and finds it by id and by attach code', async () => {
      const id = randomUUID();
      await store.campaigns.create(campaign(id));
      expect(await store.campaigns.get(id)).toEqual(campaign(id));
      expect(await store.campaigns.byAttachCode(`ATTACH${id}`)).toEqual(campaign(id));
      expect(await store.campaigns.get('nope')).toBeUndefined();
      expect(await store.campaigns.byAttachCode('nope')).toBeUndefined();
    });

    it('lists workshops by attach time then code; re-attaching moves and relabels, keeping the attach time', async () => {
      const [c1, c2] = [randomUUID(), randomUUID()];
      await store.campaigns.create(campaign(c1));
      await store.campaigns.create(campaign(c2));
      const p = newCode();
      const [first, lower, upper] = [`${p}-0`, `${p}-a`, `${p}-B`];
      for (const code of [first, lower, upper]) await store.createSession(metaOf(code), firstOf(code));
      await store.campaigns.attach(workshop(c1, first, 100));
      // Same time, attached in the opposite of byte order ("B" < "a"): the code decides.
      await store.campaigns.attach(workshop(c1, lower, 200));
      await store.campaigns.attach(workshop(c1, upper, 200));
      expect((await store.campaigns.workshops(c1)).map((w) => w.code)).toEqual([first, upper, lower]);
      expect(await store.campaigns.workshops(c1)).toContainEqual(workshop(c1, first, 100));

      await store.campaigns.attach({ campaignId: c2, code: upper, label: 'Moved', heldOn: null, attachedAt: 999 });
      expect(await store.campaigns.campaignOf(upper)).toEqual({ campaignId: c2, code: upper, label: 'Moved', heldOn: null, attachedAt: 200 });
      expect((await store.campaigns.workshops(c1)).map((w) => w.code)).toEqual([first, lower]);
      expect((await store.campaigns.workshops(c2)).map((w) => w.code)).toEqual([upper]);
    });

    it('tells which campaign a workshop is in, and detaches it', async () => {
      const c = randomUUID();
      await store.campaigns.create(campaign(c));
      const [a, b] = [await session(), await session()];
      await store.campaigns.attach(workshop(c, a, 100, 'Kommune'));
      await store.campaigns.attach(workshop(c, b, 101));
      expect(await store.campaigns.campaignOf(a)).toEqual(workshop(c, a, 100, 'Kommune'));
      await store.campaigns.detach(a);
      expect(await store.campaigns.campaignOf(a)).toBeUndefined();
      expect((await store.campaigns.workshops(c)).map((w) => w.code)).toEqual([b]);
      expect(await store.loadMeta(a)).toBeDefined(); // the session itself stays
    });

    it('lists reviews by time, then in the order they were made', async () => {
      const [c, other] = [randomUUID(), randomUUID()];
      await store.campaigns.create(campaign(c));
      await store.campaigns.create(campaign(other));
      const review = (campaignId: string, noteId: string, at: number) => ({ campaignId, workshop: 'W1', noteId, status: 'done' as const, reviewedIn: 'W2', at });
      for (const r of [review(c, 'n2', T + 300), review(c, 'n9', T + 100), review(other, 'n0', T), review(c, 'n1', T + 300)]) await store.campaigns.review(r);
      expect(await store.campaigns.reviews(c)).toEqual([review(c, 'n9', T + 100), review(c, 'n2', T + 300), review(c, 'n1', T + 300)]);
    });

    it('takes a deleted session out of its campaign', async () => {
      const c = randomUUID();
      await store.campaigns.create(campaign(c));
      const [gone, kept] = [await session(), await session()];
      await store.campaigns.attach(workshop(c, gone, 100));
      await store.campaigns.attach(workshop(c, kept, 100));
      await store.commit([{ kind: 'delete', code: gone }]);
      expect(await store.campaigns.campaignOf(gone)).toBeUndefined();
      expect((await store.campaigns.workshops(c)).map((w) => w.code)).toEqual([kept]);
    });
  });
});

describe.skipIf(!PG)('the PostgreSQL store alone', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await dropSchema(s);
  });

  it('opens one new schema from several pools at once', async () => {
    const schema = schemaName();
    schemas.push(schema);
    const stores = await Promise.all(Array.from({ length: 8 }, () => openPgStore({ url: PG_URL, schema, poolSize: 2 })));
    await stores[0]!.createSession(metaOf('ONE'), firstOf('ONE'));
    expect(await stores[7]!.loadMeta('ONE')).toEqual(metaOf('ONE'));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('refuses a schema name that is not a plain lower-case identifier', async () => {
    for (const schema of ['Public', 'a;drop schema public', '1abc', 'x'.repeat(64), '"quoted"', '']) {
      await expect(openPgStore({ url: PG_URL, schema })).rejects.toThrow(/schema name/);
    }
  });

  it('lives on when an idle connection is cut, and opens a new one', async () => {
    const schema = schemaName();
    schemas.push(schema);
    const store = await openPgStore({ url: PG_URL, schema });
    await store.createSession(metaOf('CUT'), firstOf('CUT'));
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ ok: boolean }>('SELECT pg_terminate_backend(pid, 5000) AS ok FROM pg_stat_activity WHERE application_name = $1', [`raadslag:${schema}`]);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // the pool hears of it
    expect((await store.loadMeta('CUT'))?.code).toBe('CUT');
    await store.close();
  });
});
