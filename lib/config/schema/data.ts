/**
 * `data`: the tenants and their single-tenant datastores (Aurora PostgreSQL and a customer-files
 * bucket each): instance class, backup and rotation windows, read auditing. Unique tenant IDs,
 * shard sizes and the instance classes Aurora offers are checked in `validate/data.ts`.
 */
import { z } from 'zod';

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
  /**
   * The data stack (`Data<shard>`) that holds the tenant's datastore, from 1. Explicit, so that
   * adding or removing another tenant never moves this one. A shard holds at most
   * `TENANTS_PER_DATA_STACK` tenants (see `lib/config/data-layout.ts`).
   * CAUTION: changing it moves the tenant to another stack, which replaces its database, key,
   * bucket and role (the old ones are retained, not migrated).
   * @default 1 - the first data stack; once it is full, validation asks for the next shard
   */
  shard: z.number().int({ error: 'expected a whole number' }).min(1, { error: 'expected a shard number from 1' }).default(1),
});

/** The tenants' datastores. */
export const DataSchema = z.strictObject({
  /** Database instance class for writer and reader, e.g. `db.r6g.large`. */
  instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, {
    error: 'expected an RDS instance class such as db.r6g.large',
  }),
  /**
   * Longest time, in days, a database master password may live (seed 000 "auto-rotation of
   * credentials"; 30 days is the ceiling this baseline promises). It is a ceiling, not a schedule:
   * RDS rotates the master secrets it manages on Secrets Manager's default 7-day schedule, which
   * CloudFormation cannot set (`AWS::RDS::DBCluster` `MasterUserSecret` takes only a key, and
   * `AWS::SecretsManager::RotationSchedule` is documented for Lambda rotation only; see
   * docs/data.md). The AWS Config rule `secretsmanager-rotation-enabled-check` enforces it as
   * `maximumAllowedRotationFrequency`, flagging a secret whose schedule someone lengthened or
   * turned off. Hence 7 to 30: below 7 the rule would flag RDS's own schedule.
   * @default 30
   */
  rotationDays: z
    .number()
    .int({ error: 'expected a whole number of days' })
    .min(7, { error: 'expected 7 to 30 days (RDS rotates managed master secrets every 7 days)' })
    .max(30, { error: 'expected at most 30 days (master credentials rotate at least monthly)' })
    .default(30),
  /**
   * Also record reads (`SELECT`, `COPY ... TO`) with pgaudit. DDL, role changes and writes are
   * always recorded; reads multiply the log volume (and its cost) by the read/write ratio.
   * Production must keep it on: 002 "any access to customer's data is logged" (DB-AUDIT-LOGGING);
   * staging, which holds no customer data, may turn it off to save cost.
   * @default true
   */
  auditReads: z.boolean().default(true),
  /**
   * Daily window (UTC, `hh:mm-hh:mm`, at least 30 minutes) for automated backups.
   * @default '18:00-19:00' - 02:00-03:00 in Singapore
   */
  preferredBackupWindow: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a UTC window such as 18:00-19:00' })
    .default('18:00-19:00'),
  /**
   * Weekly window (UTC, `ddd:hh:mm-ddd:hh:mm`) in which minor versions and patches are applied.
   * @default 'sun:19:30-sun:20:30' - Monday 03:30-04:30 in Singapore
   */
  preferredMaintenanceWindow: z
    .string()
    .regex(/^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/, {
      error: 'expected a UTC window such as sun:19:30-sun:20:30',
    })
    .default('sun:19:30-sun:20:30'),
  /**
   * Days to keep noncurrent (overwritten or deleted) versions of customer files before they
   * expire (seed 004: copies persist until "routine secure backup rotation").
   * @default 90
   */
  noncurrentVersionDays: z
    .number()
    .int({ error: 'expected a whole number of days' })
    .min(1, { error: 'expected 1 to 3650 days' })
    .max(3650, { error: 'expected 1 to 3650 days' })
    .default(90),
  /** Customers with single-tenant datastores. At least one. */
  tenants: z.array(TenantSchema).min(1, { error: 'expected at least one tenant' }),
});
