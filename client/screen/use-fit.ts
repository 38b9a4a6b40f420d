// Measured auto-fit for the stage: the slide's type size is the largest that fits its box
// (binary search between the room's size and a minimum); a list that does not fit even at the
// minimum is split into pages, measured once. Measuring forces layout, so it runs only when the
// slide's shape changes (the `shape` key: texts and the number of digits, not the counts
// themselves) or the stage's size does – never for every view that only moves the bars, which
// animate with transforms and cost no layout.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { pageIndex } from '../../shared/session/screen-control.ts';

export type FitOptions = {
  box: RefObject<HTMLElement | null>;
  /** The pageable list inside the box (its children are the items), if the slide has one. */
  list?: RefObject<HTMLElement | null>;
  count: number;
  shape: string;
  /** The screen's page counter (from the core), taken modulo the page count. */
  page: number;
  /** Type size in logical pixels: as large as `max`, at least `min` while a page can hold it. */
  max: number;
  min: number;
};

export type Fit = { from: number; to: number; pageIndex: number; pageCount: number };

/** Below the minimum only when nothing can be paged: small, but never cut off. */
const FLOOR = 12;

export function useFit({ box, list, count, shape, page, max, min }: FitOptions): Fit {
  const [pages, setPages] = useState<{ shape: string; starts: number[] } | null>(null);
  const key = `${shape}|${max}|${min}|${count}`;
  const starts = pages?.shape === key ? pages.starts : null;
  const index = starts ? pageIndex(page, starts.length) : 0;
  const from = starts ? starts[index]! : 0;
  const to = starts ? (starts[index + 1] ?? count) : count;

  useLayoutEffect(() => {
    const el = box.current;
    const content = el?.firstElementChild as HTMLElement | null;
    if (!el || !content) return;
    if (fitType(el, content, min, max)) return;
    const items = list?.current;
    if (!starts && items && count > 1) {
      const found = pageStarts(el, content, items);
      if (found.length > 1) {
        setPages({ shape: key, starts: found });
        return;
      }
    }
    fitType(el, content, FLOOR, min);
  }, [key, index, starts, box, list, count, max, min]);

  return { from, to, pageIndex: index, pageCount: starts?.length ?? 1 };
}

function fits(box: HTMLElement, content: HTMLElement): boolean {
  return content.scrollHeight <= box.clientHeight && content.scrollWidth <= box.clientWidth;
}

/** Sets the largest whole-pixel size in [lo, hi] that fits; false (at lo) when none does. */
function fitType(box: HTMLElement, content: HTMLElement, lo: number, hi: number): boolean {
  const set = (px: number) => (box.style.fontSize = `${px}px`);
  set(hi);
  if (fits(box, content)) return true;
  set(lo);
  if (!fits(box, content)) return false;
  let [ok, bad] = [lo, hi];
  while (bad - ok > 1) {
    const mid = Math.floor((ok + bad) / 2);
    set(mid);
    if (fits(box, content)) ok = mid;
    else bad = mid;
  }
  set(ok);
  return true;
}

/**
 * With every item laid out at the minimum size: where each page starts, so that each page's
 * items take no more height than the box leaves for the list. Items in a grid share rows, and
 * a page always starts at a row, so a page laid out alone looks as it did here.
 */
function pageStarts(box: HTMLElement, content: HTMLElement, list: HTMLElement): number[] {
  const room = box.clientHeight - (content.scrollHeight - list.offsetHeight);
  // Rows: runs of items with the same top (one item a row in a plain list).
  const rows: { start: number; top: number; bottom: number }[] = [];
  ([...list.children] as HTMLElement[]).forEach((item, i) => {
    const last = rows[rows.length - 1];
    const bottom = item.offsetTop + item.offsetHeight;
    if (last && item.offsetTop === last.top) last.bottom = Math.max(last.bottom, bottom);
    else rows.push({ start: i, top: item.offsetTop, bottom });
  });
  const starts = [0];
  let top = rows[0]?.top ?? 0;
  rows.forEach((row, r) => {
    if (r > 0 && row.bottom - top > room) {
      starts.push(row.start);
      top = row.top;
    }
  });
  return starts;
}
