// Configuration comes from the environment only; see README "Configuration".
import net from 'node:net';
import path from 'node:path';
import { allowedHostsOf } from './security/hosts.ts';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  questionsDir: string;
  clientDir: string;
  /** Base URL put in join links and QR codes when the server sits behind a proxy or a DNS name. */
  publicUrl?: string;
  /**
   * Open sockets allowed from one address (a venue behind NAT shares one). 0 or absent: no cap –
   * tests and the bench start servers in code with hundreds of clients on 127.0.0.1; readConfig
   * gives the documented default.
   */
  maxConnectionsPerIp?: number;
  /** Lookups of unknown session codes allowed per address per minute (sockets and HTTP together). 0: off. Default 20. */
  wrongCodesPerMinute?: number;
  /**
   * Names the server answers to besides its own (localhost, its addresses, its hostname) and
   * PUBLIC_URL's: a request or handshake with any other Host is refused (security/hosts.ts).
   */
  allowedHosts?: string[];
  /** Browser origins besides the server's own that may open a socket or POST (e.g. behind a proxy). */
  allowedOrigins?: string[];
  /**
   * Behind a reverse proxy: which hops may say who the client is (X-Forwarded-For) and which scheme
   * it used (X-Forwarded-Proto) – Express's "trust proxy" forms: addresses and CIDR ranges, the
   * names `loopback`, `linklocal`, `uniquelocal` (comma-separated), or a number of hops. Never
   * "any": see trustProxyOf.
   */
  trustProxy?: string | number;
  /** socket.io heartbeat: how soon a silently dropped connection is noticed (interval + timeout). */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /** When set, creating and listing sessions and adding question sets require it. */
  facilitatorPassword?: string;
  /** Sessions older than this are deleted automatically; 0 keeps them. */
  retentionDays?: number;
  /** SQLite durability: 'full' (default) survives a power cut; 'normal' only a process crash. */
  synchronous?: 'full' | 'normal';
  /**
   * PostgreSQL instead of the embedded SQLite file (DATABASE_URL, e.g.
   * postgres://raadslag@db.example/raadslag): the clustered mode's store, see docs/operations.md.
   */
  databaseUrl?: string;
  /** The PostgreSQL schema to keep Rådslag's tables in (DATABASE_SCHEMA); absent: the connection's default. */
  databaseSchema?: string;
  /** On PostgreSQL: this node's name in session leases (NODE_ID); absent: host name and a random suffix per start. */
  nodeId?: string;
  /** On PostgreSQL: how long a session lease lasts unrenewed (LEASE_TTL_MS): a dead node's sessions move after this. */
  leaseTtlMs?: number;
  /** Several nodes: Redis for the per-address budgets they share (REDIS_URL, e.g. redis://10.0.0.20:6379). */
  redisUrl?: string;
  /** The prefix of this installation's keys in Redis (REDIS_PREFIX); default raadslag:<DATABASE_SCHEMA or public>. */
  redisPrefix?: string;
  // Quotas (security/quotas.ts). Absent or 0: no limit – tests and the bench start servers in
  // code; readConfig gives the documented defaults.
  /** Workshops one address may create per minute. */
  sessionsPerIpPerMinute?: number;
  /** Workshops stored at once (all of them, until deleted or retention removes them). */
  maxSessions?: number;
  /** Participants per workshop (joins beyond it get `session_full`). */
  maxParticipants?: number;
  /** Joins (new participants) one address may make per minute, over all workshops. */
  joinsPerIpPerMinute?: number;
  /** Sockets one participant token may hold open at once (tabs of one phone). */
  socketsPerParticipant?: number;
  /** The id of the default agenda among the files of questionsDir; absent: the built-in set. */
  defaultQuestionSet?: string;
  /** Uploaded question sets kept at once. */
  maxUploadedSets?: number;
  /** New workshops and uploads are refused while the data folder's disk has less free space (MB). */
  minFreeDiskMb?: number;
  /** A socket whose unsent data passes this many bytes is disconnected (a reader that stopped). */
  sendBufferLimitBytes?: number;
};

