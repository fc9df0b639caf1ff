import { Duration, Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ACCESS_LOGS_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';

/** Tag that marks a bucket receiving S3 server access logs; the only buckets allowed SSE-S3. */

/** Props of {@link AccessLogBucket}. */
export interface AccessLogBucketProps {
  /** Days the access logs are kept before they expire. */
  readonly retentionDays: number;
}

/**
 * The bucket that receives S3 server access logs of the audit buckets.
 *
 * S3 delivers server access logs only to buckets encrypted with SSE-S3 (SSE-KMS target buckets
 * are not supported), so this bucket is the one exception to customer-managed keys, and it is
 * tagged `saas-security-baseline:purpose = access-logs` so the encryption test can tell it apart.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 * Everything else is locked down: TLS only, no public access, owner-enforced objects,
 * versioning, expiry after `retentionDays`.
 */
export class AccessLogBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    // S3 log delivery is granted by a bucket policy for logging.s3.amazonaws.com (scoped to the
    // source bucket and account), never by the LogDeliveryWrite ACL, which object ownership
    // enforcement forbids. cdk.json sets this flag for `cdk synth`; setting it here makes the
    // bucket the same in every app that builds it (the tests build the app without cdk.json).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.bucket = new s3.Bucket(this, 'Resource', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        {
          id: 'ExpireAccessLogs',
          expiration: Duration.days(props.retentionDays),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    Tags.of(this.bucket).add(ACCESS_LOGS_TAG.key, ACCESS_LOGS_TAG.value);
    acknowledge(this.bucket, 'accessLogBucket');
  }
}
