// The Host allowlist (DNS rebinding): the server answers only to names it knows are its own, so
// a page on another site whose name was pointed at this machine (or at the venue's laptop) gets
// nothing – no workshop created, no socket, no upload – and join links and QR codes are built
// only from names on the list, never from whatever Host a request claims.
//
// Its own names: localhost and loopback addresses; the address it listens on – and, when it
// listens on every interface (HOST=0.0.0.0 or ::), each address the machine has right now, so a
// phone reaching a laptop by its LAN address works with no setting; the machine's hostname (and
// <hostname>.local); PUBLIC_URL's host; and ALLOWED_HOSTS. Ports are not compared: a proxy may
// change them, and a rebinding attack changes the name, not the port.
import os from 'node:os';
import type { Config } from '../config.ts';

export type HostPolicy = {
  /** A request's Host header: absent (not a browser – browsers always send it) or one of ours. */
  allowed: (host: string | undefined) => boolean;
};

type HostConfig = Partial<Pick<Config, 'host' | 'publicUrl' | 'allowedHosts'>>;
type Interfaces = () => ReturnType<typeof os.networkInterfaces>;

const REFRESH_MS = 5_000;

export function hostPolicy(config: HostConfig, interfaces: Interfaces = os.networkInterfaces, clock: () => number = Date.now): HostPolicy {
  const fixed = new Set<string>(['localhost', '[::1]']);
  const add = (name: string | undefined) => {
    const h = name === undefined ? undefined : hostnameOf(name);
    if (h) fixed.add(h);
  };
  const listen = config.host ?? '127.0.0.1';
  const wildcard = listen === '0.0.0.0' || listen === '::' || listen === '';
  if (!wildcard) add(listen.includes(':') ? `[${listen}]` : listen);
  const machine = os.hostname().toLowerCase();
  if (machine) {
    add(machine);
    add(`${machine}.local`);
  }
  if (config.publicUrl) fixed.add(new URL(config.publicUrl).hostname.toLowerCase());
  for (const h of config.allowedHosts ?? []) add(h);

  // The machine's addresses change (a laptop joins the venue's Wi-Fi after starting the server):
  // read again on a miss, at most every few seconds.
  let own = new Set<string>();
  let readAt = -Infinity;
  const refresh = () => {
    readAt = clock();
    own = new Set(
      Object.values(interfaces())
        .flatMap((list) => list ?? [])
        .map((a) => (a.family === 'IPv6' ? `[${a.address.split('%')[0]!.toLowerCase()}]` : a.address)),
    );
  };
  const isOwnAddress = (h: string) => {
    if (!wildcard) return false;
    if (own.has(h)) return true;
    if (clock() - readAt < REFRESH_MS) return false;
    refresh();
    return own.has(h);
  };

  return {
    allowed(host) {
      if (host === undefined) return true;
      const h = hostnameOf(host);
      if (!h) return false;
      return fixed.has(h) || isLoopback(h) || isOwnAddress(h);
    },
  };
}

/** "Example.org:3000" → "example.org", "[::1]:3000" → "[::1]"; undefined for anything that is not a host. */
export function hostnameOf(host: string): string | undefined {
  if (!host || /[\s/\\@?#]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase().replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

function isLoopback(h: string): boolean {
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '[::1]';
}

/** ALLOWED_HOSTS: "raadslag.kommune.dk, 10.0.0.5" → hostnames; anything else is an error at start-up. */
export function allowedHostsOf(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const h = hostnameOf(s);
      if (!h) throw new Error(`ALLOWED_HOSTS: "${s}" is not a host name or address (like raadslag.kommune.dk or 10.0.0.5)`);
      return h;
    });
}
