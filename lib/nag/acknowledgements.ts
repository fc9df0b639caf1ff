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

const BACKUP_MANAGED_POLICY_REASON =
  'AWS Backup documents its managed service-role policies (AWSBackupServiceRolePolicyForBackup/ForRestores and the S3 ones) as the ' +
  'permissions it needs; AWS keeps them current as resource types gain backup features. A hand-copied list would drift and ' +
  'fail backups or restores silently. The role is assumable only by backup.amazonaws.com, and the vault policy and lock bound what it can delete.';

const NO_CROSS_REGION_REPLICATION: readonly Acknowledgement[] = (['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'] as const).map((pack) => ({
  rule: `${pack}-S3BucketReplicationEnabled`,
  control: 'BAK-RESIDENCY',
  reason:
    'S3 replication would copy the data to another region, which data residency forbids (003: all data in Singapore) unless a DR region ' +
    'is configured; resilience comes from S3\'s multi-zone durability, versioning, and AWS Backup\'s tiered and continuous backups of the bucket.',
}));

export const ACKNOWLEDGEMENTS = {
  /** The default route of a public subnet to the internet gateway. */
  publicSubnetDefaultRoute: [
    { rule: 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
  ],
  /** The role AWS Backup assumes to take and copy backups. */
  backupServiceRolePolicies: ['service-role/AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForS3Backup'].map((policy) => ({
    rule: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
    control: 'BAK-SELECTIONS',
    reason: BACKUP_MANAGED_POLICY_REASON,
  })),
  /** The role AWS Backup assumes to restore test copies of the databases. */
  restoreServiceRolePolicies: [
    {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
      control: 'BAK-RESTORE-TESTING',
      reason: BACKUP_MANAGED_POLICY_REASON,
    },
  ],
  /** The restore validation function's role. */
  restoreValidatorRole: [
    'Resource::*',
    'Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster:*',
    'Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster-pg:*',
    'Resource::arn:<AWS::Partition>:backup:<AWS::Region>:<AWS::AccountId>:recovery-point:*',
  ].map((finding) => ({
    rule: `AwsSolutions-IAM5[${finding}]`,
    control: 'BAK-RESTORE-VALIDATION',
    reason:
        'backup:DescribeRestoreJob and backup:PutRestoreValidationResult have no resource type in IAM, so they take "*"; the clusters, ' +
        'cluster parameter groups and recovery points it reads are named by AWS Backup at restore time, so their ARNs end in "*" ' +
        'within this account and region. Every action is a describe or the validation report; nothing can change a database.',
  })),
  /** The restore validation function. */
  restoreValidatorFunction: [
    ...(['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'] as const).map((pack) => ({
      rule: `${pack}-LambdaInsideVPC`,
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'The function calls only the AWS Backup and RDS control-plane APIs and never connects to a database or holds customer data; ' +
        'VPC placement would add ENI permissions on "*" and a NAT dependency without protecting any data path.',
    })),
    {
      rule: 'AwsSolutions-L1',
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'The house runtime for every function is Node.js 22 (an LTS line AWS supports until 2027), the version the handlers are ' +
        'type-checked and tested against; a runtime change is made for all functions together, not per finding.',
    },
  ],
  /** The restore validation function's dead-letter queue. */
  deadLetterQueue: [
    {
      rule: 'AwsSolutions-SQS3',
      control: 'BAK-RESTORE-VALIDATION',
      reason: 'This queue is itself the dead-letter queue of the restore validation function and its EventBridge rule; an alarm watches its depth.',
    },
  ],
  /** The bucket that receives S3 server access logs (of the legal archive). */
  accessLogBucket: [
    ...NO_CROSS_REGION_REPLICATION,
    ...(['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'] as const).map((pack) => ({
      rule: `${pack}-S3DefaultEncryptionKMS`,
      control: 'BAK-LEGAL-ARCHIVE',
      reason:
        'S3 server access log delivery supports only SSE-S3 on the target bucket; the logs hold request metadata, not archived data, ' +
        'and the bucket is versioned, TLS-only and private.',
    })),
  ],
  /** The legal-retention archive bucket. */
  legalArchiveBucket: NO_CROSS_REGION_REPLICATION,
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
