// The facilitator's notes, decisions, actions and parking-lot items, sorted to where they belong:
// the session, a theme or a question, each with the number a reader finds it by ("2", "2.3").
// Parking-lot items go to the parking lot only; actions stay where they were noted and are also
// gathered into one list.
import type { SessionState } from '../session/state.ts';
import type { NoteScope, SummaryNote } from './model.ts';

export type SortedNotes = {
  /** Every note but parking-lot items, in the order they were made. */
  all: SummaryNote[];
  session: SummaryNote[];
  byTheme: Map<string, SummaryNote[]>;
  byQuestion: Map<string, SummaryNote[]>;
  actions: SummaryNote[];
  parkingLot: SummaryNote[];
};

export function sortNotes(state: SessionState): SortedNotes {
  const themes = new Map<string, NoteScope>();
  const questions = new Map<string, NoteScope>();
  state.set.themes.forEach((t, i) => {
    themes.set(t.id, { kind: 'theme', themeId: t.id, number: String(i + 1) });
    t.questions.forEach((q, j) => questions.set(q.id, { kind: 'question', themeId: t.id, questionId: q.id, number: `${i + 1}.${j + 1}` }));
  });
  const out: SortedNotes = { all: [], session: [], byTheme: new Map(), byQuestion: new Map(), actions: [], parkingLot: [] };
  for (const id of state.noteOrder) {
    const n = Object.hasOwn(state.notes, id) ? state.notes[id]! : undefined;
    if (!n) continue;
    // A scope the set no longer has (it cannot happen today) falls back to the whole session.
    const scope =
      (n.scope.kind === 'theme' ? themes.get(n.scope.themeId) : n.scope.kind === 'question' ? questions.get(n.scope.questionId) : undefined) ?? {
        kind: 'session' as const,
      };
    const note: SummaryNote = { kind: n.kind, text: n.text, ...(n.who ? { who: n.who } : {}), ...(n.due ? { due: n.due } : {}), scope };
    if (n.kind === 'parking') {
      out.parkingLot.push(note);
      continue;
    }
    out.all.push(note);
    if (n.kind === 'action') out.actions.push(note);
    if (scope.kind === 'session') out.session.push(note);
    else if (scope.kind === 'theme') push(out.byTheme, scope.themeId, note);
    else push(out.byQuestion, scope.questionId, note);
  }
  return out;
}

function push(map: Map<string, SummaryNote[]>, key: string, note: SummaryNote): void {
  const list = map.get(key);
  if (list) list.push(note);
  else map.set(key, [note]);
}
