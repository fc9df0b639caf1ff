/**
 * `backup`: the AWS Backup plan (seed 001's tiers by default), continuous backup, the vault lock,
 * the disaster-recovery copy, restore tests and the legal-retention archive. Rules across fields
 * (retentions inside the lock's range, production's exact tiers) are in `validate/backup.ts`.
 */
import { z } from 'zod';
import { POINT_IN_TIME_MAX_DAYS } from '../../aws-facts/backup-retention';
import { SEED_BACKUP_TIERS } from '../../constants/seed-backup-tiers';
import { region } from './fields';

/** An AWS Backup schedule: a six-field cron expression, evaluated in UTC. */
const backupCron = z.string().regex(/^cron\(\S+( \S+){5}\)$/, {
  error: 'expected a six-field AWS cron expression such as cron(0 18 ? * * *) (UTC)',
});

/** One tier of the backup plan: when it runs and how long its recovery points are kept. */
export const BackupTierSchema = z.strictObject({
  /** When the tier's backup job starts, in UTC. */
  schedule: backupCron,
  /** Days a recovery point of this tier is kept before AWS Backup deletes it. */
  deleteAfterDays: z.number().int().min(1, { error: 'expected 1 to 36500 days' }).max(36500, { error: 'expected 1 to 36500 days' }),
});

/** Seed 001's tiers, the defaults of `backup.tiers` (one table: lib/constants/seed-backup-tiers.ts). */
export { SEED_BACKUP_TIERS };

/** Whole days from 1 to `max`. */
const days = (max: number) =>
  z.number().int().min(1, { error: `expected 1 to ${max} days` }).max(max, { error: `expected 1 to ${max} days` });

/** The backup plan and the vaults its recovery points go to. */
export const BackupSchema = z.strictObject({
  /** The plan's snapshot tiers. Production must keep seed 001's schedule and retention (floors.ts). */
  tiers: z
    .strictObject({ hourly: BackupTierSchema, daily: BackupTierSchema, weekly: BackupTierSchema, monthly: BackupTierSchema })
    .default(SEED_BACKUP_TIERS),
  /**
   * Days of point-in-time restore for the databases and buckets: the window of AWS Backup's
   * continuous backup and of the clusters' own automated backups, which continuous backup sets to
   * its own (the one point-in-time field; there is no separate database retention).
   * @default 35 - the longest window AWS keeps
   */
  continuousBackupDays: days(POINT_IN_TIME_MAX_DAYS).default(POINT_IN_TIME_MAX_DAYS),
  /**
   * The vault lock. `governance`: principals with `backup:DeleteBackupVaultLockConfiguration` can
   * still remove it. `compliance`: after `changeableForDays` nobody, not even the root user or
   * AWS, can remove the lock, shorten retention or delete the vault before its recovery points
   * expire. CAUTION: compliance mode is irreversible once the cool-off has passed.
   */
  vaultLock: z.strictObject({
    mode: z.enum(['governance', 'compliance'], { error: 'expected "governance" or "compliance"' }),
    /** Shortest retention a recovery point in the vault may have; must not exceed the shortest tier. */
    minRetentionDays: days(36500),
    /** Longest retention a recovery point in the vault may have; must cover the longest tier. */
    maxRetentionDays: days(36500),
    /** Compliance mode only: the cool-off (at least 3 days) during which the lock can still be removed. */
    changeableForDays: z.number().int().min(1, { error: 'expected a whole number of days' }).optional(),
  }),
  /**
   * Region of the disaster-recovery vault that daily, weekly and monthly recovery points are
   * copied to. Must be in `allowedRegions` and differ from `region`.
   * @default - no copy: every recovery point stays in the home region (003 "all ... data ... in Singapore")
   */
  drRegion: region.optional(),
  /** Scheduled restore tests of the databases (004 "Restore procedures ... are tested at reasonable intervals"). */
  restoreTesting: z
    .strictObject({
      /** When a restore test starts (UTC). Default: weekly, Monday 02:00 UTC. */
      schedule: backupCron.default('cron(0 2 ? * MON *)'),
      /** Hours AWS Backup keeps the restored database for validation before deleting it (1 to 168). */
      validationWindowHours: z.number().int().min(1, { error: 'expected 1 to 168 hours' }).max(168, { error: 'expected 1 to 168 hours' }).default(24),
      /** Recovery points younger than this many days are eligible; the latest is restored. */
      selectionWindowDays: days(365).default(7),
    })
    .prefault({}),
  /** The legal-retention archive (004 "Where legally required retention applies, data is archived securely"). */
  legalArchive: z.strictObject({
    /** S3 Object Lock mode of the archive's default retention. CAUTION: COMPLIANCE cannot be shortened by anyone. */
    mode: z.enum(['GOVERNANCE', 'COMPLIANCE'], { error: 'expected "GOVERNANCE" or "COMPLIANCE"' }),
    /** Days every archived object version is locked. */
    retentionDays: days(36500),
  }),
});
