/**
 * The permissions the CloudWatch Logs delivery service needs to write vended logs (the customer
 * user pool's authentication events) into a bucket encrypted with a customer-managed key. A
 * function of its own, so the pool's file reads as the pool's settings and these statements, which
 * follow the service's documentation, are reviewed against it in one place.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Key prefix under which the log delivery service writes vended logs into a bucket
 * (`AWSLogs/<account>/...`); the bucket policy admits writes below it only.
 */
const VENDED_LOGS_PREFIX = 'AWSLogs';

/**
 * The log delivery service's documented permissions for vended logs in S3, pinned to deliveries
 * of the bucket's account and region. Written before the delivery is configured, so the delivery
 * finds them in place and never rewrites the bucket policy itself.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html
 */
export function allowVendedLogDelivery(bucket: s3.IBucket, key: kms.IKey): void {
  const { account, region, partition } = Stack.of(bucket);
  const delivery = new iam.ServicePrincipal('delivery.logs.amazonaws.com');
  const sourceArn = { 'aws:SourceArn': `arn:${partition}:logs:${region}:${account}:*` };
  const fromThisAccount = { StringEquals: { 'aws:SourceAccount': account }, ArnLike: sourceArn };
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AWSLogDeliveryWrite',
      principals: [delivery],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`${VENDED_LOGS_PREFIX}/${account}/*`)],
      conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': account }, ArnLike: sourceArn },
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AWSLogDeliveryAclCheck',
      principals: [delivery],
      // s3:ListBucket too, as CloudWatch Logs advises: without it the service's bucket checks
      // show up as AccessDenied in CloudTrail. It lists keys, reads no object.
      actions: ['s3:GetBucketAcl', 's3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: fromThisAccount,
    }),
  );
  // SSE-KMS: the key policy statement CloudWatch Logs documents for vended logs in an SSE-KMS
  // bucket ("Logs sent to Amazon S3", section "Amazon S3 bucket server-side encryption"), still
  // pinned to deliveries of this account and region. GenerateDataKey* alone (as before) is less
  // than the documented set and is not what the service is tested against.
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowLogDeliveryOfThisAccount',
      principals: [delivery],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      resources: ['*'],
      conditions: fromThisAccount,
    }),
  );
}
