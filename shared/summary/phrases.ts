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

/**
 * The short method note: what the figures are and how small groups are protected, in words a
 * reader takes in without a link. The group rule reads right for every minimum, 1 included.
 */
export function methodNote(lang: Lang, minGroup: number, exactRoles = false): string[] {
  const k = formatNumber(lang, minGroup);
  if (lang === 'en') {
    const groups =
      minGroup <= 1
        ? 'The smallest group shown on its own was set to 1: every role and table is shown, even a single person.'
        : `To protect anonymity, a role or table with fewer than ${k} people answering is not shown on its own but as “too few answers”; when the hidden groups together are fewer than ${k}, the next smallest is hidden too, so that none can be worked out from the total. ` +
          (exactRoles ? 'At the facilitator’s explicit choice, the raw answers in the appendix keep the exact roles.' : 'In the raw answers such roles are merged into “Other/too few”.');
    return [
      'Answers are anonymous: no names, participants are counted by role. Figures are the answers as they stood at the end; the median is the middle value, the interquartile range (Excel’s QUARTILE.INC) the spread of the middle half. “Don’t know” is counted apart, outside n.',
      groups,
      'Answers the facilitator hid or did not approve are not counted; their number is given with the question. Analog answers (a show of hands, paper slips) are counted, without a role. After a re-vote every round is shown.',
    ];
  }
  const groups =
    minGroup <= 1
      ? 'Mindste gruppe, der vises for sig, er sat til 1: alle roller og borde vises, også en enkelt person.'
      : `Af hensyn til anonymiteten vises en rolle eller et bord, hvor færre end ${k} personer har svaret, ikke for sig, men som “for få svar”; er de skjulte grupper tilsammen færre end ${k}, skjules også den næstmindste, så ingen kan regnes ud fra totalen. ` +
        (exactRoles ? 'Efter facilitators udtrykkelige valg har rådata i bilaget de præcise roller.' : 'I rådata er sådanne roller slået sammen under “Andet/for få”.');
  return [
    'Svarene er anonyme: ingen navne, deltagerne tælles pr. rolle. Tallene er svarene, som de stod til sidst; medianen er den midterste værdi, kvartilafstanden (Excels KVARTIL.MEDTAG) spredningen i den midterste halvdel. “Ved ikke” tælles for sig, uden for n.',
    groups,
    'Svar, som facilitator har skjult eller ikke godkendt, tælles ikke med; antallet står ved spørgsmålet. Analoge svar (håndsoprækning, papirsedler) tælles med, uden rolle. Efter en genafstemning vises alle runder.',
  ];
}
