// Presenting from the console: → / ← next and previous, Space open/close answering, R show or
// hide results, B blank the screen, Page Down /
// Page Up the screen's next / previous page. They act only when focus is not in a control (a field, a
// button, a link, a select…): there the key belongs to the control – Space presses the focused
// button. Escape takes focus out of a button or link, so the shortcuts work again.
import { useEffect, useRef } from 'react';
import type { HostView } from '../../shared/session/views.ts';
import { send } from '../net/connection.ts';

/** Single-key shortcuts can be turned off (WCAG 2.1.4), remembered in this browser. */
export const SHORTCUTS_KEY = 'raadslag:shortcuts';
export const shortcutsOn = () => localStorage.getItem(SHORTCUTS_KEY) !== '0';

/** Anything that takes keys itself. */
const CONTROLS = 'input, textarea, select, button, a[href], summary, [contenteditable="true"], [role="button"], [role="checkbox"], [role="radio"], [tabindex]:not([tabindex="-1"])';

export function useConsoleKeys(view: HostView | null): void {
  const latest = useRef(view);
  latest.current = view;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const v = latest.current;
      const target = e.target as HTMLElement | null;
      if (!v || v.ended || e.altKey || e.ctrlKey || e.metaKey || !shortcutsOn()) return;
      const control = target?.closest(CONTROLS);
      if (e.key === 'Escape' && control && target?.closest('button, a, summary')) {
        (control as HTMLElement).blur();
        return;
      }
      // Focus in a control: the key is the control's.
      if (control) return;
      const step = v.step?.kind === 'question' ? v.step : null;
      const q = v.can.question;
      const key = e.key.toLowerCase();
      // Each shortcut does only what the core allows now (the same flags the buttons use).
      if (key === 'arrowright' && v.can.next) void send({ type: 'next' });
      else if (key === 'arrowleft' && v.can.previous) void send({ type: 'previous' });
      else if (key === ' ' && step && q && (q.openAnswering || q.closeAnswering)) {
        const questionId = step.question.id;
        void send(q.closeAnswering ? { type: 'closeAnswering', questionId } : { type: 'openAnswering', questionId });
      } else if (key === 'r' && step && q?.setResultsVisible) void send({ type: 'setResultsVisible', questionId: step.question.id, visible: !step.resultsVisible });
      else if (key === 'b' && v.can.blankScreen) void send({ type: 'setScreenBlank', blank: !v.screenBlank });
      else if (key === 'pagedown' || key === 'pageup') void send({ type: 'turnScreenPage', by: key === 'pagedown' ? 1 : -1 });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
