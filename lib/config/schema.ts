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
import { GUARDDUTY_SEVERITIES } from '../aws-facts/guardduty';
import { SECURITY_HUB_STANDARDS, type SecurityHubStandard } from '../aws-facts/security-hub';
import { WAF_RATE_LIMIT } from '../aws-facts/waf';

export { GUARDDUTY_SEVERITIES, SECURITY_HUB_STANDARDS, WAF_RATE_LIMIT, type SecurityHubStandard };
import { SEED_BACKUP_TIERS } from '../constants/seed-backup-tiers';

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;


/**
 * An account ID as a string. YAML reads an unquoted 012345678901 as a number and drops the
 * leading zero, so a number is refused with the fix instead of being converted.
 */
export const accountId = z.string({
  error: (issue) =>
    typeof issue.input === 'number'
      ? 'expected the account ID in quotes (YAML reads an unquoted one as a number and drops leading zeros)'
      : 'expected a 12-digit AWS account ID',
}).regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account ID' });

const region = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, { error: 'expected an AWS region name such as ap-southeast-1' });

const ACM_ARN_EXPECTED = 'expected an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>)';
const acmCertificateArn = z
  .string({ error: ACM_ARN_EXPECTED })
  .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, { error: ACM_ARN_EXPECTED });

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

const SAML_ARN_EXPECTED = 'expected an IAM SAML provider ARN (arn:aws:iam::<account>:saml-provider/<name>)';

/**
 * An AWS Client VPN endpoint for operators, associated with the private subnets. Operators sign
 * in through a SAML identity provider (whose MFA gates every session) and reach the private tier
 * only. Prerequisites in the account: the server certificate in ACM and the IAM SAML provider.
 */
export const ClientVpnSchema = z.strictObject({
  /** ARN of the endpoint's server certificate, imported into ACM in the environment's region and account. */
  serverCertificateArn: acmCertificateArn,
  /**
   * The range client addresses come from: /12 to /22, outside the VPC CIDR.
   * CAUTION: changing it replaces the endpoint (connected operators are dropped).
   */
  clientCidr: z.cidrv4({ error: 'expected an IPv4 CIDR block such as 10.250.0.0/22' }),
  /** ARN of the IAM SAML provider of the identity provider operators sign in with, in the environment's account. */
  samlProviderArn: z
    .string({ error: SAML_ARN_EXPECTED })
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[\w+=,.@-]{1,128}$/, { error: SAML_ARN_EXPECTED }),
  /**
   * ARN of the ACM certificate of the CA that signs operators' device certificates; when set,
   * a device certificate is required besides the sign-in (mutual TLS).
   */
  clientCertificateArn: acmCertificateArn.optional(),
  /** The IdP group whose members may connect; without it, every user the IdP admits to the VPN application. */
  authorizedGroupId: z.string().min(1, { error: 'expected a non-empty group ID' }).optional(),
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
  /**
   * Interface VPC endpoints (Secrets Manager, KMS, Logs, ECR, STS, SSM) in every zone. They cost
   * an hourly fee per endpoint and zone; staging may turn them off, and its calls then leave
   * through the NAT gateways over TLS. Production must keep them.
   */
  interfaceEndpoints: z.boolean().default(true),
  /** Operator Client VPN; without it, operators use SSM Session Manager only. */
  clientVpn: ClientVpnSchema.optional(),
});


