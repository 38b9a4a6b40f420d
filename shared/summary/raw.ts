// The raw answers of a summary: one row per answer shown, every round of a re-voted question
// (each row with its round). Hidden answers, those awaiting approval and those of removed
// participants are left out, as everywhere in the summary. No participant id, no name.
// The suppression rule holds here too: per question and round, the roles the splits would hide
// (too few respondents, or giving a small one away) and the role "other" are written as
// "otherOrFew" ("Andet/for få"), unless the facilitator asked for exact roles.
import type { Lang, Role } from '../protocol.ts';
import { localize, type LocalizedText, type ResponseSpec } from '../question-set.ts';
import type { AnswerEntry, SessionState } from '../session/state.ts';
import { labels } from './labels.ts';
import type { RawAnswer } from './model.ts';
import { isShown, type Removed } from './shown.ts';
import { suppress } from './stats.ts';

export type RawOptions = { removed: Removed; iso: (ms: number) => string; minGroup: number; exactRoles: boolean };

export function rawAnswers(state: SessionState, { removed, iso, minGroup, exactRoles }: RawOptions): RawAnswer[] {
  const out: RawAnswer[] = [];
  for (const theme of state.set.themes) {
    for (const q of theme.questions) {
      const run = state.runs[q.id]!;
      const rounds = [...run.history.map((h) => ({ round: h.round, entries: h.entries })), { round: run.round, entries: run.entries }];
      const revoted = run.history.length > 0;
      for (const { round, entries } of rounds) {
        // Entries keep insertion order; a stable sort by time keeps it within the same second.
        const list = Object.values(entries).filter((e) => isShown(entries, e, removed)).sort((a, b) => a.at - b.at);
        const merged = exactRoles ? new Set<Role>() : mergedRoles(list, minGroup);
        for (const e of list) {
          const row = rawAnswer(q.id, q.response, e, state.lang, iso);
          if (merged.has(e.role)) row.role = 'otherOrFew';
          if (revoted) row.round = round;
          if (e.late) row.late = true;
          out.push(row);
        }
      }
    }
  }
  return out;
}

/** Roles written as "Andet/for få": those the split would suppress, and "other" itself. */
function mergedRoles(list: readonly AnswerEntry[], minGroup: number): Set<Role> {
  const people: Partial<Record<Role, Set<string>>> = {};
  for (const e of list) (people[e.role] ??= new Set()).add(e.participantId);
  const sizes = Object.fromEntries(Object.entries(people).map(([role, set]) => [role, set.size])) as Partial<Record<Role, number>>;
  const hidden = suppress(sizes, minGroup);
  hidden.add('other');
  return hidden;
}

function rawAnswer(questionId: string, spec: ResponseSpec, e: AnswerEntry, lang: Lang, iso: (ms: number) => string): RawAnswer {
  const a = e.answer;
  const at = iso(e.at);
  // Object literals, no spreads on the common kinds: this runs once per answer (40,000 in a big room).
  switch (a.kind) {
    case 'scale':
    case 'number':
      return { questionId, role: e.role, kind: a.kind, value: a.value, at };
    case 'dontKnow':
      return { questionId, role: e.role, kind: a.kind, value: null, at };
    case 'text':
      return { questionId, role: e.role, kind: a.kind, value: a.text, at };
    case 'choice': {
      const options = spec.type === 'choice' ? spec.options : [];
      const chosen = a.options.map((i) => item(options, i, lang));
      if (a.other) chosen.push(`${lang === 'en' ? 'Other' : 'Andet'}: ${a.other}`);
      return { questionId, role: e.role, kind: a.kind, value: chosen.join('; '), indexes: a.options, ...(a.other ? { other: a.other } : {}), at };
    }
    case 'ranking': {
      const items = spec.type === 'ranking' ? spec.items : [];
      return { questionId, role: e.role, kind: a.kind, value: a.order.map((i) => item(items, i, lang)).join(' > '), indexes: a.order, at };
    }
    case 'statements': {
      const L = labels(lang);
      const value = a.votes.map((v, i) => `${i + 1}: ${v ? L.t(v) : '–'}`).join('; ');
      return { questionId, role: e.role, kind: a.kind, value, statementVotes: a.votes, at };
    }
  }
}

function item(list: readonly LocalizedText[], i: number, lang: Lang): string {
  return list[i] ? localize(list[i], lang) : `#${i + 1}`;
}
