/**
 * Every cdk-nag acknowledgement of the baseline, in one table, so they can be listed, counted and
 * reviewed in one place (docs/acknowledgements.md lists them). A construct acknowledges by key:
 *
 *     acknowledge(nacl, 'networkAcl');
 *
 * Rules of the house:
 * - a finding is fixed where it can be; an entry here is a finding that contradicts a seed
 *   control or has a stronger compensating control, and its reason names that control's ID;
 * - an acknowledgement is attached to the one construct it is about, never to a stack, stage or
 *   app (`acknowledge` throws if asked to).
 */
import { CfnResource, Stack, Stage, Validations } from 'aws-cdk-lib';
import { rules, type NagRuleResult } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { ControlId } from '../controls/control-id';

/** The cdk-nag rules that report one finding per wildcard, by the rule ID acknowledgements use. */
const GRANULAR_RULES: Record<string, (node: CfnResource) => NagRuleResult> = {
  'AwsSolutions-IAM5': rules.iam.IAMNoWildcardPermissions,
};

/** One acknowledged rule. */
export interface Acknowledgement {
  /** The rule ID as cdk-nag reports it, e.g. `AwsSolutions-VPC3`. */
  readonly rule: string;
  /** The catalog control that requires the flagged design, or compensates for it. */
  readonly control: ControlId;
  /** Why the finding does not weaken the control. */
  readonly reason: string;
  /**
   * For rules that report one finding per wildcard (AwsSolutions-IAM5): the findings this entry
   * covers. Only findings matching one of these patterns are acknowledged; any other wildcard on
   * the same policy stays an open finding.
   * @default - the rule as a whole
   */
  readonly findings?: readonly RegExp[];
}

const PUBLIC_ROUTE_REASON =
  'Public subnets exist only for the internet-facing load balancer and NAT gateways and must route to the internet gateway; ' +
  'workloads and data sit in private and isolated subnets with no inbound route, and tier NACLs limit what reaches the public tier.';

const ACCESS_LOG_SSE_S3_REASON =
  'S3 server access logging and ALB access logs deliver only to buckets encrypted with SSE-S3 (AES-256), not SSE-KMS; the bucket holds ' +
  'request metadata, not customer content, is TLS-only and private, and is tagged saas-security-baseline:purpose=access-logs.';

/** Buckets whose integrity comes from versioning, retention and S3's multi-zone durability in the home region, not from a copy. */
const REPLICATION_ACKS: readonly Acknowledgement[] = ['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
  rule: `${pack}-S3BucketReplicationEnabled`,
  control: 'FND-DATA-RESIDENCY',
  reason:
    'Cross-region replication would copy data out of the home region, which data residency forbids (003: all data hosted in Singapore); ' +
    'S3 already stores every object across the region\'s zones, the bucket is versioned and retained, and recovery copies are the backup plan\'s job.',
}));
const ELB_LOGS_SSE_S3_REASON =
  'Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3 (AES-256), not SSE-KMS ' +
  '(https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html). The bucket holds request metadata only, ' +
  'is encrypted with AES-256, TLS-only, blocks all public access, and carries the log-delivery tag that confines this exception to access-log buckets.';

const ACCESS_LOG_BUCKET_LOGGING_REASON =
  'This bucket is itself a log destination: server access logs for it would need another bucket that again needs logging. ' +
  'Only the ELB log-delivery principal may write to it (bucket policy), changes to the bucket are recorded by CloudTrail, and objects are versioned.';

const LOG_BUCKET_REPLICATION_REASON =
  'Access logs stay in the home region (seed 003: all data hosted in Singapore); a cross-region replica would break residency. ' +
  'Versioning and the retain policy protect the objects in place.';
const BACKUP_MANAGED_POLICY_REASON =
  'AWS Backup documents its managed service-role policies (AWSBackupServiceRolePolicyForBackup/ForRestores and the S3 ones) as the ' +
  'permissions it needs; AWS keeps them current as resource types gain backup features. A hand-copied list would drift and ' +
  'fail backups or restores silently. The role is assumable only by backup.amazonaws.com, and the vault policy and lock bound what it can delete.';

const NO_CROSS_REGION_REPLICATION: readonly Acknowledgement[] = (['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'] as const).map((pack): Acknowledgement => ({
  rule: `${pack}-S3BucketReplicationEnabled`,
  control: 'BAK-RESIDENCY',
  reason:
    'S3 replication would copy the data to another region, which data residency forbids (003: all data in Singapore) unless a DR region ' +
    'is configured; resilience comes from S3\'s multi-zone durability, versioning, and AWS Backup\'s tiered and continuous backups of the bucket.',
}));
/**
 * Entries for a rule that reports each offending value apart (cdk-nag's IAM4 and IAM5 report
 * `AwsSolutions-IAM5[Action::logs:Describe*]`): one entry per value, so that a wildcard added
 * later is a new finding rather than silently covered.
 */
