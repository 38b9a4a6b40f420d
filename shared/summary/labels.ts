// Every word a summary prints, in Danish (the reference) and English, plus the number and date
// formats of each language. Renderers take their words from here so all formats say the same.
import type { Lang, Role } from '../protocol.ts';
import type { ResponseType } from '../question-set.ts';

const da = {
  summary: 'Opsummering',
  date: 'Dato',
  place: 'Sted',
  code: 'Workshopkode',
  language: 'Sprog',
  languageName: 'Dansk',
  participants: 'Deltagere',
  participantsTotal: 'Deltagere i alt',
  role: 'Rolle',
  count: 'Antal',
  method: 'Metode',
  contents: 'Indhold',
  keyPoints: 'Hovedpunkter',
  statements: 'Udsagn',
  question: 'Spørgsmål',
  theme: 'Tema',
  type: 'Type',
  type_scale: 'Skala',
  type_number: 'Tal',
  type_text: 'Tekst',
  type_choice: 'Valg',
  type_ranking: 'Rangering',
  type_statements: 'Udsagn',
  option: 'Valgmulighed',
  other: 'Andet',
  item: 'Punkt',
  meanRank: 'Gns. plads',
  firstPlace: 'Sat først',
  agree: 'Enig',
  disagree: 'Uenig',
  pass: 'Pas',
  statementLabel_consensus: 'enighed',
  statementLabel_mixed: 'blandet',
  statementLabel_divisive: 'splittende',
  round: 'Runde {n}',
  previousRound: 'Før genafstemning (runde {n})',
  multipleAllowed: 'flere valg mulige',
  late: 'Sent',
  all: 'Alle',
  n: 'n',
  median: 'Median',
  q1: 'Nedre kvartil',
  q3: 'Øvre kvartil',
  iqr: 'Kvartilafstand',
  spread: 'Spredning',
  minMax: 'Mindste–største',
  dontKnow: 'Ved ikke',
  value: 'Værdi',
  share: 'Andel',
  answers: 'Svar',
  time: 'Tidspunkt',
  votes: 'Stemmer',
  questionId: 'Spørgsmål-id',
  number: 'Nr.',
  note: 'Note',
  tooFew: 'for få svar',
  noAnswers: 'Ingen svar.',
  respondents: 'Svarpersoner',
  byRole: 'Svar fordelt på roller',
  chart: 'Fordeling af svar',
  dataTable: 'Tabel over fordelingen',
  textAnswers: 'Åbne svar',
  hiddenAnswers: '{n} svar skjult af facilitator',
  agreement: 'Enighed',
  agreement_consensus: 'Enighed',
  agreement_mixed: 'Blandet',
  agreement_divided: 'Uenighed',
  largestGap: 'Største forskel mellem roller',
  notes: 'Noter',
  decisions: 'Beslutninger',
  actionsAndParking: 'Handlinger og parkeringsplads',
  actions: 'Handlinger',
  owner: 'Ansvarlig',
  due: 'Frist',
  parkingLot: 'Parkeringsplads',
  noActions: 'Ingen handlinger registreret.',
  noParking: 'Intet på parkeringspladsen.',
  appendix: 'Bilag',
  rawTables: 'Rådata: fordeling pr. spørgsmål',
  allOpenAnswers: 'Alle åbne svar',
  page: 'Side',
  of: 'af',
  sheetAnswers: 'Svar',
  sheetVotes: 'Stemmer',
  sheetAggregates: 'Aggregater',
  sheetDistribution: 'Fordeling',
} as const;

export type LabelKey = keyof typeof da;

