import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { ACCESS_LOGS_TAG, SSE_S3_LOG_DELIVERY_TAG } from '../../constants/tags';
import { EncryptionKey } from './encryption-key';

/**
 * The AWS services that deliver logs into a bucket of ours and take only SSE-S3 (AES-256) on
 * it, never a customer-managed key:
 * - `s3-server-access-logs`: S3 server access logging delivers only to SSE-S3 destination buckets
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html);
 * - `elb-access-logs`: Elastic Load Balancing access and connection logs support SSE-S3 as the
 *   only server-side encryption
 *   (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
 */
export type LogDeliveryService = 's3-server-access-logs' | 'elb-access-logs';

/** The tag that marks each kind of log-delivery bucket as the one exception to SSE-KMS. */
const LOG_DELIVERY_TAGS: Readonly<Record<LogDeliveryService, { readonly key: string; readonly value: string }>> = {
  's3-server-access-logs': ACCESS_LOGS_TAG,
  'elb-access-logs': SSE_S3_LOG_DELIVERY_TAG,
};

/**
 * How a {@link SecureBucket} encrypts its objects at rest (FND-ENCRYPTION-AT-REST). Chosen
 * explicitly, so that SSE-S3 and the tag that exempts a bucket from the KMS checks come only with
 * a declared log delivery, never from a forgotten key.
 */
export type SecureBucketEncryption =
  /** SSE-KMS under a customer-managed key the caller owns, with an S3 Bucket Key. */
  | { readonly kind: 'kms'; readonly key: kms.IKey }
  /** SSE-KMS under a new customer-managed {@link EncryptionKey} of this bucket alone (construct ID `Key`), with an S3 Bucket Key. */
  | { readonly kind: 'kms-own-key'; readonly keyDescription: string }
  /**
   * SSE-S3 (AES-256), for a bucket that receives `delivery`, whose service accepts nothing else.
   * The bucket carries that service's log-delivery tag, which the deployment-wide KMS tests read
   * as the exemption.
   */
  | { readonly kind: 's3-managed-log-delivery'; readonly delivery: LogDeliveryService };

/** Props of {@link SecureBucket}. */
export interface SecureBucketProps {
  /** How objects are encrypted at rest. */
  readonly encryption: SecureBucketEncryption;
  /**
   * Where this bucket's own server access logs go (DATA-BUCKET-ACCESS-LOGS): required for every
   * bucket except a log-delivery bucket, which has none (a log bucket that logs to itself loops).
   * @default - no server access logs; allowed only with `s3-managed-log-delivery` encryption
   */
  readonly serverAccessLogsBucket?: s3.IBucket;
  /**
   * Prefix of this bucket's server access logs in `serverAccessLogsBucket`.
   * @default - the construct path followed by `/`
   */
  readonly serverAccessLogsPrefix?: string;
  /** Lifecycle rules. @default - none: objects and noncurrent versions are kept until deleted */
  readonly lifecycleRules?: s3.LifecycleRule[];
  /**
   * Object Lock default retention (write once, read many), on top of the versioning every
   * bucket has. CAUTION: once on, Object Lock cannot be turned off
   * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html).
   * @default - no Object Lock
   */
  readonly objectLockDefaultRetention?: s3.ObjectLockRetention;
}

/**
 * The base of every S3 bucket of the baseline, with each protection in one place:
 * encrypted as its props choose (FND-ENCRYPTION-AT-REST), all public access blocked and ACLs
 * disabled (FND-NO-PUBLIC-BUCKETS), a policy that refuses requests without TLS 1.2 or later
 * (FND-TLS-IN-TRANSIT), versioning (every bucket holds evidence or customer data; Object Lock
 * needs it), server access logs unless it is itself a log destination (DATA-BUCKET-ACCESS-LOGS),
 * retained on stack deletion, and every event sent to EventBridge (CT.S3.PR.4).
 *
 * The bucket is the child `Resource`, so a class built on this one keeps the construct path
 * and logical ID `<id>/Resource`. Log delivery into it (when it is a `serverAccessLogsBucket`)
 * is granted by bucket policy, never by the `LogDeliveryWrite` ACL.
 */
export class SecureBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const { encryption } = props;
    if (encryption.kind === 's3-managed-log-delivery' && props.serverAccessLogsBucket) {
      throw new Error(`SecureBucket ${this.node.path}: a log-delivery bucket (${encryption.delivery}) takes no serverAccessLogsBucket: log buckets are not logged`);
    }
    if (encryption.kind !== 's3-managed-log-delivery' && !props.serverAccessLogsBucket) {
      throw new Error(`SecureBucket ${this.node.path}: serverAccessLogsBucket is required for a ${encryption.kind} bucket (DATA-BUCKET-ACCESS-LOGS); only log-delivery buckets have none`);
    }
    // Set before any child exists (the context is read when a bucket grants log delivery), so
    // the bucket is the same in an app built without cdk.json's feature flags.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const key =
      encryption.kind === 'kms' ? encryption.key : encryption.kind === 'kms-own-key' ? new EncryptionKey(this, 'Key', { description: encryption.keyDescription }).key : undefined;
    this.bucket = new s3.Bucket(this, 'Resource', {
      encryption: key ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey: key,
      // One data key per bucket instead of a KMS call per object.
      bucketKeyEnabled: key ? true : undefined,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: props.serverAccessLogsBucket,
      serverAccessLogsPrefix: props.serverAccessLogsBucket ? (props.serverAccessLogsPrefix ?? `${this.node.path}/`) : undefined,
      lifecycleRules: props.lifecycleRules,
      objectLockDefaultRetention: props.objectLockDefaultRetention,
    });
    if (encryption.kind === 's3-managed-log-delivery') {
      const tag = LOG_DELIVERY_TAGS[encryption.delivery];
      Tags.of(this.bucket).add(tag.key, tag.value);
    }
    // Every event of the bucket (object created, deleted, restored, lifecycle, ...) goes to the
    // account's default EventBridge bus (CT.S3.PR.4), where rules can route them; nothing is
    // routed by default. Set on the CloudFormation resource itself: the L2 `eventBridgeEnabled`
    // goes through a custom resource with a Lambda function per stack. S3 events are billed as
    // EventBridge opt-in data events (https://aws.amazon.com/eventbridge/pricing/).
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-eventbridgeconfiguration.html
    (this.bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
  }
}
