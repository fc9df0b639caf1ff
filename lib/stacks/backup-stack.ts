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
    this.recoveryPointChecks = new RecoveryPointChecks(this, 'RecoveryPointChecks', {
      selectionTag: BACKUP_TAG,
      resourceTypes: Object.keys(BACKUP_RESOURCE_TYPES) as BackupResourceType[],
      operationsTopic: props.alerts.operations,
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
    new BackupFailureNotices(this, 'Notices', { operationsTopic: props.alerts.operations, securityTopic: props.alerts.security });

    const accessLogs = new AccessLogBucket(this, 'AccessLogs', { retentionDays: config.logs.retentionDays });
    this.legalArchive = new LegalArchiveBucket(this, 'LegalArchive', {
      description: config.name,
      mode: b.legalArchive.mode,
      retentionDays: b.legalArchive.retentionDays,
      accessLogs,
      backupTag: BACKUP_TAG,
    });
  }
}
