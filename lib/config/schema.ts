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
  /**
   * Longest time, in days, a database master password may live. RDS rotates the master secrets
   * it manages every 7 days, so the value must lie between 7 and 30 (seed 000 "auto-rotation of
   * credentials"; 30 days is the ceiling this baseline promises).
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
   * @default false
   */
  auditReads: z.boolean().default(false),
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

export const LogsSchema = z.strictObject({
  /** Retention of every CloudWatch log group of the environment, in days. */
  retentionDays,
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
});

/** An environment as written in `environments.ts` (defaults may be omitted). */
export type EnvironmentInput = z.input<typeof EnvironmentSchema>;

/** A parsed, validated environment with its name. */
export type EnvironmentConfig = z.output<typeof EnvironmentSchema> & {
  /** The environment's name, the key it has in the environments table (`staging`, `production`). */
  readonly name: string;
};
