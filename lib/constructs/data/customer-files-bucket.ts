import { Duration, Tags } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BACKUP_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';
import { SecureBucket } from '../common/secure-bucket';

/** Props of {@link CustomerFilesBucket}. */
export interface CustomerFilesBucketProps {
  /** The tenant's own key (TEN-DEDICATED-KEY); objects are SSE-KMS with an S3 bucket key. */
  readonly encryptionKey: kms.IKey;
  /** Where server access logs go (DATA-BUCKET-ACCESS-LOGS). */
  readonly accessLogBucket: s3.IBucket;
  /** Prefix of this bucket's access logs in the log bucket, e.g. `acme/`. */
  readonly accessLogPrefix: string;
  /** Days to keep noncurrent object versions (DATA-VERSIONED-RETENTION). */
  readonly noncurrentVersionDays: number;
}

/**
 * One tenant's customer files: a {@link SecureBucket} under the tenant's key, whose noncurrent
 * versions expire after `noncurrentVersionDays`, with server access logs to the log bucket, and
 * selected by the tiered backup plan.
 */
export class CustomerFilesBucket extends SecureBucket {
  constructor(scope: Construct, id: string, props: CustomerFilesBucketProps) {
    if (props.noncurrentVersionDays < 1) {
      throw new Error(`CustomerFilesBucket noncurrentVersionDays: got ${props.noncurrentVersionDays}, expected at least 1`);
    }
    super(scope, id, {
      encryption: { kind: 'kms', key: props.encryptionKey },
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: props.accessLogPrefix,
      lifecycleRules: [
        {
          id: 'ExpireNoncurrentVersions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    Tags.of(this.bucket).add(BACKUP_TAG.key, BACKUP_TAG.value);
    acknowledge(this.bucket, 'customerFilesBucket');
    acknowledge(this.bucket, 'controlTowerCustomerFilesObjectLock');
  }
}
