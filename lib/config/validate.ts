/**
 * Cross-field rules the schema cannot express. Validators are split by area; each returns every
 * problem it finds (never throws), so the loader can report them all at once.
 */
import { AVAILABILITY_ZONE_LETTERS, availabilityZonesOf } from '../aws-facts/availability-zones';
import { ADMIN_PORTS } from '../constants/ports';
import { AURORA_POSTGRESQL_INSTANCE_CLASSES } from '../aws-facts/aurora-instance-classes';
import { cidrRange, cidrsOverlap, isNetworkAddress } from '../aws-facts/cidr';
import { FARGATE_TASK_SIZES } from '../aws-facts/fargate';

export { FARGATE_TASK_SIZES };
import { MAX_RESOURCES_PER_DATA_STACK, TENANTS_PER_DATA_STACK } from './data-layout';
import { PRODUCTION_FLOORS, PRODUCTION_IDENTITY_FLOORS, SIGNIN_FLOORS } from './floors';
import { SECURITY_HUB_STANDARDS, type EnvironmentConfig } from './schema';

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
  const known = availabilityZonesOf(env.region);
  if (known === undefined) {
    issues.push({
      env: env.name,
      path: 'region',
      got: show(env.region),
      expected: `expected a region whose zones lib/aws-facts/availability-zones.ts lists (${Object.keys(AVAILABILITY_ZONE_LETTERS).join(', ')})`,
    });
  }
  env.availabilityZones.forEach((az, i) => {
    // Zone names only: zone IDs (apse1-az1) are the same in every account but CloudFormation's
    // subnet and database properties take names.
    if (known !== undefined && !known.includes(az)) {
      issues.push({
        env: env.name,
        path: `availabilityZones[${i}]`,
        got: show(az),
        expected: `expected a zone of ${env.region}: ${known.join(', ')}`,
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
  } else if (env.tier === 'production' && natGateways !== env.availabilityZones.length) {
    // A zone without its own NAT gateway loses egress when the zone holding it fails (NET-MULTI-AZ).
    issues.push({
      env: env.name,
      path: 'network.natGateways',
      got: String(natGateways),
      expected: `production needs one per availability zone (${env.availabilityZones.length})`,
    });
  }
  if (env.tier === 'production' && env.network.interfaceEndpoints !== PRODUCTION_FLOORS.interfaceEndpoints) {
    issues.push({
      env: env.name,
      path: 'network.interfaceEndpoints',
      got: String(env.network.interfaceEndpoints),
      expected: 'production reaches AWS through interface endpoints, not the internet (NET-PRIVATE-ENDPOINTS)',
    });
  }
  return issues;
};

/**
 * An ACM certificate (or other ARN) must live in the environment's region and account: load
 * balancers and Client VPN endpoints use only certificates of their own region and account.
 */
function regionalArnIssues(env: EnvironmentConfig, path: string, arn: string, what: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const [, , , arnRegion, arnAccount] = arn.split(':');
  if (arnRegion !== env.region) {
    issues.push({ env: env.name, path, got: show(arn), expected: `expected a ${what} in the home region ${env.region}, not ${arnRegion}` });
  }
  if (arnAccount !== env.account) {
    issues.push({ env: env.name, path, got: show(arn), expected: `expected a ${what} of the environment's account ${env.account}, not ${arnAccount}` });
  }
  return issues;
}

const edge: Validator = (env) => regionalArnIssues(env, 'edge.certificateArn', env.edge.certificateArn, 'certificate');

/** The operator Client VPN: certificates and SAML provider of this account, a client range Client VPN accepts. */
const clientVpn: Validator = (env) => {
  const vpn = env.network.clientVpn;
  if (!vpn) return [];
  const issues = [
    ...regionalArnIssues(env, 'network.clientVpn.serverCertificateArn', vpn.serverCertificateArn, 'certificate'),
    ...(vpn.clientCertificateArn ? regionalArnIssues(env, 'network.clientVpn.clientCertificateArn', vpn.clientCertificateArn, 'certificate') : []),
  ];
  const samlAccount = vpn.samlProviderArn.split(':')[4];
  if (samlAccount !== env.account) {
    issues.push({
      env: env.name,
      path: 'network.clientVpn.samlProviderArn',
      got: show(vpn.samlProviderArn),
      expected: `expected a SAML provider of the environment's account ${env.account}, not ${samlAccount}`,
    });
  }
  const path = 'network.clientVpn.clientCidr';
  const { prefix } = cidrRange(vpn.clientCidr);
  if (prefix < 12 || prefix > 22) {
    issues.push({ env: env.name, path, got: show(vpn.clientCidr), expected: 'expected a prefix from /12 to /22 (what Client VPN accepts)' });
  } else if (!isNetworkAddress(vpn.clientCidr)) {
    issues.push({ env: env.name, path, got: show(vpn.clientCidr), expected: 'expected the block to start at its network address (no host bits set)' });
  }
  if (cidrsOverlap(vpn.clientCidr, env.network.vpcCidr)) {
    issues.push({
      env: env.name,
      path,
      got: show(vpn.clientCidr),
      expected: `must not overlap the VPC's ${env.network.vpcCidr} (Client VPN could not route to it)`,
    });
  }
  return issues;
};


/** `512, 1024 or 2048`, or `2048 to 8192 in steps of 1024` for long lists. */
function describeSizes(sizes: readonly number[]): string {
  if (sizes.length <= 3) return `${sizes.slice(0, -1).join(', ')} or ${sizes[sizes.length - 1]}`;
  return `${sizes[0]} to ${sizes[sizes.length - 1]} in steps of ${sizes[1] - sizes[0]}`;
}


const edgeProtection: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { healthCheckArn, shieldAdvanced, accessLogRetentionDays } = env.edge;
  if (healthCheckArn !== undefined && !shieldAdvanced) {
    // The health check only feeds Shield Advanced's detection; without the protection it does nothing.
    issues.push({
      env: env.name,
      path: 'edge.healthCheckArn',
      got: show(healthCheckArn),
      expected: 'a health check is only used by Shield Advanced: set edge.shieldAdvanced to true or remove it',
    });
  }
  if (env.tier === 'production' && accessLogRetentionDays < PRODUCTION_FLOORS.logRetentionDays) {
    issues.push({
      env: env.name,
      path: 'edge.accessLogRetentionDays',
      got: String(accessLogRetentionDays),
      expected: `production keeps load balancer access logs at least ${PRODUCTION_FLOORS.logRetentionDays} days`,
    });
  }
  return issues;
};

const workload: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { cpu, memoryMiB, desiredCount, containerPort } = env.workload;
  if (ADMIN_PORTS.includes(containerPort)) {
    // The tier network ACLs admit the container port from the public subnets; they never admit an admin port (NET-NO-ADMIN-PORTS).
    issues.push({
      env: env.name,
      path: 'workload.containerPort',
      got: String(containerPort),
      expected: `expected a port other than the admin ports ${ADMIN_PORTS.join(' and ')}, which no network ACL or security group may admit (NET-NO-ADMIN-PORTS)`,
    });
  }
  const memories = FARGATE_TASK_SIZES[cpu];
  if (memories === undefined) {
    issues.push({
      env: env.name,
      path: 'workload.cpu',
      got: String(cpu),
      expected: `expected one of Fargate's CPU values: ${Object.keys(FARGATE_TASK_SIZES).join(', ')}`,
    });
  } else if (!memories.includes(memoryMiB)) {
    issues.push({
      env: env.name,
      path: 'workload.memoryMiB',
      got: String(memoryMiB),
      expected: `Fargate runs ${cpu} CPU units with ${describeSizes(memories)} MiB`,
    });
  }
  if (env.tier === 'production' && desiredCount < env.availabilityZones.length) {
    issues.push({
      env: env.name,
      path: 'workload.desiredCount',
      got: String(desiredCount),
      expected: `production runs at least one task per availability zone (${env.availabilityZones.length})`,
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
        '(db.t3/db.t4g medium or large, or db.r5/r6g/r6i/r7g/r7i/r8g large to 16xlarge; see lib/aws-facts/aurora-instance-classes.ts)',
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

/** The partition of a region: the Security Hub standards AWS offers differ by partition. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

const accountBaseline: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { trail, securityHubStandards } = env.accountBaseline;
  if (env.tier === 'production' && trail.retentionDays < PRODUCTION_FLOORS.trailRetentionDays) {
    issues.push({
      env: env.name,
      path: 'accountBaseline.trail.retentionDays',
      got: String(trail.retentionDays),
      expected: `production keeps the audit trail at least ${PRODUCTION_FLOORS.trailRetentionDays} days`,
    });
  }
  const partition = partitionOf(env.region);
  securityHubStandards.forEach((standard, i) => {
    const offered: readonly string[] = SECURITY_HUB_STANDARDS[standard].partitions;
    if (!offered.includes(partition)) {
      issues.push({
        env: env.name,
        path: `accountBaseline.securityHubStandards[${i}]`,
        got: show(standard),
        expected: `Security Hub does not offer this standard in ${env.region} (partition ${partition}); it exists in ${offered.join(', ')}`,
      });
    }
    if (securityHubStandards.indexOf(standard) !== i) {
      issues.push({
        env: env.name,
        path: `accountBaseline.securityHubStandards[${i}]`,
        got: show(standard),
        expected: 'each standard may appear once',
      });
    }
  });
  return issues;
};

/** An IAM SAML provider ARN (external IdP, or the one IAM Identity Center creates in the account). */
export const SAML_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):saml-provider\/[A-Za-z0-9_.+=,@-]{1,128}$/;

/** IAM's range for a role's maximum session. */
const IAM_SESSION_HOURS = { min: 1, max: 12 } as const;

const identity: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { trustedPrincipals, sessionHours, privilegedSessionHours, mfaMaxAgeSeconds } = env.identity;
  const issue = (path: string, got: string, expected: string) => issues.push({ env: env.name, path: `identity.${path}`, got, expected });
  trustedPrincipals.forEach((p, i) => {
    const saml = SAML_PROVIDER_ARN.exec(p);
    if (!/^\d{12}$/.test(p) && !saml) {
      issue(`trustedPrincipals[${i}]`, show(p), 'expected a 12-digit account ID or an IAM SAML provider ARN (arn:aws:iam::<account>:saml-provider/<name>)');
    } else if (saml && saml[1] !== env.account) {
      // A role can only federate with a SAML provider registered in its own account.
      issue(`trustedPrincipals[${i}]`, show(p), `expected a SAML provider of the environment's account ${env.account}, not ${saml[1]}`);
    }
  });
  if (trustedPrincipals.some((p) => SAML_PROVIDER_ARN.test(p)) && env.identity.samlMfaEnforcedBy === undefined) {
    issue(
      'samlMfaEnforcedBy',
      'no value',
      'a SAML provider is trusted, and STS sets no MFA context for SAML sessions: name the identity provider setting that requires MFA on every sign-in (IAM-MFA-ROLES)',
    );
  }
  for (const [path, hours] of [['sessionHours', sessionHours], ['privilegedSessionHours', privilegedSessionHours]] as const) {
    if (hours < IAM_SESSION_HOURS.min || hours > IAM_SESSION_HOURS.max) {
      issue(path, String(hours), `IAM allows a maximum session of ${IAM_SESSION_HOURS.min} to ${IAM_SESSION_HOURS.max} hours`);
    }
  }
  if (privilegedSessionHours > sessionHours) {
    issue('privilegedSessionHours', String(privilegedSessionHours), `privileged sessions may not outlast the other staff sessions (${sessionHours} hours)`);
  }
  if (env.tier === 'production' && privilegedSessionHours > PRODUCTION_IDENTITY_FLOORS.privilegedSessionHours) {
    issue('privilegedSessionHours', String(privilegedSessionHours), `production allows at most ${PRODUCTION_IDENTITY_FLOORS.privilegedSessionHours} hour`);
  }
  if (mfaMaxAgeSeconds < 300 || mfaMaxAgeSeconds > 43200) {
    issue('mfaMaxAgeSeconds', String(mfaMaxAgeSeconds), 'expected 300 to 43200 seconds');
  } else if (env.tier === 'production' && mfaMaxAgeSeconds > PRODUCTION_IDENTITY_FLOORS.mfaMaxAgeSeconds) {
    issue('mfaMaxAgeSeconds', String(mfaMaxAgeSeconds), `production allows at most ${PRODUCTION_IDENTITY_FLOORS.mfaMaxAgeSeconds} seconds`);
  }
  return issues;
};

const signIn: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const c = env.signIn;
  const issue = (path: string, got: string, expected: string) => issues.push({ env: env.name, path: `signIn.${path}`, got, expected });
  // MFA off is refused by the schema in every environment (SIGNIN-MFA).
  if (c.password.minLength < SIGNIN_FLOORS.passwordMinLength || c.password.minLength > 99) {
    issue('password.minLength', String(c.password.minLength), `expected ${SIGNIN_FLOORS.passwordMinLength} to 99 characters (the seeds promise strong passwords)`);
  }
  if (c.tokenMinutes < 15 || c.tokenMinutes > 60) {
    issue('tokenMinutes', String(c.tokenMinutes), 'expected 15 to 60 minutes for access and ID tokens');
  }
  if (c.refreshTokenHours < 1 || c.refreshTokenHours > 720) {
    issue('refreshTokenHours', String(c.refreshTokenHours), 'expected 1 to 720 hours (30 days)');
  }
  if (c.authDomainCertificateArn) {
    const [, , , certRegion, certAccount] = c.authDomainCertificateArn.split(':');
    if (certRegion !== 'us-east-1') {
      // Cognito custom domains are served by CloudFront, which takes certificates from us-east-1 only.
      issue('authDomainCertificateArn', show(c.authDomainCertificateArn), `expected a certificate in us-east-1 (Cognito custom domains), not ${certRegion}`);
    } else if (certAccount !== env.account) {
      issue('authDomainCertificateArn', show(c.authDomainCertificateArn), `expected a certificate of the environment's account ${env.account}, not ${certAccount}`);
    }
  }
  const duplicates = c.groups.filter((g, i) => c.groups.indexOf(g) !== i);
  if (duplicates.length > 0) issue('groups', show(c.groups), `each group may appear once (repeated: ${[...new Set(duplicates)].join(', ')})`);
  const names = c.identityProviders.map((p) => (p.type === 'oidc' ? p.name : p.type));
  c.identityProviders.forEach((p, i) => {
    if (names.indexOf(names[i]) !== i) issue(`identityProviders[${i}]`, show(names[i]), 'each provider may appear once');
    const secretRegion = p.clientSecretArn.split(':')[3];
    if (secretRegion !== env.region) {
      // A dynamic reference resolves in the stack's region; the secret stays in the home region (003).
      issue(`identityProviders[${i}].clientSecretArn`, show(p.clientSecretArn), `expected a secret in the home region ${env.region}, not ${secretRegion}`);
    }
  });
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
  // Continuous backup takes over each Aurora cluster's automated backups and sets their retention
  // to the rule's, so a different BackupRetentionPeriod in the template drifts on every deploy.
  if (b.continuousBackupDays !== env.data.backupRetentionDays) {
    issue(
      'continuousBackupDays',
      String(b.continuousBackupDays),
      `must equal data.backupRetentionDays (${env.data.backupRetentionDays}): AWS Backup's continuous backup sets the clusters' backup retention to its own`,
    );
  }
  if (env.tier === 'production') {
    for (const t of BACKUP_TIERS) {
      const tier = b.tiers[t];
      const frequency = cronFrequency(tier.schedule);
      if (frequency !== t) {
        issue(`tiers.${t}.schedule`, show(tier.schedule), `production runs the ${t} tier ${t} (seed 001), not ${frequency ?? 'on an irregular schedule'}`);
      }
      // Exactly, not at least: seed 001 promises these tiers, and 004 lets backups persist only
      // "until overwritten through routine secure backup rotation", so keeping them longer breaks it too.
      const days = PRODUCTION_FLOORS.backupTiers[t];
      if (tier.deleteAfterDays !== days) {
        issue(`tiers.${t}.deleteAfterDays`, String(tier.deleteAfterDays), `production keeps ${t} backups exactly ${days} day${days === 1 ? '' : 's'} (seed 001)`);
      }
    }
    // A floor that is also the schema's (and AWS Backup's) maximum: production keeps exactly 35 days.
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

const alerts: Validator = (env) => {
  const partition = partitionOf(env.region);
  if (!env.alerts.forwardGlobalEvents || partition === 'aws') return [];
  // GlobalEventsStack forwards from us-east-1, where the aws partition's global endpoints deliver;
  // other partitions have other global regions, which this baseline does not model.
  return [
    {
      env: env.name,
      path: 'alerts.forwardGlobalEvents',
      got: 'true',
      expected: `forwarding from us-east-1 exists only in the aws partition, not ${partition} (${env.region}); set it to false`,
    },
  ];
};

/**
 * Production floors a seed promises but that an adopter may go below with a named opt-out
 * (`productionOptOuts.<field>`, its reason shown in the controls report), and the one it may not
 * (read auditing). An opt-out is refused where it changes nothing, so that every opt-out in a
 * configuration is one in force.
 */
const productionFloors: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const issue = (path: string, got: string, expected: string) => issues.push({ env: env.name, path, got, expected });
  const optOuts = env.productionOptOuts;
  if (env.tier !== 'production') {
    for (const [field, reason] of Object.entries(optOuts)) {
      if (reason !== undefined) issue(`productionOptOuts.${field}`, show(reason), `only a production environment has floors to opt out of: remove it from this ${env.tier} environment`);
    }
    return issues;
  }
  const beyondHome = env.allowedRegions.filter((r) => r !== env.region);
  if (PRODUCTION_FLOORS.onlyHomeRegion && beyondHome.length > 0 && optOuts.regionsBeyondHome === undefined) {
    issue(
      'allowedRegions',
      show(env.allowedRegions),
      `production keeps services and data in its home region only (003 "hosted in ... Singapore", FND-DATA-RESIDENCY): set it to ["${env.region}"], or give the reason in productionOptOuts.regionsBeyondHome`,
    );
  } else if (beyondHome.length === 0 && optOuts.regionsBeyondHome !== undefined) {
    issue('productionOptOuts.regionsBeyondHome', show(optOuts.regionsBeyondHome), `allowedRegions is only the home region "${env.region}": remove the opt-out`);
  }
  if (PRODUCTION_FLOORS.pagingEndpoint && env.alerts.httpsEndpointSecret === undefined && optOuts.paging === undefined) {
    issue(
      'alerts.httpsEndpointSecret',
      'no value',
      'production pages its on-call team (003 "teams are paged", INC-ALERT-TOPICS): name the Secrets Manager secret of the paging endpoint, or give the reason in productionOptOuts.paging',
    );
  } else if (env.alerts.httpsEndpointSecret !== undefined && optOuts.paging !== undefined) {
    issue('productionOptOuts.paging', show(optOuts.paging), 'alerts.httpsEndpointSecret is set, so production pages: remove the opt-out');
  }
  if (PRODUCTION_FLOORS.shieldAdvanced && !env.edge.shieldAdvanced && optOuts.shieldAdvanced === undefined) {
    issue(
      'edge.shieldAdvanced',
      'false',
      'production is protected by Shield Advanced (000 "DDoS protected infrastructure", EDGE-DDOS-SHIELD): set it to true, or give the reason in productionOptOuts.shieldAdvanced',
    );
  } else if (env.edge.shieldAdvanced && optOuts.shieldAdvanced !== undefined) {
    issue('productionOptOuts.shieldAdvanced', show(optOuts.shieldAdvanced), 'edge.shieldAdvanced is true: remove the opt-out');
  }
  if (env.data.auditReads !== PRODUCTION_FLOORS.auditReads) {
    issue('data.auditReads', 'false', 'production records reads of customer data too (002 "any access to customer\'s data is logged", DB-AUDIT-LOGGING): set it to true or leave it out');
  }
  return issues;
};

/** Every per-environment validator, by area. Later areas add theirs here. */
export const ENVIRONMENT_VALIDATORS: readonly Validator[] = [
  regions,
  zones,
  network,
  clientVpn,
  edge,
  edgeProtection,
  workload,
  data,
  logs,
  alerts,
  accountBaseline,
  backup,
  identity,
  signIn,
  productionFloors,
];

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
      if (a.accountBaseline.enabled && b.accountBaseline.enabled && a.account === b.account && a.region === b.region) {
        // CloudTrail, the Config recorder, GuardDuty and Security Hub exist once per account and
        // region: a second owner would fail to deploy, or take them over from the first.
        issues.push({
          env: b.name,
          path: 'accountBaseline.enabled',
          got: 'true',
          expected: `${a.name} already owns the account baseline of ${b.account} in ${b.region}; turn it off in all but one environment`,
        });
      }
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
