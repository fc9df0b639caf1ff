/**
 * The control-rules table of the PR controls diff (`npm run controls-diff`, control
 * DEL-PR-CONTROLS-DIFF), derived from the catalog: each enforced control declares its rules in
 * its own entry (`diff.rules`, lib/controls/catalog/), and this module flattens them, tagged with
 * the control, into the list the engine (controls-diff.ts) runs.
 *
 * The rule shape lives in diff-rule.ts, the builders in diff-builders.ts, the template readers
 * in template-readers.ts and the AWS scales in aws-tables.ts; they are re-exported here for
 * the tools and tests that read them.
 */
import { CATALOG } from './catalog';
import type { ControlId } from './control-id';
import type { ControlRule, DiffRule } from './diff-rule';
import type { Control } from './types';

export type { ControlRule, DiffRule, Direction, ResourceChangeKind, Verdict } from './diff-rule';
export { arrow, byRank, same, show } from './diff-builders';
export { ELB_SSL_POLICY_STRENGTH } from './aws-tables';
export { conditionValue, deniesInsecureTransport, isAnywhere, isTrue, lbAttribute, mfaRequirement, statementsOf, type SgRule, type TemplateResource } from './template-readers';

/** The diff rules a catalog entry declares (none for controls outside the templates or not yet watched). */
export function diffRulesOf(control: Control): readonly DiffRule[] {
  return control.diff !== undefined && 'rules' in control.diff ? control.diff.rules : [];
}

/** Every control the PR controls diff watches, by the CloudFormation resources that enforce it. */
export const CONTROL_RULES: readonly ControlRule[] = CATALOG.flatMap((c) => diffRulesOf(c).map((rule) => ({ ...rule, control: c.id as ControlId })));
