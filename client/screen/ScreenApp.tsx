// The projector: the stage, fed by the server's screen view. Results only once revealed.
import { useEffect } from 'react';
import { useStore } from '../store.ts';
import { connect } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';
import { FatalNotice } from '../components/FatalNotice.tsx';
import { Stage } from './Stage.tsx';

export function ScreenApp({ code }: { code: string }) {
  useEffect(() => connect('screen', code), [code]);
  const { t } = useT();
  const view = useStore((s) => (s.view?.audience === 'screen' ? s.view : null));
  const fatal = useStore((s) => s.fatal);
  if (fatal) return <FatalNotice code={code} reason={fatal} />;
  if (!view) return <p className="muted" role="status">{t('loading')}</p>;
  return <Stage view={view} />;
}
