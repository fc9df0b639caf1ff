/**
 * Acknowledgements of the tenants' datastores (lib/constructs/data/): the Aurora clusters, their
 * enhanced monitoring role, the tenant access roles and the customer-files buckets.
 */
import type { Acknowledgement } from './entry';

export const DATA_ACKNOWLEDGEMENTS = {
  /** The RDS enhanced monitoring role's log-stream permission. */
  enhancedMonitoringLogStreams: [
    {
      rule: 'AwsSolutions-IAM5',
      control: 'DB-AUDIT-LOGGING',
      reason:
        'RDS names the RDSOSMetrics log streams after instance resource IDs that exist only after the instances (which need the role) are created; ' +
        'the wildcard is limited to streams of the one RDSOSMetrics log group of this account and region, exactly as the AWS managed AmazonRDSEnhancedMonitoringRole grants.',
    },
  ],
  /** Every tenant's Aurora PostgreSQL cluster. */
  tenantDatabase: [
    ...['NIST.800.53.R5', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-RDSInBackupPlan`,
      control: 'BAK-SELECTIONS',
      reason:
        'The tiered backup plan lives in the backup stack and selects every cluster by the BACKUP_TAG tag, which this cluster carries; ' +
        'cdk-nag only sees plans in the same stack. The backup tests fail if a tagged database is not selected.',
    })),
    {
      rule: 'AwsSolutions-RDS11',
      control: 'DB-NETWORK-ACCESS',
      reason:
        'The default PostgreSQL port (DATABASE_PORT in lib/constants/ports.ts) is kept on purpose: a non-default port hides nothing inside the VPC, ' +
        'while the isolated subnets, the tier NACLs and a security group admitting only the workload security group keep everyone else out.',
    },
  ],
  /** Every tenant's access role (grants by CDK's S3 and Secrets Manager grant methods). */
  tenantAccessRole: [
    {
      rule: 'AwsSolutions-IAM5',
      control: 'TEN-ISOLATED-ACCESS',
      reason:
        "The only wildcard is the object keys inside the tenant's own bucket (<bucket-arn>/*), which S3 object permissions need; every action is named " +
        "and every other resource is one of this tenant's ARNs. test/tenants.test.ts fails on any grant that reaches another tenant's resources or '*'.",
    },
  ],
  /** Every tenant's customer-files bucket. */
  customerFilesBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-S3BucketReplicationEnabled`,
      control: 'FND-DATA-RESIDENCY',
      reason:
        'Seed 003 keeps all data in Singapore; cross-region replication would copy customer files out of it. ' +
        'Durability comes from S3 (multi-AZ), versioning with noncurrent-version retention (DATA-VERSIONED-RETENTION) and the tiered AWS Backup plan that selects the bucket by tag.',
    })),
  ],
  /** Every tenant's customer-files bucket. */
  controlTowerCustomerFilesObjectLock: [
    {
      rule: 'CT.S3.PR.9',
      control: 'DATA-VERSIONED-RETENTION',
      reason:
        'Customer files must be deletable when a customer asks or leaves (ORG-TENANT-DATA-DELETION, ORG-DATA-SUBJECT-RIGHTS); Object Lock would refuse that deletion. ' +
        'Overwrites and deletions are recoverable through versioning with noncurrent-version retention and the tiered AWS Backup plan that selects the bucket.',
    },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;
