// The sentences of a summary: headlines of key points, the largest gap, the method note.
// Built once into the model so that every format prints the same words.
import type { Lang } from '../protocol.ts';
import { formatNumber, labels } from './labels.ts';
import type { Gap } from './stats.ts';
import type { SummaryQuestion, TextAnswer } from './model.ts';

type HeadlineInput = Pick<SummaryQuestion, 'type' | 'n' | 'respondents' | 'dontKnow' | 'figures' | 'bars' | 'answers' | 'ranking' | 'statements'> & {
  /** The scale's top ("median 4 af 5"), or the number's unit. */
  scaleMax?: number | undefined;
  unit?: string | undefined;
};

/** One line per question: what a reader of the key points needs first. */
export function headline(q: HeadlineInput, lang: Lang): string {
  const L = labels(lang);
  const da = lang === 'da';
  const none = da ? 'ingen svar' : 'no answers';
  const pct = (k: number, of: number) => `${L.num(Math.round((k / of) * 100))} %`;
  switch (q.type) {
    case 'text': {
      if (q.n === 0) return none;
      const people = q.respondents === 1 ? 'person' : da ? 'personer' : 'people';
      const line = da ? `${L.num(q.n)} svar fra ${L.num(q.respondents)} ${people}` : `${L.num(q.n)} answers from ${L.num(q.respondents)} ${people}`;
      const top = q.answers.reduce<TextAnswer | null>((best, a) => ((a.votes ?? 0) > (best?.votes ?? 0) ? a : best), null);
      return top ? `${line}; ${da ? 'flest stemmer' : 'most votes'}: “${top.text}” (${L.num(top.votes ?? 0)})` : line;
    }
    case 'choice': {
      const top = q.bars[0];
      if (!top || q.n === 0) return none;
      return da
        ? `flest valgte “${top.label}” (${L.num(top.count)} af ${L.num(q.n)}, ${pct(top.count, q.n)})`
        : `most chosen: “${top.label}” (${L.num(top.count)} of ${L.num(q.n)}, ${pct(top.count, q.n)})`;
    }
    case 'ranking': {
      const top = q.ranking?.[0];
      if (!top || top.meanRank === null) return none;
      return da
        ? `“${top.item}” rangeret højest (gns. plads ${L.num(top.meanRank)}), n=${L.num(q.n)}`
        : `“${top.item}” ranked highest (mean rank ${L.num(top.meanRank)}), n=${L.num(q.n)}`;
    }
    case 'statements': {
      const top = q.statements?.[0];
      if (!top || top.agreeShare === null) return q.n === 0 ? none : `n=${L.num(q.n)}`;
      const side = top.agreeShare >= 0.5 ? (da ? 'enige' : 'agree') : da ? 'uenige' : 'disagree';
      const share = top.agreeShare >= 0.5 ? top.agreeShare : 1 - top.agreeShare;
      return `n=${L.num(q.n)}; ${da ? 'størst enighed' : 'most agreement'}: “${top.text}” (${L.num(Math.round(share * 100))} % ${side})`;
    }
    case 'scale':
    case 'number': {
      const dk = q.dontKnow > 0 ? ` (+${L.num(q.dontKnow)} ${L.t('dontKnow').toLowerCase()})` : '';
      if (!q.figures) return q.dontKnow > 0 ? `n=0${dk}` : none;
      const of = q.scaleMax !== undefined ? ` ${da ? 'af' : 'of'} ${L.num(q.scaleMax)}` : q.unit ? ` ${q.unit}` : '';
      const agreement = q.figures.agreement ? `, ${L.t(`agreement_${q.figures.agreement}`).toLowerCase()}` : '';
      return `median ${L.num(q.figures.median)}${of}, n=${L.num(q.n)}${dk}${agreement}`;
    }
  }
}

export function gapSentence(gap: Gap, lang: Lang): string {
  const L = labels(lang);
  const vs = lang === 'da' ? 'mod' : 'vs';
  const diff = lang === 'da' ? 'forskel' : 'difference';
  return `${L.role(gap.high.role)} ${L.num(gap.high.median)} ${vs} ${L.role(gap.low.role)} ${L.num(gap.low.median)} (${diff} ${L.num(gap.difference)})`;
}

