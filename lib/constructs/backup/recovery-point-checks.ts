import * as config from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { AlertDeadLetterQueue } from '../monitoring/alert-dead-letter-queue';
import { BACKUP_RESOURCE_TYPES, type BackupResourceType } from './tiered-backup-plan';

/** Props of {@link RecoveryPointChecks}. */
export interface RecoveryPointChecksProps {
  /** The tag that selects resources for the plan; only resources carrying it are checked. */
  readonly selectionTag: { readonly key: string; readonly value: string };
  /** The resource types the plan selects; one check each. */
  readonly resourceTypes: readonly BackupResourceType[];
  /**
   * The newest recovery point of a tagged resource may be at most this many hours old (the
   * hourly tier makes one every hour; the daily tier at least one a day). 1 to 744.
   * @default 25
   */
  readonly maxAgeHours?: number;
  /** Receives a notice when a tagged resource has no recent recovery point. */
  readonly operationsTopic: sns.ITopic;
  /** Keeps notices EventBridge cannot deliver to the topic, and alarms on them (INC-ALERT-DELIVERY). */
  readonly deadLetters: AlertDeadLetterQueue;
}

/**
 * Proves the plan backs up what it should (BAK-SELECTIONS): for each selected resource type an
 * AWS Config managed rule (`AURORA_LAST_BACKUP_RECOVERY_POINT_CREATED`,
 * `S3_LAST_BACKUP_RECOVERY_POINT_CREATED`) restricted to the backup tag reports every tagged
 * resource without a recovery point younger than `maxAgeHours`, and an EventBridge rule sends
 * each NON_COMPLIANT evaluation to the operations topic. A selection that matches nothing (an
 * opt-in, a wrong tag, a missing type) so pages instead of failing silently.
 *
 * The Config rules need the account's configuration recorder in this region (the
 * `AccountBaseline` stack's, or the organisation's).
 * https://docs.aws.amazon.com/config/latest/developerguide/aurora-last-backup-recovery-point-created.html
 * https://docs.aws.amazon.com/config/latest/developerguide/s3-last-backup-recovery-point-created.html
 */
export class RecoveryPointChecks extends Construct {
  /** The Config rules, by resource type. */
  public readonly rules: Partial<Record<BackupResourceType, config.ManagedRule>> = {};
  /** The rule that notifies the operations topic of NON_COMPLIANT evaluations. */
  public readonly notice: events.Rule;

  constructor(scope: Construct, id: string, props: RecoveryPointChecksProps) {
    super(scope, id);
    const maxAgeHours = props.maxAgeHours ?? 25;
    if (!Number.isInteger(maxAgeHours) || maxAgeHours < 1 || maxAgeHours > 744) {
      throw new Error(`RecoveryPointChecks ${id}: maxAgeHours: got ${maxAgeHours}, AWS Config accepts 1 to 744 hours`);
    }
    if (props.resourceTypes.length === 0) throw new Error(`RecoveryPointChecks ${id}: resourceTypes: got none`);
    for (const type of props.resourceTypes) {
      const identifier = BACKUP_RESOURCE_TYPES[type].configRule;
      this.rules[type] = new config.ManagedRule(this, type.split('::').slice(1).join(''), {
        identifier,
        description: `BAK-SELECTIONS: every ${type} tagged ${props.selectionTag.key}=${props.selectionTag.value} has a recovery point younger than ${maxAgeHours} hours`,
        inputParameters: {
          resourceTags: JSON.stringify({ [props.selectionTag.key]: props.selectionTag.value }),
          recoveryPointAgeValue: maxAgeHours,
          recoveryPointAgeUnit: 'hours',
        },
        maximumExecutionFrequency: config.MaximumExecutionFrequency.SIX_HOURS,
      });
    }
    // "Config Rules Compliance Change" events carry the rule name and the new compliance type.
    // https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html
    this.notice = new events.Rule(this, 'NonCompliant', {
      description: 'BAK-SELECTIONS: a resource tagged for backup has no recent recovery point',
      eventPattern: {
        source: ['aws.config'],
        detailType: ['Config Rules Compliance Change'],
        detail: {
          configRuleName: Object.values(this.rules).map((r) => r!.configRuleName),
          newEvaluationResult: { complianceType: ['NON_COMPLIANT'] },
        },
      },
      targets: [new targets.SnsTopic(props.operationsTopic, props.deadLetters.targetProps)],
    });
    props.deadLetters.watch(this.notice);
  }
}
