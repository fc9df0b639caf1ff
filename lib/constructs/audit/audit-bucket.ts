import { Duration, Token } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { SecureBucket } from '../common/secure-bucket';

/** How the objects of an {@link AuditBucket} are locked. */
export interface AuditBucketObjectLock {
  /** `GOVERNANCE` (a privileged principal can bypass) or `COMPLIANCE` (nobody can). */
  readonly mode: 'GOVERNANCE' | 'COMPLIANCE';
}

/** Props of {@link AuditBucket}. */
export interface AuditBucketProps {
  /** Customer-managed key of the bucket's default encryption. */
  readonly encryptionKey: kms.IKey;
  /** Bucket that receives this bucket's server access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /** Prefix of this bucket's server access logs in `accessLogsBucket`, e.g. `trail/`. */
  readonly accessLogsPrefix: string;
  /**
   * Days every object is kept (and locked, with `objectLock`) before it expires.
   * At least 180: objects move to Glacier Instant Retrieval after 90 days, which bills 90 days.
   */
  readonly retentionDays: number;
  /**
   * Lock every object version for `retentionDays` with S3 Object Lock (write once, read many).
   * CAUTION: Object Lock can only be turned on when the bucket is created.
   * @default - no Object Lock; versioning still keeps overwritten and deleted objects
   */
  readonly objectLock?: AuditBucketObjectLock;
}

/** Days after which audit objects move to Glacier Instant Retrieval (rarely read, read fast when needed). */
const COLD_AFTER_DAYS = 90;

/**
 * A bucket for audit records (CloudTrail logs, AWS Config history): a {@link SecureBucket} under
 * a customer-managed KMS key, with optional Object Lock, server access logs to a separate
 * bucket, and a lifecycle that moves records to Glacier Instant Retrieval after 90 days and
 * expires them after `retentionDays` (AUD-TRAIL-BUCKET).
 */
export class AuditBucket extends SecureBucket {
  constructor(scope: Construct, id: string, props: AuditBucketProps) {
    if (!Token.isUnresolved(props.retentionDays) && props.retentionDays < 2 * COLD_AFTER_DAYS) {
      throw new Error(`AuditBucket ${id}: retentionDays must be at least ${2 * COLD_AFTER_DAYS} (got ${props.retentionDays})`);
    }
    const days = Duration.days(props.retentionDays);
    super(scope, id, {
      encryption: { kind: 'kms', key: props.encryptionKey },
      objectLockDefaultRetention:
        props.objectLock &&
        (props.objectLock.mode === 'COMPLIANCE' ? s3.ObjectLockRetention.compliance(days) : s3.ObjectLockRetention.governance(days)),
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: props.accessLogsPrefix,
      lifecycleRules: [
        {
          id: 'ColdThenExpire',
          transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(COLD_AFTER_DAYS) }],
          // With Object Lock, expiry only adds a delete marker; the locked version itself is
          // removed by the noncurrent rule once its lock has run out. Without a lock, an
          // overwritten or deleted record stays recoverable for 30 days.
          expiration: days,
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    acknowledge(this.bucket, 'bucketWithoutReplication');
  }
}
