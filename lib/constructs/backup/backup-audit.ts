import { Aws } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BackupAuditControlName } from '../../controls/detectors';
import { AuditBucket } from '../audit/audit-bucket';
import { EncryptionKey } from '../common/encryption-key';

/** Props of {@link BackupAudit}. */
export interface BackupAuditProps {
  /** Name of the framework (letters, digits and underscores, starting with a letter). */
  readonly frameworkName: string;
  /** The tag that selects resources for the plan: the controls evaluate only resources carrying it. */
  readonly selectionTag: { readonly key: string; readonly value: string };
  /** The most frequent tier: every hour (seed 001) and kept this many days. */
  readonly hourlyRetentionDays: number;
  /** The shortest retention of any tier (the floor every recovery point must meet). */
  readonly minRetentionDays: number;
  /** The vault lock's retention range, which BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK checks. */
  readonly vaultLock: { readonly minRetentionDays: number; readonly maxRetentionDays: number };
  /**
   * Oldest the newest recovery point of a selected resource may be, in hours (1 to 744).
   * @default 25 - the hourly tier, with an hour's slack (as the recovery-point Config rules)
   */
  readonly maxRecoveryPointAgeHours?: number;
  /**
   * Restore time target, in minutes, that RESTORE_TIME_FOR_RESOURCES_MEET_TARGET checks against
   * the latest restore (the restore tests).
   * @default 720 - twelve hours
   */
  readonly maxRestoreMinutes?: number;
  /** Days the evidence bucket locks and keeps each report (the audit period). At least 180. */
  readonly reportRetentionDays: number;
  /** Object Lock mode of the evidence bucket. */
  readonly reportLockMode: 'GOVERNANCE' | 'COMPLIANCE';
  /** Bucket that receives the evidence bucket's server access logs. */
  readonly accessLogsBucket: s3.IBucket;
}

/** The name of the service-linked role that delivers Backup Audit Manager reports. */
const REPORTS_ROLE = 'aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports';

/** The framework name of an environment: the stack names it so, and `npm run evidence` finds it by it. */
export function backupFrameworkName(environment: string): string {
  return `${environment.replace(/[^A-Za-z0-9]/g, '_')}_backup_evidence`;
}

/** The S3 prefix of the reports (AWS Backup appends `Backup/<account>/<region>/<yyyy>/<mm>/<dd>/`). */
export const BACKUP_REPORT_PREFIX = 'backup-reports';

/**
 * Backup evidence (BAK-TIERS, BAK-SELECTIONS, BAK-VAULT-*, BAK-RESTORE-TESTING): an AWS Backup
 * Audit Manager framework whose controls check seed 001's tiers and seed 002's tested recovery
 * in the running account, and report plans that deliver the daily backup-job, restore-job and
 * control-compliance reports to an evidence bucket (customer-managed key, TLS only, versioned,
 * Object Lock for the audit period, server access logs).
 *
 * Audit Manager evaluates its controls as AWS Config rules, so the account must record the AWS
 * Backup resource types (the account baseline's recorder records every type; where the
 * organisation runs Config, it must too).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/choosing-controls.html (controls and the
 * Config resource types they need), .../turning-on-resource-tracking.html,
 * .../creating-frameworks-api.html (control names and parameters), .../create-report-plan-api.html
 * (report templates; the key policy must let the reports service-linked role use the key); the
 * delivery requirements are cited where the bucket is made.
 */
