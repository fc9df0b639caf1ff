/**
 * The policy statements of the staff roles, as plain functions so that the roles, the tests and
 * the documentation's service control policy (docs/identity.md) share one definition.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { TENANT_TAG_KEY } from '../../constants/tags';

/**
 * Actions exempt from the region guardrail (IAM-REGION-GUARDRAIL): services that are global, or
 * whose control plane answers only in us-east-1, so `aws:RequestedRegion` is never the home
 * region for them. Denying them would lock staff out of IAM, their own sign-in and billing.
 * None of them stores customer data outside the home region.
 */
export const GLOBAL_SERVICE_ACTIONS: readonly string[] = [
  'iam:*', // identities and policies are global
  'sts:*', // the global STS endpoint resolves to us-east-1
  'organizations:*', // the organisation is global
  'account:*', // account contacts and regions
  'support:*', // AWS Support is served from us-east-1
  'health:*', // the AWS Health API answers from us-east-1
  'trustedadvisor:*',
  'budgets:*', // billing services are global
  'ce:*',
  'cur:*',
  'billing:*',
  'payments:*',
  'pricing:*',
  'route53:*', // DNS is global
  'route53domains:*',
  'cloudfront:*', // CloudFront and its WAF/Shield/certificates are configured in us-east-1
  // CloudFront and Cognito custom domains take certificates from us-east-1 ACM only (the sign-in
  // domain's `signIn.authDomainCertificateArn` is requested there); certificates hold no data.
  'acm:*',
  'waf:*',
  'wafv2:*',
  'shield:*',
  'globalaccelerator:*',
  'sso:*', // IAM Identity Center's console calls in the sign-in flow
  'signin:*',
  's3:ListAllMyBuckets', // account-wide S3 listing, not object access
  's3:GetAccountPublicAccessBlock',
  'ec2:DescribeRegions', // the console's region picker
];

/** Where RDS exports database logs: every tenant database's log group starts with it. */
export const DATABASE_LOG_GROUP_PREFIX = '/aws/rds/';

/**
 * The CloudWatch Logs actions that return log events, each authorized on the log group
 * ("Actions, resources, and condition keys for Amazon CloudWatch Logs",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html).
 */
export const LOG_EVENT_READ_ACTIONS: readonly string[] = [
  'logs:GetLogEvents',
  'logs:FilterLogEvents',
  'logs:StartQuery',
  'logs:StartLiveTail',
  'logs:GetLogRecord',
  'logs:CreateExportTask',
];

/** The deny that keeps a role inside the allowed regions (IAM-REGION-GUARDRAIL). */
export function regionGuardrailStatement(allowedRegions: readonly string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'DenyOutsideAllowedRegions',
    effect: iam.Effect.DENY,
    notActions: [...GLOBAL_SERVICE_ACTIONS],
    resources: ['*'],
    conditions: { StringNotEquals: { 'aws:RequestedRegion': [...allowedRegions] } },
  });
}

/**
 * Denies that keep customer data from a role (IAM-CUSTOMER-DATA-RESTRICTED). Resources holding a
 * tenant's data carry the tenant tag; where the ARN is not known here, the tag decides.
 * An explicit deny wins over any allow, including one added later by mistake.
 */
