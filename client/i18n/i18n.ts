// A small typed dictionary: a missing English key fails the type check, and i18n.test.ts checks
// that no English string is left in Danish. Chosen over i18next: the UI has ~150 strings and
// no plurals beyond "{n}", so a library would add weight without adding safety.
import { useStore } from '../store.ts';
import { da, type MessageKey } from './da.ts';
import { en } from './en.ts';
import type { Lang } from '../../shared/protocol.ts';
import type { LocalizedText } from '../../shared/question-set.ts';

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { da, en };
export type { MessageKey };

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  // Singular forms live beside the plural as `<key>_one`: "1 deltager", "2 deltagere".
  const one = `${key}_one` as MessageKey;
  const template = params?.n === 1 && one in dictionaries[lang] ? dictionaries[lang][one] : dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
}

/** Picks the text in the UI language; says when it fell back to Danish so the caller can mark lang="da". */
export function pick(t: LocalizedText, lang: Lang): { text: string; lang: Lang } {
  return lang === 'en' && t.en ? { text: t.en, lang: 'en' } : { text: t.da, lang: 'da' };
}

export function useT() {
  const lang = useStore((s) => s.lang);
  return {
    lang,
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params),
  };
}

export function initialLang(): Lang {
  const saved = localStorage.getItem('raadslag:lang');
  if (saved === 'da' || saved === 'en') return saved;
  for (const l of navigator.languages ?? [navigator.language]) {
    if (l.toLowerCase().startsWith('da')) return 'da';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'da';
}
