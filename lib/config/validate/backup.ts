/**
 * `backup`: a vault lock AWS Backup accepts, every retention inside the lock's range, production's
 * tiers exactly seed 001's, and a disaster-recovery region that is allowed and not the home region.
 */
import { frequencyOf } from '../../aws-facts/schedule-expressions';
import { SEED_BACKUP_TIERS, type SeedBackupTier } from '../../constants/seed-backup-tiers';
import { PRODUCTION_FLOORS } from '../floors';
import { quoted, type ConfigIssue, type Validator } from './common';

/** The tiers of the backup plan, finest first. */
const BACKUP_TIERS = Object.keys(SEED_BACKUP_TIERS) as SeedBackupTier[];

/** AWS Backup refuses a compliance-mode lock whose cool-off (`ChangeableForDays`) is under 3 days. */
export const VAULT_LOCK_MIN_COOL_OFF_DAYS = 3;

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
      quoted(lock.changeableForDays),
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
  if (env.tier === 'production') {
    for (const t of BACKUP_TIERS) {
      const tier = b.tiers[t];
      // The same reading of a schedule as the own pack's BackupPlanTiers rule: the finest tier whose
      // longest gap between two runs the expression does not exceed.
      let frequency: string;
      try {
        frequency = frequencyOf(tier.schedule) ?? 'less often than monthly';
      } catch (e) {
        frequency = `unreadable (${(e as Error).message})`;
      }
      if (frequency !== t) {
        issue(`tiers.${t}.schedule`, quoted(tier.schedule), `production runs the ${t} tier ${t} (seed 001), not ${frequency}`);
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
      issue('drRegion', quoted(b.drRegion), `must differ from the home region ${env.region}, or the copy protects against nothing`);
    } else if (!env.allowedRegions.includes(b.drRegion)) {
      issue('drRegion', quoted(b.drRegion), `expected one of allowedRegions ${quoted(env.allowedRegions)}: recovery points may not leave them`);
    }
  }
  return issues;
};
