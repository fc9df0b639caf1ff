/**
 * Which enforced controls the PR controls diff watches: those with a rule in the list the engine
 * runs, and those enforced outside the templates (config validation, CI), which a template diff
 * cannot show and the test file their catalog entry names guards instead. The CLI prints the
 * count on every run and the docs state it, so a reviewer knows what "no control changes" covers.
 * test/catalog-entries.test.ts keeps every enforced control in one of the two.
 */
import type { ControlRule } from './diff-rule';
import type { Control } from './types';

/** An enforced control no template holds, and the test file that fails when it is weakened. */
export interface GuardedControl {
  readonly control: string;
  readonly guardedBy: string;
}

/** The diff's coverage of the enforced controls. */
export interface DiffCoverage {
  /** Enforced controls with at least one diff rule. */
  readonly watched: readonly string[];
  /** Enforced controls no template holds (config validation, CI): their tests watch them. */
  readonly outsideTemplates: readonly GuardedControl[];
  /** Enforced controls with neither a rule nor a reason: none while the catalog test passes. */
  readonly unwatched: readonly string[];
  readonly enforced: number;
}

/** The coverage of `rules` over the enforced controls of `catalog`. */
export function diffCoverage(catalog: readonly Control[], rules: readonly ControlRule[]): DiffCoverage {
  const enforced = catalog.filter((c) => c.kind === 'enforced');
  const ruled = new Set<string>(rules.map((r) => r.control));
  const watched = enforced.filter((c) => ruled.has(c.id)).map((c) => c.id);
  const outsideTemplates = enforced.flatMap((c) => (!ruled.has(c.id) && c.diff !== undefined && 'outsideTemplates' in c.diff ? [{ control: c.id, guardedBy: c.diff.guardedBy }] : []));
  const unwatched = enforced.filter((c) => !ruled.has(c.id) && !outsideTemplates.some((o) => o.control === c.id)).map((c) => c.id);
  return { watched, outsideTemplates, unwatched, enforced: enforced.length };
}

/** One line for the CLI and the PR comment. */
export function describeCoverage(c: DiffCoverage): string {
  const outside = c.outsideTemplates.map((o) => `${o.control} (${o.guardedBy})`).join(', ');
  const line =
    `controls watched by this diff: ${c.watched.length} of ${c.enforced} enforced by rules; the other ${c.outsideTemplates.length} are enforced outside the templates ` +
    `(config validation, CI), where a template diff cannot show them, and proven by their tests: ${outside}`;
  return c.unwatched.length === 0 ? line : `${line}; ${c.unwatched.length} have no diff rule and no reason, so a weakening of theirs goes unreported: ${c.unwatched.join(', ')}`;
}
