// Test data: a question set using every response type and every option, with texts that use
// the characters the Markdown syntax itself uses. Only tests import this module.
export const EVERY_OPTION = {
  id: 'alle-muligheder',
  version: 1,
  title: { da: 'Alle muligheder – “prøv” | og {mere}', en: 'Every option' },
  subtitle: { da: 'Undertitel med \\ skråstreg', en: 'Subtitle' },
  source: { da: 'Kilde: KL, 2024' },
  context: {
    title: { da: 'Kontekst: 3 ting', en: 'Context' },
    points: [
      { heading: { da: 'Uden tekst' } },
      { heading: { da: 'Med tekst', en: 'With text' }, text: { da: 'Linje 1\nLinje 2 <br> bogstaveligt', en: 'Text' } },
    ],
  },
  themes: [
    {
      id: 'alle-typer',
      title: { da: 'Tema: med præfiks #', en: 'Theme' },
      note: { da: '- ligner en liste, 1. og > citat', en: '# like a heading' },
      statements: [
        { text: { da: 'Udsagn uden detaljer' }, details: [] },
        { text: { da: 'Udsagn med ”citat” og – tankestreg', en: 'Statement' }, details: [{ da: '1. ikke en liste' }, { da: '[x] ikke en opgave', en: 'Detail' }] },
      ],
      questions: [
        {
          id: 'q1-1',
          text: { da: 'Skala 0–10 uden "ved ikke"?', en: 'Scale?' },
          response: { type: 'scale', min: 0, max: 10, minLabel: { da: 'Uenig' }, maxLabel: { da: 'Enig' }, dontKnow: false },
        },
        {
          id: 'skala-standard',
          text: { da: 'Skala med standard | og pipe?' },
          response: { type: 'scale', min: 1, max: 5, minLabel: { da: 'Slet "ikke"', en: 'Not | at all' }, maxLabel: { da: 'Meget', en: 'Much' } },
        },
        { id: 'q1-3', text: { da: 'Tal med enhed' }, response: { type: 'number', min: 0, max: 1000000, unit: { da: 'kr.', en: 'DKK' } } },
        { id: 'q1-4', text: { da: 'Tal uden enhed' }, response: { type: 'number', min: 10, max: 20 } },
        {
          id: 'q1-5',
          text: { da: 'Tekst med alt' },
          response: { type: 'text', maxAnswers: 5, maxLength: 100, voting: { budget: 6, maxPerAnswer: 3 } },
        },
        { id: 'q1-6', text: { da: 'Tekst med kun prikker' }, response: { type: 'text', voting: { budget: 1, maxPerAnswer: 1 } } },
        {
          id: 'q1-7',
          text: { da: 'Valg, flere, andet, højst 2' },
          response: { type: 'choice', options: [{ da: 'A', en: 'A' }, { da: '- B' }, { da: 'C {c}' }], multiple: true, other: true, maxChoices: 2 },
        },
        { id: 'q1-8', text: { da: 'Valg, ét' }, response: { type: 'choice', options: [{ da: 'Ja' }, { da: 'Nej' }] } },
      ],
    },
    {
      id: 'tema-2',
      title: { da: 'Tema' },
      description: { da: 'Set af salen: Beskrivelse: to gange', en: 'Seen by the room' },
      note: { da: 'Beskrivelse: kun en note til facilitator', en: 'Description: still a note' },
      statements: [],
      questions: [
        { id: 'q2-1', text: { da: 'Rangér' }, response: { type: 'ranking', items: [{ da: 'Et' }, { da: 'To' }, { da: 'Tre', en: 'Three' }] } },
        { id: 'enig', text: { da: 'Enig?' }, response: { type: 'statements', statements: [{ da: 'Udsagn', en: 'Statement' }] } },
      ],
    },
    {
      id: 'tema',
      title: { da: 'Tema' },
      questions: [{ id: 'q3-1', text: { da: '#3 og ```kode```' }, response: { type: 'text' } }],
    },
  ],
};
