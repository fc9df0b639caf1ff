/**
 * The shape of one acknowledgement, and the helper for rules that report each offending value
 * apart. Every area file under this directory builds its entries from these.
 */
import type { ControlId } from '../../controls/control-id';

/** One acknowledged rule. */
export interface Acknowledgement {
  /** The rule ID as cdk-nag reports it, e.g. `AwsSolutions-VPC3`. */
  readonly rule: string;
  /** The catalog control that requires the flagged design, or compensates for it. */
  readonly control: ControlId;
  /** Why the finding does not weaken the control. */
  readonly reason: string;
  /**
   * For rules that report one finding per wildcard (AwsSolutions-IAM5): the findings this entry
   * covers. Only findings matching one of these patterns are acknowledged; any other wildcard on
   * the same policy stays an open finding.
   * @default - the rule as a whole
   */
  readonly findings?: readonly RegExp[];
}

/**
 * Entries for a rule that reports each offending value apart (cdk-nag's IAM4 and IAM5 report
 * `AwsSolutions-IAM5[Action::logs:Describe*]`): one entry per value, so that a wildcard added
 * later is a new finding rather than silently covered.
 */
export function each(rule: string, control: ControlId, reason: string, findings: readonly string[]): Acknowledgement[] {
  return findings.map((f): Acknowledgement => ({ rule: `${rule}[${f}]`, control, reason }));
}
