/**
 * Seed 001's backup tiers, the one table of them: "hourly, retained for one day; daily, retained
 * for 7 days; weekly, retained for a month; monthly, retained for a year". The configuration's
 * defaults (`backup.tiers`), the production floor (`PRODUCTION_FLOORS.backupTiers`) and the own
 * pack's BackupPlanTiers rule all read it.
 *
 * Times are UTC and fall in Singapore's small hours (UTC+8): daily 02:00, weekly Sunday 03:00,
 * monthly on the 2nd at 04:00 local time. "A month" is 31 days, the longest calendar month, so
 * every weekly point outlives any month it belongs to.
 */
export const SEED_BACKUP_TIERS = {
  hourly: { schedule: 'cron(0 * ? * * *)', deleteAfterDays: 1 },
  daily: { schedule: 'cron(0 18 ? * * *)', deleteAfterDays: 7 },
  weekly: { schedule: 'cron(0 19 ? * SAT *)', deleteAfterDays: 31 },
  monthly: { schedule: 'cron(0 20 1 * ? *)', deleteAfterDays: 365 },
} as const;

/** The tiers by name, in order from the finest. */
export type SeedBackupTier = keyof typeof SEED_BACKUP_TIERS;
