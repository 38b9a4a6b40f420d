// The campaign summary as a document, before any format: headings, paragraphs, tables and lists
// in the order every format prints them – the workshops, the decisions and actions with their
// follow-up, a section per question (everyone, where they agree and split, per workshop, label
// and role) and an appendix per workshop. Markdown, HTML and Word render these blocks, so the
// formats cannot drift apart. Only shown groups carry figures: a hidden one says so.
import { localize } from '../question-set.ts';
import { labels, type Labels } from '../summary/labels.ts';
import type { CombinedCell, CombinedQuestion } from './combine.ts';
import type { Extreme } from './compare.ts';
import { WORDS, headline, pct, type Words } from './summary-words.ts';
import type { CampaignAction, CampaignView } from './view.ts';

export type ListItem = { strong?: string; text: string };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; strong?: string; text: string }
  /** `caption` names the table (a heading in Markdown and Word, a caption in HTML). */
  | { kind: 'table'; caption?: string; head: string[]; rows: string[][]; numeric: boolean[] }
  | { kind: 'list'; items: ListItem[] };

/** What naming a workshop needs of the view (the organiser's page has less than the whole view). */
type Naming = Pick<CampaignView, 'lang' | 'workshops'>;
/** Names and words the blocks are written with. */
type Context<V extends Naming = CampaignView> = { view: V; l: Labels; w: Words; labelName: (label: string) => string; workshopName: (code: string) => string };

function context<V extends Naming>(view: V): Context<V> {
  const w = WORDS[view.lang];
  const labelName = (label: string) => label || w.noLabel;
  const workshopName = (code: string) => {
    const ws = view.workshops.find((x) => x.code === code);
    return ws ? `${labelName(ws.label)} · ${code}` : code;
  };
  return { view, l: labels(view.lang), w, labelName, workshopName };
}

export function campaignDocument(view: CampaignView): Block[] {
  const c = context(view);
  const { l, w } = c;
  const asked = view.questions.filter((q) => q.overall.hidden || q.overall.people > 0);
  const unasked = view.questions.filter((q) => !asked.includes(q));
  return [
    { kind: 'heading', level: 1, text: `${w.campaign}: ${view.name}` },
    { kind: 'paragraph', text: w.rule.replace('{n}', l.num(view.minGroupSize)) },
    { kind: 'heading', level: 2, text: w.workshops },
    workshopsTable(c),
    ...(view.actions.length > 0 ? [{ kind: 'heading', level: 2, text: w.decisions } as const, actionList(c, view.actions)] : []),
    ...asked.flatMap((q) => question(c, q)),
    ...(unasked.length > 0
      ? [{ kind: 'heading', level: 2, text: w.unasked } as const, { kind: 'list', items: unasked.map((q) => ({ text: localize(q.question.text, view.lang) })) } as const]
      : []),
    ...(view.workshops.length > 0 ? [{ kind: 'heading', level: 2, text: w.appendix } as const, ...view.workshops.flatMap((ws) => appendix(c, ws.code))] : []),
  ];
}

function statusOf(ws: CampaignView['workshops'][number], w: Words): string {
  return ws.ended ? w.ended : ws.started ? w.running : w.notStarted;
}

function workshopsTable({ view, l, w, labelName }: Context): Block {
  return {
    kind: 'table',
    head: [w.workshop, w.label, w.heldOn, l.t('participants'), w.status],
    rows: view.workshops.map((ws) => [`${ws.title} · ${ws.code}`, labelName(ws.label), ws.heldOn ? l.date(ws.heldOn) : '', l.num(ws.participants), statusOf(ws, w)]),
    numeric: [false, false, false, true, false],
  };
}

function actionList({ l, w, workshopName }: Context, actions: CampaignAction[]): Block {
  return {
    kind: 'list',
    items: actions.map((a) => {
      const review = a.followUp?.[0];
      const extra = [
        a.who ? `${w.who}: ${a.who}` : null,
        a.due ? `${w.due}: ${l.date(a.due)}` : null,
        review ? `${w.followUp}: ${w[`status_${review.status}`]} (${workshopName(review.reviewedIn)})` : null,
      ]
        .filter(Boolean)
        .join(', ');
      return { strong: a.kind === 'decision' ? w.decision : w.action, text: ` (${workshopName(a.workshop)}): ${a.text}${extra ? ` – ${extra}` : ''}` };
    }),
  };
}