export const AlertsSchema = z.strictObject({
  /** Addresses subscribed to the security and operations alert topics. At least one. */
  emails: z.array(z.email({ error: 'expected an e-mail address' })).min(1, {
    error: 'expected at least one alert e-mail address',
  }),
  /**
   * Name (or ARN) of the Secrets Manager secret whose plain-text value is an HTTPS endpoint (an
   * incident-management integration, a chat webhook) subscribed to both alert topics besides the
   * e-mail addresses. Such URLs carry their integration key, so the URL never appears in the
   * configuration, the templates, construct IDs or snapshots: the subscription reads it through
   * a CloudFormation dynamic reference at deploy time. Create the secret before deploying; SNS
   * sends the endpoint a subscription confirmation first.
   * @default - no HTTPS subscription
   */
  httpsEndpointSecret: z
    .string()
    .regex(/^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}$/, {
      error: 'expected the name or ARN of a Secrets Manager secret (letters, digits and /_+=.@-)',
    })
    .optional(),
  /**
   * Refused: a URL written here would reach the templates, logical IDs and snapshots, with the
   * integration key it carries (FND-NO-PLAINTEXT-SECRETS). Use `httpsEndpointSecret`.
   */
  httpsEndpoint: z
    .custom<never>((v) => v === undefined, {
      error: 'expected no URL in the configuration (paging and webhook URLs carry their integration key): store it as a Secrets Manager secret and name that secret in alerts.httpsEndpointSecret',
      params: { redact: true },
    })
    .optional(),
  /**
   * The lowest GuardDuty finding severity that pages the security topic (LOW 1.0+, MEDIUM 4.0+,
   * HIGH 7.0+, CRITICAL 9.0+). Lower findings stay in the GuardDuty and Security Hub consoles.
   * @default 'MEDIUM'
   */
  guardDutyMinSeverity: z
    .enum(GUARDDUTY_SEVERITIES, { error: `expected one of ${GUARDDUTY_SEVERITIES.join(', ')}` })
    .default('MEDIUM'),
  /**
   * Forward from us-east-1 to the home region's default bus the events AWS delivers only there:
   * root console sign-ins (INC-FINDING-ROUTING) and assumptions of the break-glass role through
   * the global STS endpoint (IAM-BREAK-GLASS-ALERT), so the home-region rules page for them. Adds
   * a `GlobalEvents` stack in us-east-1 (two EventBridge rules and their role; no data, only
   * account sign-in metadata passes through), so us-east-1 must be CDK-bootstrapped. Turn it off
   * where the organisation already forwards these events centrally; the account trail's CIS
   * alarms remain the other net. No stack is created when the home region is us-east-1.
   * @default true
   */
  forwardGlobalEvents: z.boolean({ error: 'expected true or false' }).default(true),
});


const securityHubStandardIds = Object.keys(SECURITY_HUB_STANDARDS) as [SecurityHubStandard, ...SecurityHubStandard[]];

