import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { AccessLogBucket } from '../constructs/common/access-log-bucket';
import { EncryptionKey } from '../constructs/common/encryption-key';
import { BreakGlassAlert, breakGlassRoleArn } from '../constructs/identity/break-glass-alert';
import { CustomerUserPool } from '../constructs/identity/customer-user-pool';
import { MfaRequiredGroup } from '../constructs/identity/mfa-required-group';
import { StaffRoles } from '../constructs/identity/staff-roles';
import type { AlertTopics } from '../constructs/monitoring/alert-topics';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/** Props of {@link IdentityStack}. */
export interface IdentityStackProps extends BaselineStackProps {
  /** The alert topics; break-glass use pages the security topic. */
  readonly alerting: { readonly topics: AlertTopics };
}

const MFA = { required: cognito.Mfa.REQUIRED, optional: cognito.Mfa.OPTIONAL } as const;

/**
 * Who gets in: staff roles with MFA and a region guardrail, the MFA requirement for IAM users,
 * the break-glass alert, and the customer user pool. The account password policy and IAM
 * Access Analyzer are account-wide and live in the account-baseline stack.
 */
export class IdentityStack extends BaselineStack {
  public readonly staff: StaffRoles;
  public readonly mfaRequired: MfaRequiredGroup;
  public readonly breakGlassAlert: BreakGlassAlert;
  public readonly customers: CustomerUserPool;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, { description: `Identity of ${props.config.name}: staff roles, MFA, customer sign-in`, ...props });
    const { config } = this;
    const { identity, signIn } = config;

    // Created before the staff roles: the customer-data deny names the authentication event bucket.
    const logKey = new EncryptionKey(this, 'LogKey', { description: `${config.name} customer sign-in logs` });
    const accessLogs = new AccessLogBucket(this, 'AccessLogs', { delivery: 's3-server-access-logs', retentionDays: config.logs.retentionDays });
    this.customers = new CustomerUserPool(this, 'Customers', {
      domainName: config.edge.domainName,
      cognitoDomainPrefix: `ssb-${config.name}-${config.account}`,
      authDomainCertificate: signIn.authDomainCertificateArn
        ? acm.Certificate.fromCertificateArn(this, 'AuthDomainCertificate', signIn.authDomainCertificateArn)
        : undefined,
      fromEmail: signIn.email.from,
      mfa: MFA[signIn.mfa],
      secondFactor: signIn.secondFactor,
      passwordMinLength: signIn.password.minLength,
      passwordHistorySize: signIn.password.historySize,
      selfSignUp: signIn.selfSignUp,
      groups: signIn.groups,
      callbackPaths: signIn.callbackPaths,
      tokenValidity: Duration.minutes(signIn.tokenMinutes),
      refreshTokenValidity: Duration.hours(signIn.refreshTokenHours),
      identityProviders: signIn.identityProviders,
      logKey: logKey.key,
      logRetentionDays: config.logs.retentionDays,
      accessLogsBucket: accessLogs.bucket,
    });

    this.staff = new StaffRoles(this, 'Staff', {
      namePrefix: config.name,
      trustedPrincipals: identity.trustedPrincipals,
      allowedRegions: config.allowedRegions,
      sessionDuration: Duration.hours(identity.sessionHours),
      privilegedSessionDuration: Duration.hours(identity.privilegedSessionHours),
      mfaMaxAge: Duration.seconds(identity.mfaMaxAgeSeconds),
      customerDataBuckets: [this.customers.authEventBucket],
      samlMfaEnforcedBy: identity.samlMfaEnforcedBy,
    });
    this.mfaRequired = new MfaRequiredGroup(this, 'MfaRequired', { groupName: `${config.name}-mfa-required` });
    this.breakGlassAlert = new BreakGlassAlert(this, 'BreakGlassAlert', {
      roleArn: breakGlassRoleArn(this, config.name),
      topic: props.alerting.topics.security,
      deadLetterAlarmTopics: [props.alerting.topics.security, props.alerting.topics.operations],
    });
    this.breakGlassAlert.node.addDependency(this.staff.breakGlass);
  }
}
