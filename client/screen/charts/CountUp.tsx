// A count that ticks from its last value to the new one (unless the viewer asks for reduced
// motion). It writes its own text node outside React, one frame at a time, so a view arriving
// ten times a second never re-renders a chart per frame.
import { useLayoutEffect, useRef } from 'react';
import { formatNumber, useT } from '../../i18n/i18n.ts';

const TICK_MS = 500;
const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function CountUp({ value, suffix = '' }: { value: number; suffix?: string }) {
  const { lang } = useT();
  const ref = useRef<HTMLSpanElement>(null);
  const shown = useRef(value);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const write = (v: number) => (el.textContent = `${formatNumber(lang, v)}${suffix}`);
    const from = shown.current;
    if (from === value || reducedMotion()) {
      shown.current = value;
      write(value);
      return;
    }
    const start = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const k = Math.min(1, (now - start) / TICK_MS);
      shown.current = Math.round(from + (value - from) * k);
      write(shown.current);
      if (k < 1) frame = requestAnimationFrame(step);
    };
    write(from);
    frame = requestAnimationFrame(step);
    return () => {
      cancelAnimationFrame(frame);
      shown.current = value;
    };
  }, [value, lang, suffix]);
  return <span ref={ref} className="count" />;
}