export const AccountBaselineSchema = z.strictObject({
  /**
   * Deploy the account baseline (CloudTrail, AWS Config, GuardDuty, Security Hub, Access
   * Analyzer, the password policy, the CIS alarms) in this environment's account and region.
   * Turn it off where the organisation already runs these centrally (Control Tower, a delegated
   * administrator): the controls are then reported as inherited. Only one environment per
   * account and region may own it.
   * @default true
   */
  enabled: z.boolean().default(true),
  /** The CloudTrail trail bucket. */
  trail: z
    .strictObject({
      /**
       * Days every log file is kept, locked and then expired. Logs move to Glacier Instant
       * Retrieval after 90 days, which bills 90 days at least, hence the 180-day minimum.
       * Production keeps at least a year (`floors.ts`).
       * @default 365
       */
      retentionDays: z
        .number()
        .int()
        .min(180, { error: 'expected at least 180 days (logs move to Glacier Instant Retrieval after 90 days)' })
        .max(3653, { error: 'expected at most 3653 days (ten years)' })
        .default(365),
      /**
       * S3 Object Lock mode of the trail bucket. `COMPLIANCE`: nobody, not even the root user,
       * can delete or shorten the lock of a log file before `retentionDays`. `GOVERNANCE`: a
       * principal with `s3:BypassGovernanceRetention` can (useful while trying the baseline).
       * CAUTION: compliance-mode locks cannot be undone; the bucket stays until they expire.
       * @default 'GOVERNANCE'
       */
      objectLockMode: z
        .enum(['GOVERNANCE', 'COMPLIANCE'], { error: 'expected "GOVERNANCE" or "COMPLIANCE"' })
        .default('GOVERNANCE'),
    })
    .prefault({}),
  /**
   * Security Hub standards to subscribe to (ARN paths; see `SECURITY_HUB_STANDARDS`).
   * @default FSBP 1.0.0, CIS 3.0.0, PCI DSS 4.0.1 and NIST 800-53 rev 5
   */
  securityHubStandards: z
    .array(z.enum(securityHubStandardIds, { error: `expected one of ${securityHubStandardIds.join(', ')}` }))
    .min(1, { error: 'expected at least one standard' })
    .default([
      'aws-foundational-security-best-practices/v/1.0.0',
      'cis-aws-foundations-benchmark/v/3.0.0',
      'pci-dss/v/4.0.1',
      'nist-800-53/v/5.0.0',
    ]),
  /**
   * Days after which an IAM user's console password expires (PCI DSS 8.3.9 asks for 90 at most
   * where passwords are the only factor). IAM accepts 1 to 1095.
   * @default 90
   */
  passwordMaxAgeDays: z
    .number()
    .int()
    .min(1, { error: 'expected 1 to 1095 days' })
    .max(1095, { error: 'expected 1 to 1095 days (the IAM maximum)' })
    .default(90),
  /**
   * Also run an IAM Access Analyzer unused-access analyzer that reports roles, users, keys and
   * permissions unused for this many days (billed per IAM role and user analysed).
   * @default - external-access analyzer only
   */
  unusedAccessAgeDays: z.number().int().min(1, { error: 'expected 1 to 365 days' }).max(365, { error: 'expected 1 to 365 days' }).optional(),
});

export const EdgeSchema = z.strictObject({
  /** The public DNS name of the HTTPS endpoint. */
  domainName: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: 'expected a lower-case DNS name such as app.example.com',
  }),
  /** ARN of the ACM certificate for `domainName`, in the environment's region. */
  certificateArn: acmCertificateArn,
  /**
   * Protect the load balancer with AWS Shield Advanced (EDGE-DDOS-SHIELD). Required, with no
   * default and none derived from `tier`: `true` needs the organisation's Shield Advanced
   * subscription (USD 3,000 a month, one-year commitment) before the stack deploys, and `false`
   * leaves only Shield Standard, so each environment states its choice. The sample production
   * environment sets `true`, staging `false` (see docs/edge.md).
   */
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
   * The default is NGINX's unprivileged image: it runs as UID 101, listens on 8080 and writes
   * only below `/tmp` (https://github.com/nginx/docker-nginx-unprivileged).
   * @default 'public.ecr.aws/nginx/nginx-unprivileged:stable-alpine'
   */
  containerImage: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._\-/:]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[0-9a-f]{64})?$/, {
      error: 'expected an image reference such as public.ecr.aws/nginx/nginx-unprivileged:stable-alpine',
    })
    .default('public.ecr.aws/nginx/nginx-unprivileged:stable-alpine'),
  /**
   * The user the container runs as: a UID (`101`), `UID:GID` or a user name the image defines.
   * Never root (CT.ECS.PR.3): an unprivileged user cannot bind ports below 1024, so the port is a
   * high one. Every path in `writablePaths` must be writable by this user.
   * @default '101' - the nginx user of the default image
   */
  containerUser: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/, { error: 'expected a user such as 101, 101:101 or nginx' })
    .refine((u) => !/^(0|root)(:.*)?$/.test(u), { error: 'expected a user other than root (0, root, 0:<gid>, root:<group>); containers never run as root (CT.ECS.PR.3)' })
    .default('101'),
  /** The port the container listens on for HTTP from the load balancer. @default 8080 */
  containerPort: z.number().int().min(1, { error: 'expected a port from 1 to 65535' }).max(65535, { error: 'expected a port from 1 to 65535' }).default(8080),
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
   * The default image keeps its pid file and temp files below `/tmp`. ECS creates an empty
   * ephemeral volume owned by root with mode 0755 unless the image declares the path as a
   * `VOLUME` (then it copies the image's directory, owner included): for a non-root user, declare
   * each writable path as a `VOLUME` owned by that user in the image
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html).
   * @default ['/tmp']
   */
  writablePaths: z
    .array(z.string().regex(/^\/[A-Za-z0-9._\-/]*$/, { error: 'expected an absolute path' }))
    .default(['/tmp']),
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

