import { SecureBucket } from '../../constructs/common/secure-bucket';
import { CustomerUserPool } from '../../constructs/identity/customer-user-pool';
import { atLeast, ranked } from '../diff-builders';
import { props, referenced } from '../evidence-predicates';
import type { Control } from '../types';
import { areaBRulesOf } from '../diff-rules-area-b';

/*
 * Customer sign-in controls (area 'identity', SIGNIN-*): a Cognito user pool with MFA,
 * passwordless sign-in, federation, threat protection, a password policy, role groups, a
 * hardened app client and authentication logs. The identity stack builds them; staff-access.ts
 * holds the staff side of the area.
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
    enforcedBy: [CustomerUserPool],
    evidence: { what: 'the customer user pool', select: [{ types: ['AWS::Cognito::UserPool'] }] },
    diff: { rules: areaBRulesOf('SIGNIN-USER-POOL') },
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
    enforcedBy: [CustomerUserPool],
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
    enforcedBy: [CustomerUserPool],
    evidence: {
      what: 'user pools allowing passkeys and e-mail codes as first factor, and the managed login branding',
      select: [
        { types: ['AWS::Cognito::UserPool'], where: (r) => (props(r).Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).includes('WEB_AUTHN') },
        { types: ['AWS::Cognito::ManagedLoginBranding'] },
      ],
    },
    diff: { rules: areaBRulesOf('SIGNIN-PASSWORDLESS') },
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
    enforcedBy: [CustomerUserPool],
    evidence: {
      what: 'the user pool identity providers',
      select: [{ types: ['AWS::Cognito::UserPoolIdentityProvider'] }],
      notApplicable: (env) => (env.signIn.identityProviders.length > 0 ? undefined : 'signIn.identityProviders is empty'),
    },
    diff: { rules: areaBRulesOf('SIGNIN-FEDERATION') },
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
    enforcedBy: [CustomerUserPool],
    evidence: {
      what: 'user pools with threat protection enforced, and their risk configuration',
      select: [
        { types: ['AWS::Cognito::UserPool'], where: (r) => props(r).UserPoolAddOns?.AdvancedSecurityMode === 'ENFORCED' },
        { types: ['AWS::Cognito::UserPoolRiskConfigurationAttachment'] },
      ],
    },
    diff: {
      rules: [
        ...areaBRulesOf('SIGNIN-THREAT-PROTECTION'),
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
    enforcedBy: [CustomerUserPool],
    evidence: { what: 'user pools with their password policy', select: [{ types: ['AWS::Cognito::UserPool'], where: (r) => props(r).Policies?.PasswordPolicy !== undefined }] },
    diff: {
      rules: [
        ...areaBRulesOf('SIGNIN-PASSWORD-POLICY'),
        atLeast(['AWS::Cognito::UserPool'], ['Properties', 'Policies', 'PasswordPolicy', 'MinimumLength'], 'PasswordPolicy.MinimumLength', 8),
      ],
    },
  },
  {
    id: 'SIGNIN-RBAC-GROUPS',
    statement: 'Customer roles are Cognito groups carried in the tokens, so the application grants permissions by role.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Cryptlex offers fine-grained role based access control, which can be used to limit the access to your account.',
      },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Fine grained role-based access control to limit the access to your account and resources',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'role-based permissionswhere supported by the product plan' },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AWS::Cognito::UserPoolGroup per signIn.groups entry (default admin, member, viewer) with Precedence in config order; Cognito puts cognito:groups in ID and access tokens.',
    detectors: {
      none: 'No managed detector evaluates Cognito groups; CloudTrail records CreateGroup and UpdateGroup.',
    },
    enforcedBy: [CustomerUserPool],
    evidence: {
      what: 'the user pool groups',
      select: [{ types: ['AWS::Cognito::UserPoolGroup'] }],
      notApplicable: (env) => (env.signIn.groups.length > 0 ? undefined : 'signIn.groups is empty'),
    },
    diff: { rules: areaBRulesOf('SIGNIN-RBAC-GROUPS') },
  },
  {
    id: 'SIGNIN-APP-CLIENT',
    statement:
      'The application never receives customer passwords: its app client uses only the authorization-code flow and issues short-lived, revocable tokens.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: "Users' passwords will never be transferred to Crystallize." },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Passwords are stored using secure one-way hashing algorithms and are not logged or stored in plaintext.',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AWS::Cognito::UserPoolClient AllowedOAuthFlows [code] only, GenerateSecret false (public client, PKCE), ExplicitAuthFlows [ALLOW_USER_AUTH] (no password flows), access and ID token validity signIn.tokenMinutes (15-60), refresh signIn.refreshTokenHours (at most 30 days) with rotation, EnableTokenRevocation true, PreventUserExistenceErrors ENABLED, HTTPS callback and logout URLs on edge.domainName.',
    detectors: {
      none: 'No managed detector evaluates Cognito app clients; CloudTrail records UpdateUserPoolClient.',
    },
    enforcedBy: [CustomerUserPool],
    evidence: { what: 'the app clients (code flow with PKCE)', select: [{ types: ['AWS::Cognito::UserPoolClient'] }] },
    diff: { rules: areaBRulesOf('SIGNIN-APP-CLIENT') },
  },
  {
    id: 'SIGNIN-AUTH-LOGGING',
    statement:
      'Customer authentication events, including failures, are delivered for the operator\'s security team (not shown to customers) to an S3 bucket encrypted with a customer-managed KMS key, which expires them after the log retention.',
    sources: [{ seed: '004_c378355873db2afd.txt', quote: 'authentication failures' }],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AWS::Cognito::LogDeliveryConfiguration userAuthEvents INFO with S3Configuration into a SecureBucket (SSE-KMS with the stack\'s customer-managed key and a bucket key, versioned, TLS 1.2+ only, public access blocked, server access logs to the stack\'s access-log bucket, lifecycle expiry after logs.retentionDays, retained); the bucket policy admits only delivery.logs.amazonaws.com (s3:PutObject on AWSLogs/<account>/* with bucket-owner-full-control, s3:GetBucketAcl/ListBucket) and the key policy only the documented kms:Encrypt, Decrypt, ReEncrypt*, GenerateDataKey* and DescribeKey, both for aws:SourceAccount this account and aws:SourceArn arn:<partition>:logs:<region>:<account>:*. No CloudWatch log group: Cognito delivers only to log groups without KMS encryption, so userNotification (CloudWatch Logs only) is not exported.',
    detectors: {
      none: 'No managed detector checks Cognito log delivery; CloudTrail records SetLogDeliveryConfiguration.',
    },
    enforcedBy: [CustomerUserPool, SecureBucket],
    evidence: {
      what: 'the user pool\'s log delivery and the bucket it delivers to',
      select: [
        { types: ['AWS::Cognito::LogDeliveryConfiguration'] },
        {
          types: ['AWS::S3::Bucket'],
          where: (_r, c) =>
            referenced(c.template, 'AWS::Cognito::LogDeliveryConfiguration', (t) => (props(t).LogConfigurations ?? []).map((l: any) => l.S3Configuration?.BucketArn)).has(c.logicalId),
        },
      ],
    },
    diff: { rules: areaBRulesOf('SIGNIN-AUTH-LOGGING') },
  },
];
