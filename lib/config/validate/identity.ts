/**
 * `identity`: trusted principals that are accounts or SAML providers of this account, the IdP
 * setting that requires MFA when SAML is trusted, and session lengths within IAM's range and
 * production's floors.
 */
import { PRODUCTION_IDENTITY_FLOORS } from '../floors';
import { quoted, type ConfigIssue, type Validator } from './common';

/** An IAM SAML provider ARN (external IdP, or the one IAM Identity Center creates in the account). */
export const SAML_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):saml-provider\/[A-Za-z0-9_.+=,@-]{1,128}$/;

/** IAM's range for a role's maximum session. */
const IAM_SESSION_HOURS = { min: 1, max: 12 } as const;

export const identity: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { trustedPrincipals, sessionHours, privilegedSessionHours, mfaMaxAgeSeconds } = env.identity;
  const issue = (path: string, got: string, expected: string) => issues.push({ env: env.name, path: `identity.${path}`, got, expected });
  trustedPrincipals.forEach((p, i) => {
    const saml = SAML_PROVIDER_ARN.exec(p);
    if (!/^\d{12}$/.test(p) && !saml) {
      issue(`trustedPrincipals[${i}]`, quoted(p), 'expected a 12-digit account ID or an IAM SAML provider ARN (arn:aws:iam::<account>:saml-provider/<name>)');
    } else if (saml && saml[1] !== env.account) {
      // A role can only federate with a SAML provider registered in its own account.
      issue(`trustedPrincipals[${i}]`, quoted(p), `expected a SAML provider of the environment's account ${env.account}, not ${saml[1]}`);
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
