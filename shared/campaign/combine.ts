// Combined results of one campaign: the same questions across workshops, per workshop, label and
// role, with small groups hidden in every combination (cells.ts). Counts add up, so every
// combined figure is computed from summed tallies by the same code that computes a workshop's
// own results (fromCounts): a median across three workshops is the median of all their answers,
// not a median of medians.
import type { Role } from '../protocol.ts';
import { ROLES } from '../constants.ts';
import type { Question, ResponseSpec } from '../question-set.ts';
import { emptyCounts, type Counts } from '../aggregate/tally.ts';
import { fromCounts, type Results } from '../session/results.ts';
import type { SessionState } from '../session/state.ts';
import { compare, type Comparison } from './compare.ts';
import { NO_LABEL, cellId, suppress, type CellKey, type Layout } from './cells.ts';

/** What a campaign needs of one workshop's question: its tallies and who answered. */
export type QuestionInput = {
  spec: ResponseSpec;
  total: Counts;
  byRole: Partial<Record<Role, Counts>>;
  /** People with a counted answer, show-of-hands answers included (they have no role). */
  people: number;
  peopleByRole: Partial<Record<Role, number>>;
};

export type WorkshopInput = {
  id: string;
  /** Department, municipality, …; NO_LABEL when none was given. */
  label: string;
  questions: Record<string, QuestionInput>;
  /** The questions in the workshop's own order, with their texts. */
  order: Question[];
};

/**
 * A shown group's figures; a hidden one says only that it is hidden. Text: counts only. The
 * whole campaign (`overall`) has its full results; a part (per workshop, label, role and their
 * combinations) only what its one-line headline needs (headlineOnly): with 200 workshops there
 * are thousands of parts, and their bars would make the view megabytes.
 */
export type CombinedCell = { key: CellKey } & ({ hidden: true } | { hidden: false; people: number; results: Results | null });

export type CombinedQuestion = {
  id: string;
  question: Question;
  /** Workshops that asked it (with the same response type and range). */
  workshops: string[];
  /** Workshops whose question of this id differs (another type or range): left out, named here. */
  mismatched: string[];
  overall: CombinedCell;
  byWorkshop: CombinedCell[];
  byLabel: CombinedCell[];
  byRole: CombinedCell[];
  byWorkshopRole: CombinedCell[];
  byLabelRole: CombinedCell[];
  /** Where workshops and roles agree and where they split (shown groups only). */
  comparison: Comparison;
};

/** Reads a workshop's answers into the campaign's input (only counted answers: never hidden or pending ones). */
export function workshopInput(id: string, label: string | undefined, state: SessionState): WorkshopInput {
  const questions: Record<string, QuestionInput> = {};
  const order: Question[] = [];
  for (const theme of state.set.themes) {
    for (const question of theme.questions) {
      order.push(question);
      const run = state.runs[question.id];
      const peopleByRole: Partial<Record<Role, number>> = {};
      let people = run?.analog ?? 0;
      for (const ids of Object.values(run?.byParticipant ?? {})) {
        const counted = ids.map((a) => run!.entries[a]).find((e) => e && !e.hidden && !e.pending);
        if (!counted || counted.analog) continue;
        people++;
        peopleByRole[counted.role] = (peopleByRole[counted.role] ?? 0) + 1;
      }
      questions[question.id] = { spec: question.response, total: run?.tally ?? emptyCounts(), byRole: run?.tally.byRole ?? {}, people, peopleByRole };
    }
  }
  return { id, label: label?.trim() || NO_LABEL, questions, order };
}

/** Same id, same kind of answer: the counts of one can be added to the other's. */
export function sameShape(a: ResponseSpec, b: ResponseSpec): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'scale':
    case 'number':
      return b.type === a.type && a.min === b.min && a.max === b.max;
    case 'choice':
      return b.type === 'choice' && a.options.length === b.options.length;
    case 'ranking':
      return b.type === 'ranking' && a.items.length === b.items.length;
    case 'statements':
      return b.type === 'statements' && a.statements.length === b.statements.length;
    case 'text':
      return true;
  }
}

function add(into: Counts, c: Counts | undefined): void {
  if (!c) return;
  into.n += c.n;
  into.dontKnow += c.dontKnow;
  for (const [k, v] of Object.entries(c.counts)) into.counts[k] = (into.counts[k] ?? 0) + v;
}

/** The questions of every workshop in first-seen order (workshops on sets that share question ids). */
function questionsOf(workshops: WorkshopInput[]): Question[] {
  const seen = new Map<string, Question>();
  for (const w of workshops) for (const q of w.order) if (!seen.has(q.id)) seen.set(q.id, q);
  return [...seen.values()];
}

export function combineQuestion(question: Question, all: WorkshopInput[], minGroupSize: number): CombinedQuestion {
  const spec = question.response;
  const mismatched = all.filter((w) => w.questions[question.id] && !sameShape(spec, w.questions[question.id]!.spec)).map((w) => w.id);
  const workshops = all.filter((w) => w.questions[question.id] && !mismatched.includes(w.id));
  const layout: Layout = { workshops: workshops.map((w) => ({ id: w.id, label: w.label })) };
  const inKey = (key: CellKey) => workshops.filter((w) => (key.workshop === undefined || w.id === key.workshop) && (key.label === undefined || w.label === key.label));
  const people = (key: CellKey) =>
    inKey(key).reduce((sum, w) => {
      const q = w.questions[question.id]!;
      return sum + (key.role ? (q.peopleByRole[key.role] ?? 0) : q.people);
    }, 0);
  const cells = suppress(layout, people, minGroupSize);
  const show = (key: CellKey): CombinedCell => {
    const c = cells.get(cellId(key));
    const n = c ? c.people : people(key);
    if (c?.hidden) return { key, hidden: true };
    const counts = emptyCounts();
    for (const w of inKey(key)) add(counts, key.role ? w.questions[question.id]!.byRole[key.role] : w.questions[question.id]!.total);
    // A group of nobody has no figures to show (and would only weigh the view down).
    if (spec.type === 'text' || n === 0) return { key, hidden: false, people: n, results: null };
    const results = fromCounts(spec, counts, minGroupSize);
    return { key, hidden: false, people: n, results: key.workshop || key.label || key.role ? headlineOnly(results) : results };
  };
  const labels = [...new Set(layout.workshops.map((w) => w.label))];
  const byWorkshop = workshops.map((w) => show({ workshop: w.id }));
  const byRole = ROLES.map((role) => show({ role }));
  return {
    id: question.id,
    question,
    workshops: workshops.map((w) => w.id),
    mismatched,
    overall: show({}),
    byWorkshop,
    byLabel: labels.map((label) => show({ label })),
    byRole,
    byWorkshopRole: workshops.flatMap((w) => ROLES.map((role) => show({ workshop: w.id, role }))),
    byLabelRole: labels.flatMap((label) => ROLES.map((role) => show({ label, role }))),
    comparison: compare(byWorkshop, byRole),
  };
}

/** Keeps the headline's figures: medians and counts; of bars and ranked items only the first. */
export function headlineOnly(r: Results): Results {
  switch (r.type) {
    case 'scale':
    case 'number':
      return { ...r, bars: [] };
    case 'choice':
      return { ...r, bars: r.bars.slice(0, 1) };
    case 'ranking':
      return { ...r, items: r.items.slice(0, 1) };
    default:
      return r;
  }
}

export function combine(workshops: WorkshopInput[], minGroupSize: number): CombinedQuestion[] {
  return questionsOf(workshops).map((q) => combineQuestion(q, workshops, minGroupSize));
}
