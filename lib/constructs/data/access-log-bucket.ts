import { Duration, Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY as S3_LOG_DELIVERY_BY_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { ACCESS_LOGS_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';

/** Props of {@link AccessLogBucket}. */
export interface AccessLogBucketProps {
  /** Days to keep access log objects (and their noncurrent versions). */
  readonly retentionDays: number;
}

/**
 * The destination of S3 server access logs (DATA-BUCKET-ACCESS-LOGS): private, TLS-only,
 * versioned, expiring after the log retention.
 *
 * Encrypted with SSE-S3, not a customer-managed key: the S3 user guide documents SSE-S3 as the
 * default encryption for server access log destinations
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html), and
 * keeping S3's log delivery out of the tenant keys' policies keeps those keys single-purpose.
 * The bucket carries {@link ACCESS_LOGS_TAG}, the one exception the encryption test allows.
 */
export class AccessLogBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    // S3 log delivery is granted by a bucket policy on the log bucket, never by the legacy
    // LogDeliveryWrite ACL (ACLs stay disabled); pinned here so it holds whatever the app's flags.
    this.node.setContext(S3_LOG_DELIVERY_BY_POLICY, true);
    this.bucket = new s3.Bucket(this, 'Resource', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // S3 log delivery writes through the bucket policy CDK adds for logging.s3.amazonaws.com
      // (scoped to the source buckets' account); ACLs stay off.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        {
          id: 'ExpireAccessLogs',
          expiration: Duration.days(props.retentionDays),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    Tags.of(this.bucket).add(ACCESS_LOGS_TAG.key, ACCESS_LOGS_TAG.value);
    acknowledge(this.bucket, 'accessLogBucket');
    acknowledge(this.bucket, 'logBucketSelfLogging');
  }
}
