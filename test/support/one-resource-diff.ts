/**
 * The controls diff of one resource changing (test helper for the per-rule cases of the controls
 * diff): a single stack whose only resource goes from `before` to `after` (`undefined`: absent),
 * classified by every rule of the catalog.
 */
import { diffControls, type ControlsDiff } from '../../lib/controls/controls-diff';
import { CONTROL_RULES } from '../../lib/controls/diff-rules';

export function diffOneResource(before: Record<string, any> | undefined, after: Record<string, any> | undefined): ControlsDiff {
  const stack = (r?: Record<string, any>) => ({ 'production/S': { Resources: r ? { R: r } : {} } });
  return diffControls(stack(before), stack(after), CONTROL_RULES);
}

/** One control's changes in a diff, as `[direction, detail]` pairs. */
export function changesOf(diff: ControlsDiff, control: string): Array<[string, string]> {
  return diff.changes.filter((c) => c.control === control).map((c) => [c.direction, c.detail]);
}
