// Method templates are data: each turns one question into a run of steps built from the
// formats' phases (text answers, per-table answers, timers, voting). Applying one adds the
// steps to the agenda after the question.
import type { LocalizedText, MethodStep, Question, ResponseSpec } from '../question-set.ts';

export const TEMPLATE_IDS = ['1-2-4-all', 'what-so-what-now-what'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

type StepSpec = { step: string; prompt: LocalizedText; timerSeconds?: number; perTable?: boolean; toActions?: boolean; maxAnswers: number };

const TEXT = (maxAnswers: number): ResponseSpec => ({ type: 'text', maxAnswers, maxLength: 280, voting: { budget: 3, maxPerAnswer: 2 } });

export const TEMPLATES: Record<TemplateId, { name: LocalizedText; steps: StepSpec[] }> = {
  '1-2-4-all': {
    name: { da: '1-2-4-alle', en: '1-2-4-All' },
    steps: [
      { step: '1', prompt: { da: '1 – Tænk selv', en: '1 – Think alone' }, timerSeconds: 60, maxAnswers: 3 },
      { step: '2', prompt: { da: '2 – Drøft to og to', en: '2 – Discuss in pairs' }, timerSeconds: 120, maxAnswers: 3 },
      // The fours sit at a table and agree on one answer; "all" is the vote on the tables' answers.
      { step: '4', prompt: { da: '4 – Enes ved bordet om ét svar', en: '4 – Agree on one answer at your table' }, timerSeconds: 240, perTable: true, maxAnswers: 1 },
    ],
  },
  'what-so-what-now-what': {
    name: { da: 'Hvad? Så hvad? Hvad nu?', en: 'What? So what? Now what?' },
    steps: [
      { step: 'what', prompt: { da: 'Hvad? – Hvad lagde du mærke til?', en: 'What? – What did you notice?' }, timerSeconds: 180, maxAnswers: 3 },
      { step: 'so-what', prompt: { da: 'Så hvad? – Hvad betyder det?', en: 'So what? – Why does it matter?' }, timerSeconds: 180, maxAnswers: 3 },
      { step: 'now-what', prompt: { da: 'Hvad nu? – Hvad gør vi?', en: 'Now what? – What do we do?' }, timerSeconds: 240, toActions: true, maxAnswers: 3 },
    ],
  },
};

/** The questions a template adds for a question: its text with each step's prompt. */
export function templateQuestions(template: TemplateId, base: Question, newId: (step: string) => string): Question[] {
  return TEMPLATES[template].steps.map((s) => {
    const method: MethodStep = {
      template,
      step: s.step,
      ...(s.timerSeconds ? { timerSeconds: s.timerSeconds } : {}),
      ...(s.perTable ? { perTable: true } : {}),
      ...(s.toActions ? { toActions: true } : {}),
    };
    return {
      id: newId(s.step),
      text: {
        da: `${s.prompt.da}: ${base.text.da}`,
        ...(base.text.en || s.prompt.en ? { en: `${s.prompt.en ?? s.prompt.da}: ${base.text.en ?? base.text.da}` } : {}),
      },
      response: TEXT(s.maxAnswers),
      method,
    };
  });
}
