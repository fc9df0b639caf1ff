/**
 * The customer user pool: customer sign-in on Cognito (SIGNIN-* controls). The construct is the
 * class below, its constructor a list of well-named steps; its identity providers are built in
 * `customer-identity-providers.ts` and the log delivery's permissions in `vended-log-delivery.ts`.
 */
import { Duration, Stack, Token } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { SecureBucket } from '../common/secure-bucket';
import { addIdentityProvider, type CustomerIdentityProvider } from './customer-identity-providers';
import { allowVendedLogDelivery } from './vended-log-delivery';

export type { CustomerIdentityProvider } from './customer-identity-providers';

/** Props of {@link CustomerUserPool}. */
export interface CustomerUserPoolProps {
  /** The application's HTTPS domain: callback and sign-out URLs, and the passkey relying party unless `authDomainCertificate` is set. */
  readonly domainName: string;
  /** Prefix of the Cognito-hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`), globally unique. */
  readonly cognitoDomainPrefix: string;
  /**
   * Certificate (in us-east-1) for the custom sign-in domain `auth.<domainName>`. With a custom
   * domain, Cognito requires the passkey relying party to be that domain's full name, so
   * passkeys are then bound to `auth.<domainName>` and work in managed login there.
   * CAUTION: adding or removing it changes the relying party, and passkeys registered before
   * stop working (users register them again).
   * @default - managed login on the Cognito prefix domain; passkeys are bound to `domainName`
   *   and work only in the application's own sign-in UI there
   */
  readonly authDomainCertificate?: acm.ICertificate;
  /** Verified SES sender for codes and verification messages (e-mail one-time codes need SES). */
  readonly fromEmail: string;
  /**
   * MFA for every user (`REQUIRED`) or for those who opt in (`OPTIONAL`). `OFF` is refused.
   * With `REQUIRED`, the passwordless first factor is the passkey only (it satisfies MFA); with
   * `OPTIONAL`, an e-mailed one-time code is offered too, to users who have not set up MFA.
   * @default cognito.Mfa.REQUIRED
   */
  readonly mfa?: cognito.Mfa;
  /**
   * The MFA factor offered beside TOTP authenticator apps.
   * @default 'email'
   */
  readonly secondFactor?: 'email' | 'sms';
  /**
   * Minimum password length, 12 to 99; every character class is always required.
   * @default 12
   */
  readonly passwordMinLength?: number;
  /**
   * Previous passwords a user may not reuse, 0 to 24.
   * @default 24
   */
  readonly passwordHistorySize?: number;
  /**
   * Let anyone sign up from the sign-in page.
   * @default false - users are created by administrators or the application's invitation flow
   */
  readonly selfSignUp?: boolean;
  /**
   * Role groups, highest precedence first; carried in the tokens' `cognito:groups` claim.
   * @default ['admin', 'member', 'viewer']
   */
  readonly groups?: readonly string[];
  /**
   * Paths on `domainName` Cognito may redirect to after sign-in.
   * @default ['/auth/callback']
   */
  readonly callbackPaths?: readonly string[];
  /**
   * Lifetime of access and ID tokens, 15 to 60 minutes.
   * @default Duration.minutes(15)
   */
  readonly tokenValidity?: Duration;
  /**
   * Lifetime of refresh tokens, 1 hour to 30 days.
   * @default Duration.hours(12)
   */
  readonly refreshTokenValidity?: Duration;
  /**
   * Social and OIDC identity providers customers may sign in with.
   * @default [] - e-mail sign-in only
   */
  readonly identityProviders?: readonly CustomerIdentityProvider[];
  /**
   * Customer-managed key of the authentication event bucket (SSE-KMS). The construct adds the
   * key-policy statement that lets the log delivery service, for this account only, use it.
   */
  readonly logKey: kms.IKey;
  /** Days to keep authentication events before the bucket's lifecycle expires them; at least 1. */
  readonly logRetentionDays: number;
  /** Bucket receiving the server access logs of the authentication event bucket (an SSE-S3 access-log bucket). */
  readonly accessLogsBucket: s3.IBucket;
}