/** Seed 001's tiers, the defaults of `backup.tiers` (one table: lib/constants/seed-backup-tiers.ts). */
export { SEED_BACKUP_TIERS };

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

/** Hours of a role's maximum session; the 1-12 range IAM allows is checked in `validate.ts`. */
const sessionHours = z.number().int({ error: 'expected whole hours' });

export const IdentitySchema = z.strictObject({
  /**
   * Who may assume the staff roles: 12-digit account IDs (the identity account whose users or
   * roles switch in with MFA) or ARNs of IAM SAML providers (an external IdP, or the provider
   * IAM Identity Center creates in the account). At least one. Validated in `validate.ts`.
   */
  trustedPrincipals: z
    .array(
      z.string({
        error: (issue) =>
          typeof issue.input === 'number'
            ? 'expected the account ID in quotes (YAML reads an unquoted one as a number and drops leading zeros)'
            : 'expected an account ID or a SAML provider ARN',
      }),
    )
    .min(1, { error: 'expected at least one trusted principal' }),
  /**
   * Maximum session of the developer and security-auditor roles, in hours (IAM allows 1 to 12).
   * @default 4 - half a working day; a longer task signs in again, with MFA
   */
  sessionHours: sessionHours.default(4),
  /**
   * Maximum session of the privileged roles (administrator, operator, break-glass), in hours
   * (IAM allows 1 to 12; production allows only 1).
   * @default 1 - the IAM minimum
   */
  privilegedSessionHours: sessionHours.default(1),
  /**
   * How old the MFA sign-in behind an administrator, operator or break-glass session may be, in seconds
   * (`aws:MultiFactorAuthAge`), 300 to 43200.
   * @default 3600 - an MFA prompt within the last hour
   */
  mfaMaxAgeSeconds: z.number().int().default(3600),
  /**
   * Where `trustedPrincipals` names a SAML provider: the identity provider's setting that requires
   * MFA on every sign-in to AWS (for example "Okta sign-on policy 'AWS production': MFA every
   * time"). STS sets no MFA context for SAML sessions, so IAM cannot require MFA on them; the
   * staff roles' descriptions carry this statement instead (the controls report lists those roles under IAM-MFA-ROLES), and
   * IAM-MFA-ROLES rests on it. Required when a SAML provider is trusted.
   * @default - none: only accounts are trusted
   */
  samlMfaEnforcedBy: z.string().min(10, { error: 'expected the IdP setting that requires MFA, in at least 10 characters' }).max(300, { error: 'expected at most 300 characters' }).optional(),
});

const SECRET_ARN_EXPECTED = 'expected the ARN of a Secrets Manager secret holding the client secret (never the secret itself)';
const secretArn = z
  .string({ error: SECRET_ARN_EXPECTED })
  .regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/, { error: SECRET_ARN_EXPECTED });
