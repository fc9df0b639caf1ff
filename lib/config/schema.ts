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

/**
 * The range WAF accepts for a rate-based rule's limit (requests per evaluation window):
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-wafv2-webacl-ratebasedstatement.html
 */
export const WAF_RATE_LIMIT = { min: 10, max: 2_000_000_000 } as const;

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
  /**
   * ARN of a Route 53 health check that Shield Advanced uses for health-based detection (faster,
   * more accurate DDoS detection and proactive engagement). Only with `shieldAdvanced`.
   * @default - no health check is associated
   */
  healthCheckArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:route53:::healthcheck\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
      error: 'expected a Route 53 health check ARN (arn:aws:route53:::healthcheck/<uuid>)',
    })
    .optional(),
  /**
   * Requests one client IP may send in 5 minutes before the WAF rate-based rule blocks it.
   * WAF accepts 10 to 2,000,000,000.
   * @default 2000
   */
  wafRateLimit: z
    .number()
    .int({ error: 'expected a whole number of requests per 5 minutes' })
    .min(WAF_RATE_LIMIT.min, { error: `expected ${WAF_RATE_LIMIT.min} to ${WAF_RATE_LIMIT.max} requests per 5 minutes (WAF's range)` })
    .max(WAF_RATE_LIMIT.max, { error: `expected ${WAF_RATE_LIMIT.min} to ${WAF_RATE_LIMIT.max} requests per 5 minutes (WAF's range)` })
    .default(2000),
  /**
   * Days the load balancer's access logs are kept before the bucket's lifecycle expires them.
   * @default 365
   */
  accessLogRetentionDays: z.number().int().min(1, { error: 'expected at least 1 day' }).default(365),
});

export const WorkloadSchema = z.strictObject({
  /**
   * The container image the Fargate service runs. The default serves a static page, so that the
   * whole path (DNS, TLS, WAF, ALB, tasks) can be proven before the real application exists.
   * @default 'public.ecr.aws/nginx/nginx:stable-alpine'
   */
  containerImage: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._\-/:]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[0-9a-f]{64})?$/, {
      error: 'expected an image reference such as public.ecr.aws/nginx/nginx:stable-alpine',
    })
    .default('public.ecr.aws/nginx/nginx:stable-alpine'),
  /** The port the container listens on for HTTP from the load balancer. @default 80 */
  containerPort: z.number().int().min(1, { error: 'expected a port from 1 to 65535' }).max(65535, { error: 'expected a port from 1 to 65535' }).default(80),
  /** Path the load balancer probes for a 200 to decide a task is healthy. @default '/' */
  healthCheckPath: z.string().regex(/^\/[\x21-\x7e]*$/, { error: 'expected an absolute path such as /health' }).default('/'),
  /**
   * Task CPU units (256 = 0.25 vCPU). Must form a combination with `memoryMiB` that Fargate
   * supports. @default 256
   */
  cpu: z.number().int().default(256),
  /** Task memory in MiB. @default 512 */
  memoryMiB: z.number().int().default(512),
  /**
   * Number of tasks. Production needs at least one per availability zone, so a zone's loss
   * leaves tasks running in the others. @default 2
   */
  desiredCount: z.number().int().min(1, { error: 'expected at least 1 task' }).default(2),
  /**
   * Paths that stay writable (task ephemeral storage) while the root filesystem is read-only.
   * The default covers nginx's cache, pid file and temp files.
   * @default ['/tmp', '/var/cache/nginx', '/var/run']
   */
  writablePaths: z
    .array(z.string().regex(/^\/[A-Za-z0-9._\-/]*$/, { error: 'expected an absolute path' }))
    .default(['/tmp', '/var/cache/nginx', '/var/run']),
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
  /** The workload tier behind the load balancer. @default - every field's default */
  workload: WorkloadSchema.prefault({}),
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
