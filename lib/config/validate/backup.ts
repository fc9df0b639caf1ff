/**
 * `backup`: a vault lock AWS Backup accepts, every retention inside the lock's range, continuous
 * backup equal to the databases' retention, production's tiers exactly seed 001's, and a
 * disaster-recovery region that is allowed and not the home region.
 */
import { PRODUCTION_FLOORS } from '../floors';
import { show, type ConfigIssue, type Validator } from './common';

/** The tiers of the backup plan, shortest first. */
const BACKUP_TIERS = ['hourly', 'daily', 'weekly', 'monthly'] as const;
type BackupTier = (typeof BACKUP_TIERS)[number];

/** AWS Backup refuses a compliance-mode lock whose cool-off (`ChangeableForDays`) is under 3 days. */
export const VAULT_LOCK_MIN_COOL_OFF_DAYS = 3;

/**
 * How often an AWS cron expression fires, for the plain shapes a backup tier uses; `undefined`
 * for anything else (several hours, several weekdays, ranges), which production rejects.
 * Fields: minutes hours day-of-month month day-of-week year.
 */
export function cronFrequency(expression: string): BackupTier | undefined {
  const fields = /^cron\((.*)\)$/.exec(expression)?.[1].split(' ');
  if (fields?.length !== 6) return undefined;
  const [minute, hour, dom, month, dow, year] = fields;
  const single = (f: string, re: RegExp) => re.test(f);
  const any = (f: string) => f === '*' || f === '?';
  if (!single(minute, /^\d{1,2}$/) || !any(month) || !any(year)) return undefined;
  if (/^(\*|0\/1|\*\/1)$/.test(hour) && any(dom) && any(dow)) return 'hourly';
  if (!single(hour, /^\d{1,2}$/)) return undefined;
  if (any(dom) && any(dow)) return 'daily';
  if (dom === '?' && single(dow, /^([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)$/)) return 'weekly';
  if (dow === '?' && single(dom, /^(\d{1,2}|L)$/)) return 'monthly';
  return undefined;
}

export const backup: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const b = env.backup;
  const issue = (path: string, got: string, expected: string) => issues.push({ env: env.name, path: `backup.${path}`, got, expected });
  const lock = b.vaultLock;
  if (lock.minRetentionDays > lock.maxRetentionDays) {
    issue('vaultLock.minRetentionDays', String(lock.minRetentionDays), `must not exceed vaultLock.maxRetentionDays (${lock.maxRetentionDays})`);
  }
  if (lock.mode === 'compliance' && (lock.changeableForDays ?? 0) < VAULT_LOCK_MIN_COOL_OFF_DAYS) {
    issue(
      'vaultLock.changeableForDays',
      show(lock.changeableForDays),
      `compliance mode needs a cool-off of at least ${VAULT_LOCK_MIN_COOL_OFF_DAYS} days (after it the lock can never be removed)`,
    );
  }
  if (lock.mode === 'governance' && lock.changeableForDays !== undefined) {
    issue('vaultLock.changeableForDays', String(lock.changeableForDays), 'only compliance mode has a cool-off; remove it or choose compliance');
  }
  // A backup rule whose retention falls outside the lock's range fails every job it starts.
  const retentions: Array<[string, number]> = [
    ...BACKUP_TIERS.map((t): [string, number] => [`tiers.${t}.deleteAfterDays`, b.tiers[t].deleteAfterDays]),
    ['continuousBackupDays', b.continuousBackupDays],
  ];
  for (const [path, days] of retentions) {
    if (days < lock.minRetentionDays || days > lock.maxRetentionDays) {
      issue(path, String(days), `must lie within the vault lock's retention range ${lock.minRetentionDays} to ${lock.maxRetentionDays} days, or AWS Backup fails the job`);
    }
  }
  // Continuous backup takes over each Aurora cluster's automated backups and sets their retention
  // to the rule's, so a different BackupRetentionPeriod in the template drifts on every deploy.
  if (b.continuousBackupDays !== env.data.backupRetentionDays) {
    issue(
      'continuousBackupDays',
      String(b.continuousBackupDays),
      `must equal data.backupRetentionDays (${env.data.backupRetentionDays}): AWS Backup's continuous backup sets the clusters' backup retention to its own`,
    );
  }
  if (env.tier === 'production') {
    for (const t of BACKUP_TIERS) {
      const tier = b.tiers[t];
      const frequency = cronFrequency(tier.schedule);
      if (frequency !== t) {
        issue(`tiers.${t}.schedule`, show(tier.schedule), `production runs the ${t} tier ${t} (seed 001), not ${frequency ?? 'on an irregular schedule'}`);
      }
      // Exactly, not at least: seed 001 promises these tiers, and 004 lets backups persist only
      // "until overwritten through routine secure backup rotation", so keeping them longer breaks it too.
      const days = PRODUCTION_FLOORS.backupTiers[t];
      if (tier.deleteAfterDays !== days) {
        issue(`tiers.${t}.deleteAfterDays`, String(tier.deleteAfterDays), `production keeps ${t} backups exactly ${days} day${days === 1 ? '' : 's'} (seed 001)`);
      }
    }
    // A floor that is also the schema's (and AWS Backup's) maximum: production keeps exactly 35 days.
    if (b.continuousBackupDays < PRODUCTION_FLOORS.continuousBackupDays) {
      issue('continuousBackupDays', String(b.continuousBackupDays), `production keeps ${PRODUCTION_FLOORS.continuousBackupDays} days of point-in-time restore`);
    }
  }
  if (b.drRegion !== undefined) {
    if (b.drRegion === env.region) {
      issue('drRegion', show(b.drRegion), `must differ from the home region ${env.region}, or the copy protects against nothing`);
    } else if (!env.allowedRegions.includes(b.drRegion)) {
      issue('drRegion', show(b.drRegion), `expected one of allowedRegions ${show(env.allowedRegions)}: recovery points may not leave them`);
    }
  }
  return issues;
};
