// axe-core in the page: WCAG 2.1 A/AA rules, with each violation written out (rule, impact,
// elements) so a failing run says what to fix without opening a report.
import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './harness.ts';

const AXE_SOURCE = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Two best-practice rules on top, for defects found and fixed once: every page has its h1, no two landmarks share a name. */
const EXTRA_RULES = { 'page-has-heading-one': { enabled: true }, 'landmark-unique': { enabled: true } };

export type Violation = { id: string; impact: string; help: string; targets: string[] };

export async function axeViolations(page: Page): Promise<Violation[]> {
  // A reload or navigation drops the script: inject it whenever the page lacks it. Evaluated
  // through the DevTools protocol, not added as a <script>: the server's Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the check should see the page as served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    ({ tags, rules }) =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules,
        resultTypes: ['violations'],
      }),
    { tags: TAGS, rules: EXTRA_RULES },
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
}

export function describeViolations(view: string, violations: Violation[]): string {
  if (violations.length === 0) return `${view}: no violations`;
  const lines = violations.map((v) => `  - ${v.id} (${v.impact}): ${v.help}\n      ${v.targets.join('\n      ')}`);
  return `${view}: ${violations.length} axe violation(s)\n${lines.join('\n')}`;
}

/** Soft: every view of a run is checked, and the report lists all that failed. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const violations = await axeViolations(page);
  expect.soft(violations, describeViolations(view, violations)).toEqual([]);
}
