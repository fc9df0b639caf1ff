import { Duration, Tags, Token } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SSE_S3_LOG_DELIVERY_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';
import { sendEventsToEventBridge } from '../common/secure-bucket';

/** Props of {@link AccessLogBucket}. */
export interface AccessLogBucketProps {
  /** Days a log object is kept before the lifecycle rule expires it. */
  readonly retentionDays: number;
}

/**
 * The bucket Elastic Load Balancing writes access logs to (EDGE-ALB-ACCESS-LOGS): TLS 1.2+ only,
 * every public access path blocked, ACLs disabled (bucket owner enforced), versioned, and expired
 * after `retentionDays`.
 *
 * Encryption is SSE-S3 (AES-256), not a customer-managed KMS key, because ELB access log
 * delivery supports only SSE-S3:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 * The bucket carries {@link SSE_S3_LOG_DELIVERY_TAG} so that the deployment-wide "every bucket
 * uses KMS" test can allow exactly this exception, and the KMS findings are acknowledged on this
 * bucket only. Access logs hold request metadata (client IP, path, user agent, status), never
 * request bodies.
 */
export class AccessLogBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.retentionDays) && (!Number.isInteger(props.retentionDays) || props.retentionDays < 1)) {
      throw new Error(`AccessLogBucket ${id}: retentionDays must be a whole number of days, at least 1; got ${props.retentionDays}`);
    }
    this.bucket = new s3.Bucket(this, 'Resource', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Versioning keeps an overwritten or deleted log object recoverable until the noncurrent
      // expiry below; logs are evidence.
      versioned: true,
      lifecycleRules: [
        { id: 'ExpireAccessLogs', expiration: Duration.days(props.retentionDays), noncurrentVersionExpiration: Duration.days(30) },
        // S3 refuses ExpiredObjectDeleteMarker in a rule that also expires by age.
        { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
    Tags.of(this.bucket).add(SSE_S3_LOG_DELIVERY_TAG.key, SSE_S3_LOG_DELIVERY_TAG.value);
    acknowledge(this.bucket, 'elbAccessLogBucket');
    acknowledge(this.bucket, 'controlTowerElbAccessLogBucket');
    sendEventsToEventBridge(this.bucket);
  }
}
