import type { Control } from '../types';

/*
 * Backup and continuity controls (area 'backup'): the AWS Backup vault (customer-managed key,
 * vault lock, deletion denied), the plan with seed 001's hourly/daily/weekly/monthly tiers and
 * continuous backup for point-in-time restore, selections covering every database and
 * customer-data bucket, recovery points kept inside the allowed regions, scheduled restore
 * testing with automated validation, failure notices, and the legal-retention archive. The
 * backup stack builds them.
 */
export const BACKUP_CONTROLS: readonly Control[] = [
  {
    id: 'BAK-VAULT-ENCRYPTED',
    statement: 'The backup vault encrypts every recovery point with a customer-managed KMS key.',
    sources: [
      { seed: '004_c378355873db2afd.txt', quote: 'Primary data stores and backups are encrypted at rest' },
      { seed: '004_c378355873db2afd.txt', quote: 'Regular encrypted backups of production databases are performed.' },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'AWS::Backup::BackupVault EncryptionKeyArn a customer-managed key with rotation, whose key policy admits only AWS Backup and the backup role.',
  },
  {
    id: 'BAK-VAULT-LOCK',
    statement:
      'The vault is locked with a minimum and maximum retention, and its access policy denies deleting recovery points.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We have safe backup and restoration procedures to ensure recovery from a major disaster.',
      },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'BackupVault LockConfiguration with MinRetentionDays and MaxRetentionDays (and ChangeableForDays in compliance mode) from config, and AccessPolicy denying backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:DeleteBackupVault to all principals.',
  },
  {
    id: 'BAK-TIERS',
    statement:
      'The backup plan takes hourly backups kept 1 day, daily kept 7 days, weekly kept 1 month and monthly kept 1 year.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: 'hourly, retained for one day' },
      { seed: '001_b709435b510d2964.txt', quote: 'daily, retained for 7 days' },
      { seed: '001_b709435b510d2964.txt', quote: 'weekly, retained for a month' },
      { seed: '001_b709435b510d2964.txt', quote: 'monthly, retained for a year' },
      { seed: '004_c378355873db2afd.txt', quote: 'Regular encrypted backups of production databases are performed.' },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Backup copies may persist until overwritten through routine secure backup rotation',
      },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'AWS::Backup::BackupPlan rules hourly (DeleteAfterDays 1), daily (7), weekly (month, 31) and monthly (365); config validation rejects a production schedule or retention that differs.',
  },
  {
    id: 'BAK-PITR',
    statement: 'Databases also have continuous backup, so they can be restored to any point in its window.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: 'MongoDB Atlas features a point-in-time restore' },
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'logical and physical backups and rollback' },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'A backup plan rule with EnableContinuousBackup true (DeleteAfterDays at most 35) whose selection covers the databases.',
  },
  {
    id: 'BAK-SELECTIONS',
    statement: 'Every tenant database and every customer-data bucket is selected by the backup plan.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All our data, including Amazon S3 buckets and databases, is backed up',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'Data and our source code are regularly backed up' },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'AWS::Backup::BackupSelection by tag (or explicit ARNs) with a least-privilege backup role; a test fails if any DB cluster or customer-data bucket in the assembly is not selected.',
  },
  {
    id: 'BAK-RESIDENCY',
    statement:
      'Recovery points stay inside the allowed regions: a cross-region copy exists only when the environment names a disaster-recovery region within them.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All of our services and data are hosted in Lexagle facilities in Singapore',
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Lexagle has been built with disaster recovery in mind.' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'to ensure recovery from a major disaster',
      },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'Plan rules carry a CopyAction to the DR vault only when config.drRegion is set (validated different from the primary and inside allowedRegions); with no DR region no CopyAction exists, and tests prove both modes.',
  },
  {
    id: 'BAK-RESTORE-TESTING',
    statement: 'A restore testing plan restores the databases on a schedule from config.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Restore procedures exist and are tested at reasonable intervals to ensure service resilience.',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'Our development team tests recovery measures regularly' },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'AWS::Backup::RestoreTestingPlan (ScheduleExpression from config, latest recovery point) and AWS::Backup::RestoreTestingSelection for the database resource type, restoring into the isolated subnets.',
  },
  {
    id: 'BAK-RESTORE-VALIDATION',
    statement:
      'Each test-restored database is checked automatically (available, encrypted with the expected key, TLS enforced) and the result is reported to AWS Backup.',
    sources: [
      { seed: '004_c378355873db2afd.txt', quote: 'tested at reasonable intervals to ensure service resilience' },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'NodejsFunction (TypeScript bundled by esbuild) triggered by an EventBridge rule on Restore Job State Change COMPLETED, with a least-privilege role, calling backup:PutRestoreValidationResult; unit tests with aws-sdk-client-mock.',
  },
  {
    id: 'BAK-FAILURE-NOTICE',
    statement:
      'Failed backup, copy and restore jobs and failed restore validations notify the alert topic.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'our development team is notified in case of a failure with this system',
      },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'AWS::Events::Rule on aws.backup Backup, Copy and Restore Job State Change with state FAILED, ABORTED or EXPIRED, and on failed restore validations, targeting the alert topic.',
  },
  {
    id: 'BAK-LEGAL-ARCHIVE',
    statement:
      'Data under legally required retention is archived in a bucket with Object Lock and a retention period from config.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Where legally required retention applies, data is archived securely and processed solely to satisfy that obligation.',
      },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'planned',
    enforcement:
      'AWS::S3::Bucket with ObjectLockEnabled and a default retention (mode and days from config), versioning, customer-managed key encryption, public access blocked, TLS-only, and access restricted to an archive role.',
  },
];
