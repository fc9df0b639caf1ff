/**
 * Which enforced controls the PR controls diff watches: those with a rule in `CONTROL_RULES`,
 * those enforced outside the templates (config validation, CI: a template diff cannot show them,
 * and their tests prove them; `OutsideTemplates` in evidence.ts says where), and the rest, which
 * a template diff could show but no rule reads yet. The CLI prints the count on every run and
 * the docs state it, so a reviewer knows what "no control changes" covers.
 */
import type { ControlRule } from './diff-rules';
import { isOutsideTemplates, type ControlEvidence } from './evidence';
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

/** The coverage of `rules` over the enforced controls of `catalog`. */
export function diffCoverage(catalog: readonly Control[], rules: readonly ControlRule[], evidence: Readonly<Record<string, ControlEvidence>>): DiffCoverage {
  const enforced = catalog.filter((c) => c.kind === 'enforced').map((c) => c.id);
  const ruled = new Set(rules.map((r) => r.control as string));
  const watched = enforced.filter((id) => ruled.has(id));
  const outsideTemplates = enforced.filter((id) => !ruled.has(id) && evidence[id] !== undefined && isOutsideTemplates(evidence[id]));
  const notYetWatched = enforced.filter((id) => !ruled.has(id) && !outsideTemplates.includes(id));
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
