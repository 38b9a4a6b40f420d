// Where the workshops of a campaign agree and where they split: for scale and number questions
// the lowest and highest median among workshops and among roles; for statements, per
// statement, whether every workshop leans the same way. Built only from shown cells, so a
// comparison never says more than the tables beside it.
import type { CellKey } from './cells.ts';
import type { CombinedCell } from './combine.ts';

export type Extreme = { key: CellKey; value: number };
/** The lowest and highest value of two or more shown groups. */
export type Spread = { low: Extreme; high: Extreme };
/**
 * agree: every workshop has a majority agreeing; disagree: every one a majority disagreeing;
 * split: some lean each way (or one is exactly even). `low`/`high`: the agree shares' range.
 */
export type StatementVerdict = 'agree' | 'disagree' | 'split';
export type StatementComparison = { index: number; verdict: StatementVerdict; low: Extreme; high: Extreme };

export type Comparison = {
  /** Medians of the workshops (scale, number). */
  workshops?: Spread;
  /** Medians of the roles across the campaign (scale, number). */
  roles?: Spread;
  /** Agree shares of the workshops, per statement. */
  statements?: StatementComparison[];
};

const shownResults = (cells: CombinedCell[]) => cells.flatMap((c) => (c.hidden || !c.results ? [] : [{ key: c.key, results: c.results }]));

function spread(values: Extreme[]): Spread | undefined {
  if (values.length < 2) return undefined;
  let low = values[0]!;
  let high = values[0]!;
  for (const v of values) {
    if (v.value < low.value) low = v;
    if (v.value > high.value) high = v;
  }
  return { low, high };
}

function medians(cells: CombinedCell[]): Extreme[] {
  return shownResults(cells).flatMap(({ key, results }) =>
    (results.type === 'scale' || results.type === 'number') && results.median !== null ? [{ key, value: results.median }] : [],
  );
}

function statements(byWorkshop: CombinedCell[]): StatementComparison[] {
  const shown = shownResults(byWorkshop).flatMap(({ key, results }) => (results.type === 'statements' ? [{ key, results }] : []));
  const count = shown[0]?.results.statements.length ?? 0;
  const out: StatementComparison[] = [];
  for (let index = 0; index < count; index++) {
    const shares = shown.flatMap(({ key, results }) => {
      const share = results.statements.find((s) => s.index === index)?.agreeShare ?? null;
      return share === null ? [] : [{ key, value: share }];
    });
    const range = spread(shares);
    if (!range) continue;
    const verdict: StatementVerdict = shares.every((s) => s.value > 0.5) ? 'agree' : shares.every((s) => s.value < 0.5) ? 'disagree' : 'split';
    out.push({ index, verdict, ...range });
  }
  return out;
}

export function compare(byWorkshop: CombinedCell[], byRole: CombinedCell[]): Comparison {
  const out: Comparison = {};
  const workshops = spread(medians(byWorkshop));
  const roles = spread(medians(byRole));
  const split = statements(byWorkshop);
  if (workshops) out.workshops = workshops;
  if (roles) out.roles = roles;
  if (split.length > 0) out.statements = split;
  return out;
}