export const DEFAULTS = {
  maxConnectionsPerIp: 1000,
  wrongCodesPerMinute: 20,
  pingIntervalMs: 20_000,
  pingTimeoutMs: 20_000,
  retentionDays: 30,
  sessionsPerIpPerMinute: 10,
  maxSessions: 5000,
  maxParticipants: 5000,
  joinsPerIpPerMinute: 600,
  socketsPerParticipant: 5,
  maxUploadedSets: 50,
  minFreeDiskMb: 500,
  sendBufferLimitBytes: 4 * 1024 * 1024,
  leaseTtlMs: 5000,
} as const;

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    questionsDir: path.resolve(cwd, env.QUESTIONS_DIR || 'questions'),
    clientDir: path.resolve(cwd, env.CLIENT_DIR || 'dist/client'),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    maxConnectionsPerIp: count(env, 'MAX_CONNECTIONS_PER_IP', DEFAULTS.maxConnectionsPerIp),
    wrongCodesPerMinute: count(env, 'WRONG_CODES_PER_MINUTE', DEFAULTS.wrongCodesPerMinute),
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    allowedHosts: allowedHostsOf(env.ALLOWED_HOSTS),
    ...trustProxyOf(env.TRUST_PROXY, env.HOST || '127.0.0.1'),
    pingIntervalMs: count(env, 'PING_INTERVAL_MS', DEFAULTS.pingIntervalMs, 1),
    pingTimeoutMs: count(env, 'PING_TIMEOUT_MS', DEFAULTS.pingTimeoutMs, 1),
    ...(env.FACILITATOR_PASSWORD ? { facilitatorPassword: env.FACILITATOR_PASSWORD } : {}),
    retentionDays: count(env, 'RETENTION_DAYS', DEFAULTS.retentionDays),
    synchronous: synchronousOf(env.SQLITE_SYNCHRONOUS),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_SCHEMA ? { databaseSchema: env.DATABASE_SCHEMA } : {}),
    ...(env.NODE_ID ? { nodeId: env.NODE_ID } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.REDIS_PREFIX ? { redisPrefix: env.REDIS_PREFIX } : {}),
    leaseTtlMs: count(env, 'LEASE_TTL_MS', DEFAULTS.leaseTtlMs, 500),
    sessionsPerIpPerMinute: count(env, 'SESSIONS_PER_IP_PER_MINUTE', DEFAULTS.sessionsPerIpPerMinute),
    maxSessions: count(env, 'MAX_SESSIONS', DEFAULTS.maxSessions),
    maxParticipants: count(env, 'MAX_PARTICIPANTS', DEFAULTS.maxParticipants),
    joinsPerIpPerMinute: count(env, 'JOINS_PER_IP_PER_MINUTE', DEFAULTS.joinsPerIpPerMinute),
    socketsPerParticipant: count(env, 'SOCKETS_PER_PARTICIPANT', DEFAULTS.socketsPerParticipant),
    ...(env.DEFAULT_QUESTION_SET ? { defaultQuestionSet: env.DEFAULT_QUESTION_SET.trim() } : {}),
    maxUploadedSets: count(env, 'MAX_UPLOADED_SETS', DEFAULTS.maxUploadedSets),
    minFreeDiskMb: count(env, 'MIN_FREE_DISK_MB', DEFAULTS.minFreeDiskMb),
    sendBufferLimitBytes: count(env, 'SEND_BUFFER_LIMIT_BYTES', DEFAULTS.sendBufferLimitBytes),
  };
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return n;
}

/** "https://a.example, https://b.example:8443" → their origins; anything that is not an origin is an error. */
function origins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      let url: URL;
      try {
        url = new URL(s);
      } catch {
        throw new Error(`ALLOWED_ORIGINS: "${s}" is not an origin like https://raadslag.example.dk`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`ALLOWED_ORIGINS: "${s}" must start with http:// or https://`);
      return url.origin;
    });
}

function synchronousOf(raw: string | undefined): 'full' | 'normal' {
  if (!raw) return 'full';
  const v = raw.toLowerCase();
  if (v !== 'full' && v !== 'normal') throw new Error(`SQLITE_SYNCHRONOUS must be "full" or "normal", got "${raw}"`);
  return v;
}

/**
 * TRUST_PROXY in Express's "trust proxy" forms, except "trust everyone": with `true` any client
 * could name its own address in X-Forwarded-For and escape every per-address limit.
 * - addresses, CIDR ranges and `loopback`/`linklocal`/`uniquelocal`, comma-separated: only
 *   connections from those hops are believed – the safe form wherever the server is reachable
 *   other than through the proxy.
 * - a hop count (`1`: one proxy in front; Express's meaning): believes the last n entries
 *   whoever sent them, so it is accepted only while HOST is a loopback address – then only
 *   processes on this machine (the proxy) can reach the server at all. With HOST=0.0.0.0 a
 *   client on the network could send the header itself: name the proxy's address instead.
 * - unset, `0`, `false`: X-Forwarded-For is ignored.
 */
export function trustProxyOf(raw: string | undefined, host: string): { trustProxy?: string | number } {
  const v = raw?.trim() ?? '';
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return {};
  if (v.toLowerCase() === 'true') {
    throw new Error('TRUST_PROXY=true would believe X-Forwarded-For from anyone: give the proxy\'s address(es) or CIDR range, e.g. TRUST_PROXY=loopback for a proxy on this machine, or TRUST_PROXY=10.0.0.5');
  }
  if (/^\d+$/.test(v)) {
    if (!isLoopback(host)) {
      throw new Error(`TRUST_PROXY=${v} (a hop count) believes X-Forwarded-For from any client, and HOST=${host} lets clients reach the server directly: give the proxy's address(es) or CIDR range instead, e.g. TRUST_PROXY=10.0.0.5`);
    }
    return { trustProxy: Number(v) };
  }
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of list) {
    const [address = '', bits] = entry.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    if (!named && (net.isIP(address) === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits)))) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`);
    }
  }
  return { trustProxy: list.join(',') };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