/** What the facilitator erased for good, when anything was: counts only (the content is gone). */
export function erasedNote(lang: Lang, erased: { participants: number; answers: number; notes: number } | undefined): string[] {
  if (!erased) return [];
  const [p, a, n] = [erased.participants, erased.answers, erased.notes].map((x) => formatNumber(lang, x));
  return lang === 'en'
    ? [`The facilitator erased for good ${p} participant(s), ${a} answer(s) and ${n} note(s) (data protection): they are in no figure, list or file of this summary.`]
    : [`Facilitator har slettet endeligt ${p} deltager(e), ${a} svar og ${n} note(r) (databeskyttelse): de indgår ikke i nogen tal, lister eller filer i dette referat.`];
}

export function methodNote(lang: Lang, minGroup: number): string[] {
  const k = formatNumber(lang, minGroup);
  if (lang === 'en') {
    return [
      'Answers are anonymous: the summary shows no names, and participants are counted by role only.',
      'Figures are computed from the answers standing when the summary was made: a changed answer counts with its last value, a withdrawn answer not at all. ' +
        `The median is the middle value; "Don't know" is left out of n, the median and the quartiles and is counted on its own.`,
      'Spread is the interquartile range (upper minus lower quartile, computed as Excel’s QUARTILE.INC). On a scale, answers are called “consensus” when the middle half lies within a quarter of the scale (on 1–5: an interquartile range of at most 1), “divided” when it spans half the scale or more (on 1–5: 2 or more), and “mixed” in between. ' +
        `Agreement is not judged with fewer than ${k} answers.`,
      `Role splits with fewer than ${k} answers are shown as “too few answers”. When the hidden roles together hold fewer than ${k} answers, the smallest shown role is hidden as well, so that the hidden answers cannot be worked out from the total. Splits by table follow the same rule.`,
      'Answers hidden by the facilitator, not yet approved, or from a participant the facilitator removed are neither shown nor counted; their number is given with the question. Analog answers (a show of hands or paper slips, entered by the facilitator) count in the figures but have no role or table. After a re-vote, every round is shown; the figures of the question are those of the last round.',
    ];
  }
  return [
    'Svarene er anonyme: opsummeringen viser ingen navne, og deltagerne tælles kun pr. rolle.',
    'Tallene er beregnet ud fra de svar, der stod, da opsummeringen blev lavet: et ændret svar tæller med sin sidste værdi, et trukket svar tæller ikke. ' +
      'Medianen er den midterste værdi; “Ved ikke” indgår ikke i n, median og kvartiler, men tælles for sig.',
    'Spredningen er kvartilafstanden (øvre minus nedre kvartil, beregnet som Excels KVARTIL.MEDTAG). På en skala kaldes svarene “enighed”, når den midterste halvdel ligger inden for en fjerdedel af skalaen (på 1–5: en kvartilafstand på højst 1), “uenighed”, når den spænder over halvdelen af skalaen eller mere (på 1–5: 2 eller mere), og ellers “blandet”. ' +
      `Enighed vurderes ikke med færre end ${k} svar.`,
    `Fordelinger på roller med færre end ${k} svar vises som “for få svar”. Har de skjulte roller tilsammen færre end ${k} svar, skjules også den mindste viste rolle, så de skjulte svar ikke kan regnes ud fra totalen. Fordelinger på borde følger samme regel.`,
    'Svar, som facilitator har skjult, som endnu ikke er godkendt, eller som kommer fra en deltager, facilitator har fjernet, vises ikke og tælles ikke med; antallet står ved spørgsmålet. Analoge svar (håndsoprækning eller papirsedler, indtastet af facilitator) tælles med i tallene, men har ingen rolle eller bord. Efter en genafstemning vises alle runder; spørgsmålets tal er den sidste rundes.',
  ];
}
