// Views per audience. What an audience may not see never leaves the server because these
// projections leave it out: the screen gets results only once revealed (and others' votes only
// once voting closes), a participant gets the shared public view plus their own `me`, and no
// view carries a token or a name.
import type { Lang, Role } from '../protocol.ts';
import type { LocalizedText } from '../question-set.ts';
import { buildResults, type Results } from './results.ts';
import type { Note, SessionDetails, SessionState } from './state.ts';
import { agendaItem, findInTheme, stepView, type AgendaItem, type StepView } from './step-view.ts';
import { themeOverview, type OverviewItem } from './overview.ts';
import { hostCan, hostMay, type HostCan } from './can.ts';
import { undoNext, type UndoNext } from './undo.ts';
import { WALL_PAGE, type WallPage } from './wall-pages.ts';

export type { WallPage } from './wall-pages.ts';

export type { AgendaItem, StepView, QuestionStep } from './step-view.ts';
export { meView, type MeView, type MyVoting, type MyAnswering } from './me-view.ts';
export type { HostCan, QuestionCan } from './can.ts';
export type { UndoNext } from './undo.ts';

/** Answers on the wall per view; the screen's is one page of the wall (see wall-pages.ts). */
export const WALL_LIMIT = { host: 200, screen: WALL_PAGE.answers, participant: 20 } as const;
type Audience = keyof typeof WALL_LIMIT;

type Common = {
  code: string;
  title: LocalizedText;
  lang: Lang;
  cursor: number;
  stepCount: number;
  step: StepView | null;
  participants: number;
  tables: number;
  /** The workshop is over: phones show a thank-you page, nothing more can be sent. */
  ended: boolean;
  seq: number;
};

export type HostView = Common & {
  audience: 'host';
  createdAt: number;
  roleCounts: Record<Role, number>;
  minGroupSize: number;
  /** The minutes' header (purpose, place, facilitator, minute-taker). */
  details: SessionDetails;
  agenda: AgendaItem[];
  /** Always present for a question step: the facilitator sees results before the room does. */
  results: Results | null;
  /** On a theme step: each question's headline and largest gap between roles. */
  overview: OverviewItem[] | null;
  joinLocked: boolean;
  screenBlank: boolean;
  screenTheme: 'standard' | 'contrast';
  screenZoom: number;
  canUndo: boolean;
  /** What the next undo will put back, so the console can say it before it is pressed. */
  undoNext: UndoNext | null;
  /** What the facilitator may do now, by the rules decide() applies. */
  can: HostCan;
  notes: Note[];
  /** The current theme's note for the facilitator: never in the screen's or the phones' view. */
  facilitatorNote: LocalizedText | null;
  /** What the projector shows: its page counter, rotation, the overview, and the wall's page. */
  screenPage: number;
  screenRotate: boolean;
  screenOverview: boolean;
  screenWall: WallPage | null;
};
export type ScreenView = Common & {
  audience: 'screen';
  results: Results | null;
  blank: boolean;
  theme: 'standard' | 'contrast';
  zoom: number;
  /** Notes the facilitator chose to show, for this step or the whole session. */
  notes: Note[];
  /** Page counter for long lists (taken modulo their page count), and whether it turns by itself. */
  page: number;
  rotate: boolean;
  /** The theme overview, when the facilitator shows it on a theme step. */
  overview: OverviewItem[] | null;
  /** In the lobby: how many of each role have joined so far (roles with none left out). */
  roles: Partial<Record<Role, number>> | null;
};
export type ParticipantView = Omit<Common, 'participants'> & { audience: 'participant'; results: Results | null };

function common(state: SessionState): Common {
  return {
    code: state.code,
    title: state.set.title,
    lang: state.lang,
    cursor: state.cursor,
    stepCount: state.agenda.length,
    step: stepView(state, state.agenda[state.cursor]),
    participants: state.participantCount,
    tables: state.tables,
    ended: state.ended,
    seq: state.seq,
  };
}

