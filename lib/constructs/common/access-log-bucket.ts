import { Duration, Token } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { type LogDeliveryService, SecureBucket } from './secure-bucket';

/** Props of {@link AccessLogBucket}. */
export interface AccessLogBucketProps {
  /**
   * The service that delivers logs into the bucket: S3 server access logs of other buckets
   * (DATA-BUCKET-ACCESS-LOGS) or a load balancer's access and connection logs
   * (EDGE-ALB-ACCESS-LOGS). It picks the log-delivery tag and the compliance findings
   * acknowledged on the bucket.
   */
  readonly delivery: LogDeliveryService;
  /** Days a log object is kept before the lifecycle rule expires it (a whole number, at least 1). */
  readonly retentionDays: number;
}

/**
 * Lifecycle of each kind of log bucket: current objects expire after the retention, a noncurrent
 * version (an overwritten or deleted log object, recoverable until then: logs are evidence) after
 * 30 days, and incomplete multipart uploads after 7. The load-balancer bucket also removes the
 * delete markers expiry leaves behind, in a rule of its own: S3 refuses ExpiredObjectDeleteMarker
 * in a rule that also expires by age. Each shape is what is deployed; aligning them changes the
 * server-access-log buckets' lifecycle, a change of its own.
 */
const LIFECYCLE: Readonly<Record<LogDeliveryService, (retention: Duration) => s3.LifecycleRule[]>> = {
  's3-server-access-logs': (retention) => [
    { id: 'ExpireAccessLogs', expiration: retention, noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(7) },
  ],
  'elb-access-logs': (retention) => [
    { id: 'ExpireAccessLogs', expiration: retention, noncurrentVersionExpiration: Duration.days(30) },
    { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
    { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
  ],
};

/**
 * The destination of AWS log deliveries that accept only SSE-S3: a {@link SecureBucket} with
 * `s3-managed-log-delivery` encryption (so it carries that delivery's tag, the one exemption
 * from SSE-KMS), no server access logs of its own, and logs expiring after `retentionDays`.
 * Access logs hold request metadata (requester, client IP, key or path, status), never object
 * contents or request bodies.
 *
 * Source buckets point their `serverAccessLogsBucket` here (delivery is granted by bucket policy
 * to the S3 logging service); a load balancer's access-log attributes name it, and the load
 * balancer's L2 grants ELB delivery.
 */
export class AccessLogBucket extends SecureBucket {
  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    if (!Token.isUnresolved(props.retentionDays) && (!Number.isInteger(props.retentionDays) || props.retentionDays < 1)) {
      throw new Error(`AccessLogBucket ${id}: retentionDays must be a whole number of days, at least 1; got ${props.retentionDays}`);
    }
    super(scope, id, {
      encryption: { kind: 's3-managed-log-delivery', delivery: props.delivery },
      lifecycleRules: LIFECYCLE[props.delivery](Duration.days(props.retentionDays)),
    });
    if (props.delivery === 'elb-access-logs') {
      acknowledge(this.bucket, 'elbAccessLogBucket');
      acknowledge(this.bucket, 'controlTowerElbAccessLogBucket');
    } else {
      acknowledge(this.bucket, 'accessLogBucket');
      acknowledge(this.bucket, 'logBucketSelfLogging');
      acknowledge(this.bucket, 'controlTowerServerAccessLogBucket');
    }
  }
}
