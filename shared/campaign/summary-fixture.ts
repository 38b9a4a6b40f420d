// A campaign of three workshops run through the real core with a fixed clock, for the summary's
// tests in every format (shared/campaign/summary.test.ts, server/export/campaign-formats.test.ts).
// Each person also writes a text answer "rå tekst …", which no campaign file may hold.
import type { Lang, Role } from '../protocol.ts';
import { HOST, answer, join, must, newWorld, type World } from '../session/test-fixtures.ts';
import { campaignView, type AttachedWorkshop, type CampaignView } from './view.ts';

export const RAW_TEXT = 'rå tekst';

function workshop(code: string, people: [Role, number, number][], decision: string): World {
  const world = newWorld(undefined, code);
  for (const q of ['q1-1', 'q1-2', 'q1-4']) must(world, HOST, { type: 'openAnswering', questionId: q });
  for (const [i, [role, scale, num]] of people.entries()) {
    const who = join(world, role);
    answer(world, who, 'q1-1', { kind: 'scale', value: scale });
    answer(world, who, 'q1-2', { kind: 'number', value: num });
    answer(world, who, 'q1-4', { kind: 'text', text: `rå tekst ${code} ${i}` });
  }
  must(world, HOST, { type: 'addNote', scope: { kind: 'question', questionId: 'q1-1' }, kind: 'decision', text: decision, onScreen: false });
  must(world, HOST, { type: 'addNote', scope: { kind: 'session' }, kind: 'action', text: `Følg op: ${decision}`, who: 'Kim', due: '2027-02-01', onScreen: false });
  must(world, HOST, { type: 'endSession' });
  return world;
}

const m = (scale: number, num: number): [Role, number, number] => ['manager', scale, num];
const e = (scale: number, num: number): [Role, number, number] => ['employee', scale, num];
const c = (scale: number, num: number): [Role, number, number] => ['citizen', scale, num];

export const attached: AttachedWorkshop[] = [
  { code: 'NORD01', label: 'Nord', heldOn: '2027-01-10', state: workshop('NORD01', [m(1, 10), m(2, 20), m(2, 30), m(3, 40), m(5, 50), e(4, 5)], 'Fælles mål for tværgående samarbejde').state },
  { code: 'SYD002', label: 'Syd', heldOn: '2027-01-12', state: workshop('SYD002', [m(4, 100), m(4, 200), m(5, 300), e(1, 0), e(2, 5), e(3, 7), e(3, 9)], 'Færre mål | tydeligere').state },
  { code: 'NORD03', label: 'Nord', heldOn: null, state: workshop('NORD03', [e(5, 1), e(4, 2), c(1, 3)], 'Borgerpanel').state },
];

// The third workshop reviewed the first one's action: in progress, later done.
export const REVIEWS = [
  { workshop: 'NORD01', noteId: actionId('NORD01'), status: 'inProgress' as const, reviewedIn: 'NORD03', at: 1 },
  { workshop: 'NORD01', noteId: actionId('NORD01'), status: 'done' as const, reviewedIn: 'NORD03', at: 2 },
];
function actionId(code: string): string {
  const state = attached.find((a) => a.code === code)!.state;
  return state.noteOrder.find((id) => state.notes[id]!.kind === 'action')!;
}


export function fixtureCampaign(lang: Lang): CampaignView {
  return campaignView({ id: 'kampagne1', name: 'Vejen til en ny forvaltningspolitik', lang, attachCode: 'ABCDE23456' }, attached, REVIEWS);
}
