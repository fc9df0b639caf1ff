import { Tags } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ACCESS_LOGS_TAG } from '../../constants/tags';

/** Tag that marks a bucket receiving AWS log deliveries, which must use SSE-S3 (see {@link SecureBucket}). */

/**
 * Sends every event of the bucket (object created, deleted, restored, lifecycle, ...) to the
 * account's default EventBridge bus (CT.S3.PR.4), where rules can route them; nothing is routed
 * by default. Set on the CloudFormation resource itself: the L2 `eventBridgeEnabled` goes through
 * a custom resource with a Lambda function per stack. S3 events are billed as EventBridge opt-in
 * data events (https://aws.amazon.com/eventbridge/pricing/).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-eventbridgeconfiguration.html
 */
export function sendEventsToEventBridge(bucket: s3.Bucket): void {
  (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
}

/** Props of {@link SecureBucket}. */
export interface SecureBucketProps {
  /**
   * Customer-managed key for SSE-KMS (with an S3 bucket key, so KMS is called per bucket key, not
   * per object).
   * @default - SSE-S3 (AES-256), and the bucket is tagged as an access-log bucket. Only for
   *   buckets that receive AWS log deliveries (S3 server access logs, ALB access logs), which
   *   refuse SSE-KMS; every other bucket must pass a key.
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Where this bucket's own server access logs go.
   * @default - none: only for log buckets themselves (a log bucket that logs to itself loops)
   */
  readonly serverAccessLogsBucket?: s3.IBucket;
  /** Prefix of this bucket's server access logs in `serverAccessLogsBucket`. @default - the construct path */
  readonly serverAccessLogsPrefix?: string;
  /** Lifecycle rules. @default - none */
  readonly lifecycleRules?: s3.LifecycleRule[];
  /**
   * Object Lock, which needs versioning (always on here).
   * @default - no Object Lock
   */
  readonly objectLockDefaultRetention?: s3.ObjectLockRetention;
}

/**
 * An S3 bucket with every protection on: encrypted (FND-ENCRYPTION-AT-REST), versioned, all
 * public access blocked and ACLs disabled (FND-NO-PUBLIC-BUCKETS), and a policy that refuses
 * requests without TLS 1.2 or later (FND-TLS-IN-TRANSIT).
 */
export class SecureBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps = {}) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Resource', {
      encryption: props.encryptionKey ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: props.encryptionKey ? true : undefined,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: props.serverAccessLogsBucket,
      serverAccessLogsPrefix: props.serverAccessLogsBucket ? (props.serverAccessLogsPrefix ?? `${this.node.path}/`) : undefined,
      lifecycleRules: props.lifecycleRules,
      objectLockEnabled: props.objectLockDefaultRetention ? true : undefined,
      objectLockDefaultRetention: props.objectLockDefaultRetention,
    });
    if (!props.encryptionKey) Tags.of(this.bucket).add(ACCESS_LOGS_TAG.key, ACCESS_LOGS_TAG.value);
    sendEventsToEventBridge(this.bucket);
  }
}
