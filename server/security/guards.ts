// Everything that guards the server's edges, made once per server from the config and shared by
// HTTP (app.ts) and the socket gateway, so that an address has one budget across both.
import type { IncomingMessage } from 'node:http';
import { DEFAULTS, type Config } from '../config.ts';
import { clientKey, compileTrust } from './address.ts';
import { ConnectionCounter } from './ip-limits.ts';
import { hostPolicy, type HostPolicy } from './hosts.ts';
import { originOf, originPolicy, type OriginPolicy } from './origin.ts';
import { budget, type SharedBudgets, type Throttle } from './quotas.ts';
import { clusterConnections, type ClusterConnections } from '../cluster/connection-counts.ts';

export type Guards = {
  /** The Host allowlist: requests, handshakes, and the names links are built from. */
  hosts: HostPolicy;
  origins: OriginPolicy;
  /** This node's open connections per address: the flood guard, and the cap while Redis is away. */
  connections: ConnectionCounter;
  /** With REDIS_URL and a cap: every node's open connections per address, for the cap. */
  cluster?: ClusterConnections;
  /** 0: no cap. */
  maxConnectionsPerIp: number;
  /**
   * Lookups of unknown session codes per address per minute, so that join codes cannot be found
   * by trying (sockets and HTTP together; with REDIS_URL, all nodes together). Once over, every
   * lookup without a valid token is refused until the minute passes – refusing only the misses
   * would tell a prober which codes exist.
   */
  codes: Throttle;
  /** The counting key of a request's client (see address.ts). */
  keyOf: (req: IncomingMessage) => string;
  /** socket.io's allowRequest: the Host and Origin checks of every engine handshake, both transports. */
  allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void;
};

export type GuardConfig = Partial<Pick<Config, 'host'>> & Pick<Config, 'publicUrl' | 'allowedHosts' | 'allowedOrigins' | 'maxConnectionsPerIp' | 'wrongCodesPerMinute' | 'trustProxy'>;

/** `shared`: the limits kept in Redis for all nodes, and this node's name among them. */
export function createGuards(config: GuardConfig, shared?: { store: SharedBudgets; node: string }): Guards {
  const hosts = hostPolicy(config);
  const origins = originPolicy(config);
  const connections = new ConnectionCounter();
  const maxConnectionsPerIp = config.maxConnectionsPerIp ?? 0;
  const wrongCodes = config.wrongCodesPerMinute ?? DEFAULTS.wrongCodesPerMinute;
  const trust = compileTrust(config.trustProxy);
  const keyOf = (req: IncomingMessage) => clientKey(req.socket.remoteAddress, req.headers, trust);
  return {
    hosts,
    origins,
    connections,
    ...(shared && maxConnectionsPerIp > 0 ? { cluster: clusterConnections(shared.store, shared.node, connections) } : {}),
    maxConnectionsPerIp,
    codes: budget(wrongCodes, 60, 0, shared && { store: shared.store, name: 'wrong-codes' }),
    keyOf,
    allowRequest(req, callback) {
      if (!hosts.allowed(req.headers.host)) return callback('host not allowed: add the name to ALLOWED_HOSTS if it is this server', false);
      if (!origins.allowed(originOf(req), req.headers.host)) return callback('origin not allowed', false);
      // A flood of bare connections that never finish the handshake: refused outright, by this
      // node's own count (no round trip before the refusal). Below this the handshake is refused
      // with a code the client can show, by the count of all nodes (socket-guards.ts).
      if (maxConnectionsPerIp > 0 && connections.count(keyOf(req)) >= 2 * maxConnectionsPerIp) {
        return callback('too many connections', false);
      }
      callback(null, true);
    },
  };
}
