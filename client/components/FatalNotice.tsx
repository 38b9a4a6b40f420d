import { useT } from '../i18n/i18n.ts';
import { TopBar } from './TopBar.tsx';

export function FatalNotice({ code, reason }: { code: string; reason: string }) {
  const { t } = useT();
  return (
    <div className="page">
      <TopBar connection={false} />
      <main id="main" className="narrow">
        <div className="card stack">
          <p role="alert">{reason === 'forbidden' ? t('hostLinkInvalid') : reason === 'removed' ? t('removedNotice') : t('sessionNotFound', { code })}</p>
          <a className="button" href="/">{t('appName')}</a>
        </div>
      </main>
    </div>
  );
}
