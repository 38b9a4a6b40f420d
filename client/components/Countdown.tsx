// A countdown to a server deadline, using the clock offset from `hello`. Announced to screen
// readers only at whole minutes and in the last ten seconds, not every second.
import { useEffect, useState } from 'react';
import { useStore } from '../store.ts';
import { useT } from '../i18n/i18n.ts';

export function Countdown({ endsAt, size = 'normal' }: { endsAt: number; size?: 'normal' | 'large' }) {
  const { t } = useT();
  const offset = useStore((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now() + offset), 250);
    return () => clearInterval(id);
  }, [offset]);
  const left = Math.max(0, Math.ceil((endsAt - now) / 1000));
  const text = left === 0 ? t('timeUp') : t('timeLeft', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` });
  const announce = left === 0 || left <= 10 || left % 60 === 0 ? text : null;
  return (
    <p className={`countdown countdown--${size}${left <= 10 ? ' countdown--ending' : ''}`}>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden" role="timer" aria-live="polite">{announce ?? ''}</span>
    </p>
  );
}
