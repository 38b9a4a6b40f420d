// The page's answer to the server's protocol version: same → carry on; another → reload, once per
// server version and tab; still another after that reload → stop and say so (no reload loop).
import { describe, expect, test } from 'vitest';
import { checkProtocol, protocolAction } from './protocol-check.ts';

describe('protocolAction', () => {
  test.each([
    [1, 1, null, 'ok'],
    [1, 1, '2', 'ok'],
    [2, 1, null, 'reload'],
    [2, 1, '3', 'reload'],
    [2, 1, '2', 'outdated'],
    [1, 2, '1', 'outdated'],
  ] as const)('server %i, page %i, reloaded before for %s → %s', (server, client, reloadedFor, expected) => {
    expect(protocolAction(server, client, reloadedFor)).toBe(expected);
  });
});

/** sessionStorage's three methods over a Map. */
function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), size: () => m.size };
}

describe('checkProtocol', () => {
  test('reloads once for a new server version, then says the page is outdated', () => {
    const tab = memory();
    expect(checkProtocol(2, tab, 1)).toBe('reload');
    expect(checkProtocol(2, tab, 1)).toBe('outdated');
    expect(checkProtocol(2, tab, 1)).toBe('outdated');
  });

  test('a page that matches after the reload forgets it, so a later bump reloads again', () => {
    const tab = memory();
    expect(checkProtocol(2, tab, 1)).toBe('reload');
    expect(checkProtocol(2, tab, 2)).toBe('ok');
    expect(tab.size()).toBe(0);
    expect(checkProtocol(3, tab, 2)).toBe('reload');
  });

  test('without storage (refused or missing) it still decides, at worst reloading each time', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => undefined };
    expect(checkProtocol(2, refusing, 1)).toBe('reload');
    expect(checkProtocol(1, null, 1)).toBe('ok');
  });
});
