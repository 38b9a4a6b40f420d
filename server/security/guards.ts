// Everything that guards the server's edges, made once per server from the config and shared by
// HTTP (app.ts) and the socket gateway, so that an address has one budget across both.
import type { IncomingMessage } from 'node:http';
import { DEFAULTS, type Config } from '../config.ts';
import { clientKey, compileTrust } from './address.ts';
import { ConnectionCounter, WrongCodeThrottle } from './ip-limits.ts';
import { hostPolicy, type HostPolicy } from './hosts.ts';
import { originOf, originPolicy, type OriginPolicy } from './origin.ts';

export type Guards = {
  /** The Host allowlist: requests, handshakes, and the names links are built from. */
  hosts: HostPolicy;
  origins: OriginPolicy;
  connections: ConnectionCounter;
  /** 0: no cap. */
  maxConnectionsPerIp: number;
  codes: WrongCodeThrottle;
  /** The counting key of a request's client (see address.ts). */
  keyOf: (req: IncomingMessage) => string;
  /** socket.io's allowRequest: the Host and Origin checks of every engine handshake, both transports. */
  allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void;
};

export type GuardConfig = Partial<Pick<Config, 'host'>> & Pick<Config, 'publicUrl' | 'allowedHosts' | 'allowedOrigins' | 'maxConnectionsPerIp' | 'wrongCodesPerMinute' | 'trustProxy'>;

export function createGuards(config: GuardConfig, clock: () => number = Date.now): Guards {
  const hosts = hostPolicy(config);
  const origins = originPolicy(config);
  const connections = new ConnectionCounter();
  const maxConnectionsPerIp = config.maxConnectionsPerIp ?? 0;
  const trust = compileTrust(config.trustProxy);
  const keyOf = (req: IncomingMessage) => clientKey(req.socket.remoteAddress, req.headers, trust);
  return {
    hosts,
    origins,
    connections,
    maxConnectionsPerIp,
    codes: new WrongCodeThrottle(config.wrongCodesPerMinute ?? DEFAULTS.wrongCodesPerMinute, 60_000, clock),
    keyOf,
    allowRequest(req, callback) {
      if (!hosts.allowed(req.headers.host)) return callback('host not allowed: add the name to ALLOWED_HOSTS if it is this server', false);
      if (!origins.allowed(originOf(req), req.headers.host)) return callback('origin not allowed', false);
      // A flood of bare connections that never finish the handshake: refused outright. Below this
      // the handshake is refused with a code the client can show (see the gateway).
      if (maxConnectionsPerIp > 0 && connections.count(keyOf(req)) >= 2 * maxConnectionsPerIp) {
        return callback('too many connections', false);
      }
      callback(null, true);
    },
  };
}