/**
 * Customer sign-in: a Cognito user pool on the Plus feature plan (SIGNIN-USER-POOL) with
 *
 * - MFA by TOTP plus e-mail or SMS, required by default (SIGNIN-MFA);
 * - passwordless first factors (SIGNIN-PASSWORDLESS): passkeys, which verify the user and so
 *   count as MFA, always; e-mail one-time codes only where MFA is optional, because Cognito
 *   offers no passwordless code to a user who has MFA;
 * - threat protection enforced for standard and custom authentication, blocking compromised
 *   credentials and risky sign-ins (SIGNIN-THREAT-PROTECTION);
 * - a password policy of at least 12 characters of every class (SIGNIN-PASSWORD-POLICY);
 * - role groups (SIGNIN-RBAC-GROUPS), optional social/OIDC providers with secrets from Secrets
 *   Manager (SIGNIN-FEDERATION);
 * - one public app client: authorization-code flow, no secret, short revocable tokens
 *   (SIGNIN-APP-CLIENT);
 * - authentication events in an S3 bucket encrypted with the customer-managed key, expired
 *   after the log retention (SIGNIN-AUTH-LOGGING);
 * - deletion protection, recovery by verified e-mail only.
 */
export class CustomerUserPool extends Construct {
  /** The user pool. */
  public readonly userPool: cognito.UserPool;
  /** The application's client. */
  public readonly appClient: cognito.UserPoolClient;
  /** Where authentication events go. */
  public readonly authEventBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: CustomerUserPoolProps) {
    super(scope, id);
    const settings = settingsOf(id, props);
    this.userPool = this.createUserPool(props, settings);
    this.riskConfiguration();
    this.addGroups(props.groups ?? ['admin', 'member', 'viewer']);
    const providers = (props.identityProviders ?? []).map((p) => addIdentityProvider(this, this.userPool, p));
    this.addDomain(props);
    this.appClient = this.createAppClient(props, settings, providers);
    this.managedLoginBranding();
    this.authEventBucket = this.authEventLogs(props);
  }

  /** The pool: Plus plan, threat protection, e-mail sign-in, MFA, the password policy and passwordless factors. */
  private createUserPool(props: CustomerUserPoolProps, settings: PoolSettings): cognito.UserPool {
    const { mfa, secondFactor, minLength } = settings;
    const userPool = new cognito.UserPool(this, 'Resource', {
      // Plus is the plan with threat protection and authentication event logs.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      // Custom authentication (Lambda challenges) is off in the app client; should a later client
      // turn it on, its sign-ins are risk-scored and blocked the same way.
      customThreatProtectionMode: cognito.CustomThreatProtectionMode.FULL_FUNCTION,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // An address change takes effect only once the new address is verified.
      keepOriginal: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      selfSignUpEnabled: props.selfSignUp ?? false,
      mfa,
      mfaSecondFactor: { otp: true, email: secondFactor === 'email', sms: secondFactor === 'sms' },
      ...(secondFactor === 'sms' ? this.smsRole() : {}),
      passwordPolicy: {
        minLength,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: props.passwordHistorySize ?? 24,
        tempPasswordValidity: Duration.days(3),
      },
      // Passwordless first factors (CDK requires the password factor to stay allowed). An e-mailed
      // code is one factor, and Cognito does not offer it to users with MFA: under required MFA
      // it would be a choice nobody can use, so it is offered only where MFA is optional.
      signInPolicy: { allowedFirstAuthFactors: { password: true, emailOtp: mfa === cognito.Mfa.OPTIONAL, passkey: true } },
      // With a custom domain and managed login, Cognito requires the relying party to be the
      // custom domain's full name (WebAuthnConfigurationType.RelyingPartyId); without one, the
      // application's own domain, where its sign-in UI runs passkeys through the SDK.
      passkeyRelyingPartyId: props.authDomainCertificate ? authDomainOf(props.domainName) : props.domainName,
      // The authenticator must verify the user (PIN or biometric): a passkey is then two factors.
      passkeyUserVerification: cognito.PasskeyUserVerification.REQUIRED,
      email: cognito.UserPoolEmail.withSES({
        fromEmail: props.fromEmail,
        sesRegion: Stack.of(this).region,
        sesVerifiedDomain: props.fromEmail.split('@')[1],
      }),
      // A phone number is easier to take over (SIM swap) than a verified mailbox.
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
    });
    // A passkey with user verification (PIN or biometric, required above) is something the user
    // has plus something they know or are: it satisfies MFA, so passkey sign-in stays available
    // under required MFA. The CDK L2 has no prop for it yet.
    (userPool.node.defaultChild as cognito.CfnUserPool).webAuthnFactorConfiguration = 'MULTI_FACTOR_WITH_USER_VERIFICATION';
    return userPool;
  }

  /** Threat protection's actions: block compromised credentials; MFA on medium risk, block on high. */
  private riskConfiguration(): void {
    const action = (eventAction: string) => ({ eventAction, notify: false });
    new cognito.CfnUserPoolRiskConfigurationAttachment(this, 'RiskConfiguration', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'BLOCK' } },
      accountTakeoverRiskConfiguration: {
        actions: { lowAction: action('NO_ACTION'), mediumAction: action('MFA_REQUIRED'), highAction: action('BLOCK') },
      },
    });
  }

  /** Role groups, precedence in list order (SIGNIN-RBAC-GROUPS). */
  private addGroups(groups: readonly string[]): void {
    groups.forEach((groupName, precedence) =>
      this.userPool.addGroup(`Group-${groupName}`, { groupName, precedence, description: `Customer role ${groupName}` }),
    );
  }

  /** The sign-in domain: `auth.<domainName>` with its certificate, or the Cognito prefix domain. */
  private addDomain(props: CustomerUserPoolProps): void {
    this.userPool.addDomain('Domain', {
      ...(props.authDomainCertificate
        ? { customDomain: { domainName: authDomainOf(props.domainName), certificate: props.authDomainCertificate } }
        : { cognitoDomain: { domainPrefix: props.cognitoDomainPrefix } }),
      // Managed login v2 offers the passwordless and passkey choices.
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  /** The application's one public client (SIGNIN-APP-CLIENT), created after the providers it names. */
  private createAppClient(
    props: CustomerUserPoolProps,
    settings: PoolSettings,
    providers: readonly cognito.IUserPoolIdentityProvider[],
  ): cognito.UserPoolClient {
    const { tokenValidity, refreshTokenValidity } = settings;
    const client = this.userPool.addClient('AppClient', {
      // A browser or mobile app cannot keep a secret: it is a public client that proves itself with PKCE.
      generateSecret: false,
      // USER_AUTH is the choice-based flow managed login uses for passwordless and passkeys;
      // password flows that hand the password to the application are off.
      authFlows: { user: true, userSrp: false, userPassword: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: (props.callbackPaths ?? ['/auth/callback']).map((p) => `https://${props.domainName}${p}`),
        logoutUrls: [`https://${props.domainName}/`],
      },
      supportedIdentityProviders: [
        cognito.UserPoolClientIdentityProvider.COGNITO,
        ...providers.map((p) => cognito.UserPoolClientIdentityProvider.custom(p.providerName)),
      ],
      accessTokenValidity: tokenValidity,
      idTokenValidity: tokenValidity,
      refreshTokenValidity,
      // Each refresh returns a new refresh token; the old one works only for a short retry window.
      refreshTokenRotationGracePeriod: Duration.seconds(10),
      authSessionValidity: Duration.minutes(3),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    for (const p of providers) client.node.addDependency(p);
    return client;
  }

    // Managed login v2 serves an app client only once it has a style; Cognito's default one.
  private managedLoginBranding(): void {
    new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.appClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }


  /** The role Cognito sends SMS codes with, its grant in a managed policy (not CDK's inline default). */
  private smsRole(): { smsRole: iam.IRole; smsRoleExternalId: string } {
    const externalId = `${this.node.addr}-sms`;
    const role = new ManagedPolicyRole(this, 'SmsRole', {
      description: 'Cognito sends SMS MFA codes of the customer user pool',
      assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', {
        conditions: { StringEquals: { 'sts:ExternalId': externalId, 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    // sns:Publish to a phone number has no resource ARN: '*' is the only resource IAM accepts.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    acknowledge(role, 'cognitoSmsPublish');
    return { smsRole: role, smsRoleExternalId: externalId };
  }

  /**
   * Authentication events (sign-ins, failures, risk decisions) into an S3 bucket under the
   * customer-managed key. Not a CloudWatch log group: Cognito delivers only to log groups that
   * are not KMS-encrypted (CloudWatchLogsConfigurationType.LogGroupArn), and S3 is the
   * destination that takes `userAuthEvents` under a customer-managed key. `userNotification`
   * (failed code deliveries) can go to CloudWatch Logs only, so it is not exported; SES's and
   * SNS's own delivery metrics still show failed sends.
   */
  private authEventLogs(props: CustomerUserPoolProps): s3.Bucket {
    const bucket = new SecureBucket(this, 'AuthEventBucket', {
      encryption: { kind: 'kms', key: props.logKey },
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'cognito-auth-events/',
      lifecycleRules: [
        {
          id: 'ExpireAuthEvents',
          expiration: Duration.days(props.logRetentionDays),
          // Event files are never overwritten: a noncurrent version is a deleted or expired file,
          // recoverable for 30 days and then gone (the events carry customers' personal data).
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    }).bucket;
    acknowledge(bucket, 'bucketWithoutReplication');
    acknowledge(bucket, 'controlTowerAuthEventsObjectLock');

    allowVendedLogDelivery(bucket, props.logKey);

    const configuration = new cognito.CfnLogDeliveryConfiguration(this, 'AuthEventsConfiguration', {
      userPoolId: this.userPool.userPoolId,
      logConfigurations: [
        // Every authentication event with its risk decision (Plus plan).
        { eventSource: 'userAuthEvents', logLevel: 'INFO', s3Configuration: { bucketArn: bucket.bucketArn } },
      ],
    });
    if (bucket.policy) configuration.node.addDependency(bucket.policy);
    return bucket;
  }
}

/** The props with their defaults applied. */
interface PoolSettings {
  readonly mfa: cognito.Mfa;
  readonly secondFactor: 'email' | 'sms';
  readonly minLength: number;
  readonly tokenValidity: Duration;
  readonly refreshTokenValidity: Duration;
}

/** Applies the defaults and refuses, naming the bad value, what Cognito or the seeds do not allow. */
function settingsOf(id: string, props: CustomerUserPoolProps): PoolSettings {
  const mfa = props.mfa ?? cognito.Mfa.REQUIRED;
  const secondFactor = props.secondFactor ?? 'email';
  const minLength = props.passwordMinLength ?? 12;
  const tokenValidity = props.tokenValidity ?? Duration.minutes(15);
  const refreshTokenValidity = props.refreshTokenValidity ?? Duration.hours(12);
  if (mfa === cognito.Mfa.OFF) throw new Error(`CustomerUserPool ${id}: mfa got OFF, expected REQUIRED or OPTIONAL (SIGNIN-MFA)`);
  if (minLength < 12 || minLength > 99) throw new Error(`CustomerUserPool ${id}: passwordMinLength got ${minLength}, expected 12 to 99`);
  if (tokenValidity.toMinutes() < 15 || tokenValidity.toMinutes() > 60) {
    throw new Error(`CustomerUserPool ${id}: tokenValidity got ${tokenValidity.toMinutes()} minutes, expected 15 to 60`);
  }
  if (refreshTokenValidity.toHours() < 1 || refreshTokenValidity.toHours() > 720) {
    throw new Error(`CustomerUserPool ${id}: refreshTokenValidity got ${refreshTokenValidity.toHours()} hours, expected 1 to 720`);
  }
  if (!Token.isUnresolved(props.logRetentionDays) && (!Number.isInteger(props.logRetentionDays) || props.logRetentionDays < 1)) {
    throw new Error(`CustomerUserPool ${id}: logRetentionDays got ${props.logRetentionDays}, expected a whole number of days, at least 1`);
  }
  return { mfa, secondFactor, minLength, tokenValidity, refreshTokenValidity };
}

/** The custom sign-in domain of `domainName`. */
function authDomainOf(domainName: string): string {
  return `auth.${domainName}`;
}
