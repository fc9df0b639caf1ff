import { Stack, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { TENANT_TAG_KEY } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';
import { EncryptionKey } from '../common/encryption-key';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { CustomerFilesBucket } from './customer-files-bucket';
import { TenantDatabase, type TenantDatabaseProps } from './tenant-database';

/** Props of {@link TenantDatastore}. */
export interface TenantDatastoreProps {
  /** The tenant's ID (lower-case letters and digits); names the database, its user and tags. */
  readonly tenantId: string;
  /** The environment's name; prefixes the cluster identifier (`<env>-<tenant>`). */
  readonly envName: string;
  /** Database settings other than key, identifier, log retention and alarms, which this construct decides. */
  readonly database: Omit<TenantDatabaseProps, 'encryptionKey' | 'clusterIdentifier' | 'logRetentionDays' | 'alarmTopic'>;
  /** Days to keep the PostgreSQL log. */
  readonly logRetentionDays: number;
  /** Where the database alarms go. */
  readonly alarmTopic: sns.ITopic;
  /** Where the customer-files bucket's access logs go. */
  readonly accessLogBucket: s3.IBucket;
  /** Days to keep noncurrent versions of customer files. */
  readonly noncurrentVersionDays: number;
}

/**
 * Everything one tenant's data lives in, shared with no other tenant (TEN-DEDICATED-DATASTORE,
 * TEN-DEDICATED-KEY, TEN-ISOLATED-ACCESS): a KMS key, an Aurora PostgreSQL cluster with its
 * RDS-managed master secret, a customer-files bucket, and an access role that reaches only these.
 *
 * The access role is what the workload runs as when it serves this tenant: it is assumable by
 * ECS tasks of this account (use it as the task role of the tenant's task definition), may
 * connect as the tenant's database user with IAM authentication, read the tenant's master secret
 * (for schema migrations), and read and write the tenant's bucket. Nothing else.
 */
export class TenantDatastore extends Construct {
  /** The tenant's key. */
  public readonly key: EncryptionKey;
  /** The tenant's database. */
  public readonly database: TenantDatabase;
  /** The tenant's customer files. */
  public readonly files: CustomerFilesBucket;
  /** The role the workload assumes to act for this tenant. */
  public readonly accessRole: ManagedPolicyRole;
  /** The PostgreSQL user the access role may connect as with IAM authentication. */
  public readonly databaseUser: string;

  constructor(scope: Construct, id: string, props: TenantDatastoreProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9]{1,19}$/.test(props.tenantId)) {
      throw new Error(`TenantDatastore tenantId: got "${props.tenantId}", expected 2-20 lower-case letters or digits, starting with a letter`);
    }
    this.databaseUser = `tenant_${props.tenantId}`;

    this.key = new EncryptionKey(this, 'Key', {
      description: `Tenant ${props.tenantId} (${props.envName}): database, secret, logs and files`,
      alias: `${props.envName}/tenant/${props.tenantId}`,
    });
    const clusterIdentifier = `${props.envName}-${props.tenantId}`;
    const { account, region, partition } = Stack.of(this);
    // CloudWatch Logs may use the key for this tenant's PostgreSQL log group only, not for any log
    // group of the account: the key stays the tenant's (TEN-DEDICATED-KEY).
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    this.key.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsForTheTenantDatabaseLog',
        principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnEquals: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:${TenantDatabase.logGroupName(clusterIdentifier)}`,
          },
        },
      }),
    );

    this.database = new TenantDatabase(this, 'Database', {
      ...props.database,
      encryptionKey: this.key.key,
      clusterIdentifier,
      logRetentionDays: props.logRetentionDays,
      alarmTopic: props.alarmTopic,
    });

    this.files = new CustomerFilesBucket(this, 'Files', {
      encryptionKey: this.key.key,
      accessLogBucket: props.accessLogBucket,
      accessLogPrefix: `${props.tenantId}/`,
      noncurrentVersionDays: props.noncurrentVersionDays,
    });

    this.accessRole = new ManagedPolicyRole(this, 'AccessRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com', {
        // Only tasks of this account may assume it (confused-deputy guard).
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
      description: `Acts for tenant ${props.tenantId} only: its database user, secret, key and files`,
    });
    this.grantTenantAccess();
    this.denyOtherTenants(props.tenantId);

    Tags.of(this).add(TENANT_TAG_KEY, props.tenantId);
  }

  /**
   * The resource side of TEN-ISOLATED-ACCESS. The key policy delegates to the account's IAM, so
   * the identity policies alone keep tenants apart; these denies hold even if a later IAM policy
   * grants a tenant role too much. Every tenant access role carries the tenant tag (and its
   * sessions with it), so the tenant's key and bucket refuse any principal tagged with another
   * tenant's ID. Principals without the tag (operators, AWS services, the deploy role) are
   * untouched. The master secret is encrypted with the key, so it inherits the deny.
   */
  private denyOtherTenants(tenantId: string): void {
    const tag = `aws:PrincipalTag/${TENANT_TAG_KEY}`;
    const otherTenant = { StringNotEquals: { [tag]: tenantId }, Null: { [tag]: 'false' } };
    this.key.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyOtherTenants',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:*'],
        resources: ['*'],
        conditions: otherTenant,
      }),
    );
    const bucket = this.files.bucket;
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyOtherTenants',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:*'],
        resources: [bucket.bucketArn, bucket.arnForObjects('*')],
        conditions: otherTenant,
      }),
    );
  }

  /**
   * The access role's permissions (TEN-ISOLATED-ACCESS), written out action by action instead of
   * CDK's `grantReadWrite` (whose action families such as `s3:GetObject*` and `kms:ReEncrypt*`
   * reach further than the workload needs). Every resource is one of this tenant's ARNs.
   */
  private grantTenantAccess(): void {
    const role = this.accessRole;
    const { cluster } = this.database;
    const bucket = this.files.bucket;
    // rds-db:connect on arn:aws:rds-db:<region>:<account>:dbuser:<cluster-resource-id>/<user>.
    cluster.grantConnect(role, this.databaseUser);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadTenantMasterSecret',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [cluster.secret!.secretArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'UseTenantKey',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [this.key.key.keyArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ListTenantFiles', actions: ['s3:ListBucket', 's3:ListBucketVersions'], resources: [bucket.bucketArn] }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadWriteTenantFiles',
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
        resources: [bucket.arnForObjects('*')],
      }),
    );
    const bucketLogicalId = Stack.of(this).resolve((bucket.node.defaultChild as s3.CfnBucket).logicalId) as string;
    acknowledge(role, 'tenantAccessRole', [`Resource::<${bucketLogicalId}.Arn>/*`]);
  }
}
