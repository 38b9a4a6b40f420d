// The campaign summary: the organiser's view as a document – Markdown to file or paste, CSV for
// a spreadsheet (one row per shown or hidden group), JSON as the view itself. Words come from
// the summaries' labels (shared/summary/labels.ts) plus the few a campaign adds, in both languages.
import type { Lang } from '../protocol.ts';
import { localize } from '../question-set.ts';
import type { Results } from '../session/results.ts';
import { escapeMd } from '../summary/escape.ts';
import { labels, type Labels } from '../summary/labels.ts';
import type { CombinedCell, CombinedQuestion } from './combine.ts';
import type { CampaignView } from './view.ts';

export const CAMPAIGN_SCHEMA_VERSION = 1;

const WORDS = {
  da: {
    campaign: 'Forløb',
    workshops: 'Workshops',
    workshop: 'Workshop',
    label: 'Gruppe',
    heldOn: 'Dato',
    status: 'Status',
    notStarted: 'ikke startet',
    running: 'i gang',
    ended: 'afsluttet',
    everyone: 'Alle',
    noLabel: '(uden gruppe)',
    people: 'Svarpersoner',
    result: 'Resultat',
    hidden: 'for få svar',
    median: 'median',
    answers: 'svar',
    dontKnow: 'ved ikke',
    byWorkshop: 'Pr. workshop',
    byLabel: 'Pr. gruppe',
    byRole: 'Pr. rolle',
    decisions: 'Beslutninger og handlinger',
    decision: 'Beslutning',
    action: 'Handling',
    who: 'Ansvarlig',
    due: 'Frist',
    leftOut: 'Ikke med (spørgsmålet er stillet anderledes): {list}',
    rule: 'Grupper med færre end {n} svarpersoner vises ikke – heller ikke så de kan regnes ud som forskellen mellem en sum og dens dele.',
    question: 'Spørgsmål',
    group: 'Opdeling',
    role: 'Rolle',
    agreeShare: 'enige',
    firstChoice: 'flest',
    unasked: 'Ikke besvaret i nogen workshop',
    followUp: 'Status',
    status_done: 'udført',
    status_inProgress: 'i gang',
    status_dropped: 'droppet',
  },
  en: {
    campaign: 'Campaign',
    workshops: 'Workshops',
    workshop: 'Workshop',
    label: 'Group',
    heldOn: 'Date',
    status: 'Status',
    notStarted: 'not started',
    running: 'running',
    ended: 'ended',
    everyone: 'Everyone',
    noLabel: '(no group)',
    people: 'Respondents',
    result: 'Result',
    hidden: 'too few answers',
    median: 'median',
    answers: 'answers',
    dontKnow: "don't know",
    byWorkshop: 'By workshop',
    byLabel: 'By group',
    byRole: 'By role',
    decisions: 'Decisions and actions',
    decision: 'Decision',
    action: 'Action',
    who: 'Owner',
    due: 'Due',
    leftOut: 'Left out (the question was asked differently): {list}',
    rule: 'Groups of fewer than {n} respondents are not shown – nor so that they could be worked out as a total minus its parts.',
    question: 'Question',
    group: 'Split',
    role: 'Role',
    agreeShare: 'agree',
    firstChoice: 'most',
    unasked: 'Not answered in any workshop',
    followUp: 'Status',
    status_done: 'done',
    status_inProgress: 'in progress',
    status_dropped: 'dropped',
  },
} as const;
type Words = (typeof WORDS)[Lang];

const pct = (l: Labels, share: number | null) => (share === null ? '–' : `${l.num(Math.round(share * 100))} %`);

/** One line that says what a group answered: the median, the top option, the agree shares… */
export function headline(results: Results | null, question: CombinedQuestion, l: Labels, w: Words): string {
  if (!results) return '';
  const lang = l.lang;
  switch (results.type) {
    case 'scale':
      return [results.median === null ? null : `${w.median} ${l.num(results.median)}`, `${l.num(results.n)} ${w.answers}`, results.dontKnow ? `${l.num(results.dontKnow)} ${w.dontKnow}` : null].filter(Boolean).join(' · ');
    case 'number':
      return results.median === null ? `0 ${w.answers}` : `${w.median} ${l.num(results.median)} (${l.num(results.min!)}–${l.num(results.max!)}) · ${l.num(results.n)} ${w.answers}`;
    case 'choice': {
      const spec = question.question.response;
      const top = results.bars[0];
      if (!top || top.count === 0 || spec.type !== 'choice') return `${l.num(results.n)} ${w.answers}`;
      return `${w.firstChoice}: ${localize(spec.options[top.from]!, lang)} (${l.num(top.count)}) · ${l.num(results.n)} ${w.answers}`;
    }
    case 'ranking': {
      const spec = question.question.response;
      const top = results.items[0];
      if (!top || top.meanRank === null || spec.type !== 'ranking') return `${l.num(results.n)} ${w.answers}`;
      return `1. ${localize(spec.items[top.index]!, lang)} · ${l.num(results.n)} ${w.answers}`;
    }
    case 'statements':
      return results.statements.map((s) => `${s.index + 1}: ${pct(l, s.agreeShare)} ${w.agreeShare}`).join(' · ');
    case 'text':
      return `${l.num(results.n)} ${w.answers}`;
  }
}

/** The headline in a language, for the organiser's page. */
export function headlineIn(lang: Lang, results: Results | null, question: CombinedQuestion): string {
  return headline(results, question, labels(lang), WORDS[lang]);
}

function cellText(c: CombinedCell, q: CombinedQuestion, l: Labels, w: Words): [string, string] {
  if (c.hidden) return ['', w.hidden];
  return [l.num(c.people), headline(c.results, q, l, w) || `${l.num(c.people)} ${w.answers}`];
}

