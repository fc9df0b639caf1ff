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

/** Hours of a role's maximum session; the 1-12 range IAM allows is checked in `validate.ts`. */
const sessionHours = z.number().int({ error: 'expected whole hours' });

export const IdentitySchema = z.strictObject({
  /**
   * Who may assume the staff roles: 12-digit account IDs (the identity account whose users or
   * roles switch in with MFA) or ARNs of IAM SAML providers (an external IdP, or the provider
   * IAM Identity Center creates in the account). At least one. Validated in `validate.ts`.
   */
  trustedPrincipals: z.array(z.string()).min(1, { error: 'expected at least one trusted principal' }),
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
   * How old the MFA sign-in behind an administrator or break-glass session may be, in seconds
   * (`aws:MultiFactorAuthAge`), 300 to 43200.
   * @default 3600 - an MFA prompt within the last hour
   */
  mfaMaxAgeSeconds: z.number().int().default(3600),
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
   * Customer MFA: `required` for every user, `optional` (each user opts in) or `off`
   * (rejected in production).
   * @default 'required' - see docs/identity.md for the argument
   */
  mfa: z.enum(['required', 'optional', 'off'], { error: 'expected "required", "optional" or "off"' }).default('required'),
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
  /** Staff access to the AWS account (IAM-* controls). */
  identity: IdentitySchema,
  /** Customer sign-in (SIGNIN-* controls). */
  signIn: SignInSchema,
});

/** An environment as written in `environments.ts` (defaults may be omitted). */
export type EnvironmentInput = z.input<typeof EnvironmentSchema>;

/** A parsed, validated environment with its name. */
export type EnvironmentConfig = z.output<typeof EnvironmentSchema> & {
  /** The environment's name, the key it has in the environments table (`staging`, `production`). */
  readonly name: string;
};
