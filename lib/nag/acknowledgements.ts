/**
 * Every cdk-nag acknowledgement of the baseline, in one table, so they can be listed, counted and
 * reviewed in one place (the README lists them). A construct acknowledges by key:
 *
 *     acknowledge(nacl, 'networkAcl');
 *
 * Rules of the house:
 * - a finding is fixed where it can be; an entry here is a finding that contradicts a seed
 *   control or has a stronger compensating control, and its reason names that control's ID;
 * - an acknowledgement is attached to the one construct it is about, never to a stack, stage or
 *   app (`acknowledge` throws if asked to).
 */
import { Stack, Stage, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One acknowledged rule. */
export interface Acknowledgement {
  /** The rule ID as cdk-nag reports it, e.g. `AwsSolutions-VPC3`. */
  readonly rule: string;
  /** The catalog control that requires the flagged design, or compensates for it. */
  readonly control: string;
  /** Why the finding does not weaken the control. */
  readonly reason: string;
}

const PUBLIC_ROUTE_REASON =
  'Public subnets exist only for the internet-facing load balancer and NAT gateways and must route to the internet gateway; ' +
  'workloads and data sit in private and isolated subnets with no inbound route, and tier NACLs limit what reaches the public tier.';

/**
 * Entries for a rule that reports each offending value apart (cdk-nag's IAM4 and IAM5 report
 * `AwsSolutions-IAM5[Action::logs:Describe*]`): one entry per value, so that a wildcard added
 * later is a new finding rather than silently covered.
 */
function each(rule: string, control: string, reason: string, findings: readonly string[]): Acknowledgement[] {
  return findings.map((f) => ({ rule: `${rule}[${f}]`, control, reason }));
}

export const ACKNOWLEDGEMENTS = {
  /** The default route of a public subnet to the internet gateway. */
  publicSubnetDefaultRoute: [
    { rule: 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
  ],
  /** Describe/List reads of operational data: those APIs have no resource-level permissions. */
  staffReadOnlyDescribe: [
    ...each('AwsSolutions-IAM5', 'IAM-STAFF-ROLES', 'Read-only Describe/List/Get actions of logs, metrics and service configuration, whose APIs have no resource-level permissions; the role is MFA-gated, region-fenced and explicitly denied customer data (IAM-CUSTOMER-DATA-RESTRICTED).', ['Resource::*', ...['backup:Describe*', 'backup:List*', 'cloudformation:Describe*', 'cloudformation:List*', 'cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*', 'ec2:Describe*', 'ecs:Describe*', 'ecs:List*', 'elasticloadbalancing:Describe*', 'logs:Describe*', 'rds:Describe*'].map((a) => `Action::${a}`)]),
  ],
  /** The operator's rights: the CDK bootstrap roles and day-two operations by resource type. */
  staffDeploy: [
    ...each('AwsSolutions-IAM5', 'IAM-STAFF-ROLES', 'Deployment goes through the CDK bootstrap roles (cdk-* in this account only) and day-two operations name ECS services and RDS clusters of this account by type, because their names are generated; the role is MFA-gated with a one-hour session and denied customer data.', ['iam::<AWS::AccountId>:role/cdk-*', 'ecs:<AWS::Region>:<AWS::AccountId>:service/*', 'ecs:<AWS::Region>:<AWS::AccountId>:task/*', 'rds:<AWS::Region>:<AWS::AccountId>:db:*', 'rds:<AWS::Region>:<AWS::AccountId>:cluster:*'].map((r) => `Resource::arn:<AWS::Partition>:${r}`)),
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
  ],
  /** The security auditor's AWS managed SecurityAudit policy. */
  securityAuditManagedPolicy: [
    ...each('AwsSolutions-IAM4', 'IAM-STAFF-ROLES', 'SecurityAudit is maintained by AWS as services and APIs are added, which a hand-kept copy would miss; it grants configuration reads only, and the customer-data deny policy on the same role overrides any data read.', ['Policy::arn:<AWS::Partition>:iam::aws:policy/SecurityAudit']),
  ],
  /** Cognito's SMS role: sns:Publish to phone numbers has no resource ARN. */
  cognitoSmsPublish: [
    ...each('AwsSolutions-IAM5', 'SIGNIN-MFA', 'SMS MFA codes are sent with sns:Publish to phone numbers, which has no resource ARN; only Cognito, with this account as source and the pool\'s external ID, can assume the role.', ['Resource::*']),
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
} satisfies Record<string, readonly Acknowledgement[]>;

/** The keys of {@link ACKNOWLEDGEMENTS}. */
export type AcknowledgementKey = keyof typeof ACKNOWLEDGEMENTS;

/** Renders the reason recorded with the acknowledgement: the control ID first, so reports can be grouped by it. */
export function ackReason(a: Acknowledgement): string {
  return `[${a.control}] ${a.reason}`;
}

/**
 * Acknowledges the findings listed under `key` on exactly this construct (and its children).
 * Throws when given a stack, stage or app: acknowledgements never cover a whole stack.
 */
export function acknowledge(construct: IConstruct, key: AcknowledgementKey): void {
  if (Stack.isStack(construct) || Stage.isStage(construct)) {
    throw new Error(`acknowledge(${construct.node.path}, '${key}'): acknowledge on the one construct, never a stack, stage or app`);
  }
  for (const a of ACKNOWLEDGEMENTS[key]) {
    Validations.of(construct).acknowledge({ id: a.rule, reason: ackReason(a) });
  }
}
