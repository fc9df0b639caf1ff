import { Duration, Tags } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY as S3_LOG_DELIVERY_BY_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { BACKUP_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';
import { sendEventsToEventBridge } from '../common/secure-bucket';

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
 * One tenant's customer files: SSE-KMS under the tenant's key with a bucket key (fewer KMS
 * calls, lower cost), versioned with expiring noncurrent versions, TLS-only, never public, ACLs
 * off, server access logs to the log bucket, and selected by the tiered backup plan.
 */
export class CustomerFilesBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: CustomerFilesBucketProps) {
    super(scope, id);
    if (props.noncurrentVersionDays < 1) {
      throw new Error(`CustomerFilesBucket noncurrentVersionDays: got ${props.noncurrentVersionDays}, expected at least 1`);
    }
    // S3 log delivery is granted by a bucket policy on the log bucket, never by the legacy
    // LogDeliveryWrite ACL (ACLs stay disabled); pinned here so it holds whatever the app's flags.
    this.node.setContext(S3_LOG_DELIVERY_BY_POLICY, true);
    this.bucket = new s3.Bucket(this, 'Resource', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
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
    sendEventsToEventBridge(this.bucket);
  }
}
