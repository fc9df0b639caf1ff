/**
 * `signIn`: customer sign-in through Cognito (MFA, the SES sender, passwords, groups, tokens and
 * the social or OIDC identity providers). Ranges Cognito allows and the home region of provider
 * secrets are checked in `validate/sign-in.ts`.
 */
import { z } from 'zod';

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

/** Customer sign-in. */
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
