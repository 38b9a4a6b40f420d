// Views reach a workshop's sockets on every node, in the clustered mode: socket.io's official
// adapter for Redis, the streams one (@socket.io/redis-streams-adapter). A room emit on any node
// is appended to one Redis stream that every node reads; each node sends it to its own sockets in
// that room. The streams adapter rather than the PUB/SUB one (@socket.io/redis-adapter): after a
// Redis blip each node goes on reading from the last entry it had, where PUB/SUB would lose every
// view sent meanwhile – and a phone that misses the view opening the vote shows the old question.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { AppServer } from '../io.ts';

/**
 * Entries the stream keeps: every node reads within milliseconds; this is room for a node that
 * falls behind during the largest burst – a phase change in a plenary, one entry per phone.
 */
const STREAM_MAX_LEN = 20_000;

/** Installs the adapter; the returned function closes its connection. */
export async function useRedisAdapter(io: AppServer, url: string, prefix: string): Promise<() => void> {
  // A client of its own: the adapter reads the stream with blocking XREADs on a copy of it, which
  // must not share the limits' short command timeout (redis.ts). Views wait while Redis reconnects.
  const client = new Redis(url, { lazyConnect: true });
  client.on('error', () => {}); // reconnects by itself
  await client.connect();
  io.adapter(
    createAdapter(client, {
      streamName: `${prefix}:views`,
      channelPrefix: `${prefix}:sio`,
      maxLen: STREAM_MAX_LEN,
      readCount: 500,
      // How long a stopping node's reader may linger after it closed.
      blockTimeInMs: 1000,
      // Views are JSON: no binary scan of every packet.
      onlyPlaintext: true,
    }),
  );
  return () => client.disconnect();
}
