// The socket.io server as this app types it: both directions of events from shared/protocol.ts,
// and the identity the handshake puts on each socket (socket.data), so no handler casts.
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol.ts';
import type { Identity } from './security/handshake.ts';

/** One node today; events between nodes would be typed here (the Redis adapter's). */
export type InterServerEvents = Record<string, never>;
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, Identity>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, Identity>;
