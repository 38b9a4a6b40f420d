// What the summary shows of a round's answers, after moderation: an answer is shown when it
// counts (neither hidden nor awaiting approval), or when it was merged into one that counts (its
// text is listed under that one). Everything else – hidden by the facilitator, pending, written by
// a removed participant – is counted as hidden and never shown. One pass over the entries of one
// question: a summary is made rarely, so O(answers) is fine here.
import type { Role } from '../protocol.ts';
import type { Tally } from '../aggregate/tally.ts';
import { counted } from '../session/moderation.ts';
import type { AnswerEntry } from '../session/state.ts';
import type { TextAnswer } from './model.ts';

/** One round of a question: the current one, or one kept in its history by a re-vote. */
export type RoundInput = { entries: Record<string, AnswerEntry>; order: readonly string[]; tally: Tally };

/** Participants removed by the facilitator: their answers are never shown. */
export type Removed = ReadonlySet<string>;

export function isShown(entries: Record<string, AnswerEntry>, e: AnswerEntry, removed: Removed): boolean {
  if (removed.has(e.participantId)) return false;
  if (counted(e)) return true;
  if (!e.mergedInto) return false;
  const target = Object.hasOwn(entries, e.mergedInto) ? entries[e.mergedInto] : undefined;
  return !!target && counted(target) && !removed.has(target.participantId);
}

export type Visible = {
  /** Answers neither shown nor counted. */
  hidden: number;
  /** People with a shown answer, in total, per role and per table. */
  respondents: number;
  byRole: Partial<Record<Role, number>>;
  byTable: Record<string, number>;
};

export function visibleCounts(input: RoundInput, removed: Removed): Visible {
  const seen = new Set<string>();
  const out: Visible = { hidden: 0, respondents: 0, byRole: {}, byTable: {} };
  for (const e of Object.values(input.entries)) {
    if (!isShown(input.entries, e, removed)) {
      out.hidden += 1;
      continue;
    }
    if (seen.has(e.participantId)) continue;
    seen.add(e.participantId);
    out.respondents += 1;
    out.byRole[e.role] = (out.byRole[e.role] ?? 0) + 1;
    if (e.table !== undefined) out.byTable[e.table] = (out.byTable[e.table] ?? 0) + 1;
  }
  return out;
}

/**
 * Answers from a show of hands or paper slips have no role: what the tally holds beyond its role
 * tallies. Read from the tally itself, so it is right for every round of a re-vote too.
 */
export function analogOf(t: Tally): number {
  let digital = 0;
  for (const c of Object.values(t.byRole)) digital += c.n + c.dontKnow;
  return Math.max(0, t.n + t.dontKnow - digital);
}

/**
 * Text answers, or the "Andet" texts of a choice; oldest first. A text lists the texts merged
 * into it, and with dot voting its dots include theirs.
 */
export function openAnswers(input: RoundInput, votes: Record<string, number> | undefined, removed: Removed): TextAnswer[] {
  const out: TextAnswer[] = [];
  const merged: Record<string, string[]> = {};
  const mergedVotes: Record<string, number> = {};
  for (const e of Object.values(input.entries)) {
    if (!isShown(input.entries, e, removed)) continue;
    if (e.answer.kind === 'choice' && e.answer.other && counted(e)) out.push({ text: e.answer.other });
    if (e.mergedInto && e.answer.kind === 'text') {
      (merged[e.mergedInto] ??= []).push(e.answer.text);
      mergedVotes[e.mergedInto] = (mergedVotes[e.mergedInto] ?? 0) + (votes?.[e.id] ?? 0);
    }
  }
  for (const id of input.order) {
    const e = Object.hasOwn(input.entries, id) ? input.entries[id]! : undefined;
    if (!e || e.answer.kind !== 'text' || e.mergedInto || !isShown(input.entries, e, removed)) continue;
    const a: TextAnswer = { text: e.answer.text };
    if (votes) a.votes = (votes[id] ?? 0) + (mergedVotes[id] ?? 0);
    if (merged[id]) a.merged = merged[id];
    if (e.pinned) a.pinned = true;
    out.push(a);
  }
  return out;
}