const idpCommon = {
  /** The client (app) ID registered with the provider; not a secret. */
  clientId: z.string().min(1, { error: 'expected the client ID registered with the provider' }),
  /**
   * ARN of the Secrets Manager secret whose value is the provider's client secret (for Apple:
   * the private key). Read at deploy time through a `{{resolve:secretsmanager:...}}` dynamic
   * reference, so the secret never appears in code or templates. Required.
   */
  clientSecretArn: secretArn,
};
/** A social or OIDC identity provider customers may sign in with. */
export const IdentityProviderSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('google'), ...idpCommon }),
    z.strictObject({ type: z.literal('facebook'), ...idpCommon }),
    z.strictObject({
      type: z.literal('apple'),
      ...idpCommon,
      /** Apple developer team ID. */
      teamId: z.string().regex(/^[A-Z0-9]{10}$/, { error: 'expected a 10-character Apple team ID' }),
      /** ID of the Sign in with Apple private key. */
      keyId: z.string().regex(/^[A-Z0-9]{10}$/, { error: 'expected a 10-character Apple key ID' }),
    }),
    z.strictObject({
      type: z.literal('oidc'),
      ...idpCommon,
      /** Provider name shown on the sign-in page, 1 to 32 characters. */
      name: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'expected 1-32 letters, digits, hyphens or underscores' }),
      /** The issuer URL (HTTPS) of the OIDC provider. */
      issuerUrl: z.url({ protocol: /^https$/, error: 'expected an https:// issuer URL' }),
    }),
  ],
  { error: 'expected type "google", "facebook", "apple" or "oidc"' },
);

export const SignInSchema = z.strictObject({
  /**
   * Customer MFA: `required` for every user, or `optional` (each user opts in). There is no
   * `off`: the seeds promise customers MFA (SIGNIN-MFA) in every environment. Under `required`
   * the passwordless first factor is the passkey; `optional` adds e-mailed one-time codes.
   * @default 'required' - see docs/identity.md for the argument
   */
  mfa: z
    .enum(['required', 'optional'], { error: 'expected "required" or "optional" (MFA is never off: the seeds promise customers MFA)' })
    .default('required'),
  /**
   * The MFA factor offered beside TOTP authenticator apps: `email` (one-time code by e-mail,
   * needs the SES sender below) or `sms` (needs an SNS SMS sandbox exit).
   * @default 'email'
   */
  secondFactor: z.enum(['email', 'sms'], { error: 'expected "email" or "sms"' }).default('email'),
  /**
   * The verified SES identity Cognito sends e-mail from (codes, verification). E-mail one-time
   * codes, as first factor and as MFA, require SES; Cognito's own sender cannot send them.
   */
  email: z.strictObject({
    /** Sender address; its domain (or the address) must be a verified SES identity in the home region. */
    from: z.email({ error: 'expected an e-mail address' }),
  }),
  /**
   * Let anyone create an account from the sign-in page.
   * @default false - administrators (or the application's invite flow) create users
   */
  selfSignUp: z.boolean().default(false),
  /** Password rules for users who keep a password. */
  password: z
    .strictObject({
      /** Minimum length; at least 12 (SIGNIN-PASSWORD-POLICY). @default 12 */
      minLength: z.number().int().default(12),
      /** Previous passwords a user may not reuse, 0 to 24. @default 24 */
      historySize: z.number().int().min(0, { error: 'expected 0 to 24' }).max(24, { error: 'expected 0 to 24' }).default(24),
    })
    .default({ minLength: 12, historySize: 24 }),
  /**
   * Groups for role-based permissions, in precedence order (first wins when a user is in
   * several). Names appear in the tokens' `cognito:groups` claim.
   * @default ['admin', 'member', 'viewer']
   */
  groups: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, { error: 'expected 2-32 lower-case letters, digits or hyphens' }))
    .min(1, { error: 'expected at least one group' })
    .default(['admin', 'member', 'viewer']),
  /**
   * Paths on `edge.domainName` Cognito may redirect to after sign-in; the URLs are always HTTPS.
   * @default ['/auth/callback']
   */
  callbackPaths: z.array(z.string().regex(/^\/[A-Za-z0-9/_.-]*$/, { error: 'expected a path starting with /' })).default(['/auth/callback']),
  /**
   * ARN of an ACM certificate in us-east-1 (Cognito serves custom domains through CloudFront)
   * for `auth.<edge.domainName>`. With it, managed login runs on that custom domain, where passkeys
   * bound to `edge.domainName` work; without it, on the Cognito prefix domain, where passkeys work
   * only in the application's own sign-in UI on `edge.domainName`.
   * @default - the Cognito prefix domain `ssb-<env>-<account>.auth.<region>.amazoncognito.com`
   */
  authDomainCertificateArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, {
      error: 'expected an ACM certificate ARN (arn:aws:acm:us-east-1:<account>:certificate/<uuid>)',
    })
    .optional(),
  /** Access and ID token lifetime in minutes, 15 to 60. @default 15 */
  tokenMinutes: z.number().int().default(15),
  /** Refresh token lifetime in hours, 1 to 720 (30 days). @default 12 */
  refreshTokenHours: z.number().int().default(12),
  /** Social and OIDC identity providers. @default [] - e-mail sign-in only */
  identityProviders: z.array(IdentityProviderSchema).default([]),
});

