import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { BACKUP_TAG } from '../constants/tags';
import { AccessLogBucket } from '../constructs/common/access-log-bucket';
import { BackupFailureNotices } from '../constructs/backup/backup-failure-notices';
import { DatabaseRestoreTesting } from '../constructs/backup/database-restore-testing';
import { LegalArchiveBucket } from '../constructs/backup/legal-archive-bucket';
import { LockedBackupVault } from '../constructs/backup/locked-backup-vault';
import { RestoreValidator } from '../constructs/backup/restore-validator';
import { RecoveryPointChecks } from '../constructs/backup/recovery-point-checks';
import { BACKUP_RESOURCE_TYPES, TieredBackupPlan, type BackupResourceType, type DrVaultProps } from '../constructs/backup/tiered-backup-plan';
import type { AlertTopics } from '../constructs/monitoring/alert-topics';
import * as cfgrules from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import { BackupAudit, backupFrameworkName } from '../constructs/backup/backup-audit';
import { configRulesNonCompliant, DetectorDriftAlerts } from '../constructs/monitoring/detector-drift-alerts';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/** Props of {@link BackupStack}. */
export interface BackupStackProps extends BaselineStackProps {
  /** The environment's alert topics: failures page operations, tampering pages security. */
  readonly alerts: Pick<AlertTopics, 'operations' | 'security'>;
  /** The VPC whose isolated subnets receive the restore-test databases. */
  readonly vpc: ec2.IVpc;
  /**
   * The disaster-recovery vault to copy to.
   * @default - no copy; recovery points stay in the home region
   */
  readonly drVault?: DrVaultProps;
}

/**
 * Backup and continuity: the locked vault, seed 001's tiered plan with continuous backup, the
 * tag selection that covers every database and customer-data bucket, restore testing with
 * automated validation, failure notices, and the legal-retention archive.
 */
export class BackupStack extends BaselineStack {
  public readonly vault: LockedBackupVault;
  public readonly plan: TieredBackupPlan;
  /** AWS Config rules that page when a tagged resource has no recent recovery point. */
  public readonly recoveryPointChecks: RecoveryPointChecks;
  public readonly restoreTesting: DatabaseRestoreTesting;
  public readonly legalArchive: LegalArchiveBucket;
  /** The AWS Backup Audit Manager framework, its report plans and their evidence bucket. */
  public readonly audit: BackupAudit;
  /** The Config rule that the legal archive keeps its default Object Lock (BAK-LEGAL-ARCHIVE). */
  public readonly legalArchiveLockRule: cfgrules.ManagedRule;

  constructor(scope: Construct, id: string, props: BackupStackProps) {
    super(scope, id, { description: `Backup of ${props.config.name}: locked vault, tiered plan, restore testing, legal archive`, ...props });
    const { config } = this;
    const b = config.backup;

    this.vault = new LockedBackupVault(this, 'Vault', { description: config.name, lock: b.vaultLock });
    this.plan = new TieredBackupPlan(this, 'Plan', {
      planName: `${config.name}-tiered`,
      vault: this.vault.vault,
      tiers: b.tiers,
      continuousBackupDays: b.continuousBackupDays,
      selectionTag: BACKUP_TAG,
      drVault: props.drVault,
    });
    // The notices' dead-letter queue also keeps the recovery-point notices (INC-ALERT-DELIVERY).
    const notices = new BackupFailureNotices(this, 'Notices', { operationsTopic: props.alerts.operations, securityTopic: props.alerts.security });
    this.recoveryPointChecks = new RecoveryPointChecks(this, 'RecoveryPointChecks', {
      selectionTag: BACKUP_TAG,
      resourceTypes: Object.keys(BACKUP_RESOURCE_TYPES) as BackupResourceType[],
      operationsTopic: props.alerts.operations,
      deadLetters: notices.deadLetters,
    });

    this.restoreTesting = new DatabaseRestoreTesting(this, 'RestoreTesting', {
      planName: `${config.name.replace(/-/g, '_')}_database_restore_tests`,
      vault: this.vault.vault,
      schedule: b.restoreTesting.schedule,
      validationWindowHours: b.restoreTesting.validationWindowHours,
      selectionWindowDays: b.restoreTesting.selectionWindowDays,
      selectionTag: BACKUP_TAG,
      vpc: props.vpc,
    });
    new RestoreValidator(this, 'RestoreValidation', { logRetentionDays: config.logs.retentionDays, alertTopic: props.alerts.operations });

    const accessLogs = new AccessLogBucket(this, 'AccessLogs', { delivery: 's3-server-access-logs', retentionDays: config.logs.retentionDays });
    this.legalArchive = new LegalArchiveBucket(this, 'LegalArchive', {
      description: config.name,
      mode: b.legalArchive.mode,
      retentionDays: b.legalArchive.retentionDays,
      accessLogs,
      backupTag: BACKUP_TAG,
    });

    // Detection and evidence: the Audit Manager framework and reports, the archive's lock rule,
    // and drift of any of them (or of the recovery-point rules) paging the security topic.
    const tierDays = Object.values(b.tiers).map((t) => t.deleteAfterDays);
    this.audit = new BackupAudit(this, 'Audit', {
      frameworkName: backupFrameworkName(config.name),
      selectionTag: BACKUP_TAG,
      hourlyRetentionDays: b.tiers.hourly.deleteAfterDays,
      minRetentionDays: Math.min(...tierDays),
      vaultLock: { minRetentionDays: b.vaultLock.minRetentionDays, maxRetentionDays: b.vaultLock.maxRetentionDays },
      reportRetentionDays: config.accountBaseline.trail.retentionDays,
      reportLockMode: config.accountBaseline.trail.objectLockMode,
      accessLogsBucket: accessLogs.bucket,
    });
    // https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-default-lock-enabled.html
    this.legalArchiveLockRule = new cfgrules.ManagedRule(this, 'LegalArchiveLockRule', {
      identifier: 'S3_BUCKET_DEFAULT_LOCK_ENABLED',
      description: 'BAK-LEGAL-ARCHIVE: the legal-retention archive keeps its default Object Lock',
      inputParameters: { mode: b.legalArchive.mode },
      ruleScope: cfgrules.RuleScope.fromResource(cfgrules.ResourceType.S3_BUCKET, this.legalArchive.bucket.bucketName),
    });
    new DetectorDriftAlerts(this, 'DetectorDrift', {
      securityTopic: props.alerts.security,
      operationsTopic: props.alerts.operations,
      patterns: {
        ConfigRules: {
          description: 'A backup detector of the control catalog (an AWS Config rule of the backup stack) found a non-compliant resource.',
          pattern: configRulesNonCompliant([this.legalArchiveLockRule, ...Object.values(this.recoveryPointChecks.rules)].map((r) => r!.configRuleName)),
        },
        // Audit Manager runs its controls as service-linked Config rules, whose ARNs are
        // config-rule/aws-service-rule/backup.amazonaws.com... (the resource of the reports role's
        // policy, https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRolePolicyForBackupReports.html).
        BackupAuditControls: {
          description: 'A control of the AWS Backup Audit Manager framework found a non-compliant resource.',
          pattern: {
            source: ['aws.config'],
            detailType: ['Config Rules Compliance Change'],
            detail: {
              configRuleARN: events.Match.wildcard('arn:*:config:*:*:config-rule/aws-service-rule/backup.amazonaws.com*'),
              newEvaluationResult: { complianceType: ['NON_COMPLIANT'] },
            },
          },
        },
      },
    });
  }
}
