/**
 * Acknowledgements of identity (lib/constructs/identity/): the staff roles' policies and their SAML
 * trust, the MFA-required group and its self-management policy, and the customer user pool's SMS
 * role and sign-in event bucket.
 */
import { each, type Acknowledgement } from './entry';

export const IDENTITY_ACKNOWLEDGEMENTS = {
  /** A staff role trusting a SAML provider: MFA is the identity provider's, named in the config. */
  samlIdentityProviderMfa: [
    {
      rule: 'SaasBaseline-StaffRoleMfa',
      control: 'IAM-MFA-ROLES',
      reason:
        'STS sets no MFA context for SAML sessions, so IAM cannot require MFA on them; the configuration must name the identity provider setting ' +
        'that requires MFA on every sign-in (identity.samlMfaEnforcedBy, refused when missing), the role description carries it, and the sign-in ' +
        'audience is pinned to the AWS console (SAML:aud).',
    },
  ],
  /** Describe/List reads of operational data: those APIs have no resource-level permissions. */
  staffReadOnlyDescribe: [
    ...each('AwsSolutions-IAM5', 'IAM-STAFF-ROLES', 'Read-only Describe/List/Get actions of logs, metrics and service configuration, whose APIs have no resource-level permissions; the role is MFA-gated, region-fenced and explicitly denied customer data (IAM-CUSTOMER-DATA-RESTRICTED).', ['Resource::*', ...['backup:Describe*', 'backup:List*', 'cloudformation:Describe*', 'cloudformation:List*', 'cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*', 'ec2:Describe*', 'ecs:Describe*', 'ecs:List*', 'elasticloadbalancing:Describe*', 'logs:Describe*', 'rds:Describe*'].map((a) => `Action::${a}`)]),
  ],
  /** The operator's rights: the CDK bootstrap roles and day-two operations by resource type. */
  staffDeploy: [
    ...each('AwsSolutions-IAM5', 'IAM-STAFF-ROLES', 'Deployment goes through the CDK deploy and asset-publishing bootstrap roles (cdk-*-deploy-role-*, cdk-*-file-publishing-role-*, cdk-*-image-publishing-role-* in this account only; the qualifier and region are bootstrap choices) and day-two operations name ECS services and RDS clusters of this account by type, because their names are generated; the role needs MFA within the hour, has a one-hour session and is denied customer data.', ['iam::<AWS::AccountId>:role/cdk-*-deploy-role-*', 'iam::<AWS::AccountId>:role/cdk-*-file-publishing-role-*', 'iam::<AWS::AccountId>:role/cdk-*-image-publishing-role-*', 'ecs:<AWS::Region>:<AWS::AccountId>:service/*', 'ecs:<AWS::Region>:<AWS::AccountId>:task/*', 'rds:<AWS::Region>:<AWS::AccountId>:db:*', 'rds:<AWS::Region>:<AWS::AccountId>:cluster:*'].map((r) => `Resource::arn:<AWS::Partition>:${r}`)),
  ],
  /** The administrator and break-glass policy: * on * by design, MFA-gated. */
  staffAdministrator: [
    ...each('AwsSolutions-IAM5', 'IAM-NO-WILDCARD-ADMIN', 'Only the administrator and break-glass roles carry this policy; both need a recent MFA sign-in, last one hour, stay inside the allowed regions, and every break-glass use pages security (IAM-BREAK-GLASS-ALERT).', ['Action::*', 'Resource::*']),
    { rule: 'NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'PCI.DSS.321-IAMPolicyNoStatementsWithAdminAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'HIPAA.Security-IAMPolicyNoStatementsWithFullAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    // CT.IAM.PR.2 (no "Action": "*" on "Resource": "*") and CT.IAM.PR.3 (no "<service>:*") read
    // the managed policy's statements; this is the one policy whose purpose is full access.
    ...['CT.IAM.PR.2', 'CT.IAM.PR.3'].map((rule): Acknowledgement => ({
      rule,
      control: 'IAM-NO-WILDCARD-ADMIN',
      reason:
        'The administrator and break-glass roles exist to repair anything, including what no narrower policy foresaw, so their one policy allows * on *; ' +
        'only those two roles carry it, both need MFA within the hour and one-hour sessions, stay inside the allowed regions (IAM-REGION-GUARDRAIL), and every break-glass use pages security (IAM-BREAK-GLASS-ALERT). A test proves no other policy allows * on *.',
    })),
  ],
  /** The evidence command's reads: Describe/Get/List calls without resource-level permissions. */
  auditorEvidenceRead: [
    ...each('AwsSolutions-IAM5', 'IAM-STAFF-ROLES', 'The compliance-status reads of npm run evidence (config:Describe*/Get*, securityhub:GetFindings, backup:List*/Describe*, cloudtrail:GetTrailStatus, guardduty:GetDetector, each named) have no resource-level permissions or read account-wide status; the auditor role is MFA-gated, region-fenced and denied customer data.', ['Resource::*']),
  ],
  /** The security auditor's AWS managed SecurityAudit policy. */
  securityAuditManagedPolicy: [
    ...each('AwsSolutions-IAM4', 'IAM-STAFF-ROLES', 'SecurityAudit is maintained by AWS as services and APIs are added, which a hand-kept copy would miss; it grants configuration reads only, and the customer-data deny policy on the same role overrides any data read.', ['Policy::arn:<AWS::Partition>:iam::aws:policy/SecurityAudit']),
  ],
  /** AWS's documented MFA self-management policy. */
  mfaSelfManagement: [
    ...each('AwsSolutions-IAM5', 'IAM-MFA-USERS', 'AWS\'s documented MFA self-management policy: users act only on their own user (${aws:username}) and name their own virtual MFA device; the account password policy read has no resource.', ['Resource::*', 'Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:mfa/*']),
  ],
  /** The MFA-required group exists before any IAM user does. */
  mfaGroupWithoutUsers: [
    { rule: 'NIST.800.53.R5-IAMGroupHasUsers', control: 'IAM-MFA-USERS', reason: 'Staff use MFA-gated roles, not IAM users; the group exists so that any IAM user an administrator must create is put under the MFA requirement on creation.' },
    { rule: 'PCI.DSS.321-IAMGroupHasUsers', control: 'IAM-MFA-USERS', reason: 'Staff use MFA-gated roles, not IAM users; the group exists so that any IAM user an administrator must create is put under the MFA requirement on creation.' },
    { rule: 'HIPAA.Security-IAMGroupHasUsers', control: 'IAM-MFA-USERS', reason: 'Staff use MFA-gated roles, not IAM users; the group exists so that any IAM user an administrator must create is put under the MFA requirement on creation.' },
  ],
  /** Cognito's SMS role: sns:Publish to phone numbers has no resource ARN. */
  cognitoSmsPublish: [
    ...each('AwsSolutions-IAM5', 'SIGNIN-MFA', 'SMS MFA codes are sent with sns:Publish to phone numbers, which has no resource ARN; only Cognito, with this account as source and the pool\'s external ID, can assume the role.', ['Resource::*']),
  ],
  /** The Cognito sign-in event bucket (AuthEventBucket). */
  controlTowerAuthEventsObjectLock: [
    {
      rule: 'CT.S3.PR.9',
      control: 'SIGNIN-AUTH-LOGGING',
      reason:
        'Sign-in events carry customers\' personal data and expire after logs.retentionDays, and must stay erasable on request (ORG-DATA-SUBJECT-RIGHTS); ' +
        'the bucket is versioned, KMS-encrypted, access-logged and written only by the Cognito log delivery.',
    },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;
