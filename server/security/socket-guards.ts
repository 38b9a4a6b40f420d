// The socket handshake's guards, in order: connections per address (counted on the raw
// engine.io connection, so that half-open handshakes count too; with REDIS_URL over all nodes),
// then AUTH (handshake.ts) with the wrong-code throttle. The Origin check runs before both, in
// socket.io's allowRequest.
import type { AppServer as Server } from '../io.ts';
import { keyOf } from './address.ts';
import type { Guards } from './guards.ts';
import { authorize, type Directory } from './handshake.ts';
import { OwnedElsewhere } from '../sessions.ts';

const JOIN_CODE = /^[A-Z0-9]{4,10}$/; // as HandshakeAuth's code

type EngineConn = { request: import('node:http').IncomingMessage; remoteAddress: string; once: (event: 'close', fn: () => void) => void };

/**
 * `open`: makes the session answerable on this node – its log read into memory, or (clustered) the
 * node running it found – true if it exists; `host`: a console's handshake, whose token is checked
 * against the session's stored hash as it is now.
 */
export function guardHandshakes(io: Server, dir: Directory & { open: (code: string, host: boolean) => Promise<boolean> }, guards: Guards): void {
  const keys = new WeakMap<object, string>();
  /** Clustered: the address's connections on all nodes as Redis counted this one in (undefined: no answer). */
  const totals = new WeakMap<object, Promise<number | undefined>>();
  // Prepended: it must see the request before server.ts lets go of it to save memory.
  io.engine.prependListener('connection', (conn: EngineConn) => {
    const key = guards.keyOf(conn.request);
    keys.set(conn, key);
    guards.connections.add(key);
    // Counted in Redis as it opens, while the socket.io handshake is still on its way.
    if (guards.cluster) totals.set(conn, guards.cluster.add(key));
    conn.once('close', () => {
      guards.connections.remove(key);
      guards.cluster?.remove(key);
    });
  });

  io.use(async (socket, next) => {
    const key = keys.get(socket.conn) ?? keyOf(socket.conn.remoteAddress);
    const open = (await totals.get(socket.conn)) ?? guards.connections.count(key);
    if (guards.maxConnectionsPerIp > 0 && open > guards.maxConnectionsPerIp) {
      next(withCode(new Error('too many connections from this network'), 'too_many_connections'));
      // socket.io writes the refusal on the next tick; then the connection is let go at once.
      setImmediate(() => socket.conn.close());
      return;
    }
    // AUTH asks synchronously: a stored session is read into memory first (once, however many
    // phones arrive for it together). A code that is not a join code's shape is left to AUTH.
    const auth = socket.handshake.auth as { code?: unknown; as?: unknown } | undefined;
    const code = auth?.code;
    if (typeof code === 'string' && JOIN_CODE.test(code)) {
      try {
        await dir.open(code, auth?.as === 'host');
      } catch (e) {
        // The database out of reach, or (clustered) another node runs the workshop and did not
        // let it go in time: either way the client tries again shortly (`internal` is transient).
        return next(withCode(new Error(e instanceof OwnedElsewhere ? e.message : 'the workshop could not be read; try again'), 'internal'));
      }
    }
    // socket.io does not catch a middleware's rejection: the handshake would hang unanswered.
    const decision = await authorize(socket.handshake.auth, dir, guards.codes, key).catch(() => undefined);
    if (!decision) return next(withCode(new Error('the server could not check the code; try again'), 'internal'));
    if (!decision.ok) return next(withCode(new Error(decision.error.message), decision.error.code));
    socket.data = { ...decision.identity, address: key };
    next();
  });
}

/** A handshake refusal the client reads as `connect_error` with `err.data.code`. */
export function withCode(error: Error, code: string): Error {
  return Object.assign(error, { data: { code } });
}
