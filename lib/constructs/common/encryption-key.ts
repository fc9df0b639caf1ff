import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Props of {@link EncryptionKey}. */
export interface EncryptionKeyProps {
  /** What the key protects; becomes the key's description. */
  readonly description: string;
  /**
   * Alias of the key, without the `alias/` prefix.
   * @default - no alias
   */
  readonly alias?: string;
  /**
   * Let CloudWatch Logs in this account and region use the key for log groups whose ARN is in
   * this account (the key policy statement CloudWatch Logs documents).
   * @default false - no service may use the key until granted
   */
  readonly allowCloudWatchLogs?: boolean;
}

/**
 * A customer-managed, symmetric AES-256 KMS key with yearly automatic rotation
 * (FND-ENCRYPTION-AT-REST), whose grants only AWS services can create. Deletion leaves the 30-day maximum pending window, and the stack's
 * retain policy keeps it on stack deletion.
 */
export class EncryptionKey extends Construct {
  /** The key. */
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Resource', {
      description: props.description,
      alias: props.alias,
      enableKeyRotation: true,
      keySpec: kms.KeySpec.SYMMETRIC_DEFAULT,
      pendingWindow: Duration.days(30),
    });
    // Grants hand out key permissions outside the key policy; only AWS services that integrate with
    // KMS (EBS, RDS, Secrets Manager, AWS Backup, ...) create them, on a principal's behalf
    // (kms:GrantIsForAWSResource) or as a service principal (aws:PrincipalIsAWSService). No person
    // or application role may create one directly, whatever IAM allows (CT.KMS.PR.3).
    // https://docs.aws.amazon.com/kms/latest/developerguide/grant-authorization.html
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyGrantsExceptForAwsServices',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
      }),
    );
    if (props.allowCloudWatchLogs) {
      const { region, account, partition } = Stack.of(this);
      // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowCloudWatchLogsOfThisAccount',
          principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
          actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          resources: ['*'],
          conditions: {
            ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` },
          },
        }),
      );
    }
  }
}
