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

const ACCESS_LOG_SSE_S3_REASON =
  'S3 delivers server access logs only to buckets encrypted with SSE-S3 (SSE-KMS targets are not supported); the bucket holds request metadata, not customer data, is TLS-only and private, and is tagged saas-security-baseline:purpose=access-logs.';

/** Buckets whose integrity comes from versioning and Object Lock in the home region, not from a copy. */
function replicationAcks(control: string): Acknowledgement[] {
  return ['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
    rule: `${pack}-S3BucketReplicationEnabled`,
    control,
    reason:
      'Replication would copy audit records out of the home region, which FND-DATA-RESIDENCY forbids (003: all data hosted in Singapore); versioning, Object Lock on the trail bucket and S3\'s multi-zone durability protect the records instead.',
  }));
}

export const ACKNOWLEDGEMENTS = {
  /** The default route of a public subnet to the internet gateway. */
  publicSubnetDefaultRoute: [
    { rule: 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
  ],
  /** The bucket receiving S3 server access logs (AccessLogBucket). */
  accessLogBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
      rule: `${pack}-S3DefaultEncryptionKMS`,
      control: 'AUD-TRAIL-BUCKET',
      reason: ACCESS_LOG_SSE_S3_REASON,
    })),
    ...replicationAcks('AUD-TRAIL-BUCKET'),
  ],
  /** Audit buckets (trail, Config history): Object Lock and versioning instead of replication. */
  auditBucketReplication: replicationAcks('AUD-TRAIL-BUCKET'),
  /** The AWS Config recorder's role (ConfigRecorder). */
  configRecorderRole: [
    {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
      control: 'MON-CONFIG-RULES',
      reason:
        'AWS_ConfigRole is the policy AWS maintains for the recorder: it grants read access to every resource type Config records and AWS extends it with each new type; a copy of ours would fall behind and recording would silently miss new types.',
    },
    {
      // The bucket's logical ID is pinned (test/stateful-logical-ids.json), so this ID is stable.
      rule: 'AwsSolutions-IAM5[Resource::<ConfigBucketE7CC15D9.Arn>/config/AWSLogs/<AWS::AccountId>/Config/*]',
      control: 'MON-CONFIG-RULES',
      reason:
        'The only wildcard is the object key under the delivery prefix <bucket>/config/AWSLogs/<account>/Config/*: Config names each history and snapshot file by date and ID, so no narrower resource exists.',
    },
  ],
  /** The password policy handler's role (AccountPasswordPolicy). */
  passwordPolicyRole: [
    {
      rule: 'AwsSolutions-IAM5[Resource::*]',
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'iam:Get/Update/DeleteAccountPasswordPolicy have no resource type (the password policy is an account setting), so IAM accepts only "*"; the role holds these three actions and log writes to its own log group, nothing else.',
    },
  ],
  /** The password policy custom resource handler (AccountPasswordPolicy). */
  passwordPolicyHandler: [
    {
      rule: 'AwsSolutions-L1',
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'The house runtime is Node.js 22 (LTS, supported by Lambda until 2027); every function of the baseline moves to the next LTS in one reviewed change rather than one by one.',
    },
    ...['NIST.800.53.R5', 'HIPAA.Security'].flatMap((pack) => [
      {
        rule: `${pack}-LambdaConcurrency`,
        control: 'IAM-PASSWORD-POLICY',
        reason:
          'Only CloudFormation invokes the handler, once per deployment of the stack; reserving concurrency would fail in new accounts whose quota is 10 (Lambda keeps 10 unreserved) and protects nothing.',
      },
      {
        rule: `${pack}-LambdaDLQ`,
        control: 'IAM-PASSWORD-POLICY',
        reason:
          'CloudFormation waits for the handler\'s answer: a failed invocation fails (and rolls back) the deployment visibly, so there is no lost event a dead-letter queue could keep.',
      },
    ]),
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
      rule: `${pack}-LambdaInsideVPC`,
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'The account baseline deploys without (and before) any VPC, and the handler holds no data: it only calls the global IAM endpoint with a role limited to the password-policy actions.',
    })),
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
