// The minutes' header: purpose, place, facilitator and minute-taker, filled in by the facilitator
// before, during or after the workshop (the one command an ended session still takes, since
// minutes are often finished afterwards). Start and end come from the log, not from here.
import type { HostCommand } from '../protocol.ts';
import { accept, reject, type Decision } from './decision.ts';
import type { SessionDetails } from './state.ts';

export const DETAIL_FIELDS = ['purpose', 'place', 'facilitator', 'minuteTaker'] as const;

export function decideDetails(command: Extract<HostCommand, { type: 'setSessionDetails' }>, at: number): Decision {
  const details: SessionDetails = {};
  for (const field of DETAIL_FIELDS) if (command[field] !== undefined) details[field] = command[field];
  if (Object.keys(details).length === 0) return reject('not_allowed_now', 'give at least one of purpose, place, facilitator, minute-taker');
  return accept({ type: 'sessionDetailsSet', details, at });
}

/** The given fields replace the old ones; an empty string removes a field. */
export function mergeDetails(old: SessionDetails, changes: SessionDetails): SessionDetails {
  const out: SessionDetails = { ...old };
  for (const field of DETAIL_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    if (value === '') delete out[field];
    else out[field] = value;
  }
  return out;
}
