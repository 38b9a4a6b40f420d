// The fan-out rules (fanout.ts) against the projections, by property: after any command of any
// type, an audience that is not woken would have received a view equal to its last one. (`seq`,
// which counts events, is left out of the comparison: it changes with every event by design.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Command, ROLES, type CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { wakeOf } from './fanout.ts';
import { ALL_COMMAND_TYPES, FOCUS, GENERATORS, resolveCommand } from './fuzz-commands.ts';
import type { SessionState } from './state.ts';
import { GUEST, HOST, newWorld, run, type World } from './test-fixtures.ts';
import { hostView, meView, participantView, screenView } from './views.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PARTICIPANT: ReadonlySet<CommandType> = new Set(['join', 'submitAnswer', 'withdrawAnswer', 'castVote', 'retractVote']);
const WEIGHT: Partial<Record<CommandType, number>> = { submitAnswer: 20, castVote: 20, join: 6, openVoting: 6, setResultsVisible: 6, endSession: 1 };
type Op = { who: number; command: Command };
const op: fc.Arbitrary<Op> = fc.oneof(
  ...ALL_COMMAND_TYPES.map((type) => ({
    weight: WEIGHT[type] ?? 3,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 6 }), GENERATORS[type] as fc.Arbitrary<Command>).map(([k, command]): Op => ({ who: PARTICIPANT.has(type) ? k : -1, command })),
  })),
);

type Seen = { host: string; screen: string; participants: string; me: Map<string, string> };
const strip = (v: object) => JSON.stringify({ ...v, seq: undefined });

function viewsOf(s: SessionState): Seen {
  const me = new Map(Object.keys(s.participants).map((id) => [id, JSON.stringify(meView(s, id))]));
  return { host: strip(hostView(s)), screen: strip(screenView(s)), participants: strip(participantView(s)), me };
}

function actorFor(w: World, op: Op): Actor {
  if (op.who < 0) return HOST;
  const ids = Object.keys(w.state.participants);
  if (op.command.type === 'join' || ids.length === 0) return GUEST;
  return { kind: 'participant', participantId: ids[op.who % ids.length]! };
}

function play(tables: number, people: number, list: Op[]): void {
  const w = newWorld();
  run(w, HOST, { type: 'configureSession', tables });
  for (const q of FOCUS) run(w, HOST, { type: 'openAnswering', questionId: q });
  for (const [i, op] of list.entries()) {
    // Once a few people are in, each writes an answer to the text question: so voting can open.
    if (i === people) for (const p of Object.keys(w.state.participants)) run(w, { kind: 'participant', participantId: p }, { type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `svar ${p}` } });
    const actor = actorFor(w, op);
    const command = Command.parse(resolveCommand(w.state, actor, op.command));
    const before = viewsOf(w.state);
    const d = run(w, actor, command);
    if (!d.ok) continue;
    const wake = wakeOf(w.state, d.events);
    const after = viewsOf(w.state);
    const what = `${command.type} → ${d.events.map((e) => e.type).join(', ')}`;
    if (!wake.host) expect(after.host, `host not woken by ${what}`).toBe(before.host);
    if (!wake.screen) expect(after.screen, `screen not woken by ${what}`).toBe(before.screen);
    if (!wake.participants) expect(after.participants, `phones not woken by ${what}`).toBe(before.participants);
    if (wake.me.all) continue;
    for (const [id, me] of before.me) {
      const table = w.state.participants[id]?.table;
      if (wake.me.participants.has(id) || (table !== undefined && wake.me.tables.has(table))) continue;
      expect(after.me.get(id), `me of ${id} (table ${table}) not woken by ${what}`).toBe(me);
    }
  }
}

/** Seeds that once failed, kept so the rule they caught stays caught (1027900867: sessionEnded did not wake phones). */
const KEPT_SEEDS = [1027900867];

describe('fan-out rules against the projections', () => {
  for (const seed of [SEED, ...KEPT_SEEDS]) {
    it(`seed ${seed}: whenever an audience is not woken, its view is byte-for-byte unchanged (but for seq)`, () => {
      if (seed === SEED) console.info(`fan-out property seed ${SEED} (rerun: FUZZ_SEED=${SEED})`);
      const start = fc.record({ tables: fc.constantFrom(0, 3), people: fc.array(fc.constantFrom(...ROLES), { maxLength: 4 }) });
      fc.assert(fc.property(start, fc.array(op, { maxLength: 60 }), ({ tables, people }, list) => play(tables, people.length, [...people.map((role): Op => ({ who: 0, command: { type: 'join', role } })), ...list])), { seed, numRuns: 40 });
    });
  }
});
