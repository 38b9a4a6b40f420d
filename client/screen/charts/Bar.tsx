// One bar on its track. The width is a transform of the whole track (scaleX), so bars grow
// smoothly and a new count costs no layout; `data-value` / `data-scale` let a test check that
// the drawn width is the value's share of the track.
import type { CSSProperties } from 'react';

export function Track({ value, scale, className = '' }: { value: number; scale: number; className?: string }) {
  return (
    <span className={`track ${className}`} data-track="" aria-hidden="true">
      <Bar value={value} scale={scale} />
    </span>
  );
}

export function Bar({ value, scale, offset = 0, className = '' }: { value: number; scale: number; offset?: number; className?: string }) {
  const share = scale > 0 ? value / scale : 0;
  const at = scale > 0 ? offset / scale : 0;
  const style: CSSProperties = { transform: `translateX(${at * 100}%) scaleX(${share})` };
  return <span className={`bar ${className}`} data-value={value} data-scale={scale} style={style} />;
}

/** "45 %" of a count in n, rounded; empty when n is 0. */
export function percent(count: number, n: number): number | null {
  return n > 0 ? Math.round((count / n) * 100) : null;
}