/** Why production goes below one of its floors, and who decided it: a sentence an auditor can read. */
const optOutReason = z
  .string()
  .min(20, { error: 'expected the reason and who approved it, in at least 20 characters' })
  .max(300, { error: 'expected at most 300 characters' });

/**
 * Named, explicit opt-outs from production floors that a seed promises but that cost money or
 * need something outside this repository. Each is absent by default, and then production keeps
 * the floor; each one set is a sentence (why, and who approved it) that the controls report shows
 * next to the control it weakens, for that environment. Only a production environment may set
 * them, and only while it is actually below the floor.
 */
export const ProductionOptOutsSchema = z.strictObject({
  /**
   * Allow regions besides the home region in `allowedRegions` (for example a disaster-recovery
   * region for `backup.drRegion`). Without it production's `allowedRegions` is exactly
   * `[region]`: 003 "All of our services and data are hosted in ... Singapore"
   * (FND-DATA-RESIDENCY).
   * @default - production allows only its home region
   */
  regionsBeyondHome: optOutReason.optional(),
  /**
   * Run production without `alerts.httpsEndpointSecret` (no paging integration, alerts by e-mail
   * only). Without it production requires the paging endpoint: 003 "teams are paged"
   * (INC-ALERT-TOPICS).
   * @default - production requires a paging endpoint
   */
  paging: optOutReason.optional(),
  /**
   * Run production with `edge.shieldAdvanced: false` (Shield Standard only). Without it
   * production requires Shield Advanced: 000 "DDoS protected infrastructure", 002 "mitigations
   * against distributed denial of service (DDoS) attacks" (EDGE-DDOS-SHIELD).
   * @default - production requires Shield Advanced
   */
  shieldAdvanced: optOutReason.optional(),
});

/** The production floors an environment may opt out of, by field of {@link ProductionOptOutsSchema}. */
export type ProductionOptOut = keyof z.output<typeof ProductionOptOutsSchema>;

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
   * Availability zones, named explicitly so that synthesis needs no account lookup. Each tenant
   * database's writer goes to the zone a hash of the tenant ID picks, its reader to the next one
   * (DB-MULTI-AZ; `tenantAvailabilityZones` in lib/config/data-layout.ts).
   * CAUTION: changing the list replaces the subnets, and changing its length or order moves (replaces)
   * the database instances of most tenants.
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
  /** The account-wide security services; see `AccountBaselineSchema`. */
  accountBaseline: AccountBaselineSchema.prefault({}),
  backup: BackupSchema,
  /** Staff access to the AWS account (IAM-* controls). */
  identity: IdentitySchema,
  /** Customer sign-in (SIGNIN-* controls). */
  signIn: SignInSchema,
  /** Production floors this environment goes below, each with its reason. @default {} - none */
  productionOptOuts: ProductionOptOutsSchema.prefault({}),
});

/** An environment as written in a configuration file (defaults may be omitted). */
export type EnvironmentInput = z.input<typeof EnvironmentSchema>;

/** A parsed, validated environment with its name. */
export type EnvironmentConfig = z.output<typeof EnvironmentSchema> & {
  /** The environment's name, the key it has in the environments table (`staging`, `production`). */
  readonly name: string;
};
