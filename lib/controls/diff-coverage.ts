/**
 * Which enforced controls the PR controls diff watches: those with a rule in the list the engine
 * runs, those enforced outside the templates (config validation, CI: a template diff cannot show
 * them, and the test file their catalog entry names guards them), and the rest, marked
 * `NOT_YET_WATCHED` in their entries, which a template diff could show but no rule reads yet. The
 * CLI prints the count on every run and the docs state it, so a reviewer knows what "no control
 * changes" covers.
 */
import type { ControlRule } from './diff-rule';
import type { Control } from './types';

/** The diff's coverage of the enforced controls. */
export interface DiffCoverage {
  /** Enforced controls with at least one diff rule. */
  readonly watched: readonly string[];
  /** Enforced controls no template holds (config validation, CI): their tests watch them. */
  readonly outsideTemplates: readonly string[];
  /** Enforced controls a template diff could show, with no rule yet. */
  readonly notYetWatched: readonly string[];
  readonly enforced: number;
}

/**
 * The coverage of `rules` over the enforced controls of `catalog`.
 * @param _evidence not read: each entry's `diff` says whether it lies outside the templates; the
 *   parameter keeps callers written before the catalog carried that compiling
 */
export function diffCoverage(catalog: readonly Control[], rules: readonly ControlRule[], _evidence?: unknown): DiffCoverage {
  const enforced = catalog.filter((c) => c.kind === 'enforced');
  const ruled = new Set<string>(rules.map((r) => r.control));
  const watched = enforced.filter((c) => ruled.has(c.id)).map((c) => c.id);
  const outsideTemplates = enforced.filter((c) => !ruled.has(c.id) && c.diff !== undefined && 'outsideTemplates' in c.diff).map((c) => c.id);
  const notYetWatched = enforced.filter((c) => !ruled.has(c.id) && !outsideTemplates.includes(c.id)).map((c) => c.id);
  return { watched, outsideTemplates, notYetWatched, enforced: enforced.length };
}

/** One line for the CLI and the PR comment. */
export function describeCoverage(c: DiffCoverage): string {
  return (
    `controls watched by this diff: ${c.watched.length} of ${c.enforced} enforced; ${c.outsideTemplates.length} are enforced outside the templates ` +
    `(config validation, CI) and proven by tests; ${c.notYetWatched.length} have no diff rule yet, so a weakening of theirs shows here only ` +
    `through the compliance packs and the tests: ${c.notYetWatched.join(', ')}`
  );
}
