// The server's `hello` says which protocol it speaks. A page built for another one reloads to
// fetch the current build – once: if the page after the reload still disagrees (the new build is
// not served yet), it stops and says so instead of reloading in a loop.
// PROTOCOL_VERSION comes from constants.ts, not protocol.ts: the phone's bundle carries no zod.
import { PROTOCOL_VERSION } from '../../shared/constants.ts';

export type ProtocolAction = 'ok' | 'reload' | 'outdated';

/** The decision alone: `reloadedFor` is the server version this tab last reloaded for, if any. */
export function protocolAction(server: number, client: number, reloadedFor: string | null): ProtocolAction {
  if (server === client) return 'ok';
  return reloadedFor === String(server) ? 'outdated' : 'reload';
}

/** Survives a reload, per tab (sessionStorage), so one tab reloads once per server version. */
const KEY = 'raadslag:reloaded-for-protocol';

type Memory = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Decides for this page and remembers a reload before it happens. */
export function checkProtocol(server: number, memory: Memory | null = sessionMemory(), client = PROTOCOL_VERSION): ProtocolAction {
  const action = protocolAction(server, client, read(memory));
  try {
    if (action === 'ok') memory?.removeItem(KEY);
    else if (action === 'reload') memory?.setItem(KEY, String(server));
  } catch {
    // Storage refused (private mode, full): the decision stands.
  }
  return action;
}

/**
 * Reloads the page for the server's build. The service worker serves /join/ from the network
 * first anyway; asking it to update first installs the new worker (it skips waiting) with the
 * new shell precached, so an offline reload later opens the new build too. Bounded: a worker
 * that does not answer does not hold the reload up.
 */
export async function reloadForNewBuild(wait = 3000): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration) await Promise.race([registration.update().catch(() => undefined), new Promise((r) => setTimeout(r, wait))]);
  } catch {
    // No worker, or it failed to update: the network-first reload still fetches the new page.
  }
  location.reload();
}

function read(memory: Memory | null): string | null {
  try {
    return memory?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

function sessionMemory(): Memory | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