export function customerDataDenyStatements(customerDataBuckets: readonly s3.IBucket[] = []): iam.PolicyStatement[] {
  const tagged = { Null: { [`aws:ResourceTag/${TENANT_TAG_KEY}`]: 'false' } };
  return [
    new iam.PolicyStatement({
      sid: 'DenyDatabaseSessions',
      effect: iam.Effect.DENY,
      // IAM database authentication and the RDS Data API open sessions on customer databases.
      actions: ['rds-db:connect', 'rds-data:*'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'DenySecretValues',
      effect: iam.Effect.DENY,
      // Database credentials and identity provider secrets; no staff task but break-glass needs a value.
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:BatchGetSecretValue'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'DenyTenantKeyUse',
      effect: iam.Effect.DENY,
      actions: ['kms:Decrypt', 'kms:ReEncryptFrom', 'kms:GenerateDataKey*', 'kms:CreateGrant'],
      resources: ['*'],
      conditions: tagged,
    }),
    new iam.PolicyStatement({
      sid: 'DenyObjectReads',
      effect: iam.Effect.DENY,
      // Bucket tags are not visible to object-level actions, so no tag condition can single out
      // customer buckets: staff below administrator read no objects at all.
      actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectAttributes', 's3:RestoreObject'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'DenyCustomerDirectory',
      effect: iam.Effect.DENY,
      // The user pool holds customers' personal data (e-mail, names, devices) and the identity
      // providers' client secrets.
      actions: [
        'cognito-idp:AdminGetUser',
        'cognito-idp:ListUsers',
        'cognito-idp:ListUsersInGroup',
        'cognito-idp:AdminListDevices',
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminListUserAuthEvents',
        'cognito-idp:DescribeIdentityProvider',
      ],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'DenyShellsAndUnmasking',
      effect: iam.Effect.DENY,
      // A shell in a task reads whatever the task reads; unmasking reveals personal data that
      // log data protection masked (LOG-NO-CLIENT-CONTENT).
      actions: ['ecs:ExecuteCommand', 'ssm:StartSession', 'logs:Unmask'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'DenyDatabaseLogReads',
      effect: iam.Effect.DENY,
      // The PostgreSQL logs RDS exports (/aws/rds/cluster/<id>/postgresql) hold pgaudit's text of
      // audited statements, with any literal customer values in them (LOG-NO-CLIENT-CONTENT).
      // Describe* stays allowed: staff see that the groups exist, not what they hold.
      actions: [...LOG_EVENT_READ_ACTIONS],
      resources: [`arn:${Aws.PARTITION}:logs:*:${Aws.ACCOUNT_ID}:log-group:${DATABASE_LOG_GROUP_PREFIX}*`],
    }),
    // Cognito's authentication events carry customers' e-mail addresses, IP addresses and
    // devices: customer data, though they are logs. Named here as well, so the deny holds even
    // if the object-read deny above is ever narrowed to tagged or tenant buckets; s3:GetObject*
    // also covers the objects' ACLs, tags and attributes.
    ...(customerDataBuckets.length > 0
      ? [
          new iam.PolicyStatement({
            sid: 'DenyCustomerAuthEvents',
            effect: iam.Effect.DENY,
            actions: ['s3:GetObject*'],
            resources: customerDataBuckets.map((b) => b.arnForObjects('*')),
          }),
        ]
      : []),
  ];
}

/**
 * Read access to operational data: logs, metrics, traces, alarms, and the configuration of the
 * compute, database, network and deployment services. The Describe and List APIs of these
 * services have no resource-level permissions, hence `*`.
 */
export function operationalReadStatements(): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'ReadOperationalData',
      actions: [
        'logs:Describe*',
        'logs:FilterLogEvents',
        'logs:GetLogEvents',
        'logs:GetLogGroupFields',
        'logs:GetQueryResults',
        'logs:StartQuery',
        'logs:StopQuery',
        'cloudwatch:Describe*',
        'cloudwatch:Get*',
        'cloudwatch:List*',
        'xray:BatchGetTraces',
        'xray:GetServiceGraph',
        'xray:GetTraceSummaries',
        'ecs:Describe*',
        'ecs:List*',
        'rds:Describe*',
        'rds:ListTagsForResource',
        'pi:DescribeDimensionKeys',
        'pi:GetResourceMetrics',
        'elasticloadbalancing:Describe*',
        'ec2:Describe*',
        'cloudformation:Describe*',
        'cloudformation:List*',
        'cloudformation:GetTemplateSummary',
        'backup:Describe*',
        'backup:List*',
        'tag:GetResources',
      ],
      resources: ['*'],
    }),
  ];
}

/** Name patterns of the CDK bootstrap roles a deployment assumes (default qualifier or any other). */
export const CDK_BOOTSTRAP_ROLES_FOR_DEPLOY: readonly string[] = [
  'cdk-*-deploy-role-*',
  'cdk-*-file-publishing-role-*',
  'cdk-*-image-publishing-role-*',
];

/**
 * The operator's deployment rights: CDK deploys through the bootstrap roles (which carry the
 * CloudFormation execution role), so the operator needs only to assume them, plus the
 * day-two operations of the running service.
 */
export function deployStatements(): iam.PolicyStatement[] {
  const { PARTITION: partition, ACCOUNT_ID: account, REGION: region } = Aws;
  return [
    new iam.PolicyStatement({
      sid: 'AssumeCdkBootstrapRoles',
      actions: ['sts:AssumeRole', 'sts:TagSession'],
      // The deploy and asset-publishing bootstrap roles of this account only. Not the lookup role
      // (it carries ReadOnlyAccess, which reads objects and logs the customer-data deny keeps
      // from the operator; lookups are committed in cdk.context.json), nor the CloudFormation
      // execution role (only CloudFormation assumes it; what it may do is set at bootstrap,
      // see docs/identity.md).
      resources: CDK_BOOTSTRAP_ROLES_FOR_DEPLOY.map((r) => `arn:${partition}:iam::${account}:role/${r}`),
    }),
    new iam.PolicyStatement({
      sid: 'OperateServices',
      // Restart or scale a service and fail a database over; ECS and RDS accept resource ARNs,
      // but service and cluster names are generated, so the account's resources are named by type.
      actions: ['ecs:UpdateService', 'ecs:StopTask', 'rds:RebootDBInstance', 'rds:FailoverDBCluster'],
      resources: [
        `arn:${partition}:ecs:${region}:${account}:service/*`,
        `arn:${partition}:ecs:${region}:${account}:task/*`,
        `arn:${partition}:rds:${region}:${account}:db:*`,
        `arn:${partition}:rds:${region}:${account}:cluster:*`,
      ],
    }),
  ];
}

/** Everything, for the MFA-gated administrator and break-glass roles only (IAM-NO-WILDCARD-ADMIN). */
export function administratorStatements(): iam.PolicyStatement[] {
  return [new iam.PolicyStatement({ sid: 'Administrator', actions: ['*'], resources: ['*'] })];
}
