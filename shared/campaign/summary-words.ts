// The words of the campaign summary in both languages, and the one-line headline that says what
// a group answered. Shared by every format (document.ts, summary.ts, server/export/campaign-*)
// and by the organiser's page, so each prints the same words.
import type { Lang } from '../protocol.ts';
import { localize } from '../question-set.ts';
import type { Results } from '../session/results.ts';
import { labels, type Labels } from '../summary/labels.ts';
import type { CombinedQuestion } from './combine.ts';

export const WORDS = {
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
    comparison: 'Hvor workshops og roller er enige, og hvor de deler sig',
    spreadWorkshops: 'Workshops: lavest median {low} ({lowName}), højest {high} ({highName})',
    spreadRoles: 'Roller: lavest median {low} ({lowName}), højest {high} ({highName})',
    statement_agree: 'Udsagn {n}: alle workshops er overvejende enige ({low}–{high} enige)',
    statement_disagree: 'Udsagn {n}: alle workshops er overvejende uenige ({low}–{high} enige)',
    statement_split: 'Udsagn {n}: workshops deler sig ({low} enige i {lowName}, {high} i {highName})',
    appendix: 'Bilag: de enkelte workshops',
    noDecisions: 'Ingen beslutninger eller handlinger noteret.',
    title: 'Titel',
    kind: 'Type',
    text: 'Tekst',
    reviewedIn: 'Gennemgået i',
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
    comparison: 'Where workshops and roles agree and where they split',
    spreadWorkshops: 'Workshops: lowest median {low} ({lowName}), highest {high} ({highName})',
    spreadRoles: 'Roles: lowest median {low} ({lowName}), highest {high} ({highName})',
    statement_agree: 'Statement {n}: every workshop mostly agrees ({low}–{high} agree)',
    statement_disagree: 'Statement {n}: every workshop mostly disagrees ({low}–{high} agree)',
    statement_split: 'Statement {n}: the workshops split ({low} agree in {lowName}, {high} in {highName})',
    appendix: 'Appendix: the workshops one by one',
    noDecisions: 'No decisions or actions noted.',
    title: 'Title',
    kind: 'Type',
    text: 'Text',
    reviewedIn: 'Reviewed in',
  },
} as const;
export type Words = (typeof WORDS)[Lang];

export const pct = (l: Labels, share: number | null) => (share === null ? '–' : `${l.num(Math.round(share * 100))} %`);

/** One line that says what a group answered: the median, the top option, the agree shares… */
export function headline(results: Results | null, question: Pick<CombinedQuestion, 'question'>, l: Labels, w: Words): string {
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
export function headlineIn(lang: Lang, results: Results | null, question: Pick<CombinedQuestion, 'question'>): string {
  return headline(results, question, labels(lang), WORDS[lang]);
}

