import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AlertDeadLetterQueue } from '../monitoring/alert-dead-letter-queue';

/** Props of {@link BackupFailureNotices}. */
export interface BackupFailureNoticesProps {
  /** Receives failed, aborted, expired and partial backup, copy and restore jobs. */
  readonly operationsTopic: sns.ITopic;
  /**
   * Receives API calls that weaken the backup controls (lock removed, vault policy changed,
   * recovery point or plan deleted). These arrive only where a CloudTrail trail records
   * management events (the audit stack, or the organisation's trail).
   */
  readonly securityTopic: sns.ITopic;
}

/** Job states that mean a backup, copy or restore did not (fully) happen. */
export const FAILED_JOB_STATES = ['FAILED', 'ABORTED', 'EXPIRED', 'PARTIAL'] as const;

/** Backup API calls that loosen the vault, the lock or the plan. */
export const BACKUP_TAMPERING_CALLS = [
  'DeleteBackupVaultLockConfiguration',
  'PutBackupVaultLockConfiguration',
  'PutBackupVaultAccessPolicy',
  'DeleteBackupVaultAccessPolicy',
  'DeleteRecoveryPoint',
  'UpdateRecoveryPointLifecycle',
  'DeleteBackupPlan',
  'UpdateBackupPlan',
  'DeleteBackupSelection',
  'DeleteRestoreTestingPlan',
  'DeleteRestoreTestingSelection',
] as const;

/**
 * The notices of BAK-FAILURE-NOTICE (002 "our development team is notified in case of a failure
 * with this system"). AWS Backup emits one EventBridge event per job state change; every failed,
 * aborted, expired or partial backup, copy or restore job goes to the operations topic. A failure
 * is an availability matter, so it pages the platform on-call; tampering with the backup
 * controls is a security matter and goes to the security topic. Failed restore validations are
 * alarmed by the {@link RestoreValidator} itself.
 */
export class BackupFailureNotices extends Construct {
  /** The rules, by kind of job: `BackupJob`, `CopyJob`, `RestoreJob`, plus `Tampering`. */
  public readonly rules: Record<string, events.Rule> = {};
  /**
   * Where EventBridge keeps notices it could not deliver (INC-ALERT-DELIVERY); its alarm
   * notifies both topics, so a notice stuck on one topic still reaches the other.
   */
  public readonly deadLetters: AlertDeadLetterQueue;

  constructor(scope: Construct, id: string, props: BackupFailureNoticesProps) {
    super(scope, id);
    this.deadLetters = new AlertDeadLetterQueue(this, 'DeadLetters', {
      purpose: 'Backup failure, tampering and recovery-point notices',
      alarmTopics: [props.operationsTopic, props.securityTopic],
      sources: ['eventbridge'],
    });
    const deadLetters = this.deadLetters.targetProps;
    // Backup and copy job events carry `state`; restore job events carry `status`.
    const jobs: Array<[string, string, string]> = [
      ['BackupJob', 'Backup Job State Change', 'state'],
      ['CopyJob', 'Copy Job State Change', 'state'],
      ['RestoreJob', 'Restore Job State Change', 'status'],
    ];
    for (const [ruleId, detailType, field] of jobs) {
      this.rules[ruleId] = new events.Rule(this, ruleId, {
        description: `BAK-FAILURE-NOTICE: AWS Backup ${detailType} to ${FAILED_JOB_STATES.join('/')}`,
        eventPattern: { source: ['aws.backup'], detailType: [detailType], detail: { [field]: [...FAILED_JOB_STATES] } },
        targets: [new targets.SnsTopic(props.operationsTopic, deadLetters)],
      });
    }
    this.rules.Tampering = new events.Rule(this, 'Tampering', {
      description: 'BAK-FAILURE-NOTICE: an API call loosened the backup vault, its lock, a recovery point or the plan',
      eventPattern: {
        source: ['aws.backup'],
        detailType: ['AWS API Call via CloudTrail'],
        detail: { eventSource: ['backup.amazonaws.com'], eventName: [...BACKUP_TAMPERING_CALLS] },
      },
      targets: [new targets.SnsTopic(props.securityTopic, deadLetters)],
    });
    for (const rule of Object.values(this.rules)) this.deadLetters.watch(rule);
  }
}
