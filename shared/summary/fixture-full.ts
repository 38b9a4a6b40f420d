// A realistic workshop for the office-format tests (and for looking at the files): the built-in
// question set, every question answered by 30 people in five roles at three tables, the minutes'
// header filled in, decisions and actions on some questions and every theme. Deterministic (a
// seeded stream of numbers). Only tests import this module.
import type { Role } from '../protocol.ts';
import { GUEST, HOST, SET, answer, close, must, newWorld, num, open, scale, text, type Joined, type World } from '../session/test-fixtures.ts';

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IDEAS = [
  'Brug data fra borgerundersøgelsen i budgetarbejdet',
  'Færre mål, men bedre fulgt op',
  'Inddrag fagprofessionerne tidligere i processen',
  'Lær af nabokommunernes erfaringer med tværfaglige teams',
  'Fælles sprog om effekt og evidens på tværs af forvaltningerne',
  'Mere tid til refleksion i udvalgene',
];

/** The built-in set, fully answered: 30 people in five roles at three tables, with minutes. */
export function realisticWorld(): World {
  const w = newWorld(SET, 'FULD01');
  const rnd = random(2026);
  must(w, HOST, { type: 'configureSession', tables: 3 });
  must(w, HOST, { type: 'setSessionDetails', purpose: 'Drøfte udkastet til en ny forvaltningspolitik', place: 'Byrådssalen, Rådhuset', facilitator: 'Anne Facilitator', minuteTaker: 'Bo Referent' });
  must(w, HOST, { type: 'next' });
  const roles: [Role, number][] = [['politician', 7], ['employee', 12], ['manager', 6], ['executive', 2], ['citizen', 3]];
  const people: Joined[] = [];
  let seat = 0;
  for (const [role, count] of roles) {
    for (let i = 0; i < count; i++) {
      const [e] = must(w, GUEST, { type: 'join', role, table: (seat++ % 3) + 1 });
      if (e?.type !== 'participantJoined') throw new Error('no participantJoined');
      people.push({ participantId: e.participantId, token: e.token, actor: { kind: 'participant', participantId: e.participantId } });
    }
  }
  SET.themes.forEach((theme, t) => {
    for (const q of theme.questions) {
      open(w, q.id);
      people.forEach((p, i) => {
        const r = q.response;
        if (r.type === 'scale') answer(w, p, q.id, i % 13 === 5 ? { kind: 'dontKnow' } : scale(Math.min(r.max, Math.max(r.min, Math.round(1 + rnd() * 3 + (i % 3) * 0.5)))));
        else if (r.type === 'number') answer(w, p, q.id, num(Math.round(5 + rnd() * 60)));
        else if (r.type === 'text' && i % 3 === 0) answer(w, p, q.id, text(`${IDEAS[(i / 3 + t) % IDEAS.length]!}${i > 15 ? ` (${i})` : ''}`));
        else if (r.type === 'statements') answer(w, p, q.id, { kind: 'statements', votes: r.statements.map((_, k) => (['agree', 'agree', 'disagree', 'pass'] as const)[Math.floor(rnd() * 4 + (k % 2) * 0.3) % 4]!) });
      });
      close(w, q.id);
      if (q.response.type === 'scale' && rnd() < 0.4) {
        must(w, HOST, { type: 'addNote', scope: { kind: 'question', questionId: q.id }, kind: 'decision', text: `Direktionen følger op på ${q.id} i en arbejdsgruppe med repræsentanter fra alle forvaltninger`, onScreen: false });
        must(w, HOST, { type: 'addNote', scope: { kind: 'question', questionId: q.id }, kind: 'action', text: 'Udarbejd et notat til økonomiudvalget', who: 'Sekretariatet', due: '2025-06-01', onScreen: false });
      }
    }
    must(w, HOST, { type: 'addNote', scope: { kind: 'theme', themeId: theme.id }, kind: 'decision', text: `Temaet tages op igen på direktionsmødet i juni`, onScreen: false });
  });
  must(w, HOST, { type: 'addNote', scope: { kind: 'session' }, kind: 'parking', text: 'Budgettet for 2026', onScreen: false });
  return w;
}
