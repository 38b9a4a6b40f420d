// The Redis the tests use (REDIS_URL, default the local one). CI always has it and must run these
// tests; on a developer's machine without it, the Redis tests are skipped and say so.
import net from 'node:net';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let answer: Promise<boolean> | undefined;

/** Whether Redis answers PING at TEST_REDIS_URL; under CI, a missing one is an error, not a skip. */
export function redisAvailable(): Promise<boolean> {
  answer ??= new Promise<boolean>((resolve) => {
    const url = new URL(TEST_REDIS_URL);
    const socket = net.connect(Number(url.port || 6379), url.hostname);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(3000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(String(d).startsWith('+PONG')));
  }).then((ok) => {
    if (!ok && process.env.CI) throw new Error(`CI runs the Redis tests, but ${TEST_REDIS_URL} does not answer`);
    if (!ok) console.warn(`Redis tests skipped: no Redis at ${TEST_REDIS_URL}`);
    return ok;
  });
  return answer;
}
