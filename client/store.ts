// One store, fed by the server: views arrive as events (receivedView), the UI never patches them.
import { create } from 'zustand';
import type { Audience, Lang } from '../shared/protocol.ts';
import type { HostView, MeView, ParticipantView, ScreenView } from '../shared/session/views.ts';

export type Connection = 'connecting' | 'online' | 'offline';
export type AnyView = HostView | ScreenView | ParticipantView;

export type StoreState = {
  lang: Lang;
  audience: Audience | null;
  code: string | null;
  connection: Connection;
  /** A connection error that retrying will not fix (unknown session, bad host link). */
  fatal: string | null;
  view: AnyView | null;
  /** undefined: not heard yet; null: this device has not joined. */
  me: MeView | null | undefined;
  /** Commands sent and not yet acknowledged. */
  pending: number;
  clockOffset: number;
  receivedView: (view: AnyView) => void;
  receivedMe: (me: MeView | null) => void;
  receivedHello: (serverNow: number) => void;
  connectionChanged: (connection: Connection, fatal?: string | null) => void;
  pendingChanged: (pending: number) => void;
  languageChosen: (lang: Lang) => void;
  started: (audience: Audience, code: string) => void;
};

export const useStore = create<StoreState>()((set) => ({
  lang: 'da',
  audience: null,
  code: null,
  connection: 'connecting',
  fatal: null,
  view: null,
  me: undefined,
  pending: 0,
  clockOffset: 0,
  receivedView: (view) => set({ view }),
  receivedMe: (me) => set({ me }),
  receivedHello: (serverNow) => set({ clockOffset: serverNow - Date.now() }),
  connectionChanged: (connection, fatal) => set(fatal === undefined ? { connection } : { connection, fatal }),
  pendingChanged: (pending) => set({ pending }),
  languageChosen: (lang) => {
    localStorage.setItem('raadslag:lang', lang);
    document.documentElement.lang = lang;
    set({ lang });
  },
  started: (audience, code) => set({ audience, code }),
}));
