/**
 * The environment configuration schema.
 *
 * One zod schema describes every field an environment names; `EnvironmentConfig` (the parsed,
 * defaulted shape) is what every stack and construct receives. The schema checks each field on
 * its own; the rules that relate fields to each other (zones belong to the region, CIDRs do not
 * overlap, production floors) live in `validate.ts`. Every message says what is allowed, because
 * the loader prefixes it with the environment, the field and the bad value.
 *
 * CAUTION marks fields whose change replaces a stateful resource.
 */
import { z } from 'zod';

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const accountId = z.string().regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account ID' });

const region = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, { error: 'expected an AWS region name such as ap-southeast-1' });

const retentionDays = z
  .number()
  .int()
  .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
    error: `expected one of CloudWatch Logs' retention periods: ${LOG_RETENTION_DAYS.join(', ')}`,
  });

/** A customer with a single-tenant datastore. */
export const TenantSchema = z.strictObject({
  /**
   * Short, stable identifier: lower-case letters and digits, starting with a letter, 2 to 20
   * characters. It names the tenant's stack resources. CAUTION: changing it replaces the
   * tenant's database, key and secret.
   */
  id: z.string().regex(/^[a-z][a-z0-9]{1,19}$/, {
    error: 'expected 2-20 lower-case letters or digits, starting with a letter',
  }),
  /** Human-readable name, used in descriptions and tags only. */
  displayName: z.string().min(1, { error: 'expected a non-empty name' }),
});

export const NetworkSchema = z.strictObject({
  /**
   * The VPC's IPv4 CIDR block, /16 to /20. Subnets are carved from it per tier and zone.
   * CAUTION: changing it replaces the VPC and everything in it.
   */
  vpcCidr: z.cidrv4({ error: 'expected an IPv4 CIDR block such as 10.10.0.0/16' }),
  /**
   * NAT gateways, at most one per availability zone. One per zone keeps egress up when a zone
   * fails; fewer saves cost (staging).
   */
  natGateways: z.number().int().min(1, { error: 'expected at least 1 NAT gateway' }).max(6, {
    error: 'expected at most 6 NAT gateways (one per zone)',
  }),
});

export const AlertsSchema = z.strictObject({
  /** Addresses subscribed to the security and operations alert topics. At least one. */
  emails: z.array(z.email({ error: 'expected an e-mail address' })).min(1, {
    error: 'expected at least one alert e-mail address',
  }),
});

export const EdgeSchema = z.strictObject({
  /** The public DNS name of the HTTPS endpoint. */
  domainName: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: 'expected a lower-case DNS name such as app.example.com',
  }),
  /** ARN of the ACM certificate for `domainName`, in the environment's region. */
  certificateArn: z.string().regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, {
    error: 'expected an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>)',
  }),
  /** Protect the load balancer with AWS Shield Advanced (needs the account's subscription). */
  shieldAdvanced: z.boolean(),
});

export const DataSchema = z.strictObject({
  /** Database instance class for writer and reader, e.g. `db.r6g.large`. */
  instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, {
    error: 'expected an RDS instance class such as db.r6g.large',
  }),
  /** Days of automated database backups (point-in-time restore window), 1 to 35. */
  backupRetentionDays: z.number().int().min(1, { error: 'expected 1 to 35 days' }).max(35, {
    error: 'expected 1 to 35 days (the RDS maximum)',
  }),
  /** Customers with single-tenant datastores. At least one. */
  tenants: z.array(TenantSchema).min(1, { error: 'expected at least one tenant' }),
});

export const LogsSchema = z.strictObject({
  /** Retention of every CloudWatch log group of the environment, in days. */
  retentionDays,
});

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

/**
 * Seed 001's tiers ("hourly, retained for one day; daily, retained for 7 days; weekly, retained
 * for a month; monthly, retained for a year"). Times are UTC and fall in Singapore's small hours
 * (UTC+8): daily 02:00, weekly Sunday 03:00, monthly on the 2nd at 04:00 local time. "A month" is
 * 31 days, the longest calendar month, so every weekly point outlives any month it belongs to.
 */
export const SEED_BACKUP_TIERS = {
  hourly: { schedule: 'cron(0 * ? * * *)', deleteAfterDays: 1 },
  daily: { schedule: 'cron(0 18 ? * * *)', deleteAfterDays: 7 },
  weekly: { schedule: 'cron(0 19 ? * SAT *)', deleteAfterDays: 31 },
  monthly: { schedule: 'cron(0 20 1 * ? *)', deleteAfterDays: 365 },
} as const;

const days = (max: number) =>
  z.number().int().min(1, { error: `expected 1 to ${max} days` }).max(max, { error: `expected 1 to ${max} days` });

export const BackupSchema = z.strictObject({
  /** The plan's snapshot tiers. Production must keep seed 001's schedule and retention (floors.ts). */
  tiers: z
    .strictObject({ hourly: BackupTierSchema, daily: BackupTierSchema, weekly: BackupTierSchema, monthly: BackupTierSchema })
    .default(SEED_BACKUP_TIERS),
  /** Days of continuous backup (point-in-time restore) for databases and buckets; AWS Backup allows 1 to 35. */
  continuousBackupDays: days(35).default(35),
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
      /**
       * Parameter group family of the restored Aurora clusters (it must match the databases'
       * engine major version); the restore lands in a cluster parameter group with rds.force_ssl=1.
       */
      parameterGroupFamily: z.string().regex(/^aurora-postgresql\d+$/, { error: 'expected an Aurora PostgreSQL family such as aurora-postgresql16' }).default('aurora-postgresql16'),
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

export const EnvironmentSchema = z.strictObject({
  /**
   * `production` applies the floors the seeds promise (zones, retention, deletion protection);
   * `staging` may go below them to save cost. Exactly one environment should be production.
   */
  tier: z.enum(['staging', 'production'], { error: 'expected "staging" or "production"' }),
  /** The AWS account the environment deploys to. */
  account: accountId,
  /** The home region; every stateful resource lives here. */
  region,
  /** Regions where staff may act and data may be copied to; must include `region`. */
  allowedRegions: z.array(region).min(1, { error: 'expected at least the home region' }),
  /**
   * Availability zones, named explicitly so that synthesis needs no account lookup.
   * CAUTION: changing the list replaces the subnets.
   */
  availabilityZones: z.array(z.string()).min(2, { error: 'expected at least 2 zones' }).max(6, {
    error: 'expected at most 6 zones',
  }),
  network: NetworkSchema,
  alerts: AlertsSchema,
  edge: EdgeSchema,
  data: DataSchema,
  logs: LogsSchema,
  backup: BackupSchema,
});

/** An environment as written in `environments.ts` (defaults may be omitted). */
export type EnvironmentInput = z.input<typeof EnvironmentSchema>;

/** A parsed, validated environment with its name. */
export type EnvironmentConfig = z.output<typeof EnvironmentSchema> & {
  /** The environment's name, the key it has in the environments table (`staging`, `production`). */
  readonly name: string;
};