function each(rule: string, control: ControlId, reason: string, findings: readonly string[]): Acknowledgement[] {
  return findings.map((f): Acknowledgement => ({ rule: `${rule}[${f}]`, control, reason }));
}

export const ACKNOWLEDGEMENTS = {
  /** A staff role trusting a SAML provider: MFA is the identity provider's, named in the config. */
  samlIdentityProviderMfa: [
    {
      rule: 'SaasBaseline-StaffRoleMfa',
      control: 'IAM-MFA-ROLES',
      reason:
        'STS sets no MFA context for SAML sessions, so IAM cannot require MFA on them; the configuration must name the identity provider setting ' +
        'that requires MFA on every sign-in (identity.samlMfaEnforcedBy, refused when missing), the role description carries it, and the sign-in ' +
        'audience is pinned to the AWS console (SAML:aud).',
    },
  ],
  /** The default route of a public subnet to the internet gateway. */
  publicSubnetDefaultRoute: [
    { rule: 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
  ],
  /** Roles CDK Pipelines creates for itself (source action, build actions, self-mutation, asset publishing). */
  pipelineGeneratedRole: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-IAMNoInlinePolicy`,
      control: 'DEL-STAGED-ROLLOUT',
      reason:
        'CDK Pipelines creates this role and its policy internally and offers no way to supply a role with managed policies; ' +
        'the role is assumable only by this pipeline\'s own services, and its policy is scoped to this pipeline\'s bucket, key and projects.',
    })),
  ],
  /** The policies of the roles CDK Pipelines creates: its grants' wildcards. */
  pipelineGeneratedPolicyWildcards: [
    {
      rule: 'AwsSolutions-IAM5',
      control: 'DEL-STAGED-ROLLOUT',
      reason:
        'Wildcards generated by CDK Pipelines: object keys in this pipeline\'s artifact bucket and in its replication bucket of each other region a stage deploys to, data keys of its artifact key, ' +
        'its own CodeBuild log groups and report groups, the CDK bootstrap roles of the tooling account it deploys through, and ' +
        'the CloudFormation and CodeBuild read/start actions CDK Pipelines scopes to "*".',
      findings: [
        /^Action::s3:(GetObject|GetBucket|List|DeleteObject|Abort|PutObject)\*$/,
        /^Action::kms:(GenerateDataKey|ReEncrypt)\*$/,
        /^Resource::<DeliveryArtifacts[0-9A-F]{8}\.Arn>\/\*$/,
        // The replication bucket CodePipeline names in its support stack (GlobalEvents deploys to us-east-1).
        /^Resource::arn:aws:s3:::pipeline-support-[a-z0-9-]+\/\*$/,
        /^Resource::arn:\*:iam::\d{12}:role\/\*$/,
        /^Resource::arn:aws:(logs|codebuild):[a-z0-9-]+:\d{12}:(log-group:\/aws\/codebuild\/|report-group\/)[^*]*\*$/,
        /^Resource::\*$/,
      ],
    },
  ],
  /** CodeBuild projects of the pipeline: their source is the pipeline's artifact, not a repository URL. */
  pipelineBuildProject: ['PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
    rule: `${pack}-CodeBuildProjectSourceRepoUrl`,
    control: 'DEL-STAGED-ROLLOUT',
    reason:
      'The project reads its source from the pipeline\'s encrypted artifact bucket (source type CODEPIPELINE); the repository is reached ' +
      'through an AWS CodeConnections connection, so no repository URL or credential is stored in the project.',
  })),
  /** A bucket receiving S3 server access logs or ALB access logs (tagged purpose=access-logs). */
  accessLogBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-S3DefaultEncryptionKMS`,
      control: 'FND-ENCRYPTION-AT-REST',
      reason: ACCESS_LOG_SSE_S3_REASON,
    })),
    ...REPLICATION_ACKS,
  ],
  /** Every other bucket: versioning, retention and the home region's durability instead of a copy elsewhere. */
  bucketWithoutReplication: REPLICATION_ACKS,
  /** The AWS Config recorder's role (ConfigRecorder). */
  configRecorderRole: [
    {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
      control: 'MON-CONFIG-RULES',
      reason:
        'AWS_ConfigRole is the policy AWS maintains for the recorder: it grants read access to every resource type Config records and AWS extends it with each new type; a copy of ours would fall behind and recording would silently miss new types.',
    },
    {
      // The bucket's logical ID is pinned (test/stateful-logical-ids.json), so this ID is stable.
      rule: 'AwsSolutions-IAM5[Resource::<ConfigBucketE7CC15D9.Arn>/config/AWSLogs/<AWS::AccountId>/Config/*]',
      control: 'MON-CONFIG-RULES',
      reason:
        'The only wildcard is the object key under the delivery prefix <bucket>/config/AWSLogs/<account>/Config/*: Config names each history and snapshot file by date and ID, so no narrower resource exists.',
    },
  ],
  /** The password policy handler's role (AccountPasswordPolicy). */
  passwordPolicyRole: [
    {
      rule: 'AwsSolutions-IAM5[Resource::*]',
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'iam:Get/Update/DeleteAccountPasswordPolicy have no resource type (the password policy is an account setting), so IAM accepts only "*"; the role holds these three actions and log writes to its own log group, nothing else.',
    },
  ],
  /** The password policy custom resource handler (AccountPasswordPolicy). */
  passwordPolicyHandler: [
    {
      rule: 'Serverless-LambdaDLQ',
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'CloudFormation waits for the handler\'s answer: a failed invocation fails (and rolls back) the deployment visibly, so there is no lost event a dead-letter queue could keep.',
    },
    {
      rule: 'Serverless-LambdaTracing',
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'The handler runs once per deployment of the account baseline and makes one IAM call; CloudFormation records the outcome in the stack events and the handler logs to its encrypted log group. ' +
        'X-Ray would need xray:PutTraceSegments on "*" (X-Ray defines no resource types) for a trace of a single call.',
    },
    ...['NIST.800.53.R5', 'HIPAA.Security'].flatMap((pack): Acknowledgement[] => [
      {
        rule: `${pack}-LambdaConcurrency`,
        control: 'IAM-PASSWORD-POLICY',
        reason:
          'Only CloudFormation invokes the handler, once per deployment of the stack; reserving concurrency would fail in new accounts whose quota is 10 (Lambda keeps 10 unreserved) and protects nothing.',
      },
      {
        rule: `${pack}-LambdaDLQ`,
        control: 'IAM-PASSWORD-POLICY',
        reason:
          'CloudFormation waits for the handler\'s answer: a failed invocation fails (and rolls back) the deployment visibly, so there is no lost event a dead-letter queue could keep.',
      },
    ]),
    ...['NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC', 'HIPAA.Security-LambdaInsideVPC', 'CT.LAMBDA.PR.3'].map((rule): Acknowledgement => ({
      rule,
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'The account baseline deploys without (and before) any VPC, and the handler holds no data: it only calls the global IAM endpoint with a role limited to the password-policy actions.',
    })),
  ],
  /** A subnet tier's network ACL and its entries. */
  networkAcl: [
    {
      rule: 'AwsSolutions-VPC3',
      control: 'NET-NACLS',
      reason:
        '003 promises network ACLs that keep unauthorized requests out of the internal network. Each tier ACL is deny-by-default, ' +
        'admits only the ports its tier serves and return traffic, never an admin port, and is covered by tests over the template.',
    },
  ],
  /** The bucket ELB writes access logs to (AccessLogBucket). */
  elbAccessLogBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-S3DefaultEncryptionKMS`,
      control: 'EDGE-ALB-ACCESS-LOGS',
      reason: ELB_LOGS_SSE_S3_REASON,
    })),
    ...['AwsSolutions-S1', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketLoggingEnabled', 'HIPAA.Security-S3BucketLoggingEnabled'].map((rule): Acknowledgement => ({
      rule,
      control: 'EDGE-ALB-ACCESS-LOGS',
      reason: ACCESS_LOG_BUCKET_LOGGING_REASON,
    })),
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-S3BucketReplicationEnabled`,
      control: 'FND-DATA-RESIDENCY',
      reason: LOG_BUCKET_REPLICATION_REASON,
    })),
  ],
  /** A staging load balancer without deletion protection. */
  stagingLoadBalancerDeletable: ['NIST.800.53.R5-ELBDeletionProtectionEnabled', 'PCI.DSS.321-ELBDeletionProtectionEnabled', 'HIPAA.Security-ELBDeletionProtectionEnabled', 'CT.ELASTICLOADBALANCING.PR.5'].map((rule): Acknowledgement => ({
    rule,
    control: 'FND-STATEFUL-RETAIN',
    reason:
      'Deletion protection is on for every production load balancer (config tier production); staging is rebuilt freely, its load balancer holds no data, and its access logs are kept in a retained bucket.',
  })),
  /** The internet-facing load balancer's security group. */
  internetFacingLoadBalancerIngress: [
    {
      rule: 'AwsSolutions-EC23',
      control: 'EDGE-INTERNET-EXPOSURE',
      reason:
        'The public service must be reachable from the internet (003 "served 100% over https"): the group admits exactly TCP 443 and 80 from 0.0.0.0/0 ' +
        'and is attached only to the load balancer, behind the WAF web ACL (EDGE-WAF); 80 only redirects to HTTPS.',
    },
  ],
  /** The HTTP listener on 80, whose only action is the redirect to HTTPS. */
  httpRedirectListener: ['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
    rule: `${pack}-ELBv2ACMCertificateRequired`,
    control: 'EDGE-HTTPS-ONLY',
    reason:
      'Port 80 serves no content and carries no certificate: its only action is a permanent redirect to HTTPS on 443, whose listener uses the ACM certificate from config.',
  })),
  /** The workload execution role's pull of GuardDuty's runtime agent (FargateWorkload). */
  guardDutyAgentPull: [
    {
      rule: 'AwsSolutions-IAM5[Resource::*]',
      control: 'MON-GUARDDUTY',
      reason:
        'ecr:GetAuthorizationToken has no resource type (the token is per account and region), so IAM accepts only "*"; it grants no image by itself: ' +
        'the layer and image reads are limited to GuardDuty\'s aws-guardduty-agent-fargate repository, which ECS pulls with this role to add the runtime-monitoring sidecar.',
    },
  ],
  /** The RDS enhanced monitoring role's log-stream permission. */
  enhancedMonitoringLogStreams: [
    {
      rule: 'AwsSolutions-IAM5',
      control: 'DB-AUDIT-LOGGING',
      reason:
        'RDS names the RDSOSMetrics log streams after instance resource IDs that exist only after the instances (which need the role) are created; ' +
        'the wildcard is limited to streams of the one RDSOSMetrics log group of this account and region, exactly as the AWS managed AmazonRDSEnhancedMonitoringRole grants.',
    },
  ],
  /** Every tenant's Aurora PostgreSQL cluster. */
  tenantDatabase: [
    ...['NIST.800.53.R5', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-RDSInBackupPlan`,
      control: 'BAK-SELECTIONS',
      reason:
        'The tiered backup plan lives in the backup stack and selects every cluster by the BACKUP_TAG tag, which this cluster carries; ' +
        'cdk-nag only sees plans in the same stack. The backup tests fail if a tagged database is not selected.',
    })),
    {
      rule: 'AwsSolutions-RDS11',
      control: 'DB-NETWORK-ACCESS',
      reason:
        'The default PostgreSQL port (DATABASE_PORT in lib/constants/ports.ts) is kept on purpose: a non-default port hides nothing inside the VPC, ' +
        'while the isolated subnets, the tier NACLs and a security group admitting only the workload security group keep everyone else out.',
    },
  ],
  /** Every tenant's access role (grants by CDK's S3 and Secrets Manager grant methods). */
  tenantAccessRole: [
    {
      rule: 'AwsSolutions-IAM5',
      control: 'TEN-ISOLATED-ACCESS',
      reason:
        "The only wildcard is the object keys inside the tenant's own bucket (<bucket-arn>/*), which S3 object permissions need; every action is named " +
        "and every other resource is one of this tenant's ARNs. test/tenants.test.ts fails on any grant that reaches another tenant's resources or '*'.",
    },
  ],
  /** Every tenant's customer-files bucket. */
  customerFilesBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-S3BucketReplicationEnabled`,
      control: 'FND-DATA-RESIDENCY',
      reason:
        'Seed 003 keeps all data in Singapore; cross-region replication would copy customer files out of it. ' +
        'Durability comes from S3 (multi-AZ), versioning with noncurrent-version retention (DATA-VERSIONED-RETENTION) and the tiered AWS Backup plan that selects the bucket by tag.',
    })),
  ],
  /** A bucket that is itself the destination of access logs: it cannot log to itself. */
  logBucketSelfLogging: ['AwsSolutions-S1', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketLoggingEnabled', 'HIPAA.Security-S3BucketLoggingEnabled'].map((rule): Acknowledgement => ({
    rule,
    control: 'DATA-BUCKET-ACCESS-LOGS',
    reason: 'This is the access-log destination; logging it to itself would loop, and S3 advises against logging a log bucket. Changes to it are recorded by CloudTrail.',
  })),
  /** The role AWS Backup assumes to take and copy backups. */
  backupServiceRolePolicies: ['service-role/AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForS3Backup'].map((policy): Acknowledgement => ({
    rule: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
    control: 'BAK-SELECTIONS',
    reason: BACKUP_MANAGED_POLICY_REASON,
  })),
  /** The role AWS Backup assumes to restore test copies of the databases. */
  restoreServiceRolePolicies: [
    {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
      control: 'BAK-RESTORE-TESTING',
      reason: BACKUP_MANAGED_POLICY_REASON,
    },
  ],
  /** The restore validation function's role. */
  restoreValidatorRole: [
    'Resource::*',
    'Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster:*',
    'Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster-pg:*',
    'Resource::arn:<AWS::Partition>:backup:<AWS::Region>:<AWS::AccountId>:recovery-point:*',
    'Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster-snapshot:*',
  ].map((finding): Acknowledgement => ({
    rule: `AwsSolutions-IAM5[${finding}]`,
    control: 'BAK-RESTORE-VALIDATION',
    reason:
        'backup:DescribeRestoreJob and backup:PutRestoreValidationResult have no resource type in IAM, so they take "*"; the clusters, ' +
        'cluster parameter groups and recovery points (AWS Backup ARNs, or RDS cluster-snapshot ARNs for Aurora snapshots) it reads are named by AWS Backup at restore time, so their ARNs end in "*" ' +
        'within this account and region. Every action is a describe or the validation report; nothing can change a database.',
  })),
  /** The restore validation function. */
  restoreValidatorFunction: [
    ...(['NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC', 'HIPAA.Security-LambdaInsideVPC', 'CT.LAMBDA.PR.3'] as const).map((rule): Acknowledgement => ({
      rule,
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'The function calls only the AWS Backup and RDS control-plane APIs and never connects to a database or holds customer data; ' +
        'VPC placement would add ENI permissions on "*" and a NAT dependency without protecting any data path.',
    })),
    ...(['NIST.800.53.R5', 'HIPAA.Security'] as const).map((pack): Acknowledgement => ({
      rule: `${pack}-LambdaConcurrency`,
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'Lambda refuses a reservation that leaves less than 100 of the account concurrency unreserved (Lambda developer guide, ' +
        '"Configuring reserved concurrency"), and new accounts start with a reduced quota, so any reservation fails the first deploy; ' +
        'restore tests complete a few times a week, one event per tenant, so an unreserved function is never starved or flooding.',
    })),
    {
      rule: 'Serverless-LambdaTracing',
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'The function runs a few times a week, makes three read calls and one report call, and logs one structured JSON line per verdict with the restore job ID; ' +
        'failed validations, function errors and dead letters each raise an alarm. X-Ray would need xray:PutTraceSegments and PutTelemetryRecords on "*" ' +
        '(X-Ray defines no resource types) in a role otherwise scoped to named resources, for latency data nobody acts on.',
    },
  ],
  /** The restore validation function's dead-letter queue. */
  deadLetterQueue: [
    {
      rule: 'AwsSolutions-SQS3',
      control: 'BAK-RESTORE-VALIDATION',
      reason: 'This queue is itself the dead-letter queue of the restore validation function and its EventBridge rule; an alarm watches its depth.',
    },
    {
      // CT.SQS.PR.1 recognises a dead-letter queue only by a RedriveAllowPolicy naming SQS source
      // queues; this one receives from Lambda and EventBridge, which that policy cannot express.
      rule: 'CT.SQS.PR.1',
      control: 'BAK-RESTORE-VALIDATION',
      reason:
        'This queue is itself the dead-letter queue of the restore validation function and of its EventBridge target: a message that lands here has already failed, ' +
        'and a queue behind it would only hide it further. It keeps messages 14 days and an alarm pages on its depth.',
    },
    {
      rule: 'Serverless-SQSRedrivePolicy',
      control: 'BAK-RESTORE-VALIDATION',
      reason: 'This queue is the end of the chain: it is the dead-letter queue of the restore validation function and its rule, nothing consumes it automatically, and an alarm on its depth pages operations.',
    },
  ],
  /** Dead-letter queues of alert deliveries (AlertDeadLetterQueue). */
  alertDeadLetterQueue: [
    {
      rule: 'AwsSolutions-SQS3',
      control: 'INC-ALERT-DELIVERY',
      reason: 'This queue is itself the dead-letter queue of alert deliveries (EventBridge targets or SNS subscriptions); an alarm on its depth notifies the alert topics.',
    },
    {
      rule: 'Serverless-SQSRedrivePolicy',
      control: 'INC-ALERT-DELIVERY',
      reason: 'This queue is the end of the chain: it keeps undelivered alerts for 14 days for the on-call to read and redrive; nothing consumes it automatically, so no message can fail out of it, and an alarm on its depth notifies the alert topics.',
    },
    {
      // CT.SQS.PR.1 recognises a dead-letter queue only by a RedriveAllowPolicy naming SQS source
      // queues; this one receives from EventBridge and SNS, which that policy cannot express.
      rule: 'CT.SQS.PR.1',
      control: 'INC-ALERT-DELIVERY',
      reason:
        'This queue is itself the dead-letter queue of alert deliveries (EventBridge targets or SNS subscriptions): a message here has already failed delivery, ' +
        'and a queue behind it would only hide it further. It keeps messages 14 days and an alarm on its depth notifies the alert topics.',
    },
  ],
  /** The legal-retention archive bucket. */
  legalArchiveBucket: NO_CROSS_REGION_REPLICATION,
  /** Describe/List reads of operational data: those APIs have no resource-level permissions. */
  staffReadOnlyDescribe: [
    ...each('AwsSolutions-IAM5', 'IAM-STAFF-ROLES', 'Read-only Describe/List/Get actions of logs, metrics and service configuration, whose APIs have no resource-level permissions; the role is MFA-gated, region-fenced and explicitly denied customer data (IAM-CUSTOMER-DATA-RESTRICTED).', ['Resource::*', ...['backup:Describe*', 'backup:List*', 'cloudformation:Describe*', 'cloudformation:List*', 'cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*', 'ec2:Describe*', 'ecs:Describe*', 'ecs:List*', 'elasticloadbalancing:Describe*', 'logs:Describe*', 'rds:Describe*'].map((a) => `Action::${a}`)]),
  ],
  /** The operator's rights: the CDK bootstrap roles and day-two operations by resource type. */
  staffDeploy: [
    ...each('AwsSolutions-IAM5', 'IAM-STAFF-ROLES', 'Deployment goes through the CDK deploy and asset-publishing bootstrap roles (cdk-*-deploy-role-*, cdk-*-file-publishing-role-*, cdk-*-image-publishing-role-* in this account only; the qualifier and region are bootstrap choices) and day-two operations name ECS services and RDS clusters of this account by type, because their names are generated; the role needs MFA within the hour, has a one-hour session and is denied customer data.', ['iam::<AWS::AccountId>:role/cdk-*-deploy-role-*', 'iam::<AWS::AccountId>:role/cdk-*-file-publishing-role-*', 'iam::<AWS::AccountId>:role/cdk-*-image-publishing-role-*', 'ecs:<AWS::Region>:<AWS::AccountId>:service/*', 'ecs:<AWS::Region>:<AWS::AccountId>:task/*', 'rds:<AWS::Region>:<AWS::AccountId>:db:*', 'rds:<AWS::Region>:<AWS::AccountId>:cluster:*'].map((r) => `Resource::arn:<AWS::Partition>:${r}`)),
  ],
  /** The administrator and break-glass policy: * on * by design, MFA-gated. */
  staffAdministrator: [
    ...each('AwsSolutions-IAM5', 'IAM-NO-WILDCARD-ADMIN', 'Only the administrator and break-glass roles carry this policy; both need a recent MFA sign-in, last one hour, stay inside the allowed regions, and every break-glass use pages security (IAM-BREAK-GLASS-ALERT).', ['Action::*', 'Resource::*']),
    { rule: 'NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'PCI.DSS.321-IAMPolicyNoStatementsWithAdminAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'HIPAA.Security-IAMPolicyNoStatementsWithFullAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    { rule: 'HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess', control: 'IAM-NO-WILDCARD-ADMIN', reason: 'Only the MFA-gated administrator and break-glass roles carry it (one-hour sessions, MFA within the hour, region guardrail, break-glass alert); a test proves no other policy allows * on *.' },
    // CT.IAM.PR.2 (no "Action": "*" on "Resource": "*") and CT.IAM.PR.3 (no "<service>:*") read
    // the managed policy's statements; this is the one policy whose purpose is full access.
    ...['CT.IAM.PR.2', 'CT.IAM.PR.3'].map((rule): Acknowledgement => ({
      rule,
      control: 'IAM-NO-WILDCARD-ADMIN',
      reason:
        'The administrator and break-glass roles exist to repair anything, including what no narrower policy foresaw, so their one policy allows * on *; ' +
        'only those two roles carry it, both need MFA within the hour and one-hour sessions, stay inside the allowed regions (IAM-REGION-GUARDRAIL), and every break-glass use pages security (IAM-BREAK-GLASS-ALERT). A test proves no other policy allows * on *.',
    })),
  ],
  /** The security auditor's AWS managed SecurityAudit policy. */
  /** The evidence command's reads: Describe/Get/List calls without resource-level permissions. */
  auditorEvidenceRead: [
    ...each('AwsSolutions-IAM5', 'IAM-STAFF-ROLES', 'The compliance-status reads of npm run evidence (config:Describe*/Get*, securityhub:GetFindings, backup:List*/Describe*, cloudtrail:GetTrailStatus, guardduty:GetDetector, each named) have no resource-level permissions or read account-wide status; the auditor role is MFA-gated, region-fenced and denied customer data.', ['Resource::*']),
  ],
  securityAuditManagedPolicy: [
    ...each('AwsSolutions-IAM4', 'IAM-STAFF-ROLES', 'SecurityAudit is maintained by AWS as services and APIs are added, which a hand-kept copy would miss; it grants configuration reads only, and the customer-data deny policy on the same role overrides any data read.', ['Policy::arn:<AWS::Partition>:iam::aws:policy/SecurityAudit']),
  ],
  /** Cognito's SMS role: sns:Publish to phone numbers has no resource ARN. */
  cognitoSmsPublish: [
    ...each('AwsSolutions-IAM5', 'SIGNIN-MFA', 'SMS MFA codes are sent with sns:Publish to phone numbers, which has no resource ARN; only Cognito, with this account as source and the pool\'s external ID, can assume the role.', ['Resource::*']),
  ],
  /** AWS's documented MFA self-management policy. */
  mfaSelfManagement: [
    ...each('AwsSolutions-IAM5', 'IAM-MFA-USERS', 'AWS\'s documented MFA self-management policy: users act only on their own user (${aws:username}) and name their own virtual MFA device; the account password policy read has no resource.', ['Resource::*', 'Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:mfa/*']),
  ],
  /** The MFA-required group exists before any IAM user does. */
  mfaGroupWithoutUsers: [
    { rule: 'NIST.800.53.R5-IAMGroupHasUsers', control: 'IAM-MFA-USERS', reason: 'Staff use MFA-gated roles, not IAM users; the group exists so that any IAM user an administrator must create is put under the MFA requirement on creation.' },
    { rule: 'PCI.DSS.321-IAMGroupHasUsers', control: 'IAM-MFA-USERS', reason: 'Staff use MFA-gated roles, not IAM users; the group exists so that any IAM user an administrator must create is put under the MFA requirement on creation.' },
    { rule: 'HIPAA.Security-IAMGroupHasUsers', control: 'IAM-MFA-USERS', reason: 'Staff use MFA-gated roles, not IAM users; the group exists so that any IAM user an administrator must create is put under the MFA requirement on creation.' },
  ],
  // ---- AWS Control Tower proactive controls (lib/nag/control-tower.ts), per resource ----
  /** A bucket receiving S3 server access logs (AccessLogBucket). */
  controlTowerServerAccessLogBucket: [
    {
      rule: 'CT.S3.PR.2',
      control: 'DATA-BUCKET-ACCESS-LOGS',
      reason: 'This is the access-log destination; logging it to itself would loop, and S3 advises against logging a log bucket. Changes to it are recorded by CloudTrail.',
    },
    {
      rule: 'CT.S3.PR.9',
      control: 'DATA-BUCKET-ACCESS-LOGS',
      reason:
        'S3 does not deliver server access logs to a destination bucket with an Object Lock default retention period ' +
        '(https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html); the bucket is versioned and retained, and only the S3 logging service may write to it.',
    },
    {
      rule: 'CT.S3.PR.10',
      control: 'FND-ENCRYPTION-AT-REST',
      reason: ACCESS_LOG_SSE_S3_REASON,
    },
  ],
  /** The bucket ELB writes access logs to (LoadBalancer/AccessLogs). */
  controlTowerElbAccessLogBucket: [
    { rule: 'CT.S3.PR.2', control: 'EDGE-ALB-ACCESS-LOGS', reason: ACCESS_LOG_BUCKET_LOGGING_REASON },
    {
      rule: 'CT.S3.PR.9',
      control: 'EDGE-ALB-ACCESS-LOGS',
      reason:
        'Access logs expire with the lifecycle after workload.accessLogRetentionDays; only the ELB log-delivery principal may write (bucket policy), ' +
        'objects are versioned and the bucket is retained. Object Lock is kept for audit evidence (the CloudTrail bucket and the legal archive).',
    },
    { rule: 'CT.S3.PR.10', control: 'EDGE-ALB-ACCESS-LOGS', reason: ELB_LOGS_SSE_S3_REASON },
  ],
  /** The AWS Config delivery bucket (ConfigBucket). */
  controlTowerConfigBucketObjectLock: [
    {
      rule: 'CT.S3.PR.9',
      control: 'MON-CONFIG-RULES',
      reason:
        'The bucket holds copies of configuration history and snapshots; the record itself is kept by AWS Config (configuration items, seven years by default), ' +
        'and every change that produced it is in CloudTrail, whose bucket carries Object Lock (AUD-TRAIL-BUCKET). The bucket is versioned, KMS-encrypted and retained.',
    },
  ],
  /** Every tenant's customer-files bucket. */
  controlTowerCustomerFilesObjectLock: [
    {
      rule: 'CT.S3.PR.9',
      control: 'DATA-VERSIONED-RETENTION',
      reason:
        'Customer files must be deletable when a customer asks or leaves (ORG-TENANT-DATA-DELETION, ORG-DATA-SUBJECT-RIGHTS); Object Lock would refuse that deletion. ' +
        'Overwrites and deletions are recoverable through versioning with noncurrent-version retention and the tiered AWS Backup plan that selects the bucket.',
    },
  ],
  /** The Cognito sign-in event bucket (AuthEventBucket). */
  controlTowerAuthEventsObjectLock: [
    {
      rule: 'CT.S3.PR.9',
      control: 'SIGNIN-AUTH-LOGGING',
      reason:
        'Sign-in events carry customers\' personal data and expire after logs.retentionDays, and must stay erasable on request (ORG-DATA-SUBJECT-RIGHTS); ' +
        'the bucket is versioned, KMS-encrypted, access-logged and written only by the Cognito log delivery.',
    },
  ],
  /** The workload's ECS cluster (Container Insights with enhanced observability). */
  controlTowerEnhancedContainerInsights: [
    {
      // The rule accepts only containerInsights = "enabled"; it predates "enhanced".
      rule: 'CT.ECS.PR.2',
      control: 'MON-OPERATIONAL-ALARMS',
      reason:
        'Container Insights is on in its enhanced mode, which the rule (it reads only the value "enabled") does not know: enhanced "provides all the Container Insights metrics, ' +
        'plus additional task and container metrics" (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterSetting.html). Setting "enabled" would drop the container-level metrics.',
    },
  ],
  /** The GuardDuty detector (its protection plans are set through Features). */
  controlTowerGuardDutyFeatures: [
    {
      // The rule reads the legacy DataSources.S3Logs; the detector sets S3_DATA_EVENTS in Features.
      rule: 'CT.GUARDDUTY.PR.1',
      control: 'MON-GUARDDUTY',
      reason:
        'S3 protection is on: the detector enables S3_DATA_EVENTS in Features, which supersedes DataSources. The rule reads only DataSources.S3Logs, and CloudFormation ' +
        'takes "either DataSources or Features in a one request, and not both" (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-guardduty-detector.html). A test asserts S3_DATA_EVENTS is ENABLED.',
    },
  ],
  /** The function aws-cdk-lib creates for restrictDefaultSecurityGroup (Custom::VpcRestrictDefaultSGCustomResourceProvider). */
  controlTowerRestrictDefaultSgProvider: [
    {
      rule: 'CT.LAMBDA.PR.3',
      control: 'NET-DEFAULT-SG-CLOSED',
      reason:
        'aws-cdk-lib creates this provider function for restrictDefaultSecurityGroup and offers no VPC setting for it; CloudFormation invokes it only when the VPC is created or changed, ' +
        'it holds no data and calls only the EC2 API to remove the default security group\'s rules. Its logs go to an encrypted, retained log group.',
    },
  ],
  /** The workload task definition: its one root container only hands the writable volumes to the application's user. */
  workloadVolumeOwnerInit: [
    {
      rule: 'CT.ECS.PR.3',
      control: 'WL-LEAST-PRIVILEGE',
      reason:
        'The application container runs as workload.containerUser, never root (config and construct reject root; a test asserts it). The rule also reads the ' +
        'non-essential PrepareWritablePaths container, which must be root to chown the ephemeral volumes ECS creates root-owned 0755 ' +
        '(https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html): it runs only `chown <user> <paths>` and exits before the application starts, ' +
        'with no port, no secrets, a read-only root filesystem and every capability but CHOWN dropped.',
    },
  ],
  /** A log group kept shorter than a year: only where the environment's config says so (staging). */
  controlTowerShortLogRetention: [
    {
      rule: 'CT.CLOUDWATCH.PR.2',
      control: 'LOG-ENCRYPTED-RETAINED',
      reason:
        'Retention follows the environment\'s logs.retentionDays. Production must keep logs at least a year (lib/config/floors.ts) and does; staging holds no production data ' +
        '(FND-NO-PROD-DATA-IN-STAGING) and keeps them shorter to limit cost. This acknowledgement is applied only to log groups kept under 365 days.',
    },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;

/** The keys of {@link ACKNOWLEDGEMENTS}. */
export type AcknowledgementKey = keyof typeof ACKNOWLEDGEMENTS;

/** Renders the reason recorded with the acknowledgement: the control ID first, so reports can be grouped by it. */
export function ackReason(a: Acknowledgement): string {
  return `[${a.control}] ${a.reason}`;
}

/**
 * Acknowledges the findings listed under `key` on exactly this construct (and its children).
 * Throws when given a stack, stage or app: acknowledgements never cover a whole stack.
 *
 * cdk-nag v3 reports some rules once per offending value (`AwsSolutions-IAM5[Resource::<arn>/*]`)
 * and acknowledges each such finding separately. Pass those values as `appliesTo`; each entry's
 * rule is then acknowledged as `<rule>[<value>]` for every value, so the table keeps one line per
 * reason while the acknowledgement stays as narrow as the finding.
 */
export function acknowledge(construct: IConstruct, key: AcknowledgementKey, appliesTo?: readonly string[]): void {
  if (Stack.isStack(construct) || Stage.isStage(construct)) {
    throw new Error(`acknowledge(${construct.node.path}, '${key}'): acknowledge on the one construct, never a stack, stage or app`);
  }
  for (const a of ACKNOWLEDGEMENTS[key] as readonly Acknowledgement[]) {
    if (!a.findings) {
      // Rules reported once per offending value (AwsSolutions-IAM5) are acknowledged per value.
      const ids = appliesTo && appliesTo.length > 0 ? appliesTo.map((v) => `${a.rule}[${v}]`) : [a.rule];
      for (const id of ids) Validations.of(construct).acknowledge({ id, reason: ackReason(a) });
      continue;
    }
    // One acknowledgement per finding the rule reports on this resource, and only for findings
    // the entry lists: a new wildcard on the same policy is still reported.
    const rule = GRANULAR_RULES[a.rule];
    const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
    if (!rule || !(resource instanceof CfnResource)) {
      throw new Error(`acknowledge(${construct.node.path}, '${key}'): ${a.rule} findings need a CfnResource of a supported rule`);
    }
    const result = rule(resource);
    for (const finding of Array.isArray(result) ? result : []) {
      if (a.findings.some((f) => f.test(finding))) {
        Validations.of(resource).acknowledge({ id: `${a.rule}[${finding}]`, reason: ackReason(a) });
      }
    }
  }
}
