import type { Control } from '../types';

/*
 * Identity controls (area 'identity'): how staff reach the AWS account and how customers sign
 * in to the platform. Staff (IAM-*): distinct MFA-gated roles with bounded sessions, an MFA
 * requirement for IAM users, the account password policy, a region guardrail, IAM Access
 * Analyzer, no * on * outside the administrator and break-glass roles, an alert on every
 * break-glass use, and customer data kept from roles that do not need it. Customers
 * (SIGNIN-*): a Cognito user pool with MFA, passwordless sign-in, federation, threat
 * protection, a password policy, role groups, a hardened app client and authentication logs.
 * The identity stack (and, for account-wide resources, the account baseline) builds them.
 */
export const IDENTITY_CONTROLS: readonly Control[] = [
  // Staff access.
  {
    id: 'IAM-STAFF-ROLES',
    statement:
      'Staff use distinct roles (administrator, operator/deployer, developer, security auditor, break-glass), each trusted only by principals from config, with a bounded session and no long-term credentials.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Lexagle enables permission levels to be set for any employees with access to Lexagle.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Administrative access follows the principle of least privilege (access is limited to what is required for a job role).',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Employees are only given access to systems they require for their roles.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Production systems are accessible only to authorized personnel using unique user accounts.',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'IdentityStack/StaffRoles: five AWS::IAM::Role (<env>-administrator, -operator, -developer, -security-auditor, -break-glass), permissions only from managed policies (administrator and break-glass: AdministratorAccess customer policy; operator: Deploy via the cdk-*-deploy-role-*, cdk-*-file-publishing-role-* and cdk-*-image-publishing-role-* bootstrap roles only (not the lookup or execution roles) plus OperationalRead; developer: OperationalRead; auditor: AWS SecurityAudit), one trust statement per identity.trustedPrincipals entry (AccountPrincipal, or SAML provider with SAML:aud), MaxSessionDuration identity.privilegedSessionHours (1 h in production) for the privileged roles and identity.sessionHours for the others; no AWS::IAM::User or AccessKey for people. Config validation rejects other principals and sessions outside IAM\'s 1-12 h.',
    detectors: {
      none: 'No managed detector knows which principals may assume which staff role; IAM Access Analyzer reports a trust policy that admits another account, and CloudTrail records every AssumeRole.',
    },
  },
  {
    id: 'IAM-MFA-ROLES',
    statement:
      'Every staff role trusted by an account principal can be assumed only with MFA, and the privileged roles (administrator, operator, break-glass) only with a recent MFA sign-in; a role trusted by a SAML provider relies on the identity provider\'s MFA, which the configuration must name (identity.samlMfaEnforcedBy) and the role\'s description states, because IAM sees no MFA in a SAML session.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Two-factor authentication enabled for all cloud hosting providers' },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Only authorised personnel have access to data with two-factor authentication being mandatory',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We have implemented multi-factor authentication for all server access on our production level.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Critical internal tools require Multi-Factor Authentication (MFA)',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'Each account trust statement of every staff role requires Bool aws:MultiFactorAuthPresent true; administrator, operator and break-glass also NumericLessThan aws:MultiFactorAuthAge identity.mfaMaxAgeSeconds (at most 3600 in production). SAML sessions carry no MFA key: config validation requires identity.samlMfaEnforcedBy (the IdP setting that requires MFA) whenever a trusted principal is a SAML provider, and every role trusting one names it in its Description ("SAML sessions: MFA required by the identity provider (<setting>)"; docs/identity.md).',
    detectors: {
      none: 'No managed detector reads MFA conditions in role trust policies; the controls diff fails a pull request that drops them, and CloudTrail records each session\'s MFA flag.',
    },
  },
  {
    id: 'IAM-MFA-USERS',
    statement: 'IAM users in the account can do nothing but set up their own MFA until they have signed in with MFA.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Two-factor authentication enabled for all cloud hosting providers' },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'MfaRequiredGroup: AWS::IAM::Group <env>-mfa-required with a customer-managed policy (AWS\'s documented self-management policy) that denies NotAction [own MFA device and password actions, sts:GetSessionToken] when BoolIfExists aws:MultiFactorAuthPresent is false.',
    detectors: {
      configRules: ['IAM_USER_MFA_ENABLED', 'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', 'ROOT_ACCOUNT_MFA_ENABLED'],
      securityHub: ['IAM.5'],
    },
  },
  {
    id: 'IAM-PASSWORD-POLICY',
    statement:
      'The account password policy requires at least 14 characters of every class, blocks reuse of the last 24 passwords and expires passwords after the configured age.',
    sources: [{ seed: '004_c378355873db2afd.txt', quote: 'strong passwords' }],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AccountPasswordPolicy (account-baseline stack): Custom::AccountPasswordPolicy backed by a Node.js 24 NodejsFunction calling iam:UpdateAccountPasswordPolicy (MinimumPasswordLength 14, RequireUppercase/Lowercase/Numbers/Symbols true, PasswordReusePrevention 24, MaxPasswordAge from accountBaseline.passwordMaxAgeDays, HardExpiry false); the previous policy is kept in the physical ID and restored (or the policy deleted) on delete.',
    detectors: {
      configRules: ['IAM_PASSWORD_POLICY'],
      securityHub: ['IAM.7'],
    },
  },
  {
    id: 'IAM-REGION-GUARDRAIL',
    statement: 'Staff roles cannot act outside the environment\'s allowed regions, except on global services.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All of our services and data are hosted in Lexagle facilities in Singapore',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'StaffRoles RegionGuardrail managed policy on every staff role: Deny NotAction GLOBAL_SERVICE_ACTIONS (IAM, STS, Organizations, billing, support, Route 53, CloudFront and its WAF/Shield/ACM certificates, ...) on * when StringNotEquals aws:RequestedRegion allowedRegions; docs/identity.md gives the equivalent service control policy (a test keeps its exemptions equal).',
    detectors: {
      none: 'No managed detector evaluates region conditions in IAM policies; the organisation\'s service control policy (docs/identity.md) is the second net, and CloudTrail records calls in any region.',
    },
  },
  {
    id: 'IAM-ACCESS-ANALYZER',
    statement: 'IAM Access Analyzer continuously reports any resource shared outside the account.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All access to our infrastructure is based on the principle of least privilege.',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "We set strict controls over our employees' access to customer's personal data.",
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AccessAnalyzer (account-baseline stack): AWS::AccessAnalyzer::Analyzer of Type ACCOUNT, plus ACCOUNT_UNUSED_ACCESS where accountBaseline.unusedAccessAgeDays is set (reported as inherited when the organisation runs it centrally).',
    detectors: {
      none: 'No managed Config rule or Security Hub control of the verified reference checks that an analyzer exists; the analyzer\'s own findings reach Security Hub and the HIGH/CRITICAL finding route.',
    },
  },
  {
    id: 'IAM-NO-WILDCARD-ADMIN',
    statement: 'No IAM policy allows * on * except those of the MFA-gated administrator and break-glass roles.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Administrative access follows the principle of least privilege',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'Test over every synthesized AWS::IAM::Policy, ManagedPolicy and inline Role/Group/User policy of every stack: an Allow with Action * and Resource * appears only in the StaffRoles AdministratorAccess policy, attached only to the MFA-gated (with MFA age) administrator and break-glass roles.',
    detectors: {
      none: 'IAM.1 and IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS flag every * on * policy, including the MFA-gated administrator and break-glass policy that holds it by design, so they cannot tell drift from design here; the tests and the IAM policy change alarm (MON-CIS-ALARMS) watch it.',
    },
  },
  {
    id: 'IAM-BREAK-GLASS-ALERT',
    statement: 'Every assumption of the break-glass role raises a security alert.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security-relevant events (e.g., admin access, authentication failures, data export, system errors) are logged.',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'When security events are detected they are escalated to our emergency alias',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'BreakGlassAlert: AWS::Events::Rule on source aws.sts, AWS API Call via CloudTrail, eventName AssumeRole or AssumeRoleWithSAML, requestParameters.roleArn the break-glass role (<env>-break-glass, named from BREAK_GLASS_ROLE_SUFFIX), in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (AssumeRole* are read-only management events), targeting the security alert topic; assumptions through the global STS endpoint, which EventBridge receives in us-east-1, reach that rule through the GlobalEvents stack (alerts.forwardGlobalEvents, default true): an AWS::Events::Rule in us-east-1 in the same state with the same breakGlassEventPattern() targeting the home region\'s default event bus through a role that may only events:PutEvents to it; the account baseline\'s CIS alarm BreakGlassRoleUse is a metric filter on the account trail log group built from the same BreakGlassAlert.filterPattern() with the role-ARN glob *-break-glass (every region, including assumptions through the global STS endpoint).',
    detectors: {
      none: 'The control is itself detection (EventBridge rules and a CIS alarm); no managed detector evaluates an EventBridge rule\'s state. Its dead-letter queue alarms when a delivery fails.',
    },
  },
  {
    id: 'IAM-CUSTOMER-DATA-RESTRICTED',
    statement:
      'The developer, operator and auditor roles are denied direct reads of customer data (databases, tenant keys and secrets, objects, the customer directory, database logs, shells and unmasking); the tenant workload, administrator and break-glass roles are not.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Only authorised personnel have access to data' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "We set strict controls over our employees' access to customer's personal data.",
      },
      { seed: '001_b709435b510d2964.txt', quote: 'Access to data is extremely restricted.' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'in order to diagnose a problem our customers are having we may need to access their data',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'partial',
    missing:
      '"Access to data is extremely restricted" (001) holds only for direct reads. CloudFormation deploys through the CDK bootstrap\'s execution role, which holds AdministratorAccess unless the account was bootstrapped with the generated policy (npm run cfn-execution-policy, docs/identity.md); that bootstrap is manual, nothing here checks which policy the role holds, and the operator role deploys through it, so an operator can deploy a change (a function, a task, a grant) that reads customer data. The developer and operator roles read every log group but the database ones: application logs (personal data masked, LOG-NO-CLIENT-CONTENT), WAF logs (request paths and headers other than authorization and cookie), the trail\'s log group (object keys of customer buckets), flow logs and VPN connection logs.',
    enforcement:
      'StaffRoles CustomerDataDeny managed policy on the operator, developer and security-auditor roles: explicit Deny of rds-db:connect and rds-data:*, secretsmanager:GetSecretValue, kms:Decrypt/ReEncryptFrom/GenerateDataKey*/CreateGrant on keys tagged with the tenant tag (aws:ResourceTag/saas-security-baseline:tenant present), s3:GetObject* on all buckets, ecs:ExecuteCommand, ssm:StartSession, logs:Unmask, the log-event reads (GetLogEvents, FilterLogEvents, StartQuery, StartLiveTail, GetLogRecord, CreateExportTask) of the /aws/rds/* database log groups (DenyDatabaseLogReads), s3:GetObject* on the objects of the Cognito authentication event bucket (named, beside the all-bucket deny) and reads of the Cognito customer directory (ListUsers, AdminGetUser, DescribeIdentityProvider, ...).',
    detectors: {
      none: 'No managed detector evaluates explicit denies for staff roles; the tests read the policies on every synthesis, and CloudTrail records every data-plane call.',
    },
  },

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
  },
];