/** [people, result] of a cell: a hidden group shows no figure at all. */
function cellText(c: CombinedCell, q: CombinedQuestion, l: Labels, w: Words): [string, string] {
  if (c.hidden) return ['', w.hidden];
  return [l.num(c.people), headline(c.results, q, l, w) || `${l.num(c.people)} ${w.answers}`];
}

function question(c: Context, q: CombinedQuestion): Block[] {
  const { view, l, w, labelName, workshopName } = c;
  const [people, result] = cellText(q.overall, q, l, w);
  const out: Block[] = [
    { kind: 'heading', level: 2, text: localize(q.question.text, view.lang) },
    { kind: 'paragraph', strong: w.everyone, text: ` (${people || '–'}): ${result}` },
  ];
  if (q.mismatched.length > 0) out.push({ kind: 'paragraph', text: w.leftOut.replace('{list}', q.mismatched.join(', ')) });
  const compared = comparison(c, q);
  if (compared.length > 0) out.push({ kind: 'paragraph', strong: w.comparison, text: '' }, { kind: 'list', items: compared.map((text) => ({ text })) });
  const table = (caption: string, cells: CombinedCell[], name: (cell: CombinedCell) => string) => {
    const shown = cells.filter((cell) => cell.hidden || cell.people > 0);
    if (shown.length === 0) return;
    out.push({ kind: 'table', caption, head: [w.group, w.people, w.result], rows: shown.map((cell) => [name(cell), ...cellText(cell, q, l, w)]), numeric: [false, true, false] });
  };
  table(w.byWorkshop, q.byWorkshop, (cell) => workshopName(cell.key.workshop!));
  if (q.byLabel.length > 1) table(w.byLabel, q.byLabel, (cell) => labelName(cell.key.label!));
  table(w.byRole, q.byRole, (cell) => l.role(cell.key.role!));
  return out;
}

/** The comparison's sentences: medians' spread among workshops and roles, and each statement's verdict. */
function comparison({ l, w, workshopName }: Context<Naming>, q: Pick<CombinedQuestion, 'comparison'>): string[] {
  const name = (e: Extreme) => (e.key.workshop ? workshopName(e.key.workshop) : e.key.role ? l.role(e.key.role) : '');
  const fill = (template: string, low: Extreme, high: Extreme, value: (e: Extreme) => string) =>
    template.replace('{low}', value(low)).replace('{high}', value(high)).replace('{lowName}', name(low)).replace('{highName}', name(high));
  const median = (e: Extreme) => l.num(e.value);
  const share = (e: Extreme) => pct(l, e.value);
  const { workshops, roles, statements } = q.comparison;
  return [
    ...(workshops ? [fill(w.spreadWorkshops, workshops.low, workshops.high, median)] : []),
    ...(roles ? [fill(w.spreadRoles, roles.low, roles.high, median)] : []),
    ...(statements ?? []).map((s) => fill(w[`statement_${s.verdict}`], s.low, s.high, share).replace('{n}', l.num(s.index + 1))),
  ];
}

/** The comparison's sentences for the organiser's page (the same words as the summary's). */
export function comparisonSentences(view: Naming, q: Pick<CombinedQuestion, 'comparison'>): string[] {
  return comparison(context(view), q);
}

/** One workshop on its own: when, how many, what it answered (its shown groups only), what it decided. */
function appendix(c: Context, code: string): Block[] {
  const { view, l, w, labelName } = c;
  const ws = view.workshops.find((x) => x.code === code)!;
  const facts = [ws.heldOn ? `${w.heldOn}: ${l.date(ws.heldOn)}` : null, `${l.t('participants')}: ${l.num(ws.participants)}`, `${w.status}: ${statusOf(ws, w)}`];
  const rows = view.questions.flatMap((q) => {
    const cell = q.byWorkshop.find((x) => x.key.workshop === code);
    if (!cell || (!cell.hidden && cell.people === 0)) return [];
    return [[localize(q.question.text, view.lang), ...cellText(cell, q, l, w)]];
  });
  const actions = view.actions.filter((a) => a.workshop === code);
  return [
    { kind: 'heading', level: 3, text: `${labelName(ws.label)} · ${ws.title} · ${code}` },
    { kind: 'paragraph', text: facts.filter(Boolean).join(' · ') },
    ...(rows.length > 0 ? [{ kind: 'table', head: [w.question, w.people, w.result] as string[], rows, numeric: [false, true, false] } satisfies Block] : []),
    actions.length > 0 ? actionList(c, actions) : { kind: 'paragraph', text: w.noDecisions },
  ];
}
