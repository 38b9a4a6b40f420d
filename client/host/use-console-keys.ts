// Presenting from the console: → / ← next and previous, Space open/close answering, R show or
// hide results, B blank the screen. Ignored while typing in a field or using a control.
import { useEffect, useRef } from 'react';
import type { HostView } from '../../shared/session/views.ts';
import { send } from '../net/connection.ts';

/** Single-key shortcuts can be turned off (WCAG 2.1.4), remembered in this browser. */
export const SHORTCUTS_KEY = 'raadslag:shortcuts';
export const shortcutsOn = () => localStorage.getItem(SHORTCUTS_KEY) !== '0';

export function useConsoleKeys(view: HostView | null): void {
  const latest = useRef(view);
  latest.current = view;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const v = latest.current;
      const target = e.target as HTMLElement | null;
      if (!v || v.ended || e.altKey || e.ctrlKey || e.metaKey || !shortcutsOn()) return;
      // Typing in a field, or a control that uses the key itself, wins over the shortcut.
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (e.key === ' ' && target?.closest('button, a, summary')) return;
      const step = v.step?.kind === 'question' ? v.step : null;
      const key = e.key.toLowerCase();
      if (key === 'arrowright') void send({ type: 'next' });
      else if (key === 'arrowleft') void send({ type: 'previous' });
      else if (key === ' ' && step) {
        const questionId = step.question.id;
        void send(step.phase === 'open' || step.phase === 'voting' ? { type: 'closeAnswering', questionId } : { type: 'openAnswering', questionId });
      } else if (key === 'r' && step) void send({ type: 'setResultsVisible', questionId: step.question.id, visible: !step.resultsVisible });
      else if (key === 'b') void send({ type: 'setScreenBlank', blank: !v.screenBlank });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
