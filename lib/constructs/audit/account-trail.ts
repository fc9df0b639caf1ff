import { Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { SecureLogGroup } from '../common/secure-log-group';

/** Props of {@link AccountTrail}. */
export interface AccountTrailProps {
  /** Name of the trail, unique in the account. CAUTION: changing it replaces the trail. */
  readonly trailName: string;
  /** The bucket log files are delivered to (an `AuditBucket` with Object Lock). */
  readonly bucket: s3.Bucket;
  /**
   * Customer-managed key that encrypts log files and the trail's log group. The trail adds the
   * key policy statements CloudTrail needs; the key must already admit CloudWatch Logs.
   */
  readonly encryptionKey: kms.Key;
  /** Days the trail's CloudWatch log group keeps events. */
  readonly logRetentionDays: number;
  /**
   * Bucket ARNs whose object events are NOT recorded (each `arn:...:s3:::name`), typically the
   * server access log bucket, whose every delivery would otherwise add a data event per file.
   * @default - object events of every bucket are recorded
   */
  readonly excludeDataEventBuckets?: readonly string[];
}

/**
 * The account's CloudTrail trail (AUD-CLOUDTRAIL, AUD-DATA-EVENTS): every region, global service
 * events, log file validation, a customer-managed key, delivery to S3 and to a KMS-encrypted
 * CloudWatch log group, every management event (read and write), and every S3 object-level
 * event in the account (read and write), which covers the customer-data buckets whatever their
 * names and the trail bucket itself.
 *
 * Built on `CfnTrail` rather than the `Trail` L2, because the L2 neither accepts advanced event
 * selectors nor a role of ours (its log role carries an inline policy, which NIST 800-53, PCI
 * DSS and HIPAA reject).
 */
export class AccountTrail extends Construct {
  /** The trail. */
  public readonly trail: cloudtrail.CfnTrail;
  /** The trail's log group (CIS metric filters read it). */
  public readonly logGroup: logs.LogGroup;
  /** ARN of the trail. */
  public readonly trailArn: string;

  constructor(scope: Construct, id: string, props: AccountTrailProps) {
    super(scope, id);
    const { account, region, partition } = Stack.of(this);
    // Built from the name, not read from the trail: the key and bucket policies must name the
    // trail, and the trail needs both first.
    this.trailArn = `arn:${partition}:cloudtrail:${region}:${account}:trail/${props.trailName}`;
    const cloudTrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    const fromThisTrail = { 'aws:SourceArn': this.trailArn };

    // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
    props.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailAclCheck',
        principals: [cloudTrail],
        actions: ['s3:GetBucketAcl'],
        resources: [props.bucket.bucketArn],
        conditions: { StringEquals: fromThisTrail },
      }),
    );
    props.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailWrite',
        principals: [cloudTrail],
        actions: ['s3:PutObject'],
        resources: [props.bucket.arnForObjects(`AWSLogs/${account}/*`)],
        conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...fromThisTrail } },
      }),
    );
    // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
    props.encryptionKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToEncryptLogs',
        principals: [cloudTrail],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: fromThisTrail,
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${partition}:cloudtrail:*:${account}:trail/*` },
        },
      }),
    );
    props.encryptionKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToDescribeKey',
        principals: [cloudTrail],
        actions: ['kms:DescribeKey'],
        resources: ['*'],
        conditions: { StringEquals: fromThisTrail },
      }),
    );

    this.logGroup = new SecureLogGroup(this, 'LogGroup', {
      encryptionKey: props.encryptionKey,
      retentionDays: props.logRetentionDays,
    }).logGroup;
    const logsRole = new ManagedPolicyRole(this, 'LogsRole', {
      assumedBy: cloudTrail,
      description: `CloudTrail ${props.trailName} delivers events to its CloudWatch log group`,
    });
    logsRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    const excluded = props.excludeDataEventBuckets ?? [];
    this.trail = new cloudtrail.CfnTrail(this, 'Resource', {
      trailName: props.trailName,
      isLogging: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      kmsKeyId: props.encryptionKey.keyArn,
      s3BucketName: props.bucket.bucketName,
      cloudWatchLogsLogGroupArn: this.logGroup.logGroupArn,
      cloudWatchLogsRoleArn: logsRole.roleArn,
      // Advanced selectors replace basic ones: management events must be selected explicitly.
      advancedEventSelectors: [
        {
          name: 'Management events, read and write',
          fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }],
        },
        {
          name: 'S3 object events of every bucket (customer data, the trail bucket), read and write',
          fieldSelectors: [
            { field: 'eventCategory', equalTo: ['Data'] },
            { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
            ...(excluded.length > 0 ? [{ field: 'resources.ARN', notStartsWith: excluded.map((arn) => `${arn}/`) }] : []),
          ],
        },
      ],
    });
    // CloudTrail checks bucket access and its role when the trail is created.
    this.trail.node.addDependency(props.bucket.policy!, logsRole);
  }
}
