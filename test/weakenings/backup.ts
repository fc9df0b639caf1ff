/**
 * Weakening fixtures of the backup controls (lib/controls/catalog/backup.ts), run by
 * test/controls-diff-weakenings.test.ts.
 */
import { BACKUP_TAG } from '../../lib/constants/tags';
import { first, remove, tag, type Found } from './edit';
import type { Templates, Weakening } from './types';

const VAULT = 'AWS::Backup::BackupVault';
const PLAN = 'AWS::Backup::BackupPlan';
const RULE = 'AWS::Events::Rule';

/** The rule of the backup plan named `name` (Hourly, Daily, Weekly, Monthly, Continuous). */
function planRule(t: Templates, name: string): Record<string, any> {
  const plan = first(t, PLAN, (p) => p.BackupPlan?.BackupPlanRule?.some((r: any) => r.RuleName === name), `backup plan with a ${name} rule`);
  return plan.props.BackupPlan.BackupPlanRule.find((r: any) => r.RuleName === name);
}

const vaultTag = (t: Templates) => {
  first(t, VAULT).props.BackupVaultTags.review = 'weakening-fixture';
};

const redescribe = (found: Found) => {
  found.props.Description = `${found.props.Description ?? ''} (reviewed)`;
};

const backupJobNotice = (t: Templates) =>
  first(t, RULE, (p) => p.EventPattern?.source?.includes('aws.backup') && p.EventPattern?.detail?.state?.includes('FAILED'), 'backup job failure rule');
const restoreValidationTrigger = (t: Templates) =>
  first(t, RULE, (p) => p.EventPattern?.source?.includes('aws.backup') && p.EventPattern?.detail?.status?.includes('COMPLETED'), 'restore completion rule');
const legalArchive = (t: Templates) =>
  first(t, 'AWS::S3::Bucket', (p) => p.ObjectLockConfiguration?.Rule?.DefaultRetention !== undefined && p.Tags?.some((x: any) => x.Key === BACKUP_TAG.key && x.Value === BACKUP_TAG.value), 'Object-Locked customer-data bucket');

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'BAK-VAULT-ENCRYPTED',
    title: 'the vault no longer names its customer-managed key',
    weaken: (t) => {
      delete first(t, VAULT, (p) => p.EncryptionKeyArn !== undefined).props.EncryptionKeyArn;
    },
    neutral: vaultTag,
  },
  {
    control: 'BAK-VAULT-LOCK',
    title: 'the vault access policy no longer denies deleting recovery points',
    weaken: (t) => {
      const doc = first(t, VAULT, (p) => p.AccessPolicy?.Statement?.some((s: any) => s.Effect === 'Deny'), 'vault with a deny in its access policy').props.AccessPolicy;
      doc.Statement = doc.Statement.filter((s: any) => s.Effect !== 'Deny');
    },
    neutral: vaultTag,
  },
  {
    control: 'BAK-TIERS',
    title: 'weekly backups are kept 28 days instead of a month',
    weaken: (t) => {
      planRule(t, 'Weekly').Lifecycle.DeleteAfterDays = 28;
    },
    neutral: (t) => {
      planRule(t, 'Weekly').ScheduleExpression = 'cron(0 19 ? * SUN *)';
    },
  },
  {
    control: 'BAK-PITR',
    title: 'continuous backup is turned off',
    weaken: (t) => {
      planRule(t, 'Continuous').EnableContinuousBackup = false;
    },
    neutral: (t) => {
      planRule(t, 'Continuous').CompletionWindowMinutes = 600;
    },
  },
  {
    control: 'BAK-SELECTIONS',
    title: 'the backup selection of tagged databases and buckets is removed',
    weaken: (t) => remove(t, first(t, 'AWS::Backup::BackupSelection')),
    neutral: (t) => {
      first(t, 'AWS::Backup::BackupSelection').props.BackupSelection.SelectionName = 'tagged-resources';
    },
  },
  {
    control: 'BAK-RESTORE-TESTING',
    title: 'the restore testing selection is removed',
    weaken: (t) => remove(t, first(t, 'AWS::Backup::RestoreTestingSelection')),
    neutral: (t) => tag(first(t, 'AWS::Backup::RestoreTestingPlan')),
  },
  {
    control: 'BAK-RESIDENCY',
    title: 'daily recovery points are copied to a vault in us-east-1',
    weaken: (t) => {
      planRule(t, 'Daily').CopyActions = [{ DestinationBackupVaultArn: 'arn:aws:backup:us-east-1:222222222222:backup-vault:copies', Lifecycle: { DeleteAfterDays: 7 } }];
    },
    neutral: (t) => {
      planRule(t, 'Daily').CompletionWindowMinutes = 600;
    },
  },
  {
    control: 'BAK-RESTORE-VALIDATION',
    title: 'the rule that validates completed restores is disabled',
    weaken: (t) => {
      restoreValidationTrigger(t).props.State = 'DISABLED';
    },
    neutral: (t) => redescribe(restoreValidationTrigger(t)),
  },
  {
    control: 'BAK-FAILURE-NOTICE',
    title: 'failed backup jobs no longer notify (FAILED dropped from the pattern)',
    weaken: (t) => {
      const detail = backupJobNotice(t).props.EventPattern.detail;
      detail.state = detail.state.filter((s: string) => s !== 'FAILED');
    },
    neutral: (t) => redescribe(backupJobNotice(t)),
  },
  {
    control: 'BAK-LEGAL-ARCHIVE',
    title: 'the legal archive locks objects in governance mode, which privileged users can bypass',
    weaken: (t) => {
      legalArchive(t).props.ObjectLockConfiguration.Rule.DefaultRetention.Mode = 'GOVERNANCE';
    },
    neutral: (t) => tag(legalArchive(t)),
  },
];