export function hostView(state: SessionState): HostView {
  const step = state.agenda[state.cursor];
  return {
    ...common(state),
    audience: 'host',
    createdAt: state.createdAt,
    roleCounts: { ...state.roleCounts },
    minGroupSize: state.minGroupSize,
    details: { ...state.details },
    agenda: state.agenda.map((s, index) => ({ ...agendaItem(state, s, index), can: agendaCan(state, index, s.skipped === true) })),
    results: currentResults(state, 'host'),
    overview: step?.kind === 'theme' ? themeOverview(state, step.themeId) : null,
    joinLocked: state.joinLocked,
    screenBlank: state.screenBlank,
    screenTheme: state.screenTheme ?? 'standard',
    screenZoom: state.screenZoom ?? 1,
    canUndo: state.undo.length > 0,
    undoNext: undoNext(state),
    can: hostCan(state),
    notes: state.noteOrder.flatMap((id) => (state.notes[id] ? [state.notes[id]] : [])),
    facilitatorNote: step?.kind === 'theme' || step?.kind === 'question' ? (state.set.themes.find((t) => t.id === step.themeId)?.note ?? null) : null,
    screenPage: state.screenPage ?? 0,
    screenRotate: state.screenRotate ?? false,
    screenOverview: state.screenOverview ?? false,
    screenWall: screenWall(state),
  };
}

function agendaCan(state: SessionState, index: number, skipped: boolean): NonNullable<AgendaItem['can']> {
  return {
    moveUp: index > 0 && hostMay(state, { type: 'moveStep', index, to: index - 1 }),
    moveDown: hostMay(state, { type: 'moveStep', index, to: index + 1 }),
    skip: hostMay(state, { type: 'setStepSkipped', index, skipped: !skipped }),
  };
}

export function screenView(state: SessionState): ScreenView {
  const step = state.agenda[state.cursor];
  return {
    ...common(state),
    audience: 'screen',
    results: currentResults(state, 'screen'),
    blank: state.screenBlank,
    theme: state.screenTheme ?? 'standard',
    zoom: state.screenZoom ?? 1,
    notes: screenNotes(state),
    page: state.screenPage ?? 0,
    rotate: state.screenRotate ?? false,
    overview: step?.kind === 'theme' && state.screenOverview ? themeOverview(state, step.themeId) : null,
    roles: step?.kind === 'lobby' ? Object.fromEntries(Object.entries(state.roleCounts).filter(([, n]) => n > 0)) : null,
  };
}

/** The wall's page on the projector, for the console's page control. */
function screenWall(state: SessionState): WallPage | null {
  const results = currentResults(state, 'screen');
  return results?.type === 'text' ? (results.page ?? null) : null;
}

function screenNotes(state: SessionState): Note[] {
  const step = state.agenda[state.cursor];
  const here = (n: Note) =>
    n.scope.kind === 'session' ||
    (n.scope.kind === 'question' && step?.kind === 'question' && n.scope.questionId === step.questionId) ||
    (n.scope.kind === 'theme' && (step?.kind === 'theme' || step?.kind === 'question') && n.scope.themeId === step.themeId);
  return state.noteOrder.flatMap((id) => {
    const n = state.notes[id];
    return n && n.onScreen && here(n) ? [n] : [];
  });
}

export function participantView(state: SessionState): ParticipantView {
  const { participants: _count, step, ...rest } = common(state);
  const shared = step?.kind === 'question' ? (({ answered: _answered, ...s }) => s)(step) : step;
  return { ...rest, step: shared, audience: 'participant', results: currentResults(state, 'participant') };
}

function currentResults(state: SessionState, audience: Audience): Results | null {
  const step = state.agenda[state.cursor];
  if (step?.kind !== 'question') return null;
  const run = state.runs[step.questionId];
  const question = findInTheme(state, step.themeId, step.questionId);
  if (!run || !question) return null;
  if (audience !== 'host' && !run.resultsVisible) return null;
  return buildResults(question.response, run, {
    wallLimit: WALL_LIMIT[audience],
    // Others' votes are shown once voting has closed; the facilitator sees them live.
    showVotes: audience === 'host' || run.phase !== 'voting',
    minGroupSize: state.minGroupSize,
    moderation: audience === 'host',
    // The projector pages the wall: one page in the view, none dropped.
    ...(audience === 'screen' ? { page: state.screenPage ?? 0 } : {}),
  });
}
