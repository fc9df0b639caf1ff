/**
 * Cross-field rules the schema cannot express. Validators are split by area; each returns every
 * problem it finds (never throws), so the loader can report them all at once.
 */
import { cidrRange, cidrsOverlap, isNetworkAddress } from './cidr';
import { PRODUCTION_FLOORS, PRODUCTION_IDENTITY_FLOORS, SIGNIN_FLOORS } from './floors';
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
  if (env.tier === 'production' && c.mfa === 'off') {
    issue('mfa', show(c.mfa), 'production offers MFA to every customer: expected "required" or "optional"');
  }
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

/** Every per-environment validator, by area. Later areas add theirs here. */
export const ENVIRONMENT_VALIDATORS: readonly Validator[] = [regions, zones, network, edge, data, logs, identity, signIn];

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
