// The slide's box on the stage: everything in it is sized in em of one font size that the fit
// chooses (see use-fit.ts). A slide with a long list hands its list a ref and renders only the
// items of the current page.
import { createContext, useContext, useRef, type ReactNode, type RefObject } from 'react';
import { useFit, type Fit } from './use-fit.ts';

/** The room's type size (logical pixels, from the room-size setting) and the page counter. */
export const StageContext = createContext({ max: 40, min: 26, page: 0, fontsReady: false });

type Props = {
  shape: string;
  count?: number;
  pageable?: boolean;
  children: (fit: Fit, list: RefObject<HTMLOListElement | null>) => ReactNode;
};

export function Fitted({ shape, count = 0, pageable = false, children }: Props) {
  const { max, min, page, fontsReady } = useContext(StageContext);
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const fit = useFit({ box, ...(pageable ? { list } : {}), count, shape: `${shape}|${fontsReady}`, page, max, min });
  return (
    <main id="main" className="stage__main" ref={box}>
      <div className="stage__content">{children(fit, list)}</div>
    </main>
  );
}

/** "Udsagn 7–12 af 30": which items of a locally paged list are on the stage. */
export function localPage(fit: Fit, count: number): { first: number; last: number; total: number } | null {
  return fit.pageCount > 1 ? { first: fit.from + 1, last: fit.to, total: count } : null;
}

/**
 * The shape of a value for the fit: its JSON with every number replaced by its number of
 * digits, so new counts re-fit only when they could change the layout.
 */
export function shapeOf(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? String(Math.round(v)).length : v));
}
