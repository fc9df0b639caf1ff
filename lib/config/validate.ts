/**
 * Cross-field rules the schema cannot express. Validators are split by area; each returns every
 * problem it finds (never throws), so the loader can report them all at once.
 */
import { AURORA_POSTGRESQL_INSTANCE_CLASSES } from './aurora-instance-classes';
import { cidrRange, cidrsOverlap, isNetworkAddress } from './cidr';
import { MAX_RESOURCES_PER_DATA_STACK, TENANTS_PER_DATA_STACK } from './data-layout';
import { PRODUCTION_FLOORS } from './floors';
import type { EnvironmentConfig } from './schema';

/** One problem with one field. The loader renders it as `<env>.<path>: got <got>, <expected>`. */
export interface ConfigIssue {
  /** The environment's name, or `environments` for rules across environments. */
  readonly env: string;
  /** Dotted path of the field inside the environment, e.g. `network.vpcCidr`. */
  readonly path: string;
  /** The bad value, as the reader should see it. */
  readonly got: string;
  /** What is allowed instead. */
  readonly expected: string;
}

/** Renders a value for a message: strings quoted, arrays and objects as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'no value';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

type Validator = (env: EnvironmentConfig) => ConfigIssue[];

const regions: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  if (!env.allowedRegions.includes(env.region)) {
    issues.push({
      env: env.name,
      path: 'allowedRegions',
      got: show(env.allowedRegions),
      expected: `the list must include the home region "${env.region}"`,
    });
  }
  return issues;
};

const zones: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  env.availabilityZones.forEach((az, i) => {
    // Zone names are the region plus one letter (ap-southeast-1a). Zone IDs (apse1-az1) differ per
    // account, so they cannot be checked here and are not accepted.
    if (!new RegExp(`^${env.region}[a-z]$`).test(az)) {
      issues.push({
        env: env.name,
        path: `availabilityZones[${i}]`,
        got: show(az),
        expected: `expected a zone of ${env.region} such as ${env.region}a`,
      });
    }
  });
  const duplicates = env.availabilityZones.filter((az, i) => env.availabilityZones.indexOf(az) !== i);
  if (duplicates.length > 0) {
    issues.push({
      env: env.name,
      path: 'availabilityZones',
      got: show(env.availabilityZones),
      expected: `each zone may appear once (repeated: ${[...new Set(duplicates)].join(', ')})`,
    });
  }
  if (env.tier === 'production' && env.availabilityZones.length < PRODUCTION_FLOORS.availabilityZones) {
    issues.push({
      env: env.name,
      path: 'availabilityZones',
      got: `${env.availabilityZones.length} zones`,
      expected: `production needs at least ${PRODUCTION_FLOORS.availabilityZones}`,
    });
  }
  return issues;
};

const network: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { vpcCidr, natGateways } = env.network;
  const { prefix } = cidrRange(vpcCidr);
  if (prefix < 16 || prefix > 20) {
    issues.push({
      env: env.name,
      path: 'network.vpcCidr',
      got: show(vpcCidr),
      expected: 'expected a prefix from /16 to /20 (a VPC holds /16 at most; /20 leaves room for three tiers in six zones)',
    });
  } else if (!isNetworkAddress(vpcCidr)) {
    issues.push({
      env: env.name,
      path: 'network.vpcCidr',
      got: show(vpcCidr),
      expected: 'expected the block to start at its network address (no host bits set)',
    });
  }
  if (natGateways > env.availabilityZones.length) {
    issues.push({
      env: env.name,
      path: 'network.natGateways',
      got: String(natGateways),
      expected: `expected at most one per availability zone (${env.availabilityZones.length})`,
    });
  }
  return issues;
};

const edge: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const [, , , certRegion, certAccount] = env.edge.certificateArn.split(':');
  if (certRegion !== env.region) {
    // An Application Load Balancer can only use a certificate from its own region.
    issues.push({
      env: env.name,
      path: 'edge.certificateArn',
      got: show(env.edge.certificateArn),
      expected: `expected a certificate in the home region ${env.region}, not ${certRegion}`,
    });
  }
  if (certAccount !== env.account) {
    issues.push({
      env: env.name,
      path: 'edge.certificateArn',
      got: show(env.edge.certificateArn),
      expected: `expected a certificate of the environment's account ${env.account}, not ${certAccount}`,
    });
  }
  return issues;
};

const data: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const ids = env.data.tenants.map((t) => t.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) {
      issues.push({
        env: env.name,
        path: `data.tenants[${i}].id`,
        got: show(id),
        expected: 'tenant IDs must be unique',
      });
    }
  });
  if (env.tier === 'production' && env.data.backupRetentionDays < PRODUCTION_FLOORS.dbBackupRetentionDays) {
    issues.push({
      env: env.name,
      path: 'data.backupRetentionDays',
      got: String(env.data.backupRetentionDays),
      expected: `production keeps ${PRODUCTION_FLOORS.dbBackupRetentionDays} days of point-in-time restore`,
    });
  }
  if (!(env.data.instanceClass in AURORA_POSTGRESQL_INSTANCE_CLASSES)) {
    issues.push({
      env: env.name,
      path: 'data.instanceClass',
      got: show(env.data.instanceClass),
      expected:
        'expected an Aurora PostgreSQL class that supports encryption and Performance Insights ' +
        '(db.t3/db.t4g medium or large, or db.r5/r6g/r6i/r7g/r7i/r8g large to 16xlarge; see lib/config/aurora-instance-classes.ts)',
    });
  }
  // Each data stack holds a bounded number of tenants so that it stays under the resource
  // ceiling; a full shard needs the next tenant to name a new shard (never a moved tenant).
  const perShard = new Map<number, number>();
  for (const t of env.data.tenants) perShard.set(t.shard, (perShard.get(t.shard) ?? 0) + 1);
  for (const [shard, count] of [...perShard].sort(([a], [b]) => a - b)) {
    if (count > TENANTS_PER_DATA_STACK) {
      issues.push({
        env: env.name,
        path: 'data.tenants',
        got: `${count} tenants in shard ${shard}`,
        expected: `a data stack holds at most ${TENANTS_PER_DATA_STACK} tenants (so it stays under ${MAX_RESOURCES_PER_DATA_STACK} CloudFormation resources); give new tenants another shard`,
      });
    }
  }
  return issues;
};

const logs: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  if (env.tier === 'production' && env.logs.retentionDays < PRODUCTION_FLOORS.logRetentionDays) {
    issues.push({
      env: env.name,
      path: 'logs.retentionDays',
      got: String(env.logs.retentionDays),
      expected: `production keeps logs at least ${PRODUCTION_FLOORS.logRetentionDays} days`,
    });
  }
  return issues;
};

/** Every per-environment validator, by area. Later areas add theirs here. */
export const ENVIRONMENT_VALIDATORS: readonly Validator[] = [regions, zones, network, edge, data, logs];

/** Rules across environments: separation of staging and production, non-overlapping networks. */
export function validateAcrossEnvironments(envs: readonly EnvironmentConfig[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const production = envs.filter((e) => e.tier === 'production');
  for (const prod of production) {
    for (const other of envs) {
      if (other.tier !== 'production' && other.account === prod.account) {
        // 004 "separate staging/production environments"; 001 staging holds no production data.
        // Separate accounts are the boundary IAM cannot blur.
        issues.push({
          env: other.name,
          path: 'account',
          got: show(other.account),
          expected: `a ${other.tier} environment must not share production's account (${prod.name})`,
        });
      }
    }
  }
  envs.forEach((a, i) => {
    envs.slice(i + 1).forEach((b) => {
      if (cidrsOverlap(a.network.vpcCidr, b.network.vpcCidr)) {
        issues.push({
          env: b.name,
          path: 'network.vpcCidr',
          got: show(b.network.vpcCidr),
          expected: `must not overlap ${a.name}'s ${a.network.vpcCidr}, so the networks can later be peered or joined by VPN`,
        });
      }
    });
  });
  return issues;
}
