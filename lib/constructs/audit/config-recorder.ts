import { Aws, Token } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import type { ControlId } from '../../controls/control-id';

/**
 * AWS Config managed rules evaluated in the account, by the seed control each one watches. The
 * identifiers are AWS's; https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html
 */
export const CONFIG_RULES: ReadonlyArray<{
  readonly id: string;
  readonly identifier: string;
  readonly control: ControlId;
  /** The rule's input parameters, from the recorder's props. */
  readonly inputParameters?: (props: ConfigRecorderProps) => Record<string, unknown>;
  /** The resources the rule evaluates. @default - every resource of the rule's types */
  readonly scope?: (props: ConfigRecorderProps) => config.RuleScope;
}> = [
  // Encryption at rest.
  { id: 'EncryptedVolumes', identifier: config.ManagedRuleIdentifiers.EBS_ENCRYPTED_VOLUMES, control: 'FND-ENCRYPTION-AT-REST' },
  { id: 'RdsStorageEncrypted', identifier: config.ManagedRuleIdentifiers.RDS_STORAGE_ENCRYPTED, control: 'FND-ENCRYPTION-AT-REST' },
  { id: 'S3BucketServerSideEncryptionEnabled', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED, control: 'FND-ENCRYPTION-AT-REST' },
  { id: 'CmkBackingKeyRotationEnabled', identifier: config.ManagedRuleIdentifiers.CMK_BACKING_KEY_ROTATION_ENABLED, control: 'FND-ENCRYPTION-AT-REST' },
  // TLS in transit.
  { id: 'S3BucketSslRequestsOnly', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_SSL_REQUESTS_ONLY, control: 'FND-TLS-IN-TRANSIT' },
  { id: 'AlbHttpToHttpsRedirection', identifier: config.ManagedRuleIdentifiers.ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK, control: 'FND-TLS-IN-TRANSIT' },
  { id: 'ElbTlsHttpsListenersOnly', identifier: config.ManagedRuleIdentifiers.ELB_TLS_HTTPS_LISTENERS_ONLY, control: 'FND-TLS-IN-TRANSIT' },
  // MFA.
  { id: 'IamUserMfaEnabled', identifier: config.ManagedRuleIdentifiers.IAM_USER_MFA_ENABLED, control: 'IAM-MFA-USERS' },
  { id: 'MfaEnabledForIamConsoleAccess', identifier: config.ManagedRuleIdentifiers.MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS, control: 'IAM-MFA-USERS' },
  { id: 'RootAccountMfaEnabled', identifier: config.ManagedRuleIdentifiers.ROOT_ACCOUNT_MFA_ENABLED, control: 'IAM-MFA-USERS' },
  // Public access.
  { id: 'S3BucketPublicReadProhibited', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_PUBLIC_READ_PROHIBITED, control: 'FND-NO-PUBLIC-BUCKETS' },
  { id: 'S3BucketPublicWriteProhibited', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_PUBLIC_WRITE_PROHIBITED, control: 'FND-NO-PUBLIC-BUCKETS' },
  { id: 'S3BucketLevelPublicAccessProhibited', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED, control: 'FND-NO-PUBLIC-BUCKETS' },
  { id: 'RestrictedSsh', identifier: config.ManagedRuleIdentifiers.EC2_SECURITY_GROUPS_INCOMING_SSH_DISABLED, control: 'NET-NO-ADMIN-PORTS' },
  // Network visibility.
  { id: 'VpcFlowLogsEnabled', identifier: config.ManagedRuleIdentifiers.VPC_FLOW_LOGS_ENABLED, control: 'NET-FLOW-LOGS' },
  // Backups.
  { id: 'DbInstanceBackupEnabled', identifier: config.ManagedRuleIdentifiers.RDS_DB_INSTANCE_BACKUP_ENABLED, control: 'DB-PITR-RETENTION' },
  // Aurora clusters are selected by backup plans as clusters; RDS_IN_BACKUP_PLAN looks at instances.
  { id: 'AuroraProtectedByBackupPlan', identifier: config.ManagedRuleIdentifiers.AURORA_RESOURCES_PROTECTED_BY_BACKUP_PLAN, control: 'BAK-SELECTIONS' },
  // Credentials.
  {
    id: 'SecretsManagerRotationEnabled',
    identifier: config.ManagedRuleIdentifiers.SECRETSMANAGER_ROTATION_ENABLED_CHECK,
    control: 'DB-CREDENTIAL-ROTATION',
    // A secret rotated less often than the configured schedule is non-compliant, not only one never rotated.
    inputParameters: (p) => ({ maximumAllowedRotationFrequency: p.maxSecretRotationDays }),
  },
  // The audit trail.
  { id: 'CloudTrailEnabled', identifier: config.ManagedRuleIdentifiers.CLOUD_TRAIL_ENABLED, control: 'AUD-CLOUDTRAIL' },
  { id: 'MultiRegionCloudTrailEnabled', identifier: config.ManagedRuleIdentifiers.CLOUDTRAIL_MULTI_REGION_ENABLED, control: 'AUD-CLOUDTRAIL' },
  { id: 'CloudTrailLogFileValidationEnabled', identifier: config.ManagedRuleIdentifiers.CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED, control: 'AUD-CLOUDTRAIL' },
  { id: 'CloudTrailEncryptionEnabled', identifier: config.ManagedRuleIdentifiers.CLOUD_TRAIL_ENCRYPTION_ENABLED, control: 'AUD-CLOUDTRAIL' },

  // Detectors of the catalog (`detectors` of each control). Identifiers and parameters from each
  // rule's page, https://docs.aws.amazon.com/config/latest/developerguide/<rule-name>.html.
  { id: 'CloudTrailCloudWatchLogsEnabled', identifier: 'CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED', control: 'AUD-CLOUDTRAIL' },
  { id: 'CloudTrailS3DataEventsEnabled', identifier: 'CLOUDTRAIL_S3_DATAEVENTS_ENABLED', control: 'AUD-DATA-EVENTS' },
  {
    id: 'TrailBucketDefaultLockEnabled',
    identifier: 'S3_BUCKET_DEFAULT_LOCK_ENABLED',
    control: 'AUD-TRAIL-BUCKET',
    inputParameters: (p) => ({ mode: p.trailBucketLock.mode }),
    scope: (p) => config.RuleScope.fromResource(config.ResourceType.S3_BUCKET, p.trailBucketLock.bucket.bucketName),
  },
  { id: 'S3BucketVersioningEnabled', identifier: 'S3_BUCKET_VERSIONING_ENABLED', control: 'DATA-VERSIONED-RETENTION' },
  // Customer-data buckets carry the backup tag; log buckets (which cannot log to themselves) do not.
  { id: 'DataBucketLoggingEnabled', identifier: 'S3_BUCKET_LOGGING_ENABLED', control: 'DATA-BUCKET-ACCESS-LOGS', scope: (p) => config.RuleScope.fromTag(p.dataTag.key, p.dataTag.value) },
  { id: 'DataBucketLifecyclePolicy', identifier: 'S3_VERSION_LIFECYCLE_POLICY_CHECK', control: 'DATA-VERSIONED-RETENTION', scope: (p) => config.RuleScope.fromTag(p.dataTag.key, p.dataTag.value) },
  { id: 'CloudWatchLogGroupEncrypted', identifier: 'CLOUDWATCH_LOG_GROUP_ENCRYPTED', control: 'LOG-ENCRYPTED-RETAINED' },
  {
    id: 'LogGroupRetentionPeriod',
    identifier: 'CW_LOGGROUP_RETENTION_PERIOD_CHECK',
    control: 'LOG-ENCRYPTED-RETAINED',
    inputParameters: (p) => ({ MinRetentionTime: p.logRetentionDays }),
  },
  { id: 'SnsEncryptedKms', identifier: 'SNS_ENCRYPTED_KMS', control: 'INC-ALERT-TOPICS' },
  {
    id: 'CloudWatchAlarmActionCheck',
    identifier: 'CLOUDWATCH_ALARM_ACTION_CHECK',
    control: 'INC-ALARM-ACTIONS',
    // Alarms here act on ALARM only (INC-ALARM-ACTIONS); the rule's default also requires an
    // INSUFFICIENT_DATA action, which none has by design.
    inputParameters: () => ({ alarmActionRequired: 'true', insufficientDataActionRequired: 'false', okActionRequired: 'false' }),
  },
  { id: 'GuardDutyEnabled', identifier: 'GUARDDUTY_ENABLED_CENTRALIZED', control: 'MON-GUARDDUTY' },
  { id: 'SecurityHubEnabled', identifier: 'SECURITYHUB_ENABLED', control: 'MON-SECURITY-HUB' },
  {
    id: 'IamPasswordPolicy',
    identifier: 'IAM_PASSWORD_POLICY',
    control: 'IAM-PASSWORD-POLICY',
    inputParameters: (p) => ({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, MaxPasswordAge: p.passwordMaxAgeDays }),
  },
  { id: 'RdsClusterDeletionProtection', identifier: 'RDS_CLUSTER_DELETION_PROTECTION_ENABLED', control: 'FND-STATEFUL-RETAIN' },
  { id: 'RdsSnapshotEncrypted', identifier: 'RDS_SNAPSHOT_ENCRYPTED', control: 'DB-ENCRYPTION-AT-REST' },
  { id: 'RdsClusterIamAuthentication', identifier: 'RDS_CLUSTER_IAM_AUTHENTICATION_ENABLED', control: 'DB-IAM-AUTH' },
  { id: 'RdsClusterMultiAz', identifier: 'RDS_CLUSTER_MULTI_AZ_ENABLED', control: 'DB-MULTI-AZ' },
  { id: 'RdsAutoMinorVersionUpgrade', identifier: 'RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED', control: 'DB-PATCHING' },
  { id: 'RdsInstancePublicAccess', identifier: 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK', control: 'DB-NETWORK-ACCESS' },
  { id: 'SubnetNoAutoPublicIp', identifier: 'SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED', control: 'NET-TIERED-SUBNETS' },
  { id: 'NaclNoUnrestrictedSshRdp', identifier: 'NACL_NO_UNRESTRICTED_SSH_RDP', control: 'NET-NACLS' },
  { id: 'DefaultSecurityGroupClosed', identifier: 'VPC_DEFAULT_SECURITY_GROUP_CLOSED', control: 'NET-DEFAULT-SG-CLOSED' },
  { id: 'RestrictedCommonPorts', identifier: 'RESTRICTED_INCOMING_TRAFFIC', control: 'NET-NO-ADMIN-PORTS' },
  {
    id: 'SecurityGroupsOnlyAuthorizedPorts',
    identifier: 'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS',
    control: 'EDGE-INTERNET-EXPOSURE',
    inputParameters: () => ({ authorizedTcpPorts: '443,80' }),
  },
  { id: 'AlbDropInvalidHeaders', identifier: 'ALB_HTTP_DROP_INVALID_HEADER_ENABLED', control: 'EDGE-INTERNET-EXPOSURE' },
  { id: 'AlbWafEnabled', identifier: 'ALB_WAF_ENABLED', control: 'EDGE-WAF' },
  { id: 'WafV2LoggingEnabled', identifier: 'WAFV2_LOGGING_ENABLED', control: 'EDGE-WAF-LOGGING' },
  { id: 'ElbLoggingEnabled', identifier: 'ELB_LOGGING_ENABLED', control: 'EDGE-ALB-ACCESS-LOGS' },
  { id: 'EcsContainersReadOnly', identifier: 'ECS_CONTAINERS_READONLY_ACCESS', control: 'WL-LEAST-PRIVILEGE' },
  { id: 'EcsContainersNonPrivileged', identifier: 'ECS_CONTAINERS_NONPRIVILEGED', control: 'WL-LEAST-PRIVILEGE' },
  { id: 'EcsFargateLatestPlatform', identifier: 'ECS_FARGATE_LATEST_PLATFORM_VERSION', control: 'WL-MANAGED-COMPUTE' },
];

/** Props of {@link ConfigRecorder}. */
export interface ConfigRecorderProps {
  /** Encrypted bucket (an `AuditBucket`) that receives configuration history and snapshots. */
  readonly bucket: s3.IBucket;
  /**
   * Longest rotation schedule, in days, a Secrets Manager secret may have before the
   * SECRETSMANAGER_ROTATION_ENABLED_CHECK rule reports it (`data.rotationDays`).
   */
  readonly maxSecretRotationDays: number;
  /** Days every log group must keep its events (`logs.retentionDays`, a value CloudWatch Logs accepts). */
  readonly logRetentionDays: number;
  /** Longest password age of the account password policy (`accountBaseline.passwordMaxAgeDays`). */
  readonly passwordMaxAgeDays: number;
  /** The trail bucket and its Object Lock mode, which S3_BUCKET_DEFAULT_LOCK_ENABLED checks. */
  readonly trailBucketLock: { readonly bucket: s3.IBucket; readonly mode: 'GOVERNANCE' | 'COMPLIANCE' };
  /** The tag of the customer-data buckets (the backup tag), whose logging and lifecycle rules check. */
  readonly dataTag: { readonly key: string; readonly value: string };
}

/**
 * AWS Config for the account (MON-CONFIG-RULES): a recorder of every supported resource type
 * including global ones (IAM), a delivery channel to an encrypted bucket with daily snapshots,
 * and the managed rules of {@link CONFIG_RULES}.
 *
 * Global resource types are recorded here because the baseline owns one region per account; an
 * organisation recording in several regions records them in one only (the reason the baseline
 * can be switched off).
 */
export class ConfigRecorder extends Construct {
  /** The recorder. */
  public readonly recorder: config.CfnConfigurationRecorder;
  /** The delivery channel. */
  public readonly deliveryChannel: config.CfnDeliveryChannel;
  /** The managed rules, by ID. */
  public readonly rules: Record<string, config.ManagedRule> = {};

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.maxSecretRotationDays) && (!Number.isInteger(props.maxSecretRotationDays) || props.maxSecretRotationDays < 1)) {
      throw new Error(`ConfigRecorder ${id}: maxSecretRotationDays must be a whole number of days, at least 1; got ${props.maxSecretRotationDays}`);
    }
    const role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      description: 'AWS Config reads resource configurations and delivers them to the config bucket',
      // AWS keeps this policy in step with every resource type Config can record; a policy of
      // ours would fall behind with each new type (and recording would silently miss it).
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
    });
    acknowledge(role, 'configRecorderRole');
    const prefix = 'config';
    // https://docs.aws.amazon.com/config/latest/developerguide/iamrole-permissions.html
    // Exactly what delivery needs, rather than `grantPut` (which adds s3:Abort* and kms:ReEncrypt*).
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetBucketAcl'], resources: [props.bucket.bucketArn] }));
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [props.bucket.arnForObjects(`${prefix}/AWSLogs/${Aws.ACCOUNT_ID}/Config/*`)] }),
    );
    if (props.bucket.encryptionKey) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.bucket.encryptionKey.keyArn] }));
    }

    this.recorder = new config.CfnConfigurationRecorder(this, 'Resource', {
      roleArn: role.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    this.deliveryChannel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', {
      s3BucketName: props.bucket.bucketName,
      s3KeyPrefix: prefix,
      s3KmsKeyArn: props.bucket.encryptionKey?.keyArn,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });
    // A delivery channel needs a recorder; rules need both, or they never evaluate.
    this.deliveryChannel.node.addDependency(this.recorder);
    const rules = new Construct(this, 'Rules');
    for (const r of CONFIG_RULES) {
      const rule = new config.ManagedRule(rules, r.id, {
        identifier: r.identifier,
        description: `Seed control ${r.control}: AWS Config managed rule ${r.identifier}`,
        inputParameters: r.inputParameters?.(props),
        ruleScope: r.scope?.(props),
      });
      rule.node.addDependency(this.recorder, this.deliveryChannel);
      this.rules[r.id] = rule;
    }
  }
}
