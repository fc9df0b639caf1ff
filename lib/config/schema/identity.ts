/**
 * `identity`: staff access to the AWS account (who may assume the staff roles, session lengths,
 * MFA age). IAM's ranges and production's floors are checked in `validate/identity.ts`.
 */
import { z } from 'zod';

/** Hours of a role's maximum session; the 1-12 range IAM allows is checked in `validate/identity.ts`. */
const sessionHours = z.number().int({ error: 'expected whole hours' });

/** Staff access to the AWS account. */
export const IdentitySchema = z.strictObject({
  /**
   * Who may assume the staff roles: 12-digit account IDs (the identity account whose users or
   * roles switch in with MFA) or ARNs of IAM SAML providers (an external IdP, or the provider
   * IAM Identity Center creates in the account). At least one. Validated in `validate/identity.ts`.
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
