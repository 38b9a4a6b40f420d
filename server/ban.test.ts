// Issue 12 (low): removing a participant can ban the phone for that workshop (best effort, by the
// device id the phone sends in its handshake). Real socket.io clients on a real server, and a
// restart on the same data folder: the ban is in the log.
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, CommandError, JoinResult } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import { startServer, type RunningServer } from './server.ts';
import { TestClient, createSession, tempDataDir, testConfig } from './testing/harness.ts';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
const clients: TestClient<unknown>[] = [];
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of clients) c.close();
  for (const s of servers) await s.close();
});

/** Resolves with the connected socket, or with the refusal's code. */
function open(url: string, auth: object): Promise<Socket | string> {
  const socket = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve(e.data?.code ?? e.message);
    });
  });
}
const send = (s: Socket, command: object) => s.timeout(10_000).emitWithAck('command', { id: nanoid(), command }) as Promise<Ack>;
const fatalOf = (s: Socket) => new Promise<CommandError>((resolve) => s.once('fatal', resolve));

async function phone(url: string, code: string, device: string, token?: string): Promise<{ socket: Socket; participantId: string; token: string }> {
  const socket = await open(url, { code, as: 'participant', device, ...(token ? { token } : {}) });
  if (typeof socket === 'string') throw new Error(`refused: ${socket}`);
  const ack = await send(socket, { type: 'join', role: 'citizen', name: 'Troll' });
  if (!ack.ok) throw new Error(`join refused: ${ack.error.code}`);
  return { socket, ...(ack.data as JoinResult) };
}

describe('removal with a ban', () => {
  it('keeps the banned phone out of that workshop – across a restart – and no other phone', async () => {
    const dataDir = tempDataDir();
    let server = await startServer(testConfig(dataDir));
    servers.push(server);
    const session = await createSession(server.url);
    const host = await TestClient.connect<HostView>(server.url, { code: session.code, as: 'host', token: session.hostToken });
    clients.push(host);
    const troll = nanoid(24);
    const other = nanoid(24);

    // Removed without a ban: the same phone is back at once, as a new participant.
    const first = await phone(server.url, session.code, troll);
    let told = fatalOf(first.socket);
    await host.must({ type: 'removeParticipant', participantId: first.participantId });
    expect((await told).code).toBe('removed');
    const second = await phone(server.url, session.code, troll, first.token);
    expect(second.participantId).not.toBe(first.participantId);

    // A guest socket of the same phone that is open before the ban, and a bystander.
    const early = await open(server.url, { code: session.code, as: 'participant', device: troll });
    expect(typeof early).not.toBe('string');
    const bystander = await phone(server.url, session.code, other);

    // Removed with a ban: told so, and refused from then on – at the handshake, with or without
    // its old token, and a join from a socket that was already open is refused by the core.
    told = fatalOf(second.socket);
    await host.must({ type: 'removeParticipant', participantId: second.participantId, ban: true });
    expect((await told).code).toBe('banned');
    expect(await open(server.url, { code: session.code, as: 'participant', device: troll })).toBe('banned');
    expect(await open(server.url, { code: session.code, as: 'participant', device: troll, token: second.token })).toBe('banned');
    expect(await send(early as Socket, { type: 'join', role: 'citizen' })).toMatchObject({ ok: false, error: { code: 'banned' } });

    // Everyone else is untouched: the bystander resumes, a new phone joins.
    const back = await open(server.url, { code: session.code, as: 'participant', device: other, token: bystander.token });
    expect(typeof back).not.toBe('string');
    await phone(server.url, session.code, nanoid(24));
    // The console's view carries no device ids (they are the server's business).
    expect(JSON.stringify(host.view)).not.toMatch(/device|banned/);

    // The ban is an event in the log: it holds after a restart.
    host.close();
    for (const s of sockets) s.close();
    await server.close();
    server = await startServer(testConfig(dataDir));
    servers.push(server);
    expect(await open(server.url, { code: session.code, as: 'participant', device: troll })).toBe('banned');
    await phone(server.url, session.code, other);
  }, 60_000);
});
