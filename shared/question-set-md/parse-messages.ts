// What the Markdown reader says about a file it cannot read, in English and Danish: what is wrong
// and how to fix it. Kept apart from the reader so that parse.ts stays about parsing.
import type { Msg } from '../question-set.ts';

const THEME_HEADING: Msg = {
  en: 'a heading starts with "Tema:" (a theme) or "Kontekst:" (the context slide), e.g. "# Tema: Færre mål | Fewer goals"',
  da: 'en overskrift begynder med "Tema:" (et tema) eller "Kontekst:" (konteksten), fx "# Tema: Færre mål | Fewer goals"',
};

/** What each part is called in a message. */
export const PART = {
  detail: { en: 'a detail', da: 'en detalje' },
  contextText: { en: 'a context text', da: 'en tekst under et kontekstpunkt' },
  item: { en: 'an item', da: 'et punkt' },
} satisfies Record<string, Msg>;

export const SAY = {
  noTitle: { en: 'the front matter has no "title: …": add one between the --- lines', da: 'filens hoved har ingen "title: …": tilføj en mellem linjerne ---' },
  noThemes: { en: 'no themes: add a "# Tema: …" heading with questions under it', da: 'ingen temaer: tilføj en overskrift "# Tema: …" med spørgsmål under' },
  html: { en: 'HTML is not part of a question set (only <!-- comments -->): remove it', da: 'HTML hører ikke til i et spørgsmålssæt (kun <!-- kommentarer -->): fjern det' },
  unexpected: (what: Msg): Msg => ({
    en: `unexpected ${what.en}: a question set has headings (#), statements (> - …), questions (- …) and notes`,
    da: `uventet ${what.da}: et spørgsmålssæt har overskrifter (#), udsagn (> - …), spørgsmål (- …) og noter`,
  }),
  oneHash: { en: `use one # for a heading: ${THEME_HEADING.en}`, da: `brug ét # til en overskrift: ${THEME_HEADING.da}` },
  themeHeading: THEME_HEADING,
  themeSpec: { en: 'a theme heading takes only an id in braces, e.g. {#faerre-maal}', da: 'en temaoverskrift tager kun et id i tuborgklammer, fx {#faerre-maal}' },
  oneContext: { en: 'there can be only one "# Kontekst:" section: join them', da: 'der kan kun være ét afsnit "# Kontekst:": saml dem' },
  statementsOutside: {
    en: 'statements (> - …) outside a theme: put them under a "# Tema: …" heading',
    da: 'udsagn (> - …) uden for et tema: sæt dem under en overskrift "# Tema: …"',
  },
  statementAsItem: {
    en: 'write each statement as a list item in the quote: "> - Udsagn | Statement"',
    da: 'skriv hvert udsagn som et punkt i citatet: "> - Udsagn | Statement"',
  },
  questionOutside: { en: 'question outside a theme: put it under a "# Tema: …" heading', da: 'spørgsmål uden for et tema: sæt det under en overskrift "# Tema: …"' },
  oneContextText: {
    en: 'a context point has at most one indented text under its heading: join them',
    da: 'et kontekstpunkt har højst én indrykket tekst under sin overskrift: saml dem',
  },
  noType: {
    en: 'this question has no {type} at the end, e.g. {scale 1-5 "Slet ikke" "I meget høj grad"}; if it is an option of the question above, indent it',
    da: 'spørgsmålet har ingen {type} til sidst, fx {scale 1-5 "Slet ikke" "I meget høj grad"}; hvis det er en svarmulighed til spørgsmålet ovenfor, så ryk det ind',
  },
  noItems: (type: string): Msg => ({
    en: `a ${type} question takes no indented items (only choice, ranking and statements do): remove them or change the type`,
    da: `et ${type}-spørgsmål tager ingen indrykkede punkter (kun choice, ranking og statements gør): fjern dem eller skift type`,
  }),
  textBeforeHeading: { en: 'text before the first heading: start a theme with "# Tema: …"', da: 'tekst før den første overskrift: begynd et tema med "# Tema: …"' },
  contextTakesList: {
    en: 'the Kontekst section takes a list of points: "- Overskrift | Heading"',
    da: 'afsnittet Kontekst tager en liste af punkter: "- Overskrift | Heading"',
  },
  oneDescription: { en: 'a theme has at most one description: join the paragraphs into one', da: 'et tema har højst én beskrivelse: saml afsnittene til ét' },
  oneNote: { en: 'a theme has at most one note: join the paragraphs into one', da: 'et tema har højst én note: saml afsnittene til ét' },
  textAfterItems: { en: 'text after the indented items: put it on the item’s own line', da: 'tekst efter de indrykkede punkter: skriv den på punktets egen linje' },
  noNested: (what: Msg): Msg => ({ en: `${what.en} cannot have indented items of its own`, da: `${what.da} kan ikke have sine egne indrykkede punkter` }),
  /** "- 1. Udsagn": Markdown reads the "1." as a numbered list inside the item, not as text. */
  listMarker: (marker: string, escaped: string): Msg => ({
    en: `the text starts with "${marker}", which Markdown reads as a list of its own: write "${escaped}" to keep it as text`,
    da: `teksten begynder med "${marker}", som Markdown læser som en liste for sig: skriv "${escaped}" for at beholde det som tekst`,
  }),
} as const;

const BLOCKS: Record<string, Msg> = {
  code: { en: 'code block (indented by 4 spaces or fenced with ```)', da: 'kodeblok (indrykket 4 mellemrum eller omgivet af ```)' },
  table: { en: 'table', da: 'tabel' },
  def: { en: 'link definition', da: 'linkdefinition' },
};

export function describeBlock(type: string): Msg {
  return BLOCKS[type] ?? { en: type, da: type };
}
