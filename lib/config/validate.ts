/**
 * Cross-field rules the schema cannot express. Validators are split by area; each returns every
 * problem it finds (never throws), so the loader can report them all at once.
 */
import { cidrRange, cidrsOverlap, isNetworkAddress } from './cidr';
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

/** The tiers of the backup plan, shortest first. */
const BACKUP_TIERS = ['hourly', 'daily', 'weekly', 'monthly'] as const;
type BackupTier = (typeof BACKUP_TIERS)[number];

/** AWS Backup refuses a compliance-mode lock whose cool-off (`ChangeableForDays`) is under 3 days. */
export const VAULT_LOCK_MIN_COOL_OFF_DAYS = 3;

/**
 * How often an AWS cron expression fires, for the plain shapes a backup tier uses; `undefined`
 * for anything else (several hours, several weekdays, ranges), which production rejects.
 * Fields: minutes hours day-of-month month day-of-week year.
 */
export function cronFrequency(expression: string): BackupTier | undefined {
  const fields = /^cron\((.*)\)$/.exec(expression)?.[1].split(' ');
  if (fields?.length !== 6) return undefined;
  const [minute, hour, dom, month, dow, year] = fields;
  const single = (f: string, re: RegExp) => re.test(f);
  const any = (f: string) => f === '*' || f === '?';
  if (!single(minute, /^\d{1,2}$/) || !any(month) || !any(year)) return undefined;
  if (/^(\*|0\/1|\*\/1)$/.test(hour) && any(dom) && any(dow)) return 'hourly';
  if (!single(hour, /^\d{1,2}$/)) return undefined;
  if (any(dom) && any(dow)) return 'daily';
  if (dom === '?' && single(dow, /^([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)$/)) return 'weekly';
  if (dow === '?' && single(dom, /^(\d{1,2}|L)$/)) return 'monthly';
  return undefined;
}

const backup: Validator = (env) => {
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
      show(lock.changeableForDays),
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
      const frequency = cronFrequency(tier.schedule);
      if (frequency !== t) {
        issue(`tiers.${t}.schedule`, show(tier.schedule), `production runs the ${t} tier ${t} (seed 001), not ${frequency ?? 'on an irregular schedule'}`);
      }
      if (tier.deleteAfterDays < PRODUCTION_FLOORS.backupTiers[t]) {
        issue(`tiers.${t}.deleteAfterDays`, String(tier.deleteAfterDays), `production keeps ${t} backups at least ${PRODUCTION_FLOORS.backupTiers[t]} days (seed 001)`);
      }
    }
    if (b.continuousBackupDays < PRODUCTION_FLOORS.continuousBackupDays) {
      issue('continuousBackupDays', String(b.continuousBackupDays), `production keeps ${PRODUCTION_FLOORS.continuousBackupDays} days of point-in-time restore`);
    }
  }
  if (b.drRegion !== undefined) {
    if (b.drRegion === env.region) {
      issue('drRegion', show(b.drRegion), `must differ from the home region ${env.region}, or the copy protects against nothing`);
    } else if (!env.allowedRegions.includes(b.drRegion)) {
      issue('drRegion', show(b.drRegion), `expected one of allowedRegions ${show(env.allowedRegions)}: recovery points may not leave them`);
    }
  }
  return issues;
};

/** Every per-environment validator, by area. Later areas add theirs here. */
export const ENVIRONMENT_VALIDATORS: readonly Validator[] = [regions, zones, network, edge, data, logs, backup];

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
