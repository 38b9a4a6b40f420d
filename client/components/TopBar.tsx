import type { ReactNode } from 'react';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { useT } from '../i18n/i18n.ts';

export function TopBar({ children, connection = true }: { children?: ReactNode; connection?: boolean }) {
  const { t } = useT();
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <a className="topbar__brand" href="/">
        {t('appName')}
      </a>
      <div className="topbar__middle">{children}</div>
      {connection && <ConnectionStatus />}
      <LangSwitch />
    </header>
  );
}
