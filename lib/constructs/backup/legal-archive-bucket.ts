import { Duration, Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import type { AccessLogBucket } from '../common/access-log-bucket';
import { SecureBucket } from '../common/secure-bucket';

/** Props of {@link LegalArchiveBucket}. */
export interface LegalArchiveBucketProps {
  /**
   * Object Lock mode of the default retention. `GOVERNANCE`: principals with
   * `s3:BypassGovernanceRetention` may shorten it. `COMPLIANCE`: nobody can, root included.
   */
  readonly mode: 'GOVERNANCE' | 'COMPLIANCE';
  /** Days every new object version is locked. */
  readonly retentionDays: number;
  /** Bucket receiving the server access logs (an SSE-S3 bucket: S3 delivers logs to no other kind). */
  readonly accessLogs: AccessLogBucket;
  /** Tags that put the bucket in the backup plan's selection. */
  readonly backupTag: { readonly key: string; readonly value: string };
  /** What is archived, for the key's description. */
  readonly description: string;
}

/**
 * The legal-retention archive (BAK-LEGAL-ARCHIVE; 004 "Where legally required retention applies,
 * data is archived securely and processed solely to satisfy that obligation"): S3 Object Lock
 * with a default retention, so no archived version can be deleted or overwritten before it
 * expires; a customer-managed key; versioning (Object Lock requires it); TLS-only; public access
 * blocked; server access logs; and the backup tag, so AWS Backup keeps copies of it too.
 * Noncurrent versions expire once the lock has lapsed on them.
 */
export class LegalArchiveBucket extends SecureBucket {
  constructor(scope: Construct, id: string, props: LegalArchiveBucketProps) {
    if (props.retentionDays < 1 || !Number.isInteger(props.retentionDays)) {
      throw new Error(`LegalArchiveBucket ${id}: retentionDays: got ${props.retentionDays}, expected a whole number of days, at least 1`);
    }
    const retention = Duration.days(props.retentionDays);
    super(scope, id, {
      encryption: { kind: 'kms-own-key', keyDescription: `${props.description} legal-retention archive` },
      objectLockDefaultRetention: props.mode === 'COMPLIANCE' ? s3.ObjectLockRetention.compliance(retention) : s3.ObjectLockRetention.governance(retention),
      lifecycleRules: [
        // A version becomes noncurrent only when replaced; keep it as long as the lock did.
        { noncurrentVersionExpiration: retention, abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      serverAccessLogsBucket: props.accessLogs.bucket,
      serverAccessLogsPrefix: 'legal-archive/',
    });
    acknowledge(this.bucket, 'legalArchiveBucket');
    Tags.of(this.bucket).add(props.backupTag.key, props.backupTag.value);
  }
}
