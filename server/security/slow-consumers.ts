// A socket that stops reading (while its connection stays up: it answers pings, or the TCP
// window is simply closed) would make the server buffer everything sent to it, without end.
// Once a socket's unsent data passes the limit it is let go. A phone that was merely slow
// reconnects by itself and gets whole views again, so nothing it needs is lost; its unacked
// commands are resent with their ids.
import type { AppServer as Server } from '../io.ts';

type Packet = { data?: unknown };
type Conn = {
  writeBuffer?: Packet[];
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  close: (discard?: boolean) => void;
};

export const SWEEP_MS = 1000;

/** Bytes waiting to go out on one engine.io connection: its own queue and the WebSocket's. */
export function pendingBytes(conn: Conn): number {
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const p of conn.writeBuffer ?? []) {
    const d = p.data;
    bytes += typeof d === 'string' ? d.length : d instanceof Buffer ? d.length : 16;
  }
  return bytes;
}

/**
 * Ends a connection at once: close(true) discards the queue instead of waiting for it to drain
 * (it never would); terminate() drops the TCP connection instead of waiting for the client's half
 * of a closing handshake – a client that does not read would never send it, and meanwhile every
 * frame it sends would still be parsed.
 */
export function letGo(socket: { conn: unknown }): void {
  const conn = socket.conn as Conn;
  conn.close(true);
  conn.transport?.socket?.terminate?.();
}

/** Checks every socket each second; returns a stop function. `onDrop` counts for tests and the bench. */
export function dropSlowConsumers(io: Server, limitBytes: number, onDrop: () => void = () => {}): () => void {
  if (limitBytes <= 0) return () => {};
  const timer = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const conn = socket.conn as unknown as Conn;
      if (pendingBytes(conn) <= limitBytes) continue;
      onDrop();
      letGo(socket);
    }
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
