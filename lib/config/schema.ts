/**
 * The environment configuration schema.
 *
 * One zod schema describes every field an environment names; `EnvironmentConfig` (the parsed,
 * defaulted shape) is what every stack and construct receives. This file holds the environment's
 * own fields and composes the sections, one file each under `schema/` (network, alerts, edge,
 * workload, data, logs, account baseline, backup, identity, sign-in, production opt-outs), so
 * that a section is read, and reviewed, next to the field docs of its neighbours only.
 *
 * The schema checks each field on its own; the rules that relate fields to each other (zones
 * belong to the region, CIDRs do not overlap, production floors) live in `validate.ts` and
 * `validate/`. Every message says what is allowed, because the loader prefixes it with the
 * environment, the field and the bad value.
 *
 * CAUTION marks fields whose change replaces a stateful resource.
 */
import { z } from 'zod';
import { GUARDDUTY_SEVERITIES } from '../aws-facts/guardduty';
import { SECURITY_HUB_STANDARDS, type SecurityHubStandard } from '../aws-facts/security-hub';
import { WAF_RATE_LIMIT } from '../aws-facts/waf';
import { AccountBaselineSchema } from './schema/account-baseline';
import { AlertsSchema } from './schema/alerts';
import { BackupSchema } from './schema/backup';
import { DataSchema } from './schema/data';
import { EdgeSchema } from './schema/edge';
import { accountId, region } from './schema/fields';
import { IdentitySchema } from './schema/identity';
import { LogsSchema } from './schema/logs';
import { NetworkSchema } from './schema/network';
import { ProductionOptOutsSchema } from './schema/production-opt-outs';
import { SignInSchema } from './schema/sign-in';
import { WorkloadSchema } from './schema/workload';

// Every name this module exported before the sections moved out keeps working from here.
export { GUARDDUTY_SEVERITIES, SECURITY_HUB_STANDARDS, WAF_RATE_LIMIT, type SecurityHubStandard };
export { AccountBaselineSchema } from './schema/account-baseline';
export { AlertsSchema } from './schema/alerts';
export { BackupSchema, BackupTierSchema, SEED_BACKUP_TIERS } from './schema/backup';
export { DataSchema, TenantSchema } from './schema/data';
export { EdgeSchema } from './schema/edge';
export { accountId } from './schema/fields';
export { IdentitySchema } from './schema/identity';
export { LOG_RETENTION_DAYS, LogsSchema } from './schema/logs';
export { ClientVpnSchema, NetworkSchema } from './schema/network';
export { ProductionOptOutsSchema, type ProductionOptOut } from './schema/production-opt-outs';
export { IdentityProviderSchema, SignInSchema } from './schema/sign-in';
export { WorkloadSchema } from './schema/workload';

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
