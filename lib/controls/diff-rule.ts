/**
 * The shape of the PR controls diff's rules (`npm run controls-diff`, control
 * DEL-PR-CONTROLS-DIFF). Each enforced control declares its rules in its catalog entry (`diff`);
 * `CONTROL_RULES` in diff-rules.ts is the flat list the engine (controls-diff.ts) runs.
 *
 * Rules are written against CloudFormation resource types, never against our construct names,
 * so they hold for every stack the areas add and for templates that were not written with CDK.
 * A resource type that appears in no rule produces no line in the diff.
 *
 * Two shapes of rule:
 * - a *property* rule (`path` set) compares the value at `path` on a resource that exists in both
 *   templates; it says nothing when the resource is added or removed.
 * - a *resource* rule (no `path`) looks at the whole resource when it is added, removed or
 *   replaced (and may also look at updates). By default removing an enforcing resource weakens
 *   the control and adding one strengthens it.
 */
import type { ControlId } from './control-id';

/** How a change affects a control. */
export type Direction = 'weakened' | 'strengthened' | 'neutral';

/** What happened to the resource, as @aws-cdk/cloudformation-diff reports it. */
export type ResourceChangeKind = 'added' | 'removed' | 'updated' | 'replaced';

/** The verdict of one rule on one change. */
export interface Verdict {
  readonly direction: Direction;
  /** What changed, in the reviewer's words (`rds.force_ssl 1 → 0`). */
  readonly detail: string;
}

/** One diff rule of a control, as its catalog entry declares it. */
export interface DiffRule {
  /** The CloudFormation types that enforce the control. */
  readonly resourceTypes: readonly string[];
  /**
   * Path from the resource root to the enforcing value (`['Properties', 'StorageEncrypted']`;
   * `['DeletionPolicy']`). Segments are literal keys, so `'rds.force_ssl'` is one segment.
   * @default - a resource rule: `assess` sees the whole resource
   */
  readonly path?: readonly string[];
  /**
   * Classifies a change. For property rules `before`/`after` are the values at `path`
   * (`undefined` when absent); for resource rules they are the whole resources (`undefined`
   * when it did not or no longer exists). Returns nothing, or an empty list, when the change
   * does not concern the control.
   */
  readonly assess: (before: any, after: any, kind: ResourceChangeKind) => Verdict | readonly Verdict[] | undefined;
}

/** A diff rule with the control it watches: one row of the list the engine runs. */
export interface ControlRule extends DiffRule {
  /** The catalog control ID (`DB-TLS`). */
  readonly control: ControlId;
}
