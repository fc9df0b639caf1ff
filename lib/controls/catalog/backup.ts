import { BACKUP_TAG } from '../../constants/tags';
import * as nag from '../../nag/rules';
import { ALARM } from '../aws-tables';
import { arrow, atLeast, byRank, enforcingResource, entryVerdicts, list, present, setDiff, show } from '../diff-builders';
import { eventRule } from '../diff-builders-alerting';
import { objectLockRule } from '../diff-builders-resources';
import type { Verdict } from '../diff-rule';
import { eventSources, hasTag, inStack, isRestoreCompleted, props, referenced, restoreValidators } from '../evidence-predicates';
import { backupRules, isTrue, keptDays, sourcesOf, statementsOf } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const backupFailureNoticesModule = () => import('../../constructs/backup/backup-failure-notices.js');
const databaseRestoreTestingModule = () => import('../../constructs/backup/database-restore-testing.js');
const legalArchiveBucketModule = () => import('../../constructs/backup/legal-archive-bucket.js');
const lockedBackupVaultModule = () => import('../../constructs/backup/locked-backup-vault.js');
const restoreValidatorModule = () => import('../../constructs/backup/restore-validator.js');
const tieredBackupPlanModule = () => import('../../constructs/backup/tiered-backup-plan.js');

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
    statement:
      'Every recovery point is encrypted under a customer-managed KMS key: S3 recovery points under the vault\'s own key, Aurora recovery points (snapshots, which keep their source\'s encryption) under the tenant database\'s key.',
    sources: [
      { seed: '004_c378355873db2afd.txt', quote: 'Primary data stores and backups are encrypted at rest' },
      { seed: '004_c378355873db2afd.txt', quote: 'Regular encrypted backups of production databases are performed.' },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'implemented',
    enforcement:
      'LockedBackupVault: AWS::Backup::BackupVault EncryptionKeyArn is the vault\'s own customer-managed KMS key (EncryptionKey, yearly rotation, retained), which AWS Backup uses for S3 recovery points; Aurora recovery points are cluster snapshots, which AWS Backup does not encrypt independently: they keep the key of the source cluster (https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html), the cluster\'s KmsKeyId, the tenant\'s rotating key (DB-ENCRYPTION-AT-REST, TEN-DEDICATED-KEY). The DR vault has its own key in the DR region.',
    detectors: {
      backupAudit: ['BACKUP_RECOVERY_POINT_ENCRYPTED'],
    },
    enforcedBy: [exported(lockedBackupVaultModule, 'LockedBackupVault')],
    evidence: { what: 'backup vaults with their own KMS key', select: [{ types: ['AWS::Backup::BackupVault'], where: (r) => props(r).EncryptionKeyArn !== undefined }] },
    diff: {
      rules: [
        present(['AWS::Backup::BackupVault'], ['Properties', 'EncryptionKeyArn'], 'EncryptionKeyArn'),
      ],
    },
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
    status: 'implemented',
    enforcement:
      'LockedBackupVault: LockConfiguration MinRetentionDays/MaxRetentionDays from config.backup.vaultLock, with ChangeableForDays (at least 3) in compliance mode and none in governance mode; AccessPolicy denies backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:DeleteBackupVault to every principal. Config validation rejects min > max, a compliance cool-off under 3 days, and tier retentions outside the lock range.',
    detectors: {
      backupAudit: ['BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED', 'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK'],
    },
    enforcedBy: [exported(lockedBackupVaultModule, 'LockedBackupVault')],
    evidence: { what: 'locked backup vaults', select: [{ types: ['AWS::Backup::BackupVault'], where: (r) => props(r).LockConfiguration !== undefined }] },
    diff: {
      rules: [
        present(['AWS::Backup::BackupVault'], ['Properties', 'LockConfiguration'], 'LockConfiguration'),
        atLeast(['AWS::Backup::BackupVault'], ['Properties', 'LockConfiguration', 'MinRetentionDays'], 'MinRetentionDays', 0),
        {
          resourceTypes: ['AWS::Backup::BackupVault'],
          path: ['Properties', 'AccessPolicy'],
          assess: (before, after) => {
            const deniesDelete = (doc: any) =>
              statementsOf(doc).some((st) => st.Effect === 'Deny' && [st.Action].flat().some((a: unknown) => ['backup:DeleteRecoveryPoint', 'backup:*', '*'].includes(a as string)));
            if (deniesDelete(before) === deniesDelete(after)) return undefined;
            return { direction: deniesDelete(after) ? 'strengthened' : 'weakened', detail: `access policy ${deniesDelete(after) ? 'now denies' : 'no longer denies'} backup:DeleteRecoveryPoint` };
          },
        },
      ],
    },
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
    status: 'implemented',
    enforcement:
      'TieredBackupPlan: AWS::Backup::BackupPlan rules Hourly (cron(0 * ? * * *), DeleteAfterDays 1), Daily (7), Weekly (31: the longest calendar month) and Monthly (365), UTC cron with start and completion windows; the tiers are config with seed 001\'s values as defaults, and validation rejects a production tier whose frequency differs from its tier or whose retention differs from PRODUCTION_FLOORS.backupTiers (exactly seed 001\'s days, neither shorter nor longer).',
    detectors: {
      backupAudit: ['BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK', 'BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK'],
    },
    enforcedBy: [exported(tieredBackupPlanModule, 'TieredBackupPlan')],
    evidence: { what: 'the tiered backup plan', select: [{ types: ['AWS::Backup::BackupPlan'] }] },
    diff: {
      rules: [
        enforcingResource(['AWS::Backup::BackupPlan'], 'backup plan'),
        {
          resourceTypes: ['AWS::Backup::BackupPlan'],
          path: ['Properties'],
          assess: (before, after) => {
            const [b, a] = [backupRules(before), backupRules(after)];
            const out: Verdict[] = [];
            for (const [name, rule] of b) {
              const now = a.get(name);
              if (!now) out.push({ direction: 'weakened', detail: `backup rule ${name} removed` });
              else if (keptDays(now) !== keptDays(rule)) out.push({ direction: byRank(keptDays(rule), keptDays(now)), detail: arrow(`${name} DeleteAfterDays`, rule.Lifecycle?.DeleteAfterDays, now.Lifecycle?.DeleteAfterDays) });
              else if (rule.ScheduleExpression !== now.ScheduleExpression) out.push({ direction: 'neutral', detail: arrow(`${name} ScheduleExpression`, rule.ScheduleExpression, now.ScheduleExpression) });
            }
            for (const name of a.keys()) if (!b.has(name)) out.push({ direction: 'strengthened', detail: `backup rule ${name} added` });
            return out;
          },
        },
      ],
    },
    nagRules: [nag.BackupPlanTiers],
  },
  {
    id: 'BAK-PITR',
    statement: 'Databases also have continuous backup, so they can be restored to any point in its window.',
    sources: [{ seed: '001_b709435b510d2964.txt', quote: 'MongoDB Atlas features a point-in-time restore' }],
    kind: 'enforced',
    area: 'backup',
    status: 'implemented',
    enforcement:
      'TieredBackupPlan: a Continuous rule with EnableContinuousBackup true and DeleteAfterDays from config.backup.continuousBackupDays (35 in production, the AWS maximum); AWS Backup supports continuous backup for Aurora, RDS and S3, so it covers every selected database and bucket.',
    detectors: {
      none: 'No AWS Backup Audit Manager control or managed Config rule checks continuous backup; the recovery-point detectors of BAK-SELECTIONS see a resource that stops being backed up, and the evidence command lists the period\'s backup jobs in the backup job report.',
    },
    enforcedBy: [exported(tieredBackupPlanModule, 'TieredBackupPlan')],
    evidence: {
      what: 'backup plans with a continuous-backup rule',
      select: [{ types: ['AWS::Backup::BackupPlan'], where: (r) => (props(r).BackupPlan?.BackupPlanRule ?? []).some((rule: any) => isTrue(rule.EnableContinuousBackup)) }],
    },
    diff: {
      rules: [
        // The continuous-backup window shortened.
        {
          resourceTypes: ['AWS::Backup::BackupPlan'],
          path: ['Properties'],
          assess: (before, after) => {
            const continuous = (p: any) => (list(p?.BackupPlan?.BackupPlanRule) as any[]).filter((r) => isTrue(r?.EnableContinuousBackup));
            // Both with continuous backup: the window; turning it on or off is the next rule.
            if (continuous(before).length === 0 || continuous(after).length === 0) return undefined;
            // A continuous rule without DeleteAfterDays counts as a window of 0 days: the template no
            // longer states one, so a reviewer must confirm what AWS Backup keeps.
            const window = (p: any) => Math.max(...continuous(p).map((r) => Number(r?.Lifecycle?.DeleteAfterDays ?? 0)));
            const [b, a] = [window(before), window(after)];
            if (b === a) return undefined;
            return { direction: byRank(b, a), detail: arrow('continuous backup DeleteAfterDays', b, a) };
          },
        },
        {
          resourceTypes: ['AWS::Backup::BackupPlan'],
          path: ['Properties'],
          assess: (before, after) => {
            const [b, a] = [backupRules(before), backupRules(after)];
            const continuous = (m: Map<string, any>) => [...m.values()].some((r) => isTrue(r.EnableContinuousBackup));
            if (continuous(b) === continuous(a)) return undefined;
            return { direction: continuous(a) ? 'strengthened' : 'weakened', detail: `continuous backup ${continuous(a) ? 'enabled' : 'disabled'}` };
          },
        },
      ],
    },
  },
  {
    id: 'BAK-SELECTIONS',
    statement: 'Every tenant database and every customer-data bucket is selected by the backup plan; the customer user pool is not backed up.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All our data, including Amazon S3 buckets and databases, is backed up',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'Data and our source code are regularly backed up' },
    ],
    kind: 'enforced',
    area: 'backup',
    status: 'partial',
    missing:
      '"All our data ... is backed up" (001) leaves out the Cognito user pool: customer identities, attributes, group memberships and MFA and passkey registrations have no backup or export. AWS Backup does not support Amazon Cognito (its resource types: https://docs.aws.amazon.com/aws-backup/latest/devguide/API_GetSupportedResourceTypes.html), and no export is built here; the pool is deletion-protected and retained (SIGNIN-USER-POOL, FND-STATEFUL-RETAIN), which guards against its deletion but not against damage to its contents.',
    enforcement:
      'TieredBackupPlan: one AWS::Backup::BackupSelection naming the resource types by ARN pattern (rds cluster:*, s3:::*, so Region opt-ins do not apply) ANDed with the BACKUP_TAG tag (saas-security-baseline:backup = tiered) in Conditions, with a ManagedPolicyRole assumable only by AWS Backup; RecoveryPointChecks: AWS Config rules AURORA_LAST_BACKUP_RECOVERY_POINT_CREATED and S3_LAST_BACKUP_RECOVERY_POINT_CREATED on the tag (recovery point younger than 25 hours) whose NON_COMPLIANT evaluations go to the operations topic; a deployment-wide test fails when any AWS::RDS::DBCluster, standalone AWS::RDS::DBInstance, AWS::DynamoDB::Table, AWS::EFS::FileSystem or AWS::S3::Bucket lacks the tag, except an explicit list (Aurora cluster members, access-log buckets, the CloudTrail and AWS Config buckets), and when it finds no resource at all.',
    detectors: {
      configRules: ['AURORA_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'AURORA_LAST_BACKUP_RECOVERY_POINT_CREATED', 'S3_LAST_BACKUP_RECOVERY_POINT_CREATED'],
      backupAudit: ['BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'BACKUP_LAST_RECOVERY_POINT_CREATED'],
    },
    enforcedBy: [exported(tieredBackupPlanModule, 'TieredBackupPlan')],
    evidence: {
      what: 'backup selections by the backup tag',
      select: [{ types: ['AWS::Backup::BackupSelection'], where: (r) => JSON.stringify(props(r).BackupSelection ?? {}).includes(BACKUP_TAG.key) }],
    },
    diff: {
      rules: [
        // Resources left out of a selection.
        {
          resourceTypes: ['AWS::Backup::BackupSelection'],
          path: ['Properties', 'BackupSelection'],
          assess: (before, after) => {
            const conditions = (s: any) => Object.entries<any>(s?.Conditions ?? {}).flatMap(([op, cs]) => list(cs).map((c) => `${op} ${show(c)}`));
            return [
              ...entryVerdicts(list(before?.Resources), list(after?.Resources), 'strengthened', (r, how) => `selected resources ${show(r)} ${how}`),
              ...entryVerdicts(list(before?.NotResources), list(after?.NotResources), 'weakened', (r, how) => `excluded resources ${show(r)} ${how}`),
              // Conditions are ANDed: each one added narrows the selection.
              ...entryVerdicts(conditions(before), conditions(after), 'weakened', (c, how) => `selection condition ${c} ${how}`),
            ];
          },
        },
        enforcingResource(['AWS::Backup::BackupSelection'], 'backup selection'),
      ],
    },
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
    status: 'implemented',
    enforcement:
      'BackupStack/BackupDrStack: the Daily, Weekly and Monthly rules carry a CopyAction to the locked, CMK-encrypted DR vault only when config.backup.drRegion is set (validated: in allowedRegions and not the home region); the sample environments (Singapore only) have no CopyAction and no DR stack. Tests prove both modes.',
    detectors: {
      none: 'No managed detector checks that copies stay inside the allowed regions (BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION checks that a copy exists, not where); CloudTrail records every StartCopyJob and the backup stack pages on plan changes (BAK-FAILURE-NOTICE).',
    },
    enforcedBy: [exported(tieredBackupPlanModule, 'TieredBackupPlan'), exported(lockedBackupVaultModule, 'LockedBackupVault')],
    evidence: {
      what: 'the backup plans (copy actions only to a configured DR region) and any DR vault',
      select: [{ types: ['AWS::Backup::BackupPlan'] }, { types: ['AWS::Backup::BackupVault'], where: inStack(/^BackupDr$/) }],
    },
    diff: {
      rules: [
        // A copy of recovery points to another vault moves data elsewhere.
        {
          resourceTypes: ['AWS::Backup::BackupPlan'],
          path: ['Properties'],
          assess: (before, after) => {
            const copies = (p: any) => [...new Set((list(p?.BackupPlan?.BackupPlanRule) as any[]).flatMap((r) => (list(r?.CopyActions) as any[]).map((c) => c?.DestinationBackupVaultArn)))];
            const { added, removed } = setDiff(copies(before), copies(after));
            return [
              ...added.map((v) => ({ direction: 'weakened' as const, detail: `recovery points now copied to ${show(v)}: confirm its region is an allowed one` })),
              ...removed.map((v) => ({ direction: 'neutral' as const, detail: `copy to ${show(v)} removed` })),
            ];
          },
        },
      ],
    },
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
    status: 'implemented',
    enforcement:
      'DatabaseRestoreTesting: AWS::Backup::RestoreTestingPlan (ScheduleExpression from config, latest snapshot of the vault within the selection window) and an AWS::Backup::RestoreTestingSelection for Aurora clusters with the backup tag, restoring into the isolated subnets (own DB subnet group), a security group with no ingress or egress, and a cluster parameter group with rds.force_ssl=1 and ssl_min_protocol_version=TLSv1.2 whose family is that of TENANT_DATABASE_ENGINE (tested equal to every tenant database\'s parameter group family); validation window from config.',
    detectors: {
      backupAudit: ['RESTORE_TIME_FOR_RESOURCES_MEET_TARGET'],
      serviceStatus: ['restore-tests'],
    },
    enforcedBy: [exported(databaseRestoreTestingModule, 'DatabaseRestoreTesting')],
    evidence: { what: 'the restore testing plan and selection', select: [{ types: ['AWS::Backup::RestoreTestingPlan', 'AWS::Backup::RestoreTestingSelection'] }] },
    diff: {
      rules: [
        enforcingResource(['AWS::Backup::RestoreTestingPlan', 'AWS::Backup::RestoreTestingSelection'], 'restore testing plan or selection'),
      ],
    },
    nagRules: [nag.RestoreTestingCoversDatabases],
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
    status: 'implemented',
    enforcement:
      'RestoreValidator: a NodejsFunction (lib/lambda/restore-validation, TypeScript bundled by local esbuild, Node.js 24, JSON log format, no reserved concurrency, KMS-encrypted DLQ that also receives Lambda\'s on-failure invocation record) run by an EventBridge rule on Restore Job State Change COMPLETED; it checks the restored cluster is available, encrypted with the recovery point\'s key and has rds.force_ssl=1 and ssl_min_protocol_version TLSv1.2 or later, and calls backup:PutRestoreValidationResult. Its ManagedPolicyRole may only describe restore jobs, recovery points (AWS Backup recovery-point ARNs and, for Aurora snapshots, RDS cluster-snapshot ARNs), clusters and parameters and report. Unit tests with aws-sdk-client-mock.',
    detectors: {
      serviceStatus: ['restore-tests'],
    },
    enforcedBy: [exported(restoreValidatorModule, 'RestoreValidator')],
    evidence: {
      what: 'the rule on completed restore jobs and the validation function it invokes',
      select: [{ types: ['AWS::Events::Rule'], where: isRestoreCompleted }, { types: ['AWS::Lambda::Function'], where: (_r, c) => restoreValidators(c.template).has(c.logicalId) }],
    },
    diff: {
      rules: [
        // The rule that runs the validator on every completed restore.
        eventRule('restore validation', (p) => sourcesOf(p).includes('aws.backup') && list(p?.['detail-type']).includes('Restore Job State Change') && completedStates(p)),
      ],
    },
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
    status: 'implemented',
    enforcement:
      'BackupFailureNotices: AWS::Events::Rule on aws.backup Backup, Copy and Restore Job State Change with FAILED, ABORTED, EXPIRED or PARTIAL to the operations topic, and on CloudTrail calls that loosen the vault, lock or plan to the security topic; RestoreValidator alarms (failed validations via a JSON metric filter on the level ERROR events of the function\'s JSON-format log, function errors, dead letters) notify the operations topic.',
    detectors: {
      none: 'The control is itself notification of failures; no managed detector evaluates EventBridge rules. The restore report plan delivers every restore job, failed ones included, to the evidence bucket.',
    },
    enforcedBy: [exported(backupFailureNoticesModule, 'BackupFailureNotices')],
    evidence: {
      what: 'EventBridge rules on failed backup, copy and restore jobs and on vault tampering, and the restore validator\'s alarms',
      select: [
        { types: ['AWS::Events::Rule'], where: (r) => eventSources(r).includes('aws.backup') && !isRestoreCompleted(r) },
        { types: [ALARM], where: inStack(/^Backup/) },
      ],
    },
    diff: {
      rules: [
        // Backup, copy and restore failures and tampering calls.
        eventRule('backup failure notice', (p) => sourcesOf(p).includes('aws.backup') && !completedStates(p)),
      ],
    },
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
    status: 'implemented',
    enforcement:
      'LegalArchiveBucket: AWS::S3::Bucket with Object Lock and a default retention (mode and days from config.backup.legalArchive), versioning, its own customer-managed key, public access blocked, TLS-only policy, server access logs to an SSE-S3 access-log bucket, and the backup tag so AWS Backup also protects it.',
    detectors: {
      configRules: ['S3_BUCKET_DEFAULT_LOCK_ENABLED'],
    },
    enforcedBy: [exported(legalArchiveBucketModule, 'LegalArchiveBucket')],
    evidence: {
      what: 'the Object Lock legal archive bucket',
      select: [
        {
          types: ['AWS::S3::Bucket'],
          where: (r, c) => isTrue(props(r).ObjectLockEnabled) && !referenced(c.template, 'AWS::CloudTrail::Trail', (t) => props(t).S3BucketName).has(c.logicalId),
        },
      ],
    },
    diff: {
      rules: [
        // Object Lock of the archive (a customer-data bucket: it carries the backup tag).
        objectLockRule('Object-Locked archive bucket', hasTag(BACKUP_TAG.key, BACKUP_TAG.value)),
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** Backup job events of a successful end (`COMPLETED`): what the restore validation reacts to. */
function completedStates(pattern: any): boolean {
  return [...list(pattern?.detail?.state), ...list(pattern?.detail?.status)].includes('COMPLETED');
}
