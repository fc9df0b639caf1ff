import { Duration, Stack, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';

/** Tag that marks buckets holding S3 server access logs, which can only use SSE-S3. */
export const ACCESS_LOG_PURPOSE_TAG = { key: 'saas-security-baseline:purpose', value: 'access-logs' } as const;

/** Props of {@link AccessLogBucket}. */
export interface AccessLogBucketProps {
  /** Days access-log objects are kept. */
  readonly retentionDays: number;
}

/**
 * The target of S3 server access logs. S3 delivers these logs only to buckets encrypted with
 * SSE-S3 (not SSE-KMS), so this is the one kind of bucket without a customer-managed key; it is
 * tagged `saas-security-baseline:purpose = access-logs` so that the deployment-wide encryption test
 * can tell it apart. Versioned, TLS-only, private, bucket-owner-enforced; log delivery is granted
 * by bucket policy to the S3 logging service.
 */
export class AccessLogBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Resource', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { expiration: Duration.days(props.retentionDays), noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
    Tags.of(this.bucket).add(ACCESS_LOG_PURPOSE_TAG.key, ACCESS_LOG_PURPOSE_TAG.value);
    acknowledge(this.bucket, 'accessLogBucket');
  }

  /**
   * Sends `source`'s server access logs here under `prefix`, granting delivery by bucket policy
   * to the S3 logging service for that one bucket and account (the ACL-based grant CDK falls back
   * to would need ObjectWriter ownership, which re-enables ACLs).
   */
  public receiveLogsFrom(source: s3.Bucket, prefix: string): void {
    (source.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: this.bucket.bucketName, logFilePrefix: prefix };
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AllowAccessLogDelivery${prefix.replace(/[^A-Za-z0-9]/g, '')}`,
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${prefix}*`)],
        conditions: { ArnLike: { 'aws:SourceArn': source.bucketArn }, StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
  }
}