const row = (cells: string[]) => `| ${cells.map(escapeMd).join(' | ')} |`;
const rule = (aligns: ('l' | 'r')[]) => `| ${aligns.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`;

function statusOf(w: CampaignView['workshops'][number], words: Words): string {
  return w.ended ? words.ended : w.started ? words.running : words.notStarted;
}

export function renderCampaignMarkdown(view: CampaignView): string {
  const l = labels(view.lang);
  const w = WORDS[view.lang];
  const labelName = (label: string) => label || w.noLabel;
  const workshopName = (code: string) => {
    const ws = view.workshops.find((x) => x.code === code);
    return ws ? `${labelName(ws.label)} · ${code}` : code;
  };
  const out: string[] = [`# ${w.campaign}: ${escapeMd(view.name)}`, '', w.rule.replace('{n}', l.num(view.minGroupSize)), '', `## ${w.workshops}`, ''];
  out.push(row([w.workshop, w.label, w.heldOn, l.t('participants'), w.status]), rule(['l', 'l', 'l', 'r', 'l']));
  for (const ws of view.workshops) out.push(row([`${ws.title} · ${ws.code}`, labelName(ws.label), ws.heldOn ? l.date(ws.heldOn) : '', l.num(ws.participants), statusOf(ws, w)]));
  out.push('');
  const actions = view.actions;
  if (actions.length > 0) {
    out.push(`## ${w.decisions}`, '');
    for (const a of actions) {
      const review = a.followUp?.[0];
      const extra = [
        a.who ? `${w.who}: ${a.who}` : null,
        a.due ? `${w.due}: ${l.date(a.due)}` : null,
        review ? `${w.followUp}: ${w[`status_${review.status}`]} (${workshopName(review.reviewedIn)})` : null,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`- **${a.kind === 'decision' ? w.decision : w.action}** (${escapeMd(workshopName(a.workshop))}): ${escapeMd(a.text)}${extra ? ` – ${escapeMd(extra)}` : ''}`);
    }
    out.push('');
  }
  const asked = view.questions.filter((q) => q.overall.hidden || q.overall.people > 0);
  for (const q of asked) {
    out.push(`## ${escapeMd(localize(q.question.text, view.lang))}`, '');
    const [people, result] = cellText(q.overall, q, l, w);
    out.push(`**${w.everyone}** (${people || '–'}): ${escapeMd(result)}`, '');
    if (q.mismatched.length > 0) out.push(w.leftOut.replace('{list}', q.mismatched.join(', ')), '');
    const table = (title: string, cells: CombinedCell[], name: (c: CombinedCell) => string) => {
      const shown = cells.filter((c) => c.hidden || c.people > 0);
      if (shown.length === 0) return;
      out.push(`### ${title}`, '', row([w.group, w.people, w.result]), rule(['l', 'r', 'l']));
      for (const c of shown) out.push(row([name(c), ...cellText(c, q, l, w)]));
      out.push('');
    };
    table(w.byWorkshop, q.byWorkshop, (c) => workshopName(c.key.workshop!));
    if (q.byLabel.length > 1) table(w.byLabel, q.byLabel, (c) => labelName(c.key.label!));
    table(w.byRole, q.byRole, (c) => l.role(c.key.role!));
  }
  const unasked = view.questions.filter((q) => !asked.includes(q));
  if (unasked.length > 0) {
    out.push(`## ${w.unasked}`, '');
    for (const q of unasked) out.push(`- ${escapeMd(localize(q.question.text, view.lang))}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** One row per group of every question: shown ones with their figures, hidden ones marked. */
export function renderCampaignCsv(view: CampaignView, delimiter: ',' | ';' = view.lang === 'da' ? ';' : ','): string {
  const l = labels(view.lang);
  const w = WORDS[view.lang];
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  const head = [w.question, w.group, w.workshop, w.label, w.role, w.people, l.t('count'), cap(w.dontKnow), cap(w.median), w.result];
  const cell = (s: string) => (/[",;\t\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);
  const lines = [head];
  const kinds: [string, (q: CombinedQuestion) => CombinedCell[]][] = [
    [w.everyone, (q) => [q.overall]],
    [w.byWorkshop, (q) => q.byWorkshop],
    [w.byLabel, (q) => q.byLabel],
    [w.byRole, (q) => q.byRole],
    [`${w.byWorkshop} × ${w.role.toLowerCase()}`, (q) => q.byWorkshopRole],
    [`${w.byLabel} × ${w.role.toLowerCase()}`, (q) => q.byLabelRole],
  ];
  for (const q of view.questions) {
    for (const [kind, cellsOf] of kinds) {
      for (const c of cellsOf(q)) {
        if (!c.hidden && c.people === 0) continue;
        const r = c.hidden ? null : c.results;
        const median = r && (r.type === 'scale' || r.type === 'number') && r.median !== null ? l.num(r.median) : '';
        lines.push([
          q.id,
          kind,
          c.key.workshop ?? '',
          c.key.label ?? '',
          c.key.role ? l.role(c.key.role) : '',
          c.hidden ? '' : String(c.people),
          r ? String(r.n) : '',
          r && 'dontKnow' in r ? String(r.dontKnow) : '',
          median,
          c.hidden ? w.hidden : headline(r, q, l, w),
        ]);
      }
    }
  }
  return `\uFEFF${lines.map((cells) => cells.map(cell).join(delimiter)).join('\r\n')}\r\n`;
}

export function renderCampaignJson(view: CampaignView): string {
  return `${JSON.stringify({ schemaVersion: CAMPAIGN_SCHEMA_VERSION, kind: 'campaign', ...view }, null, 2)}\n`;
}
