import { useStore } from '../store.ts';
import { useT } from '../i18n/i18n.ts';

export function LangSwitch() {
  const { t, lang } = useT();
  const choose = useStore((s) => s.languageChosen);
  const other = lang === 'da' ? 'en' : 'da';
  return (
    <button type="button" className="lang-switch" lang={other} onClick={() => choose(other)} aria-label={`${t('language')}: ${t('switchToOther')}`}>
      {t('switchToOther')}
    </button>
  );
}
