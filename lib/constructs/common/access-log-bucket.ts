import { Duration, Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { ACCESS_LOGS_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';
import { sendEventsToEventBridge } from './secure-bucket';

/** Props of {@link AccessLogBucket}. */
export interface AccessLogBucketProps {
  /** Days to keep access log objects before they expire. */
  readonly retentionDays: number;
}

/**
 * The destination of S3 server access logs: private, TLS 1.2+ only, versioned, ACLs disabled,
 * expiring after `retentionDays`.
 *
 * Encrypted with SSE-S3 (AES-256), not a customer-managed key: S3 delivers server access logs only
 * to SSE-S3 buckets (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
 * It is the one kind of bucket without a customer-managed key, tagged {@link ACCESS_LOGS_TAG} so
 * the deployment-wide encryption test can tell it apart. Source buckets point their
 * `serverAccessLogsBucket` here; delivery is granted by bucket policy to the S3 logging service.
 */
export class AccessLogBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    // Log delivery by bucket policy, never by the LogDeliveryWrite ACL (ACLs stay disabled); set
    // here too so the bucket is the same in an app built without cdk.json's feature flags.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    this.bucket = new s3.Bucket(this, 'Resource', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
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
    acknowledge(this.bucket, 'logBucketSelfLogging');
    acknowledge(this.bucket, 'controlTowerServerAccessLogBucket');
    sendEventsToEventBridge(this.bucket);
  }
}