const en: Record<LabelKey, string> = {
  summary: 'Summary',
  date: 'Date',
  place: 'Place',
  code: 'Workshop code',
  language: 'Language',
  languageName: 'English',
  participants: 'Participants',
  participantsTotal: 'Participants in total',
  role: 'Role',
  count: 'Count',
  method: 'Method',
  contents: 'Contents',
  keyPoints: 'Key points',
  statements: 'Statements',
  question: 'Question',
  theme: 'Theme',
  type: 'Type',
  type_scale: 'Scale',
  type_number: 'Number',
  type_text: 'Text',
  type_choice: 'Choice',
  type_ranking: 'Ranking',
  type_statements: 'Statements',
  option: 'Option',
  other: 'Other',
  item: 'Item',
  meanRank: 'Mean rank',
  firstPlace: 'Ranked first',
  agree: 'Agree',
  disagree: 'Disagree',
  pass: 'Pass',
  statementLabel_consensus: 'consensus',
  statementLabel_mixed: 'mixed',
  statementLabel_divisive: 'divisive',
  round: 'Round {n}',
  previousRound: 'Before the re-vote (round {n})',
  multipleAllowed: 'several choices allowed',
  late: 'Late',
  all: 'All',
  n: 'n',
  median: 'Median',
  q1: 'Lower quartile',
  q3: 'Upper quartile',
  iqr: 'Interquartile range',
  spread: 'Spread',
  minMax: 'Lowest–highest',
  dontKnow: "Don't know",
  value: 'Value',
  share: 'Share',
  answers: 'Answers',
  time: 'Time',
  votes: 'Votes',
  questionId: 'Question id',
  number: 'No.',
  note: 'Note',
  tooFew: 'too few answers',
  noAnswers: 'No answers.',
  respondents: 'Respondents',
  byRole: 'Answers by role',
  chart: 'Distribution of answers',
  dataTable: 'Table of the distribution',
  textAnswers: 'Open answers',
  hiddenAnswers: '{n} answers hidden by the facilitator',
  agreement: 'Agreement',
  agreement_consensus: 'Consensus',
  agreement_mixed: 'Mixed',
  agreement_divided: 'Divided',
  largestGap: 'Largest gap between roles',
  notes: 'Notes',
  decisions: 'Decisions',
  actionsAndParking: 'Actions and parking lot',
  actions: 'Actions',
  owner: 'Owner',
  due: 'Due',
  parkingLot: 'Parking lot',
  noActions: 'No actions recorded.',
  noParking: 'Nothing in the parking lot.',
  appendix: 'Appendix',
  rawTables: 'Raw data: distribution per question',
  allOpenAnswers: 'All open answers',
  page: 'Page',
  of: 'of',
  sheetAnswers: 'Answers',
  sheetVotes: 'Votes',
  sheetAggregates: 'Aggregates',
  sheetDistribution: 'Distribution',
};

const ROLE_LABELS: Record<Lang, Record<Role, string>> = {
  da: {
    politician: 'Politiker',
    executive: 'Direktion/topledelse',
    manager: 'Leder',
    employee: 'Medarbejder/fagprofessionel',
    citizen: 'Borger',
    other: 'Andet',
  },
  en: {
    politician: 'Politician',
    executive: 'Executive/top management',
    manager: 'Manager',
    employee: 'Employee/professional',
    citizen: 'Citizen',
    other: 'Other',
  },
};

const MONTHS: Record<Lang, string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export type Labels = {
  lang: Lang;
  /** A label; `{n}` and other `{name}` marks are filled from `vars`. */
  t: (key: LabelKey, vars?: Record<string, string | number>) => string;
  role: (role: Role) => string;
  type: (type: ResponseType) => string;
  /** 1234.5 → "1.234,5" (da) / "1,234.5" (en); at most two decimals. */
  num: (n: number) => string;
  /** "2025-03-14" → "14. marts 2025" / "14 March 2025". */
  date: (isoDate: string) => string;
  /** BCP 47 tag of the document language. */
  locale: string;
};

export function labels(lang: Lang): Labels {
  const dict: Record<LabelKey, string> = lang === 'en' ? en : da;
  const t: Labels['t'] = (key, vars) => dict[key].replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? fmt(vars[k]!) : m));
  const num = (n: number) => formatNumber(lang, n);
  const fmt = (v: string | number) => (typeof v === 'number' ? num(v) : v);
  return {
    lang,
    t,
    role: (role) => ROLE_LABELS[lang][role],
    type: (type) => dict[`type_${type}`],
    num,
    date: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      const month = MONTHS[lang][(m ?? 1) - 1];
      return lang === 'da' ? `${d}. ${month} ${y}` : `${d} ${month} ${y}`;
    },
    locale: lang === 'en' ? 'en-GB' : 'da-DK',
  };
}

/** Hand-rolled rather than Intl so that golden files never depend on the ICU data of a Node build. */
export function formatNumber(lang: Lang, n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const [int = '0', frac] = Math.abs(rounded).toString().split('.');
  const [group, decimal] = lang === 'en' ? [',', '.'] : ['.', ','];
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? decimal + frac : ''}`;
}
