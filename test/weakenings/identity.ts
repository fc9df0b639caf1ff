/**
 * Weakening fixtures of the identity controls (lib/controls/catalog/identity.ts): staff access
 * (IAM-*) and customer sign-in (SIGNIN-*), run by test/controls-diff-weakenings.test.ts.
 */
import { conditionValue, mfaRequirement, statementsOf } from '../../lib/controls/diff-rules';
import { first, remove, type Found } from './edit';
import type { Templates, Weakening } from './types';

const ROLE = 'AWS::IAM::Role';
const MANAGED_POLICY = 'AWS::IAM::ManagedPolicy';
const USER_POOL = 'AWS::Cognito::UserPool';

/** A staff role: its trust policy lets people (an account, a user, a federated identity) in. */
const staffRole = (t: Templates, where: (props: Record<string, any>) => boolean = () => true) =>
  first(t, ROLE, (p) => mfaRequirement(p.AssumeRolePolicyDocument)?.mfa === true && where(p), 'role people assume with MFA');

/** The managed policy with a statement `matches` accepts. */
const policyWith = (t: Templates, matches: (statement: any) => boolean, what: string) => first(t, MANAGED_POLICY, (p) => statementsOf(p.PolicyDocument).some(matches), what);

const redescribe = (found: Found) => {
  found.props.Description = `${found.props.Description ?? ''} (reviewed)`;
};

const customerPool = (t: Templates) => first(t, USER_POOL, () => true, 'Cognito user pool');
const retitleVerificationMail = (t: Templates) => {
  customerPool(t).props.EmailVerificationSubject = 'Confirm your e-mail address';
};

