/**
 * Acknowledgements of the shared building blocks every area uses (lib/constructs/common/ and the
 * buckets of several areas): access-log buckets, which S3 and ELB allow only SSE-S3 and which
 * cannot log to themselves, buckets kept in the home region instead of replicated, and log groups
 * kept shorter than a year where the environment says so.
 */
import type { Acknowledgement } from './entry';

const ACCESS_LOG_SSE_S3_REASON =
  'S3 server access logging and ALB access logs deliver only to buckets encrypted with SSE-S3 (AES-256), not SSE-KMS; the bucket holds ' +
  'request metadata, not customer content, is TLS-only and private, and is tagged saas-security-baseline:purpose=access-logs.';

/** Buckets whose integrity comes from versioning, retention and S3's multi-zone durability in the home region, not from a copy. */
const REPLICATION_ACKS: readonly Acknowledgement[] = ['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
  rule: `${pack}-S3BucketReplicationEnabled`,
  control: 'FND-DATA-RESIDENCY',
  reason:
    'Cross-region replication would copy data out of the home region, which data residency forbids (003: all data hosted in Singapore); ' +
    'S3 already stores every object across the region\'s zones, the bucket is versioned and retained, and recovery copies are the backup plan\'s job.',
}));

export const COMMON_ACKNOWLEDGEMENTS = {
  /** A bucket receiving S3 server access logs or ALB access logs (tagged purpose=access-logs). */
  accessLogBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-S3DefaultEncryptionKMS`,
      control: 'FND-ENCRYPTION-AT-REST',
      reason: ACCESS_LOG_SSE_S3_REASON,
    })),
    ...REPLICATION_ACKS,
  ],
  /** Every other bucket: versioning, retention and the home region's durability instead of a copy elsewhere. */
  bucketWithoutReplication: REPLICATION_ACKS,
  /** A bucket that is itself the destination of access logs: it cannot log to itself. */
  logBucketSelfLogging: ['AwsSolutions-S1', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketLoggingEnabled', 'HIPAA.Security-S3BucketLoggingEnabled'].map((rule): Acknowledgement => ({
    rule,
    control: 'DATA-BUCKET-ACCESS-LOGS',
    reason: 'This is the access-log destination; logging it to itself would loop, and S3 advises against logging a log bucket. Changes to it are recorded by CloudTrail.',
  })),
  /** A bucket receiving S3 server access logs (AccessLogBucket). */
  controlTowerServerAccessLogBucket: [
    {
      rule: 'CT.S3.PR.2',
      control: 'DATA-BUCKET-ACCESS-LOGS',
      reason: 'This is the access-log destination; logging it to itself would loop, and S3 advises against logging a log bucket. Changes to it are recorded by CloudTrail.',
    },
    {
      rule: 'CT.S3.PR.9',
      control: 'DATA-BUCKET-ACCESS-LOGS',
      reason:
        'S3 does not deliver server access logs to a destination bucket with an Object Lock default retention period ' +
        '(https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html); the bucket is versioned and retained, and only the S3 logging service may write to it.',
    },
    {
      rule: 'CT.S3.PR.10',
      control: 'FND-ENCRYPTION-AT-REST',
      reason: ACCESS_LOG_SSE_S3_REASON,
    },
  ],
  /** A log group kept shorter than a year: only where the environment's config says so (staging). */
  controlTowerShortLogRetention: [
    {
      rule: 'CT.CLOUDWATCH.PR.2',
      control: 'LOG-ENCRYPTED-RETAINED',
      reason:
        'Retention follows the environment\'s logs.retentionDays. Production must keep logs at least a year (lib/config/floors.ts) and does; staging holds no production data ' +
        '(FND-NO-PROD-DATA-IN-STAGING) and keeps them shorter to limit cost. This acknowledgement is applied only to log groups kept under 365 days.',
    },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;
