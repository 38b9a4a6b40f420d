// The projector's own controls: which page of a long list the stage shows, whether it turns its
// pages by itself, and whether a theme step shows the theme overview instead of the statements.
// The page is a counter the renderer takes modulo its page count, so "next" on the last page
// starts over and "previous" on the first goes to the last: the core need not know how many
// pages a list has on a given projector. A new step starts at page 1 with the overview off.
import type { HostCommand } from '../protocol.ts';
import type { SessionEvent } from './events.ts';
import { accept, reject, type Decision } from './decision.ts';
import type { SessionState } from './state.ts';

/** How often an auto-rotating stage turns its page: long enough to read a page of 20 answers. */
export const ROTATE_MS = 12_000;

export type ScreenCommand = Extract<HostCommand, { type: 'turnScreenPage' | 'configureScreen' }>;
export type ScreenEvent = Extract<SessionEvent, { type: 'screenPageTurned' | 'screenConfigured' }>;

export function decideScreen(state: SessionState, command: ScreenCommand, at: number): Decision {
  switch (command.type) {
    case 'turnScreenPage':
      return accept({ type: 'screenPageTurned', page: (state.screenPage ?? 0) + command.by, at });
    case 'configureScreen':
      if (command.overview && state.agenda[state.cursor]?.kind !== 'theme') {
        return reject('not_allowed_now', 'the theme overview is shown on a theme step');
      }
      return accept({
        type: 'screenConfigured',
        ...(command.rotate !== undefined ? { rotate: command.rotate } : {}),
        ...(command.overview !== undefined ? { overview: command.overview } : {}),
        at,
      });
  }
}

/** The server's rotation tick: turns the page only while rotation is on. */
export function screenRotated(state: SessionState, at: number): Decision {
  if (!state.screenRotate) return reject('not_allowed_now', 'the screen is not rotating');
  return accept({ type: 'screenPageTurned', page: (state.screenPage ?? 0) + 1, at });
}

export function foldScreen(state: SessionState, event: ScreenEvent): SessionState {
  switch (event.type) {
    case 'screenPageTurned':
      state.screenPage = event.page;
      return state;
    case 'screenConfigured':
      if (event.rotate !== undefined) state.screenRotate = event.rotate;
      if (event.overview !== undefined) state.screenOverview = event.overview;
      return state;
  }
}

/** A new step starts on its first page, showing itself. */
export function resetScreenPage(state: SessionState): void {
  state.screenPage = 0;
  state.screenOverview = false;
}

/** `page` taken modulo `count`, for negative counters too. */
export function pageIndex(page: number, count: number): number {
  return count > 0 ? ((page % count) + count) % count : 0;
}
