import { atLeast, atMost, enforcingResource, entryVerdicts, flagSet, list, ranked, rankedSet, show } from '../diff-builders';
import { props } from '../evidence-predicates';
import type { TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const customerUserPoolModule = () => import('../../constructs/identity/customer-user-pool.js');

const USER_POOL = ['AWS::Cognito::UserPool'];

/** Threat-protection actions, weakest first. */
const RISK_ACTIONS = ['NO_ACTION', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED', 'BLOCK'];

/*
 * Customer sign-in controls (area 'identity', SIGNIN-*): how a customer signs in: a Cognito user
 * pool with MFA, passwordless sign-in, federation, threat protection and a password policy. The
 * identity stack builds them; sign-in-clients.ts holds what a signed-in customer gets (role groups,
 * the app client, authentication logs) and staff-access.ts the staff side of the area.
 */
export const SIGN_IN_CONTROLS: readonly Control[] = [
  // Customer sign-in.
  {
    id: 'SIGNIN-USER-POOL',
    statement:
      'Every customer user signs in through a Cognito user pool and has a unique, immutable identifier; the pool cannot be deleted by accident.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Access to our service requires all users to authenticate, and users are granted unique identifiers for that purpose.',
      },
      { seed: '001_b709435b510d2964.txt', quote: 'Crystallize is currently using AWS Cognito to manage this.' },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'CustomerUserPool: AWS::Cognito::UserPool UserPoolTier PLUS, UsernameAttributes [email] with UsernameConfiguration CaseSensitive false, verified e-mail (changes need verification), AccountRecoverySetting verified_email only, DeletionProtection ACTIVE and DeletionPolicy Retain.',
    detectors: {
      none: 'No managed Config rule or Security Hub control of the verified reference evaluates Cognito user pools; CloudTrail records UpdateUserPool, and the controls diff keeps the settings.',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool')],
    evidence: { what: 'the customer user pool', select: [{ types: ['AWS::Cognito::UserPool'] }] },
    diff: {
      rules: [
        // The pool exists and cannot be deleted by accident.
        enforcingResource(USER_POOL, 'customer user pool'),
        rankedSet(USER_POOL, ['Properties', 'DeletionProtection'], 'DeletionProtection', ['INACTIVE', 'ACTIVE']),
        {
          resourceTypes: USER_POOL,
          path: ['Properties', 'UserAttributeUpdateSettings', 'AttributesRequireVerificationBeforeUpdate'],
          assess: (before, after) => entryVerdicts(list(before), list(after), 'strengthened', (v, how) => `changes of ${show(v)} ${how === 'added' ? 'now need' : 'no longer need'} verification`),
        },
      ],
    },
  },
  {
    id: 'SIGNIN-MFA',
    statement:
      'Customer sign-in offers MFA (TOTP, plus e-mail or SMS per config), required or optional per config and never off.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Account-level two-factor authentication' },
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'It also provides two-factor authentication' },
      { seed: '004_c378355873db2afd.txt', quote: 'Customer access to the platform can be protected with MFA' },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'User pool MfaConfiguration ON or OPTIONAL from signIn.mfa (default required; the config schema rejects off in every environment and CustomerUserPool refuses Mfa.OFF), EnabledMfas SOFTWARE_TOKEN_MFA plus EMAIL_OTP (SES sender) or SMS_MFA (Cognito SMS role with external ID, grant in a managed policy) from signIn.secondFactor.',
    detectors: {
      none: 'No managed Config rule or Security Hub control of the verified reference evaluates Cognito MFA settings; CloudTrail records SetUserPoolMfaConfig.',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool')],
    evidence: { what: 'user pools requiring or offering MFA', select: [{ types: ['AWS::Cognito::UserPool'], where: (r) => ['ON', 'OPTIONAL'].includes(props(r).MfaConfiguration) }] },
    diff: {
      rules: [
        ranked(['AWS::Cognito::UserPool'], ['Properties', 'MfaConfiguration'], 'MfaConfiguration', ['OFF', 'OPTIONAL', 'ON'], 'OFF'),
      ],
    },
  },
  {
    id: 'SIGNIN-PASSWORDLESS',
    statement:
      'Customers can sign in without a password: with a passkey, which also satisfies MFA, and, where MFA is optional, with an e-mailed one-time code; there is no magic link.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: 'Crystallize login is passwordless via magic link' },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'partial',
    missing:
      '"passwordless via magic link" (001): no sign-in link is sent by e-mail. Cognito\'s first factors are a password, one-time codes by e-mail or SMS and passkeys (AllowedFirstAuthFactors PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cognito-userpool-signinpolicy.html); a link flow would need custom authentication (Lambda challenge triggers, https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html) that is not built here. Under required MFA, the production default, the e-mailed code is not offered either (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html), so the passwordless path there is the passkey alone.',
    enforcement:
      'User pool Policies.SignInPolicy.AllowedFirstAuthFactors [PASSWORD, WEB_AUTHN] under required MFA and [PASSWORD, EMAIL_OTP, WEB_AUTHN] under optional MFA (Cognito offers no passwordless code to users with MFA), WebAuthnFactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION (a user-verified passkey satisfies MFA), WebAuthnRelyingPartyID edge.domainName (auth.<edge.domainName> when signIn.authDomainCertificateArn gives managed login that custom domain: Cognito then requires the custom domain as relying party), WebAuthnUserVerification required, e-mail through SES (EmailSendingAccount DEVELOPER); the app client allows ALLOW_USER_AUTH and the domain uses managed login v2 with Cognito\'s default style (AWS::Cognito::ManagedLoginBranding), on auth.<edge.domainName> when signIn.authDomainCertificateArn is set.',
    detectors: {
      none: 'No managed Config rule or Security Hub control of the verified reference evaluates Cognito sign-in factors; CloudTrail records UpdateUserPool.',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool')],
    evidence: {
      what: 'user pools allowing passkeys and e-mail codes as first factor, and the managed login branding',
      select: [
        { types: ['AWS::Cognito::UserPool'], where: (r) => (props(r).Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).includes('WEB_AUTHN') },
        { types: ['AWS::Cognito::ManagedLoginBranding'] },
      ],
    },
    diff: {
      rules: [
        // Passkeys (and e-mailed codes) as first factors.
        {
          resourceTypes: USER_POOL,
          path: ['Properties', 'Policies', 'SignInPolicy', 'AllowedFirstAuthFactors'],
          assess: (before, after) =>
            entryVerdicts(list(before).filter((f) => PASSWORDLESS_FACTORS.has(f as string)), list(after).filter((f) => PASSWORDLESS_FACTORS.has(f as string)), 'strengthened', (f, how) => `first sign-in factor ${show(f)} ${how}`),
        },
        rankedSet(USER_POOL, ['Properties', 'WebAuthnUserVerification'], 'WebAuthnUserVerification', ['preferred', 'required']),
        rankedSet(USER_POOL, ['Properties', 'WebAuthnFactorConfiguration'], 'WebAuthnFactorConfiguration', ['SINGLE_FACTOR_ONLY', 'MULTI_FACTOR_WITH_USER_VERIFICATION']),
        {
          resourceTypes: ['AWS::Cognito::UserPoolClient'],
          path: ['Properties', 'ExplicitAuthFlows'],
          assess: (before, after) => {
            const choice = (v: unknown) => list(v).includes('ALLOW_USER_AUTH');
            if (choice(before) === choice(after)) return undefined;
            return { direction: choice(after) ? 'strengthened' : 'weakened', detail: `choice-based sign-in (ALLOW_USER_AUTH) ${choice(after) ? 'allowed' : 'no longer allowed'}` };
          },
        },
      ],
    },
  },
  {
    id: 'SIGNIN-FEDERATION',
    statement:
      'Customers can sign in with the Google, Facebook, Apple or OIDC identity providers named in config, which are asked only for sign-in scopes and whose client secrets come from Secrets Manager.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Login to Crystallize is managed via external authentication providers.',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'using Social Connect like Google Connect, Facebook Connect, Github Connect, or Twitter Connect via OAuth 2',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Crystallize also does not gain access to any external resources associated with the user account.',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'partial',
    missing:
      '"Github Connect, or Twitter Connect" (001): Cognito user pools federate with OIDC and SAML 2.0 providers and four named social ones, Google, Facebook, Login with Amazon and Sign in with Apple (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-social-idp.html); GitHub and Twitter (X) are none of these, and no bridge that would present them as OIDC is built here, so the configuration offers Google, Facebook, Apple and generic OIDC only.',
    enforcement:
      'AWS::Cognito::UserPoolIdentityProvider per signIn.identityProviders entry (Google, Facebook, SignInWithApple or OIDC) with authorize_scopes limited to sign-in identity (openid/email/profile; Facebook public_profile,email; Apple email name) and client_secret/private_key a {{resolve:secretsmanager:<arn>}} dynamic reference (validation rejects a provider without its secret ARN), listed in the app client\'s SupportedIdentityProviders.',
    detectors: {
      none: 'No managed detector evaluates Cognito identity providers or their scopes; CloudTrail records UpdateIdentityProvider.',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool')],
    evidence: {
      what: 'the user pool identity providers',
      select: [{ types: ['AWS::Cognito::UserPoolIdentityProvider'] }],
      notApplicable: (env) => (env.signIn.identityProviders.length > 0 ? undefined : 'signIn.identityProviders is empty'),
    },
    diff: {
      rules: [
        // Identity providers with sign-in scopes and secrets from Secrets Manager.
        {
          resourceTypes: ['AWS::Cognito::UserPoolIdentityProvider'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const name = show((after ?? before)!.Properties?.ProviderName);
            if (!after) return { direction: 'weakened', detail: `identity provider ${name} removed` };
            const secretsOk = (r?: TemplateResource) => ['client_secret', 'private_key'].every((k) => secretFromSecretsManager(r?.Properties?.ProviderDetails?.[k]));
            if (!before) return secretsOk(after) ? { direction: 'strengthened', detail: `identity provider ${name} added` } : { direction: 'weakened', detail: `identity provider ${name} added with a secret written into the template` };
            const out = entryVerdicts(
              scopesOf(before).filter((s) => !SIGN_IN_SCOPES.has(s)),
              scopesOf(after).filter((s) => !SIGN_IN_SCOPES.has(s)),
              'weakened',
              (s, how) => `${name} scope ${s} beyond sign-in ${how === 'added' ? 'requested' : 'no longer requested'}`,
            );
            if (secretsOk(before) !== secretsOk(after)) out.push({ direction: secretsOk(after) ? 'strengthened' : 'weakened', detail: `${name} secret ${secretsOk(after) ? 'now read from Secrets Manager' : 'no longer read from Secrets Manager'}` });
            return out;
          },
        },
      ],
    },
  },
  {
    id: 'SIGNIN-THREAT-PROTECTION',
    statement:
      'Cognito threat protection blocks sign-ins with compromised credentials and challenges or blocks risky sign-ins.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Systems are monitored for abnormal access trends, login anomalies, and potential security threats.',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'User pool UserPoolAddOns.AdvancedSecurityMode ENFORCED and AdvancedSecurityAdditionalFlows.CustomAuthMode ENFORCED (standard and custom threat protection full function) on the Plus plan, with AWS::Cognito::UserPoolRiskConfigurationAttachment for ALL clients: compromised credentials BLOCK, account-takeover risk low NO_ACTION, medium MFA_REQUIRED, high BLOCK.',
    detectors: {
      none: 'No managed Config rule or Security Hub control of the verified reference evaluates Cognito threat protection; CloudTrail records UpdateUserPool and the pool\'s risk events are logged (SIGNIN-AUTH-LOGGING).',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool')],
    evidence: {
      what: 'user pools with threat protection enforced, and their risk configuration',
      select: [
        { types: ['AWS::Cognito::UserPool'], where: (r) => props(r).UserPoolAddOns?.AdvancedSecurityMode === 'ENFORCED' },
        { types: ['AWS::Cognito::UserPoolRiskConfigurationAttachment'] },
      ],
    },
    diff: {
      rules: [
        // Custom-auth mode and the risk actions.
        ranked(USER_POOL, ['Properties', 'UserPoolAddOns', 'AdvancedSecurityAdditionalFlows', 'CustomAuthMode'], 'CustomAuthMode', ['OFF', 'AUDIT', 'ENFORCED'], 'OFF'),
        enforcingResource(['AWS::Cognito::UserPoolRiskConfigurationAttachment'], 'risk configuration'),
        ranked(['AWS::Cognito::UserPoolRiskConfigurationAttachment'], ['Properties', 'CompromisedCredentialsRiskConfiguration', 'Actions', 'EventAction'], 'compromised credentials EventAction', RISK_ACTIONS, 'NO_ACTION'),
        ...(['LowAction', 'MediumAction', 'HighAction'] as const).map((level) =>
          ranked(['AWS::Cognito::UserPoolRiskConfigurationAttachment'], ['Properties', 'AccountTakeoverRiskConfiguration', 'Actions', level, 'EventAction'], `account takeover ${level}`, RISK_ACTIONS, 'NO_ACTION'),
        ),
        ranked(['AWS::Cognito::UserPool'], ['Properties', 'UserPoolAddOns', 'AdvancedSecurityMode'], 'AdvancedSecurityMode', ['OFF', 'AUDIT', 'ENFORCED'], 'OFF'),
      ],
    },
  },
  {
    id: 'SIGNIN-PASSWORD-POLICY',
    statement: 'Customer passwords, where used, have at least 12 characters including every character class.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Customer access to the platform can be protected with MFA, strong passwords, and role-based permissionswhere supported by the product plan.',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'User pool Policies.PasswordPolicy MinimumLength signIn.password.minLength (validated 12 to 99 in every environment) with RequireUppercase, RequireLowercase, RequireNumbers and RequireSymbols true, PasswordHistorySize signIn.password.historySize (default 24), TemporaryPasswordValidityDays 3.',
    detectors: {
      none: 'No managed detector evaluates a Cognito user pool\'s password policy; CloudTrail records UpdateUserPool.',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool')],
    evidence: { what: 'user pools with their password policy', select: [{ types: ['AWS::Cognito::UserPool'], where: (r) => props(r).Policies?.PasswordPolicy !== undefined }] },
    diff: {
      rules: [
        // Character classes, history, temporary passwords.
        ...['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'].map((p) => flagSet(USER_POOL, ['Properties', 'Policies', 'PasswordPolicy', p], `PasswordPolicy.${p}`)),
        atLeast(USER_POOL, ['Properties', 'Policies', 'PasswordPolicy', 'PasswordHistorySize'], 'PasswordPolicy.PasswordHistorySize', NaN),
        atMost(USER_POOL, ['Properties', 'Policies', 'PasswordPolicy', 'TemporaryPasswordValidityDays'], 'PasswordPolicy.TemporaryPasswordValidityDays', NaN),
        atLeast(['AWS::Cognito::UserPool'], ['Properties', 'Policies', 'PasswordPolicy', 'MinimumLength'], 'PasswordPolicy.MinimumLength', 8),
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** First sign-in factors without a password. */
const PASSWORDLESS_FACTORS = new Set(['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP']);

/** OAuth scopes that only identify the user at sign-in (OIDC, Facebook, Sign in with Apple). */
const SIGN_IN_SCOPES = new Set(['openid', 'email', 'profile', 'public_profile', 'name']);

function scopesOf(r?: TemplateResource): string[] {
  return String(r?.Properties?.ProviderDetails?.authorize_scopes ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Provider secrets read from Secrets Manager at deploy time rather than written into the template. */
function secretFromSecretsManager(v: unknown): boolean {
  return v === undefined || String(v).startsWith('{{resolve:secretsmanager:');
}
