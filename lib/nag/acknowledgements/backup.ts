/**
 * Acknowledgements of backup and restore (lib/constructs/backup/): AWS Backup's managed service
 * role policies, the restore validator (its role, function and dead-letter queue) and the legal
 * archive, which stays in the home region.
 */
import type { Acknowledgement } from './entry';

const BACKUP_MANAGED_POLICY_REASON =
  'AWS Backup documents its managed service-role policies (AWSBackupServiceRolePolicyForBackup/ForRestores and the S3 ones) as the ' +
  'permissions it needs; AWS keeps them current as resource types gain backup features. A hand-copied list would drift and ' +
  'fail backups or restores silently. The role is assumable only by backup.amazonaws.com, and the vault policy and lock bound what it can delete.';

const NO_CROSS_REGION_REPLICATION: readonly Acknowledgement[] = (['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'] as const).map((pack): Acknowledgement => ({
  rule: `${pack}-S3BucketReplicationEnabled`,
  control: 'BAK-RESIDENCY',
  reason:
    'S3 replication would copy the data to another region, which data residency forbids (003: all data in Singapore) unless a DR region ' +
    'is configured; resilience comes from S3\'s multi-zone durability, versioning, and AWS Backup\'s tiered and continuous backups of the bucket.',
}));

export const BACKUP_ACKNOWLEDGEMENTS = {
  /** The role AWS Backup assumes to take and copy backups. */
  backupServiceRolePolicies: ['service-role/AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForS3Backup'].map((policy): Acknowledgement => ({
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
    'Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster-snapshot:*',
  ].map((finding): Acknowledgement => ({
    rule: `AwsSolutions-IAM5[${finding}]`,
    control: 'BAK-RESTORE-VALIDATION',
    reason:
        'backup:DescribeRestoreJob and backup:PutRestoreValidationResult have no resource type in IAM, so they take "*"; the clusters, ' +
        'cluster parameter groups and recovery points (AWS Backup ARNs, or RDS cluster-snapshot ARNs for Aurora snapshots) it reads are named by AWS Backup at restore time, so their ARNs end in "*" ' +
        'within this account and region. Every action is a describe or the validation report; nothing can change a database.',
  })),
  /** The restore validation function. */
  restoreValidatorFunction: [
    ...(['NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC', 'HIPAA.Security-LambdaInsideVPC', 'CT.LAMBDA.PR.3'] as const).map((rule): Acknowledgement => ({
      rule,
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'The function calls only the AWS Backup and RDS control-plane APIs and never connects to a database or holds customer data; ' +
        'VPC placement would add ENI permissions on "*" and a NAT dependency without protecting any data path.',
    })),
    ...(['NIST.800.53.R5', 'HIPAA.Security'] as const).map((pack): Acknowledgement => ({
      rule: `${pack}-LambdaConcurrency`,
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'Lambda refuses a reservation that leaves less than 100 of the account concurrency unreserved (Lambda developer guide, ' +
        '"Configuring reserved concurrency"), and new accounts start with a reduced quota, so any reservation fails the first deploy; ' +
        'restore tests complete a few times a week, one event per tenant, so an unreserved function is never starved or flooding.',
    })),
    {
      rule: 'Serverless-LambdaTracing',
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'The function runs a few times a week, makes three read calls and one report call, and logs one structured JSON line per verdict with the restore job ID; ' +
        'failed validations, function errors and dead letters each raise an alarm. X-Ray would need xray:PutTraceSegments and PutTelemetryRecords on "*" ' +
        '(X-Ray defines no resource types) in a role otherwise scoped to named resources, for latency data nobody acts on.',
    },
  ],
  /** The restore validation function's dead-letter queue. */
  deadLetterQueue: [
    {
      rule: 'AwsSolutions-SQS3',
      control: 'BAK-RESTORE-VALIDATION',
      reason: 'This queue is itself the dead-letter queue of the restore validation function and its EventBridge rule; an alarm watches its depth.',
    },
    {
      // CT.SQS.PR.1 recognises a dead-letter queue only by a RedriveAllowPolicy naming SQS source
      // queues; this one receives from Lambda and EventBridge, which that policy cannot express.
      rule: 'CT.SQS.PR.1',
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'This queue is itself the dead-letter queue of the restore validation function and of its EventBridge target: a message that lands here has already failed, ' +
        'and a queue behind it would only hide it further. It keeps messages 14 days and an alarm pages on its depth.',
    },
    {
      rule: 'Serverless-SQSRedrivePolicy',
      control: 'BAK-RESTORE-VALIDATION',
      reason: 'This queue is the end of the chain: it is the dead-letter queue of the restore validation function and its rule, nothing consumes it automatically, and an alarm on its depth pages operations.',
    },
  ],
  /** The legal-retention archive bucket. */
  legalArchiveBucket: NO_CROSS_REGION_REPLICATION,
} satisfies Record<string, readonly Acknowledgement[]>;
