// Ranking without dragging: each item has "move up" / "move down" buttons, so it works by
// keyboard, switch access and screen reader alike; focus follows the moved item.
import { useRef, useState } from 'react';
import type { ResponseSpec } from '../../shared/question-set.ts';
import type { AnswerValue } from '../../shared/protocol.ts';
import { pick, useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { AnswerStatus } from './AnswerStatus.tsx';
import { useSend } from './use-send.ts';
import { useFollow } from './use-follow.ts';

type Spec = Extract<ResponseSpec, { type: 'ranking' }>;

export function RankingAnswer({ questionId, spec, current, open }: { questionId: string; spec: Spec; current: AnswerValue | undefined; open: boolean }) {
  const { t, lang } = useT();
  const { state, error, run } = useSend();
  const [order, setOrder] = useState<number[]>(current?.kind === 'ranking' ? current.order : spec.items.map((_, i) => i));
  const [announce, setAnnounce] = useState('');
  useFollow(current, (c) => setOrder(c?.kind === 'ranking' ? c.order : spec.items.map((_, i) => i)));
  const list = useRef<HTMLOListElement>(null);
  const move = (pos: number, delta: -1 | 1) => {
    const to = pos + delta;
    if (to < 0 || to >= order.length) return;
    const next = order.slice();
    [next[pos], next[to]] = [next[to]!, next[pos]!];
    setOrder(next);
    const item = spec.items[next[to]]!;
    setAnnounce(`${pick(item, lang).text}: ${t('rankPosition', { n: to + 1 })}`);
    // Keep focus on the same button of the moved item (or its other button at the ends).
    requestAnimationFrame(() => {
      const row = list.current?.children[to];
      const selector = delta < 0 ? (to === 0 ? '[data-dir="down"]' : '[data-dir="up"]') : to === order.length - 1 ? '[data-dir="up"]' : '[data-dir="down"]';
      row?.querySelector<HTMLButtonElement>(selector)?.focus();
    });
  };
  return (
    <div className="stack">
      <p className="hint" id={`rank-hint-${questionId}`}>{t('rankingHint')}</p>
      <ol className="ranking" ref={list} aria-describedby={`rank-hint-${questionId}`}>
        {order.map((item, pos) => (
          <li key={item} className="ranking__item">
            <span className="ranking__pos" aria-hidden="true">{pos + 1}</span>
            <span className="ranking__text"><L text={spec.items[item]!} /></span>
            <span className="ranking__buttons">
              <button type="button" className="button button--small" data-dir="up" disabled={!open || pos === 0} onClick={() => move(pos, -1)}>
                ↑<span className="visually-hidden">{t('moveUp')}: {pick(spec.items[item]!, lang).text}</span>
              </button>
              <button type="button" className="button button--small" data-dir="down" disabled={!open || pos === order.length - 1} onClick={() => move(pos, 1)}>
                ↓<span className="visually-hidden">{t('moveDown')}: {pick(spec.items[item]!, lang).text}</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">{announce}</p>
      {open && (
        <button type="button" className="button button--primary button--big" onClick={() => void run({ type: 'submitAnswer', questionId, answer: { kind: 'ranking', order } })}>
          {t('sendRanking')}
        </button>
      )}
      <AnswerStatus state={current && state === 'idle' ? 'saved' : state} error={error} />
    </div>
  );
}
