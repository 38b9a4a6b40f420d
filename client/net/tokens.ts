// What this browser remembers: the phone's participant token, the console's host token, and
// the sessions it created. No accounts: the browser is the identity.
import { nanoid } from 'nanoid';

const key = {
  participant: (code: string) => `raadslag:participant:${code}`,
  host: (code: string) => `raadslag:host:${code}`,
  created: 'raadslag:created',
};

export type CreatedSession = { code: string; createdAt: number; title: string };

export const tokens = {
  /** This browser's own random id: a retried join is answered to it alone (see docs/protocol.md). */
  device: () => {
    let id = localStorage.getItem('raadslag:device');
    if (!id) localStorage.setItem('raadslag:device', (id = nanoid()));
    return id;
  },
  participant: (code: string) => localStorage.getItem(key.participant(code)) ?? undefined,
  setParticipant: (code: string, token: string) => localStorage.setItem(key.participant(code), token),
  clearParticipant: (code: string) => localStorage.removeItem(key.participant(code)),
  host: (code: string) => localStorage.getItem(key.host(code)) ?? undefined,
  setHost: (code: string, token: string) => localStorage.setItem(key.host(code), token),
  created: (): CreatedSession[] => {
    try {
      const list = JSON.parse(localStorage.getItem(key.created) ?? '[]') as unknown;
      return Array.isArray(list) ? (list as CreatedSession[]) : [];
    } catch {
      return [];
    }
  },
  forget: (code: string) => {
    localStorage.removeItem(key.host(code));
    localStorage.setItem(key.created, JSON.stringify(tokens.created().filter((c) => c.code !== code)));
  },
  addCreated: (s: CreatedSession) => {
    const list = tokens.created().filter((c) => c.code !== s.code);
    localStorage.setItem(key.created, JSON.stringify([s, ...list].slice(0, 50)));
  },
};