const mfaGate = (s: any) => s.Effect === 'Deny' && s.NotAction !== undefined && conditionValue(s, 'aws:MultiFactorAuthPresent') !== undefined;
const regionGate = (s: any) => s.Effect === 'Deny' && s.NotAction !== undefined && conditionValue(s, 'aws:RequestedRegion') !== undefined;
const deniesObjectReads = (s: any) => s.Effect === 'Deny' && [s.Action].flat().includes('s3:GetObject');
const breakGlassRule = (t: Templates) =>
  first(t, 'AWS::Events::Rule', (p) => [p.EventPattern?.source].flat().includes('aws.sts') && p.EventPattern?.detail?.requestParameters?.roleArn !== undefined, 'break-glass assumption rule');

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'IAM-MFA-ROLES',
    title: 'a staff role can be assumed without MFA',
    weaken: (t) => {
      for (const s of statementsOf(staffRole(t).props.AssumeRolePolicyDocument)) delete s.Condition?.Bool?.['aws:MultiFactorAuthPresent'];
    },
    neutral: (t) => redescribe(staffRole(t)),
  },
  {
    control: 'IAM-STAFF-ROLES',
    title: 'a privileged staff role keeps sessions for 12 hours instead of 1',
    weaken: (t) => {
      staffRole(t, (p) => p.MaxSessionDuration === 3600).props.MaxSessionDuration = 43200;
    },
    neutral: (t) => redescribe(staffRole(t)),
  },
  {
    control: 'IAM-MFA-USERS',
    title: 'IAM users are no longer denied everything until they sign in with MFA',
    weaken: (t) => {
      const doc = policyWith(t, mfaGate, 'MFA self-service policy').props.PolicyDocument;
      doc.Statement = statementsOf(doc).filter((s) => !mfaGate(s));
    },
    neutral: (t) => redescribe(policyWith(t, mfaGate, 'MFA self-service policy')),
  },
  {
    control: 'IAM-PASSWORD-POLICY',
    title: 'the account password policy accepts 8 characters',
    weaken: (t) => {
      first(t, 'Custom::AccountPasswordPolicy', (p) => p.MinimumPasswordLength > 8).props.MinimumPasswordLength = 8;
    },
    neutral: (t) => {
      first(t, 'Custom::AccountPasswordPolicy').props.HardExpiry = true;
    },
  },
  {
    control: 'IAM-REGION-GUARDRAIL',
    title: 'staff may also act in us-east-1',
    weaken: (t) => {
      const s = statementsOf(policyWith(t, regionGate, 'region guardrail').props.PolicyDocument).find(regionGate);
      s.Condition.StringNotEquals['aws:RequestedRegion'] = [...[s.Condition.StringNotEquals['aws:RequestedRegion']].flat(), 'us-east-1'];
    },
    neutral: (t) => redescribe(policyWith(t, regionGate, 'region guardrail')),
  },
  {
    control: 'IAM-NO-WILDCARD-ADMIN',
    title: 'a policy granting named actions also allows * on *',
    weaken: (t) => {
      const doc = policyWith(t, (s) => s.Effect === 'Allow' && s.Action !== '*', 'managed policy allowing named actions').props.PolicyDocument;
      doc.Statement = [...statementsOf(doc), { Effect: 'Allow', Action: '*', Resource: '*' }];
    },
    neutral: (t) => redescribe(policyWith(t, (s) => s.Effect === 'Allow' && s.Action !== '*', 'managed policy allowing named actions')),
  },
  {
    control: 'IAM-ACCESS-ANALYZER',
    title: 'the access analyzer is removed',
    weaken: (t) => remove(t, first(t, 'AWS::AccessAnalyzer::Analyzer')),
    neutral: (t) => {
      first(t, 'AWS::AccessAnalyzer::Analyzer').props.Tags.push({ Key: 'review', Value: 'weakening-fixture' });
    },
  },
  {
    control: 'IAM-BREAK-GLASS-ALERT',
    title: 'the break-glass alert rule is disabled',
    weaken: (t) => {
      breakGlassRule(t).props.State = 'DISABLED';
    },
    neutral: (t) => redescribe(breakGlassRule(t)),
  },
  {
    control: 'IAM-CUSTOMER-DATA-RESTRICTED',
    title: 'staff below administrator may read objects (s3:GetObject no longer denied)',
    weaken: (t) => {
      const s = statementsOf(policyWith(t, deniesObjectReads, 'deny of object reads').props.PolicyDocument).find(deniesObjectReads);
      s.Action = [s.Action].flat().filter((a: string) => a !== 's3:GetObject');
    },
    neutral: (t) => redescribe(policyWith(t, deniesObjectReads, 'deny of object reads')),
  },
  {
    control: 'SIGNIN-USER-POOL',
    title: 'the customer user pool can be deleted',
    weaken: (t) => {
      first(t, USER_POOL, (p) => p.DeletionProtection === 'ACTIVE').props.DeletionProtection = 'INACTIVE';
    },
    neutral: retitleVerificationMail,
  },
  {
    control: 'SIGNIN-MFA',
    title: 'customer MFA becomes optional',
    weaken: (t) => {
      first(t, USER_POOL, (p) => p.MfaConfiguration === 'ON').props.MfaConfiguration = 'OPTIONAL';
    },
    neutral: retitleVerificationMail,
  },
  {
    control: 'SIGNIN-PASSWORDLESS',
    title: 'passkeys are no longer a first sign-in factor',
    weaken: (t) => {
      const policy = first(t, USER_POOL, (p) => p.Policies?.SignInPolicy?.AllowedFirstAuthFactors?.includes('WEB_AUTHN')).props.Policies.SignInPolicy;
      policy.AllowedFirstAuthFactors = policy.AllowedFirstAuthFactors.filter((f: string) => f !== 'WEB_AUTHN');
    },
    neutral: retitleVerificationMail,
  },
  {
    control: 'SIGNIN-THREAT-PROTECTION',
    title: 'threat protection only audits sign-ins',
    weaken: (t) => {
      first(t, USER_POOL, (p) => p.UserPoolAddOns?.AdvancedSecurityMode === 'ENFORCED').props.UserPoolAddOns.AdvancedSecurityMode = 'AUDIT';
    },
    neutral: retitleVerificationMail,
  },
  {
    control: 'SIGNIN-PASSWORD-POLICY',
    title: 'customer passwords may have 8 characters',
    weaken: (t) => {
      first(t, USER_POOL, (p) => p.Policies?.PasswordPolicy?.MinimumLength > 8).props.Policies.PasswordPolicy.MinimumLength = 8;
    },
    neutral: retitleVerificationMail,
  },
  {
    control: 'SIGNIN-FEDERATION',
    title: 'an identity provider is asked for the user\'s files',
    weaken: (t) => {
      const details = first(t, 'AWS::Cognito::UserPoolIdentityProvider', (p) => typeof p.ProviderDetails?.authorize_scopes === 'string').props.ProviderDetails;
      details.authorize_scopes = `${details.authorize_scopes} https://www.googleapis.com/auth/drive.readonly`;
    },
    neutral: (t) => {
      first(t, 'AWS::Cognito::UserPoolIdentityProvider').props.AttributeMapping.name = 'name';
    },
  },
  {
    control: 'SIGNIN-RBAC-GROUPS',
    title: 'a customer role group is removed',
    weaken: (t) => remove(t, first(t, 'AWS::Cognito::UserPoolGroup')),
    neutral: (t) => redescribe(first(t, 'AWS::Cognito::UserPoolGroup')),
  },
  {
    control: 'SIGNIN-APP-CLIENT',
    title: 'the app client accepts customer passwords (ALLOW_USER_PASSWORD_AUTH)',
    weaken: (t) => {
      const client = first(t, 'AWS::Cognito::UserPoolClient', (p) => Array.isArray(p.ExplicitAuthFlows)).props;
      client.ExplicitAuthFlows = [...client.ExplicitAuthFlows, 'ALLOW_USER_PASSWORD_AUTH'];
    },
    neutral: (t) => {
      const client = first(t, 'AWS::Cognito::UserPoolClient').props;
      client.LogoutURLs = [...(client.LogoutURLs ?? []), 'https://app.example.com/signed-out'];
    },
  },
  {
    control: 'SIGNIN-AUTH-LOGGING',
    title: 'authentication events are delivered at ERROR level, which Cognito does not send for them',
    weaken: (t) => {
      const config = first(t, 'AWS::Cognito::LogDeliveryConfiguration', (p) => p.LogConfigurations?.some((c: any) => c.EventSource === 'userAuthEvents')).props;
      config.LogConfigurations.find((c: any) => c.EventSource === 'userAuthEvents').LogLevel = 'ERROR';
    },
    neutral: (t) => {
      const config = first(t, 'AWS::Cognito::LogDeliveryConfiguration', (p) => p.LogConfigurations?.some((c: any) => c.S3Configuration)).props;
      config.LogConfigurations.find((c: any) => c.S3Configuration).S3Configuration.BucketArn = 'arn:aws:s3:::another-auth-event-bucket';
    },
  },
];
