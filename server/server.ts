// Wires the parts together. Tests start it on port 0 with a temp data folder; main.ts with the
// environment's config.
import http from 'node:http';
import os from 'node:os';
import { nanoid } from 'nanoid';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { AppServer, InterServerEvents } from './io.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol.ts';
import type { Identity } from './security/handshake.ts';
import { LIMITS } from '../shared/protocol.ts';
import { createApp } from './app.ts';
import { Broadcaster, rooms } from './broadcast.ts';
import { startRetention } from './lifecycle.ts';
import { DEFAULTS, type Config } from './config.ts';
import { participantLimits } from './security/participant-limits.ts';
import { dropSlowConsumers, letGo } from './security/slow-consumers.ts';
import { attachGateway } from './gateway.ts';
import { createGuards } from './security/guards.ts';
import { QuestionCatalogue } from './question-sets.ts';
import { SessionManager } from './sessions.ts';
import { openStore } from './store/open-store.ts';
import { sharedBudgets } from './cluster/redis.ts';
import { useRedisAdapter } from './cluster/adapter.ts';
import { Forwarding } from './cluster/forwarding.ts';
import { NodeLink } from './cluster/node-link.ts';
import { localRunner } from './runner.ts';

export type RunningServer = {
  url: string;
  port: number;
  io: AppServer;
  sessions: SessionManager;
  broadcaster: Broadcaster;
  /** Sockets let go because they stopped reading (security/slow-consumers.ts). */
  slowDropped: () => number;
  close: () => Promise<void>;
};

export async function startServer(config: Config): Promise<RunningServer> {
  const catalogue = QuestionCatalogue.open(config);
  const store = await openStore(config);
  // On PostgreSQL, sessions are leased: one node runs each at a time (server/cluster/ownership.ts).
  // A name per start (not per host), so a restarted node is a new owner whose lease is fenced apart.
  const node = config.nodeId ?? `${os.hostname()}-${nanoid(6)}`;
  const cluster = store.leases ? { node, ttlMs: config.leaseTtlMs ?? DEFAULTS.leaseTtlMs } : undefined;
  const sessions = await SessionManager.start(
    store,
    Date.now,
    (error) => {
      // State in memory is ahead of the disk: stop, and let a restart rebuild from the log.
      console.error('fatal: could not write to the database:', error);
      process.exit(70);
    },
    cluster,
  );
  const shared = await sharedBudgets(config);
  const guards = createGuards(config, shared && { store: shared, node });
  const app = createApp(config, sessions, catalogue, guards, shared);
  const httpServer = http.createServer(app);
  const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, Identity>(httpServer, {
    maxHttpBufferSize: LIMITS.maxHttpBufferSize,
    perMessageDeflate: false,
    httpCompression: false,
    transports: ['websocket', 'polling'],
    serveClient: false,
    pingInterval: config.pingIntervalMs ?? 20_000,
    pingTimeout: config.pingTimeoutMs ?? 20_000,
    // The Origin check of every handshake, polling and websocket alike (see security/origin.ts).
    allowRequest: guards.allowRequest,
  });
  // socket.io's advice for many connections: the handshake request (headers, buffers) is not
  // needed after the handshake, and keeping it costs memory per socket.
  io.engine.on('connection', (raw: { request: unknown }) => {
    raw.request = null;
  });
  // Clustered with Redis: any node accepts any socket (cluster/forwarding.ts).
  const spread = cluster && config.redisUrl ? await spreadOver(io, config.redisUrl, shared?.prefix ?? 'raadslag', node) : undefined;
  let forwarding: Forwarding | undefined;
  const broadcaster = new Broadcaster(io, sessions, (code) => forwarding?.spreadNow(code) ?? false);
  sessions.onChange((code, events) => broadcaster.changed(code, events));
  const limits = participantLimits(config, shared);
  const local = localRunner(sessions, broadcaster, limits.maxParticipants);
  if (spread) forwarding = new Forwarding(sessions, sessions.placement!, local, spread.link, cluster!.ttlMs, () => codesWithSockets(io));
  const runner = forwarding ?? local;
  // Taken over from another node: every audience its whole view, on whichever node its sockets are.
  sessions.placement?.onLoaded((code, inherited) => {
    if (!forwarding || !inherited) return;
    forwarding.takenOver(code);
    broadcaster.refreshAll(code);
  });
  attachGateway(io, sessions, runner, guards, broadcaster, limits);
  let slowDropped = 0;
  const stopSlowSweep = dropSlowConsumers(io, config.sendBufferLimitBytes ?? DEFAULTS.sendBufferLimitBytes, () => slowDropped++);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    // A room scanning the code opens thousands of connections within seconds: a deeper accept
    // queue than Node's default 511 (the kernel caps it at net.core.somaxconn).
    httpServer.listen({ port: config.port, host: config.host, backlog: 4096 }, () => resolve());
  });
  // A session another node took over: this node's pages for it are let go and reconnect.
  // The connection is cut, not closed with a goodbye: socket.io's client reconnects by itself only
  // after a cut ("transport close"), and through the balancer it reaches the workshop's new node.
  sessions.placement?.onLost((code, why) => {
    console.warn(`cluster: another node runs workshop ${code} now (${why}); this node let it go`);
    for (const room of [rooms.host(code), rooms.screen(code), rooms.participants(code)]) {
      for (const id of [...(io.of('/').adapter.rooms.get(room) ?? [])]) {
        const socket = io.of('/').sockets.get(id);
        if (socket) letGo(socket);
      }
    }
  });
  // A deleted session's open pages are let go; retention deletes old sessions on its own.
  sessions.onDeleted((code) => {
    io.to([rooms.host(code), rooms.screen(code), rooms.participants(code)]).emit('fatal', { code: 'no_such_session', message: 'the session was deleted' });
    io.in([rooms.host(code), rooms.screen(code), rooms.participants(code)]).disconnectSockets(true);
  });
  const stopRetention = startRetention(sessions, config.retentionDays ?? 0);
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    io,
    sessions,
    broadcaster,
    slowDropped: () => slowDropped,
    close: async () => {
      stopRetention();
      stopSlowSweep();
      broadcaster.close();
      sessions.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await sessions.drain();
      await sessions.releaseLeases();
      await store.close();
      await guards.cluster?.close();
      forwarding?.close();
      spread?.close();
      shared?.client.disconnect();
    },
  };
}

/** The views through Redis to every node's sockets, and the link to ask other nodes. */
async function spreadOver(io: AppServer, url: string, prefix: string, node: string): Promise<{ link: NodeLink; close: () => void }> {
  const closeAdapter = await useRedisAdapter(io, url, prefix);
  const link = await NodeLink.open(url, node, prefix);
  return {
    link,
    close: () => {
      link.close();
      closeAdapter();
    },
  };
}

/** The workshops this node has sockets of: from its rooms (`CODE:host`, `CODE:screen`, `CODE:participants`). */
function codesWithSockets(io: AppServer): Set<string> {
  const codes = new Set<string>();
  for (const room of io.of('/').adapter.rooms.keys()) {
    const at = room.indexOf(':');
    if (at > 0 && /:(host|screen|participants)$/.test(room)) codes.add(room.slice(0, at));
  }
  return codes;
}
