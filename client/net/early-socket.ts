// The phone's websocket, opened by the page before its script has arrived (issue 19).
//
// On a slow link the websocket's opening handshake is a round trip of its own (DevTools' Slow 3G:
// 2 s of latency). client/join.html starts it from a few lines of inline script at the top of
// the page, as soon as the page's first bytes are parsed, so that it travels while the rest of
// the page (script and stylesheet are inside it) is still arriving. That script keeps the socket
// and every event it fires in `window.__raadslagEarlySocket` until socket.io takes it over here:
// `EarlyWebSocket` is engine.io's own websocket transport, except that the first time it opens it
// adopts that socket (if it is still connecting or open) and replays the events it missed, in
// order, before any later event. Every later connection (a reconnect) is a fresh websocket, and
// a page without the early socket (console, screen, start page) never notices the difference.
import { WebSocket as EngineWebSocket } from 'socket.io-client';

export type EarlySocket = { ws: WebSocket; events: Event[] };

declare global {
  interface Window {
    __raadslagEarlySocket?: EarlySocket;
  }
}

/** The early socket, once: it is removed from `window` whether or not it can still be used. */
function takeEarlySocket(): EarlySocket | undefined {
  if (typeof window === 'undefined') return undefined;
  const early = window.__raadslagEarlySocket;
  delete window.__raadslagEarlySocket;
  if (!early) return undefined;
  const failed = early.events.some((e) => e.type === 'close' || e.type === 'error');
  if (failed || early.ws.readyState > WebSocket.OPEN) {
    early.ws.close();
    return undefined;
  }
  return early;
}

export class EarlyWebSocket extends EngineWebSocket {
  private missed: Event[] | undefined;

  override createSocket(uri: string, protocols: string | string[] | undefined, opts: Record<string, unknown>): WebSocket {
    const early = takeEarlySocket();
    if (!early) return super.createSocket(uri, protocols, opts) as WebSocket;
    this.missed = early.events;
    performance.mark('raadslag:early-socket-adopted'); // e2e/page-load.test.ts looks for it
    return early.ws;
  }

  override doOpen(): this {
    super.doOpen(); // sets the transport's own onopen/onmessage/onclose/onerror on the socket
    const missed = this.missed;
    this.missed = undefined;
    const ws = this.ws as WebSocket | null | undefined;
    if (!missed?.length || !ws) return this;
    // After engine.io has attached to this transport (synchronously, right after doOpen) and
    // before any event still to come (each comes in a task of its own).
    queueMicrotask(() => {
      for (const e of missed) {
        if (this.ws !== ws) return; // closed meanwhile
        if (e.type === 'open') ws.onopen?.(e);
        else if (e.type === 'message') ws.onmessage?.(e as MessageEvent);
      }
    });
    return this;
  }
}