export class BackupAudit extends Construct {
  /** The framework. */
  public readonly framework: backup.CfnFramework;
  /** The report plans, by report template. */
  public readonly reportPlans: Record<string, backup.CfnReportPlan> = {};
  /** The evidence bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: BackupAuditProps) {
    super(scope, id);
    const maxAge = props.maxRecoveryPointAgeHours ?? 25;
    if (!Number.isInteger(maxAge) || maxAge < 1 || maxAge > 744) throw new Error(`BackupAudit ${id}: maxRecoveryPointAgeHours: got ${maxAge}, expected 1 to 744 hours`);
    const maxRestore = props.maxRestoreMinutes ?? 720;
    if (!Number.isInteger(maxRestore) || maxRestore < 1) throw new Error(`BackupAudit ${id}: maxRestoreMinutes: got ${maxRestore}, expected a whole number of minutes, at least 1`);
    if (!/^[a-zA-Z][_a-zA-Z0-9]{0,255}$/.test(props.frameworkName)) {
      throw new Error(`BackupAudit ${id}: frameworkName: got "${props.frameworkName}", expected a letter followed by letters, digits or underscores`);
    }

    // Only resources carrying the backup tag are in the plan; the controls look at them alone.
    const tagged = { Tags: [{ Key: props.selectionTag.key, Value: props.selectionTag.value }] };
    const param = (parameterName: string, value: string | number) => ({ parameterName, parameterValue: String(value) });
    const controls: Array<{ name: BackupAuditControlName; parameters?: ReturnType<typeof param>[]; scope?: unknown }> = [
      { name: 'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN', scope: tagged },
      // A rule at least hourly that keeps recovery points at least the hourly tier's retention.
      {
        name: 'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK',
        parameters: [param('requiredFrequencyUnit', 'hours'), param('requiredFrequencyValue', 1), param('requiredRetentionDays', props.hourlyRetentionDays)],
      },
      { name: 'BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK', parameters: [param('requiredRetentionDays', props.minRetentionDays)] },
      { name: 'BACKUP_RECOVERY_POINT_ENCRYPTED' },
      { name: 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED' },
      {
        name: 'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK',
        parameters: [param('minRetentionDays', props.vaultLock.minRetentionDays), param('maxRetentionDays', props.vaultLock.maxRetentionDays)],
        scope: tagged,
      },
      { name: 'BACKUP_LAST_RECOVERY_POINT_CREATED', parameters: [param('recoveryPointAgeUnit', 'hours'), param('recoveryPointAgeValue', maxAge)], scope: tagged },
      { name: 'RESTORE_TIME_FOR_RESOURCES_MEET_TARGET', parameters: [param('maxRestoreTime', maxRestore)], scope: tagged },
    ];
    this.framework = new backup.CfnFramework(this, 'Resource', {
      frameworkName: props.frameworkName,
      frameworkDescription: 'Seed 001 backup tiers and seed 002 tested recovery, evaluated in the running account',
      frameworkControls: controls.map((c) => ({ controlName: c.name, controlInputParameters: c.parameters, controlScope: c.scope })),
    });

    // Evidence bucket: the audit trail's retention and lock, under its own key.
    //
    // What report delivery needs, per the AWS documentation:
    // - The reports are written by the service-linked role AWSServiceRoleForBackupReports, whose
    //   permissions policy (AWSServiceRolePolicyForBackupReports, v2) grants s3:GetBucketLocation but
    //   neither s3:PutObject nor any KMS action:
    //   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRolePolicyForBackupReports.html
    //   So the bucket and key policies must grant the role itself. A policy that names the account
    //   (root) only delegates to the caller's identity policies, which grant nothing here:
    //   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
    //   and https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
    // - "If you encrypt your bucket using a custom KMS key ... The Principal attribute must include
    //   the Backup Audit Manager service-linked role ... The Action attribute must include
    //   kms:GenerateDataKey and kms:Decrypt at minimum":
    //   https://docs.aws.amazon.com/aws-backup/latest/devguide/create-report-plan-api.html
    // - The bucket policy: "Sample bucket policy" (s3:PutObject for the role, with
    //   s3:x-amz-acl bucket-owner-full-control), and "until the backup report is created the first
    //   time, the service-linked role referred to in the S3 bucket policy will not yet exist,
    //   resulting in the error 'Invalid principal'":
    //   https://docs.aws.amazon.com/aws-backup/latest/devguide/create-report-plan-console.html
    // - AWS Backup creates that role "when you create a framework or report plan" ("You don't need
    //   to manually create a service-linked role"):
    //   https://docs.aws.amazon.com/aws-backup/latest/devguide/using-service-linked-roles-AWSServiceRoleForBackupReports.html
    //   so the key (and with it the bucket and its policy) is created after the framework. The two
    //   pages disagree on when the role appears; docs/audit.md says what to do if the first deploy
    //   stops at "Invalid principal".
    // Not settled by the documentation either, and checked after the first deploy: whether
    // Backup's PutObject carries the checksum S3 requires for objects under a default Object Lock
    // retention. `npm run evidence` reports each FAILED report job with its status message.
    const key = new EncryptionKey(this, 'Key', { description: 'AWS Backup Audit Manager reports' });
    key.node.addDependency(this.framework);
    const reportsRole = new iam.ArnPrincipal(`arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${REPORTS_ROLE}`);
    key.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowBackupReportsDelivery',
        principals: [reportsRole],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
      }),
    );
    this.bucket = new AuditBucket(this, 'Reports', {
      encryptionKey: key.key,
      accessLogsBucket: props.accessLogsBucket,
      accessLogsPrefix: 'backup-reports/',
      retentionDays: props.reportRetentionDays,
      objectLock: { mode: props.reportLockMode },
    }).bucket;
    // The documented sample, narrowed to the report prefix. The bucket enforces bucket-owner
    // ownership (ACLs off), which accepts PUTs that "specify the bucket-owner-full-control canned
    // ACL or not specify an ACL": https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowBackupReportsDelivery',
        principals: [reportsRole],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${BACKUP_REPORT_PREFIX}/*`)],
        conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }),
    );

    const deliveryChannel = { S3BucketName: this.bucket.bucketName, S3KeyPrefix: BACKUP_REPORT_PREFIX, Formats: ['CSV', 'JSON'] };
    const plans: Array<[string, Record<string, unknown>]> = [
      ['BackupJobs', { ReportTemplate: 'BACKUP_JOB_REPORT' }],
      ['RestoreJobs', { ReportTemplate: 'RESTORE_JOB_REPORT' }],
      ['ControlCompliance', { ReportTemplate: 'CONTROL_COMPLIANCE_REPORT', FrameworkArns: [this.framework.attrFrameworkArn] }],
    ];
    for (const [planId, reportSetting] of plans) {
      const plan = new backup.CfnReportPlan(this, planId, {
        reportPlanDescription: `Daily ${String(reportSetting.ReportTemplate).toLowerCase().replace(/_/g, ' ')} for the auditor (evidence of seed 001 and 002)`,
        reportDeliveryChannel: deliveryChannel,
        reportSetting,
      });
      // Delivery needs the bucket policy in place.
      plan.node.addDependency(this.bucket.policy!);
      this.reportPlans[String(reportSetting.ReportTemplate)] = plan;
    }
  }
}
