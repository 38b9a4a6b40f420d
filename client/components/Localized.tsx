import type { LocalizedText } from '../../shared/question-set.ts';
import { pick, useT } from '../i18n/i18n.ts';

/** Question-set text in the UI language; marked lang="da" where it falls back to Danish. */
export function L({ text, as: Tag = 'span', className }: { text: LocalizedText; as?: 'span' | 'h1' | 'h2' | 'h3' | 'p' | 'li'; className?: string }) {
  const { lang } = useT();
  const chosen = pick(text, lang);
  return (
    <Tag className={className} lang={chosen.lang === lang ? undefined : chosen.lang}>
      {chosen.text}
    </Tag>
  );
}
