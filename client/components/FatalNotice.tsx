import { useT } from '../i18n/i18n.ts';
import { errorText } from '../i18n/errors.ts';
import { TopBar } from './TopBar.tsx';

export function FatalNotice({ code, reason }: { code: string; reason: string }) {
  const { t, lang } = useT();
  // Every other refusal that ends the page (a full workshop, too many tabs) says its own reason.
  const text =
    reason === 'forbidden' ? t('hostLinkInvalid') : reason === 'removed' ? t('removedNotice') : reason === 'outdated' ? t('outdatedNotice') : reason === 'no_such_session' ? t('sessionNotFound', { code }) : errorText(lang, { code: reason });
  return (
    <div className="page">
      <TopBar connection={false} />
      <main id="main" className="narrow">
        <div className="card stack">
          <p role="alert">{text}</p>
          <a className="button" href="/">{t('appName')}</a>
        </div>
      </main>
    </div>
  );
}
