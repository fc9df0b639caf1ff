/**
 * Customer sign-in (SIGNIN-*): the user pool, its app client, providers and logs, read from the
 * synthesized templates. One in-process synthesis covers what the sample environments do not
 * configure (optional MFA, Facebook, Apple and OIDC providers).
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import type { EnvironmentConfig } from '../lib/config/schema';
import { CustomerUserPool } from '../lib/constructs/identity/customer-user-pool';
import { AlertingStack } from '../lib/stacks/alerting-stack';
import { IdentityStack } from '../lib/stacks/identity-stack';
import { ENV_NAMES, allResources, templateJson } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const ofType = (resources: Record<string, any>, type: string) => Object.entries<any>(resources).filter(([, r]) => r.Type === type);
const one = (resources: Record<string, any>, type: string) => {
  const found = ofType(resources, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return { id: found[0][0], ...found[0][1] };
};

describe.each(ENV_NAMES)('customer sign-in of %s', (env) => {
  const config = CONFIGS[env];
  const resources = templateJson(env, 'Identity').Resources;
  const pool = one(resources, 'AWS::Cognito::UserPool');
  const client = one(resources, 'AWS::Cognito::UserPoolClient');
  const p = pool.Properties;
  const authBucketId = one(resources, 'AWS::Cognito::LogDeliveryConfiguration').Properties.LogConfigurations[0].S3Configuration?.BucketArn?.['Fn::GetAtt']?.[0];
  const authBucket = { id: authBucketId, ...resources[authBucketId] };
  const authKey = (() => {
    const keyId = authBucket.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.KMSMasterKeyID?.['Fn::GetAtt']?.[0];
    return { id: keyId, ...resources[keyId] };
  })();
  const authPolicy: any[] = ofType(resources, 'AWS::S3::BucketPolicy').find(([, r]) => r.Properties.Bucket.Ref === authBucketId)?.[1].Properties.PolicyDocument.Statement ?? [];

  test('SIGNIN-USER-POOL: one pool on the Plus plan, e-mail as the unique case-insensitive sign-in, deletion-protected and retained', () => {
    expect(p.UserPoolTier).toBe('PLUS');
    expect(p.UsernameAttributes).toEqual(['email']);
    expect(p.UsernameConfiguration).toEqual({ CaseSensitive: false });
    expect(p.AutoVerifiedAttributes).toEqual(['email']);
    expect(p.UserAttributeUpdateSettings).toEqual({ AttributesRequireVerificationBeforeUpdate: ['email'] });
    expect(p.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toMatch(/^(Retain|RetainExceptOnCreate)$/);
    // Recovery by verified e-mail only: no SMS recovery to hijack by SIM swap.
    expect(p.AccountRecoverySetting).toEqual({ RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] });
    expect(p.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: !config.signIn.selfSignUp });
  });

  test('SIGNIN-MFA: MFA as configured (never off), TOTP plus the configured second factor', () => {
    expect(p.MfaConfiguration).toBe({ required: 'ON', optional: 'OPTIONAL' }[config.signIn.mfa]);
    expect(p.MfaConfiguration).not.toBe('OFF');
    const factor = config.signIn.secondFactor === 'email' ? 'EMAIL_OTP' : 'SMS_MFA';
    expect([...p.EnabledMfas].sort()).toEqual(['SOFTWARE_TOKEN_MFA', factor].sort());
    if (factor === 'SMS_MFA') {
      // Cognito's SMS role: a customer-managed policy, assumable by Cognito with the pool's external ID only.
      const role = resources[p.SmsConfiguration.SnsCallerArn['Fn::GetAtt'][0]].Properties;
      const [trust] = role.AssumeRolePolicyDocument.Statement;
      expect(trust.Principal).toEqual({ Service: 'cognito-idp.amazonaws.com' });
      expect(trust.Condition.StringEquals['sts:ExternalId']).toBe(p.SmsConfiguration.ExternalId);
      expect(role.Policies).toBeUndefined();
    } else {
      // E-mail codes need an SES sender in the home region.
      expect(p.EmailConfiguration.EmailSendingAccount).toBe('DEVELOPER');
      expect(JSON.stringify(p.EmailConfiguration.SourceArn)).toContain(`:ses:${config.region}:`);
    }
  });

  test('SIGNIN-PASSWORDLESS: passkeys are a first factor that satisfies MFA, bound to the HTTPS domain; e-mail codes only where MFA is optional', () => {
    // Cognito offers no passwordless code to a user with MFA: under required MFA the passkey,
    // verified by PIN or biometric, is the passwordless factor, and it counts as MFA.
    const expected = config.signIn.mfa === 'optional' ? ['EMAIL_OTP', 'PASSWORD', 'WEB_AUTHN'] : ['PASSWORD', 'WEB_AUTHN'];
    expect([...p.Policies.SignInPolicy.AllowedFirstAuthFactors].sort()).toEqual(expected);
    expect(p.WebAuthnFactorConfiguration).toBe('MULTI_FACTOR_WITH_USER_VERIFICATION');
    expect(p.WebAuthnRelyingPartyID).toBe(config.edge.domainName);
    expect(p.WebAuthnUserVerification).toBe('required');
    expect(p.EmailConfiguration).toEqual(expect.objectContaining({ EmailSendingAccount: 'DEVELOPER', From: config.signIn.email.from }));
    expect(client.Properties.ExplicitAuthFlows).toContain('ALLOW_USER_AUTH');
    expect(one(resources, 'AWS::Cognito::UserPoolDomain').Properties.ManagedLoginVersion).toBe(2);
    expect(one(resources, 'AWS::Cognito::ManagedLoginBranding').Properties).toEqual({
      UserPoolId: { Ref: pool.id },
      ClientId: { Ref: client.id },
      UseCognitoProvidedValues: true,
    });
  });

  test('SIGNIN-THREAT-PROTECTION: threat protection is enforced for standard and custom authentication; compromised credentials are blocked, risky sign-ins challenged or blocked', () => {
    expect(p.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED', AdvancedSecurityAdditionalFlows: { CustomAuthMode: 'ENFORCED' } });
    const risk = one(resources, 'AWS::Cognito::UserPoolRiskConfigurationAttachment').Properties;
    expect(risk.UserPoolId).toEqual({ Ref: pool.id });
    expect(risk.ClientId).toBe('ALL');
    expect(risk.CompromisedCredentialsRiskConfiguration.Actions.EventAction).toBe('BLOCK');
    const { LowAction, MediumAction, HighAction } = risk.AccountTakeoverRiskConfiguration.Actions;
    expect([LowAction.EventAction, MediumAction.EventAction, HighAction.EventAction]).toEqual(['NO_ACTION', 'MFA_REQUIRED', 'BLOCK']);
  });

  test('SIGNIN-PASSWORD-POLICY: at least 12 characters of every class, no reuse of recent passwords', () => {
    const policy = p.Policies.PasswordPolicy;
    expect(policy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(policy.MinimumLength).toBe(config.signIn.password.minLength);
    expect(policy).toEqual(expect.objectContaining({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }));
    expect(policy.PasswordHistorySize).toBe(config.signIn.password.historySize);
    expect(policy.TemporaryPasswordValidityDays).toBeLessThanOrEqual(7);
  });

  test('SIGNIN-RBAC-GROUPS: one group per configured role, with precedence in config order', () => {
    const groups = ofType(resources, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties);
    expect(groups.map((g) => [g.GroupName, g.Precedence])).toEqual(config.signIn.groups.map((g, i) => [g, i]));
    for (const g of groups) expect(g.UserPoolId).toEqual({ Ref: pool.id });
  });

  test('SIGNIN-APP-CLIENT: authorization-code flow only, no secret, no password flows, short revocable tokens, no user-existence leaks', () => {
    const c = client.Properties;
    expect(c.AllowedOAuthFlows).toEqual(['code']);
    expect(c.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(c.GenerateSecret).toBe(false);
    expect(c.ExplicitAuthFlows).toEqual(['ALLOW_USER_AUTH']);
    for (const f of ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH']) expect(c.ExplicitAuthFlows).not.toContain(f);
    expect(c.TokenValidityUnits).toEqual({ AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' });
    for (const v of [c.AccessTokenValidity, c.IdTokenValidity]) {
      expect(v).toBe(config.signIn.tokenMinutes);
      expect(v).toBeGreaterThanOrEqual(15);
      expect(v).toBeLessThanOrEqual(60);
    }
    expect(c.RefreshTokenValidity).toBe(config.signIn.refreshTokenHours * 60);
    expect(c.RefreshTokenValidity).toBeLessThanOrEqual(30 * 24 * 60);
    expect(c.RefreshTokenRotation.Feature).toBe('ENABLED');
    expect(c.EnableTokenRevocation).toBe(true);
    expect(c.PreventUserExistenceErrors).toBe('ENABLED');
    expect(c.AllowedOAuthScopes.sort()).toEqual(['email', 'openid', 'profile']);
    for (const url of [...c.CallbackURLs, ...c.LogoutURLs]) expect(url.startsWith(`https://${config.edge.domainName}/`)).toBe(true);
  });

  test('SIGNIN-FEDERATION: each configured provider is registered with sign-in scopes only and offered by the app client', () => {
    const providers = ofType(resources, 'AWS::Cognito::UserPoolIdentityProvider').map(([id, r]) => ({ id, ...r.Properties }));
    expect(providers.map((x) => x.ProviderType.toLowerCase())).toEqual(config.signIn.identityProviders.map((x) => x.type));
    for (const x of providers) {
      expect(x.ProviderDetails.authorize_scopes.split(' ').sort()).toEqual(['email', 'openid', 'profile']);
      expect(client.Properties.SupportedIdentityProviders).toContainEqual({ Ref: x.id });
    }
  });

  test('SIGNIN-AUTH-LOGGING: authentication events (userAuthEvents, INFO) are delivered to the pool\'s S3 bucket only', () => {
    const delivery = one(resources, 'AWS::Cognito::LogDeliveryConfiguration').Properties;
    expect(delivery.UserPoolId).toEqual({ Ref: pool.id });
    // One destination, the bucket: Cognito refuses KMS-encrypted log groups, so none is used.
    expect(delivery.LogConfigurations).toEqual([{ EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: { 'Fn::GetAtt': [authBucket.id, 'Arn'] } } }]);
    expect(ofType(resources, 'AWS::Logs::LogGroup')).toEqual([]);
    expect(ofType(resources, 'AWS::Logs::ResourcePolicy')).toEqual([]);
  });

  test('SIGNIN-AUTH-LOGGING: the event bucket is SSE-KMS with the customer-managed key, TLS-only, private, versioned, logged and retained', () => {
    const b = authBucket.Properties;
    const [rule] = b.BucketEncryption.ServerSideEncryptionConfiguration;
    expect(rule.ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [authKey.id, 'Arn'] } });
    expect(rule.BucketKeyEnabled).toBe(true);
    expect(authKey.Properties.EnableKeyRotation).toBe(true);
    expect(b.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(b.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(b.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(b.LoggingConfiguration.DestinationBucketName.Ref).toBeDefined();
    expect(b.LoggingConfiguration.DestinationBucketName.Ref).not.toBe(authBucket.id);
    // Kept on stack deletion (RetainExceptOnCreate also deletes it only if its own creation rolls back).
    expect(authBucket.DeletionPolicy).toMatch(/^(Retain|RetainExceptOnCreate)$/);
    expect(authBucket.UpdateReplacePolicy).toBe('Retain');
    const tls = authPolicy.filter((st: any) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false');
    expect(tls).toHaveLength(1);
    expect(authPolicy.some((st: any) => st.Effect === 'Deny' && st.Condition?.NumericLessThan?.['s3:TlsVersion'] === 1.2)).toBe(true);
  });

  test('SIGNIN-AUTH-LOGGING: events expire after logs.retentionDays (deleted or expired files 30 days later)', () => {
    const rules = authBucket.Properties.LifecycleConfiguration.Rules.filter((r: any) => r.Status === 'Enabled');
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ ExpirationInDays: config.logs.retentionDays, NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
  });

  test('SIGNIN-AUTH-LOGGING: only the log delivery service, for this account and region, may write the bucket and use its key', () => {
    const fromThisAccount = {
      StringEquals: expect.objectContaining({ 'aws:SourceAccount': config.account }),
      ArnLike: { 'aws:SourceArn': `arn:aws:logs:${config.region}:${config.account}:*` },
    };
    const allows = authPolicy.filter((st: any) => st.Effect === 'Allow');
    expect(allows.map((st: any) => st.Principal)).toEqual(allows.map(() => ({ Service: 'delivery.logs.amazonaws.com' })));
    const write = allows.find((st: any) => st.Action === 's3:PutObject');
    expect(write.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [authBucket.id, 'Arn'] }, `/AWSLogs/${config.account}/*`]] });
    expect(write.Condition).toEqual(fromThisAccount);
    expect(write.Condition.StringEquals['s3:x-amz-acl']).toBe('bucket-owner-full-control');
    const check = allows.find((st: any) => [st.Action].flat().includes('s3:GetBucketAcl'));
    expect([check.Action].flat().sort()).toEqual(['s3:GetBucketAcl', 's3:ListBucket']);
    expect(check.Resource).toEqual({ 'Fn::GetAtt': [authBucket.id, 'Arn'] });
    expect(check.Condition).toEqual(fromThisAccount);
    expect(allows).toHaveLength(2);
    // The key: beside the account's own administration, only the delivery service, with the actions
    // CloudWatch Logs documents for SSE-KMS destinations ("Logs sent to Amazon S3").
    const services = authKey.Properties.KeyPolicy.Statement.filter((st: any) => st.Principal?.Service);
    expect(services).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
        Resource: '*',
        Condition: fromThisAccount,
      }),
    ]);
  });
});

describe('SIGNIN-FEDERATION: no identity provider secret is ever in a template', () => {
  test('SIGNIN-FEDERATION: every provider secret in every stack is a Secrets Manager dynamic reference', () => {
    const providers = allResources().filter((r) => r.type === 'AWS::Cognito::UserPoolIdentityProvider');
    expect(providers.length).toBeGreaterThan(0);
    for (const r of providers) {
      const secret = r.props.ProviderDetails.client_secret ?? r.props.ProviderDetails.private_key;
      expect({ provider: r.logicalId, secret }).toEqual({ provider: r.logicalId, secret: expect.stringMatching(/^\{\{resolve:secretsmanager:arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+\}\}$/) });
    }
  });
});

describe('customer sign-in with optional MFA and every provider type (in-process synthesis)', () => {
  const base = CONFIGS.production;
  const secret = (name: string) => `arn:aws:secretsmanager:${base.region}:${base.account}:secret:signin/${name}-AbCdEf`;
  const config: EnvironmentConfig = {
    ...base,
    signIn: {
      ...base.signIn,
      mfa: 'optional',
      groups: ['owner', 'editor'],
      authDomainCertificateArn: `arn:aws:acm:us-east-1:${base.account}:certificate/33333333-3333-4333-8333-333333333333`,
      identityProviders: [
        { type: 'facebook', clientId: '1234567890', clientSecretArn: secret('facebook') },
        { type: 'apple', clientId: 'com.example.app', clientSecretArn: secret('apple'), teamId: 'ABCDE12345', keyId: 'KEY1234567' },
        { type: 'oidc', clientId: 'okta-client', clientSecretArn: secret('okta'), name: 'Okta', issuerUrl: 'https://example.okta.com' },
      ],
    },
  };
  const app = new App();
  const alerting = new AlertingStack(app, 'Alerting', { config });
  const resources = Template.fromStack(new IdentityStack(app, 'Identity', { config, alerting })).toJSON().Resources;

  test('SIGNIN-MFA: optional MFA from config keeps TOTP and e-mail codes available', () => {
    const pool = one(resources, 'AWS::Cognito::UserPool').Properties;
    expect(pool.MfaConfiguration).toBe('OPTIONAL');
    expect([...pool.EnabledMfas].sort()).toEqual(['EMAIL_OTP', 'SOFTWARE_TOKEN_MFA']);
  });

  test('SIGNIN-PASSWORDLESS: with optional MFA, e-mail one-time codes join passkeys as first factors', () => {
    const pool = one(resources, 'AWS::Cognito::UserPool').Properties;
    expect([...pool.Policies.SignInPolicy.AllowedFirstAuthFactors].sort()).toEqual(['EMAIL_OTP', 'PASSWORD', 'WEB_AUTHN']);
    // Users who did set up MFA still sign in without a password: with a passkey, which counts as MFA.
    expect(pool.WebAuthnFactorConfiguration).toBe('MULTI_FACTOR_WITH_USER_VERIFICATION');
  });

  test('SIGNIN-FEDERATION: Facebook, Apple and OIDC providers read their secrets from Secrets Manager and ask sign-in scopes only', () => {
    const providers = Object.fromEntries(ofType(resources, 'AWS::Cognito::UserPoolIdentityProvider').map(([, r]) => [r.Properties.ProviderType, r.Properties]));
    expect(Object.keys(providers).sort()).toEqual(['Facebook', 'OIDC', 'SignInWithApple']);
    expect(providers.Facebook.ProviderDetails.client_secret).toBe(`{{resolve:secretsmanager:${secret('facebook')}:SecretString:::}}`);
    expect(providers.SignInWithApple.ProviderDetails.private_key).toBe(`{{resolve:secretsmanager:${secret('apple')}:SecretString:::}}`);
    expect(providers.OIDC.ProviderDetails.client_secret).toBe(`{{resolve:secretsmanager:${secret('okta')}:SecretString:::}}`);
    expect(providers.OIDC.ProviderDetails.oidc_issuer).toBe('https://example.okta.com');
    expect(providers.Facebook.ProviderDetails.authorize_scopes.split(/[ ,]/).sort()).toEqual(['email', 'public_profile']);
    expect(providers.SignInWithApple.ProviderDetails.authorize_scopes.split(' ').sort()).toEqual(['email', 'name']);
    expect(providers.OIDC.ProviderDetails.authorize_scopes.split(' ').sort()).toEqual(['email', 'openid', 'profile']);
  });

  test('SIGNIN-PASSWORDLESS: with a us-east-1 certificate, managed login runs on auth.<domain>, which is the passkey relying party', () => {
    const domain = one(resources, 'AWS::Cognito::UserPoolDomain').Properties;
    expect(domain.Domain).toBe(`auth.${base.edge.domainName}`);
    expect(domain.CustomDomainConfig).toEqual({ CertificateArn: config.signIn.authDomainCertificateArn });
    // Cognito: with a custom domain and managed login, the relying party ID must be the custom
    // domain's fully-qualified name (a parent domain is not accepted).
    expect(one(resources, 'AWS::Cognito::UserPool').Properties.WebAuthnRelyingPartyID).toBe(domain.Domain);
  });

  test('SIGNIN-RBAC-GROUPS: groups follow the config', () => {
    expect(ofType(resources, 'AWS::Cognito::UserPoolGroup').map(([, g]) => [g.Properties.GroupName, g.Properties.Precedence])).toEqual([
      ['owner', 0],
      ['editor', 1],
    ]);
  });
});

describe('CustomerUserPool validates its props', () => {

  test.each<[string, object, RegExp]>([
    ['SIGNIN-MFA: MFA off', { mfa: cognito.Mfa.OFF }, /mfa got OFF, expected REQUIRED or OPTIONAL/],
    ['SIGNIN-PASSWORD-POLICY: a password shorter than 12', { passwordMinLength: 8 }, /passwordMinLength got 8, expected 12 to 99/],
    ['SIGNIN-APP-CLIENT: tokens of two hours', { tokenValidity: Duration.hours(2) }, /tokenValidity got 120 minutes, expected 15 to 60/],
    ['SIGNIN-AUTH-LOGGING: a retention of no days', { logRetentionDays: 0 }, /logRetentionDays got 0, expected a whole number of days, at least 1/],
  ])('throws on %s', (_name, change, message) => {
    const stack = new Stack();
    const props = {
      domainName: 'app.example.com',
      cognitoDomainPrefix: 'x',
      fromEmail: 'a@example.com',
      logKey: new kms.Key(stack, 'K'),
      logRetentionDays: 30,
      accessLogsBucket: new s3.Bucket(stack, 'AccessLogs'),
    };
    expect(() => new CustomerUserPool(stack, 'Pool', { ...props, ...change })).toThrow(message);
  });
});
