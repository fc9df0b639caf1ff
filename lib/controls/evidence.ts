/**
 * Where an auditor finds each enforced control in the synthesized templates: per control, the
 * resources that carry it (by CloudFormation type, narrowed by a predicate on the resource), or
 * an explicit statement that it is enforced outside the templates (config validation, CI, the
 * repository) and proven by tests only. The controls report (`lib/report/controls-report.ts`)
 * lists the selected resources per environment as `stack/logicalId`.
 *
 * Selectors are written against CloudFormation types and properties, like the controls-diff
 * rules, so a renamed construct keeps its evidence; a logical ID appears in a predicate only
 * where nothing in the resource itself tells it apart. A test proves every enforced control of
 * the catalog has an entry here, and that each entry selects at least one resource in each
 * environment where it applies.
 */
import type { EnvironmentConfig, ProductionOptOut } from '../config/schema';
import { STATEFUL_RESOURCE_TYPES, isStateful } from '../aspects/retain-stateful';
import { ACCESS_LOGS_TAG, ALERT_DEAD_LETTERS_TAG, APP_LOG_TAG, BACKUP_TAG, SSE_S3_LOG_DELIVERY_TAG, TENANT_TAG_KEY } from '../constants/tags';
import { conditionValue, deniesInsecureTransport, isTrue, lbAttribute, mfaRequirement, statementsOf, type TemplateResource } from './diff-rules';

/** A stack template, as far as evidence selection reads it. */
export interface EvidenceTemplate {
  readonly Resources?: Readonly<Record<string, TemplateResource>>;
}

/** Where a candidate resource lives, for predicates that follow references. */
export interface ResourceContext {
  readonly logicalId: string;
  /** The stack's ID within its environment (`Network`, `Data1`). */
  readonly stack: string;
  /** The whole template of that stack. */
  readonly template: EvidenceTemplate;
}

/** Resources of some CloudFormation types, optionally narrowed. */
export interface EvidenceSelector {
  readonly types: readonly string[];
  /**
   * Keeps only the resources that carry the control.
   * @default - every resource of the types
   */
  readonly where?: (resource: TemplateResource, context: ResourceContext) => boolean;
}

/** Evidence in the templates: what the selected resources are, and how to select them. */
export interface TemplateEvidence {
  /** The resources in the reader's words ("the trail's metric filters and their alarms"). */
  readonly what: string;
  readonly select: readonly EvidenceSelector[];
  /**
   * Returns why the control does not apply to an environment (and so selects nothing there),
   * or `undefined` when it applies.
   * @default - applies to every environment
   */
  readonly notApplicable?: (env: EnvironmentConfig) => string | undefined;
}

/** A control enforced outside the templates: no resource to list, tests are the evidence. */
export interface OutsideTemplates {
  /** Where it is enforced and which tests prove it. */
  readonly outsideTemplates: string;
}

export type ControlEvidence = TemplateEvidence | OutsideTemplates;

/** The marker the report shows for {@link OutsideTemplates} controls. */
export const OUTSIDE_TEMPLATES_MARKER = 'evidence: config validation / test only';

export function isOutsideTemplates(e: ControlEvidence): e is OutsideTemplates {
  return 'outsideTemplates' in e;
}

// ---------------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------------

const props = (r: TemplateResource): Record<string, any> => r.Properties ?? {};

/** A tag's value on a resource whose `Tags` is CloudFormation's list of `{ Key, Value }`. */
function tag(r: TemplateResource, key: string): unknown {
  const tags = props(r).Tags;
  return Array.isArray(tags) ? tags.find((t: any) => t?.Key === key)?.Value : tags?.[key];
}
const hasTag = (key: string, value?: string) => (r: TemplateResource) => (value === undefined ? tag(r, key) !== undefined : tag(r, key) === value);
const isTenant = hasTag(TENANT_TAG_KEY);

/** The logical ID a `Ref` or `Fn::GetAtt` points to. */
function target(value: unknown): string | undefined {
  const v = value as any;
  if (typeof v?.Ref === 'string') return v.Ref;
  if (Array.isArray(v?.['Fn::GetAtt'])) return v['Fn::GetAtt'][0];
  return undefined;
}

/** Logical IDs of the template the given resources' property points to. */
function referenced(template: EvidenceTemplate, type: string, property: (r: TemplateResource) => unknown): Set<string> {
  const ids = new Set<string>();
  for (const r of Object.values(template.Resources ?? {})) {
    if (r.Type !== type) continue;
    const values = [property(r)].flat();
    for (const v of values) {
      const id = target(v);
      if (id) ids.add(id);
    }
  }
  return ids;
}

const actionsOf = (st: any): string[] => [st?.Action].flat().filter((a): a is string => typeof a === 'string');
const eventPattern = (r: TemplateResource): any => props(r).EventPattern ?? {};
const sources = (r: TemplateResource): string[] => [eventPattern(r).source].flat().filter(Boolean);
const named = (pattern: RegExp) => (r: TemplateResource) => typeof props(r).LogGroupName === 'string' && pattern.test(props(r).LogGroupName);
const inStack = (pattern: RegExp) => (_r: TemplateResource, c: ResourceContext) => pattern.test(c.stack);
const DATA_STACK = /^Data\d+$/;

/** The trail's log group and the metrics its metric filters publish (`namespace/name`). */
function trailMetrics(template: EvidenceTemplate): { logGroups: Set<string>; metrics: Set<string> } {
  const logGroups = referenced(template, 'AWS::CloudTrail::Trail', (r) => props(r).CloudWatchLogsLogGroupArn);
  const metrics = new Set<string>();
  for (const r of Object.values(template.Resources ?? {})) {
    if (r.Type !== 'AWS::Logs::MetricFilter' || !logGroups.has(target(props(r).LogGroupName) ?? '')) continue;
    for (const m of props(r).MetricTransformations ?? []) metrics.add(`${m.MetricNamespace}/${m.MetricName}`);
  }
  return { logGroups, metrics };
}

const OPERATIONAL_NAMESPACES = ['AWS/ApplicationELB', 'AWS/RDS', 'ECS/ContainerInsights'];

/** Lambda functions an EventBridge rule on completed restore jobs invokes (the restore validator). */
function restoreValidators(template: EvidenceTemplate): Set<string> {
  const ids = new Set<string>();
  for (const r of Object.values(template.Resources ?? {})) {
    if (r.Type !== 'AWS::Events::Rule' || !isRestoreCompleted(r)) continue;
    for (const t of props(r).Targets ?? []) {
      const id = target(t.Arn);
      if (id && template.Resources?.[id]?.Type === 'AWS::Lambda::Function') ids.add(id);
    }
  }
  return ids;
}
const isRestoreCompleted = (r: TemplateResource) =>
  [eventPattern(r)['detail-type']].flat().includes('Restore Job State Change') && [eventPattern(r).detail?.status].flat().includes('COMPLETED');

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

const DATABASES = ['AWS::RDS::DBCluster'];
const PARAMETER_GROUPS = ['AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::DBParameterGroup'];
const ALARM = 'AWS::CloudWatch::Alarm';

/** Evidence of every enforced control of the catalog, by control ID. */
export const CONTROL_EVIDENCE: Readonly<Record<string, ControlEvidence>> = {
  // --- foundation -----------------------------------------------------------------------
  'FND-ENV-SEPARATION': {
    outsideTemplates:
      'A property of the assembly, not of a resource: bin/app.ts builds one stage per environment from the validated config; test/foundation.test.ts proves no VPC, key, secret, bucket or database is shared between the stages\' templates.',
  },
  'FND-NO-PROD-DATA-IN-STAGING': {
    outsideTemplates:
      'Config validation puts staging and production in different accounts; test/foundation.test.ts reads every resource policy and fails on any mention of the other environment\'s account (an absence, so no resource to list).',
  },
  'FND-DATA-RESIDENCY': {
    outsideTemplates: 'Each stack\'s env.region comes from the validated config, whose region and any DR region must be in allowedRegions (config validation; test/config.test.ts); the data-free GlobalEvents stack is the one stack in us-east-1 (test/foundation.test.ts).',
  },
  'FND-AZ-COUNT': {
    outsideTemplates:
      'The config schema requires explicit availability zones of the region, at least 3 in production (config validation; test/config.test.ts); the subnets built in them are the evidence of NET-MULTI-AZ.',
  },
  'FND-ENCRYPTION-AT-REST': {
    what: 'customer-managed KMS keys with automatic rotation',
    select: [{ types: ['AWS::KMS::Key'], where: (r) => isTrue(props(r).EnableKeyRotation) }],
  },
  'FND-TLS-IN-TRANSIT': {
    what: 'bucket, topic and queue policies that deny requests without TLS',
    select: [
      { types: ['AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy'], where: (r) => deniesInsecureTransport(props(r).PolicyDocument) },
    ],
  },
  'FND-NO-PUBLIC-BUCKETS': {
    what: 'buckets with all four public access block flags on',
    select: [
      {
        types: ['AWS::S3::Bucket'],
        where: (r) => ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every((f) => isTrue(props(r).PublicAccessBlockConfiguration?.[f])),
      },
    ],
  },
  'FND-STATEFUL-RETAIN': {
    what: 'stateful resources whose DeletionPolicy keeps the data',
    select: [{ types: STATEFUL_RESOURCE_TYPES, where: (r) => isStateful(r.Type, r.Properties) && ['Retain', 'Snapshot', 'RetainExceptOnCreate'].includes(r.DeletionPolicy ?? '') }],
  },
  'FND-NO-PLAINTEXT-SECRETS': {
    what: 'database clusters whose master password RDS manages, generated secrets, and identity providers whose secret is a dynamic reference',
    select: [
      { types: DATABASES, where: (r) => isTrue(props(r).ManageMasterUserPassword) },
      { types: ['AWS::SecretsManager::Secret'], where: (r) => props(r).GenerateSecretString !== undefined },
      { types: ['AWS::Cognito::UserPoolIdentityProvider'], where: (r) => JSON.stringify(props(r).ProviderDetails ?? {}).includes('{{resolve:secretsmanager:') },
    ],
  },

  // --- network --------------------------------------------------------------------------
  'NET-MULTI-AZ': { what: 'the subnets (one per tier per zone) and NAT gateways', select: [{ types: ['AWS::EC2::Subnet', 'AWS::EC2::NatGateway'] }] },
  'NET-TIERED-SUBNETS': {
    what: 'the subnets, with MapPublicIpOnLaunch off, and their route tables',
    select: [{ types: ['AWS::EC2::Subnet'], where: (r) => !isTrue(props(r).MapPublicIpOnLaunch) }, { types: ['AWS::EC2::RouteTable'] }],
  },
  'NET-NACLS': {
    what: 'the tier NACLs, their entries and subnet associations',
    select: [{ types: ['AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation'] }],
  },
  'NET-FLOW-LOGS': { what: 'VPC flow logs recording all traffic', select: [{ types: ['AWS::EC2::FlowLog'], where: (r) => props(r).TrafficType === 'ALL' }] },
  'NET-DEFAULT-SG-CLOSED': { what: 'the custom resource that removes the default security group\'s rules', select: [{ types: ['Custom::VpcRestrictDefaultSG'] }] },
  'NET-PRIVATE-ENDPOINTS': { what: 'the gateway and interface VPC endpoints', select: [{ types: ['AWS::EC2::VPCEndpoint'] }] },
  'NET-NO-ADMIN-PORTS': {
    what: 'every security group, ingress rule and NACL ingress entry (the test checks each for 22 and 3389)',
    select: [{ types: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'] }, { types: ['AWS::EC2::NetworkAclEntry'], where: (r) => !isTrue(props(r).Egress) }],
  },
  'NET-OPERATOR-ACCESS': {
    what: 'the SSM and SSM messages endpoints (Session Manager, ECS Exec) and the Client VPN endpoint where configured',
    select: [
      // ServiceName is com.amazonaws.<region>.ssm(messages), possibly built with Fn::Join.
      { types: ['AWS::EC2::VPCEndpoint'], where: (r) => /\.ssm(messages)?"/.test(JSON.stringify(props(r).ServiceName ?? '')) },
      { types: ['AWS::EC2::ClientVpnEndpoint'] },
    ],
    notApplicable: (env) => (env.network.interfaceEndpoints || env.network.clientVpn ? undefined : 'network.interfaceEndpoints is false and no network.clientVpn'),
  },

  // --- edge -----------------------------------------------------------------------------
  'EDGE-HTTPS-ONLY': {
    what: 'the HTTPS listener and the HTTP listener that only redirects',
    select: [
      {
        types: ['AWS::ElasticLoadBalancingV2::Listener'],
        where: (r) => props(r).Protocol === 'HTTPS' || (props(r).DefaultActions ?? []).every((a: any) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS'),
      },
    ],
  },
  'EDGE-TLS-POLICY': { what: 'HTTPS/TLS listeners with their SslPolicy', select: [{ types: ['AWS::ElasticLoadBalancingV2::Listener'], where: (r) => ['HTTPS', 'TLS'].includes(props(r).Protocol) }] },
  'EDGE-INTERNET-EXPOSURE': {
    what: 'the internet-facing load balancer and the security groups open to the internet',
    select: [
      { types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'], where: (r) => props(r).Scheme === 'internet-facing' },
      { types: ['AWS::EC2::SecurityGroup'], where: (r) => (props(r).SecurityGroupIngress ?? []).some((i: any) => i.CidrIp === '0.0.0.0/0' || i.CidrIpv6 === '::/0') },
    ],
  },
  'EDGE-WAF': { what: 'the web ACL and its association with the load balancer', select: [{ types: ['AWS::WAFv2::WebACL', 'AWS::WAFv2::WebACLAssociation'] }] },
  'EDGE-WAF-RATE-LIMIT': {
    what: 'web ACLs with a rate-based blocking rule',
    select: [{ types: ['AWS::WAFv2::WebACL'], where: (r) => (props(r).Rules ?? []).some((rule: any) => rule.Statement?.RateBasedStatement && rule.Action?.Block !== undefined) }],
  },
  'EDGE-WAF-LOGGING': {
    what: 'the WAF logging configuration and its aws-waf-logs- log group',
    select: [{ types: ['AWS::WAFv2::LoggingConfiguration'] }, { types: ['AWS::Logs::LogGroup'], where: named(/^aws-waf-logs-/) }],
  },
  'EDGE-DDOS-SHIELD': {
    what: 'Shield Advanced protections',
    select: [{ types: ['AWS::Shield::Protection'] }],
    notApplicable: (env) => (env.edge.shieldAdvanced ? undefined : 'edge.shieldAdvanced is false'),
  },
  'EDGE-ALB-ACCESS-LOGS': {
    what: 'load balancers with access logs on, and their log-delivery bucket',
    select: [
      { types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'], where: (r) => isTrue(lbAttribute(props(r), 'access_logs.s3.enabled')) },
      { types: ['AWS::S3::Bucket'], where: hasTag(SSE_S3_LOG_DELIVERY_TAG.key, SSE_S3_LOG_DELIVERY_TAG.value) },
    ],
  },

  // --- workload -------------------------------------------------------------------------
  'WL-PRIVATE-TASKS': {
    what: 'ECS services without public IPs',
    select: [{ types: ['AWS::ECS::Service'], where: (r) => props(r).NetworkConfiguration?.AwsvpcConfiguration?.AssignPublicIp === 'DISABLED' }],
  },
  'WL-MULTI-AZ': { what: 'the ECS service and its health-checked target group', select: [{ types: ['AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::TargetGroup'] }] },
  'WL-LEAST-PRIVILEGE': {
    what: 'the workload\'s task definition and its roles trusted only by ECS tasks',
    select: [
      { types: ['AWS::ECS::TaskDefinition'] },
      {
        types: ['AWS::IAM::Role'],
        where: (r, c) => !isTenant(r) && !DATA_STACK.test(c.stack) && JSON.stringify(props(r).AssumeRolePolicyDocument ?? {}).includes('ecs-tasks.amazonaws.com'),
      },
    ],
  },
  'WL-MANAGED-COMPUTE': { what: 'ECS services on Fargate', select: [{ types: ['AWS::ECS::Service'], where: (r) => props(r).LaunchType === 'FARGATE' }] },

  // --- data -----------------------------------------------------------------------------
  'DB-ENCRYPTION-AT-REST': { what: 'encrypted database clusters', select: [{ types: DATABASES, where: (r) => isTrue(props(r).StorageEncrypted) && props(r).KmsKeyId !== undefined }] },
  'DB-TLS': { what: 'parameter groups with rds.force_ssl=1', select: [{ types: PARAMETER_GROUPS, where: (r) => String(props(r).Parameters?.['rds.force_ssl']) === '1' }] },
  'DB-CREDENTIAL-ROTATION': {
    what: 'database clusters whose master secret RDS manages and rotates',
    select: [{ types: DATABASES, where: (r) => isTrue(props(r).ManageMasterUserPassword) }, { types: ['AWS::SecretsManager::RotationSchedule'] }],
  },
  'DB-IAM-AUTH': { what: 'database clusters with IAM authentication', select: [{ types: DATABASES, where: (r) => isTrue(props(r).EnableIAMDatabaseAuthentication) }] },
  'DB-AUDIT-LOGGING': {
    what: 'pgaudit parameter groups, clusters exporting the postgresql log, and those log groups',
    select: [
      { types: PARAMETER_GROUPS, where: (r) => String(props(r).Parameters?.shared_preload_libraries ?? '').includes('pgaudit') },
      { types: DATABASES, where: (r) => (props(r).EnableCloudwatchLogsExports ?? []).includes('postgresql') },
      { types: ['AWS::Logs::LogGroup'], where: named(/^\/aws\/rds\/cluster\/.*\/postgresql$/) },
    ],
  },
  'DB-PITR-RETENTION': { what: 'database clusters with their backup retention', select: [{ types: DATABASES, where: (r) => props(r).BackupRetentionPeriod !== undefined }] },
  'DB-MULTI-AZ': { what: 'database clusters and their writer and reader instances', select: [{ types: DATABASES }, { types: ['AWS::RDS::DBInstance'], where: (r) => props(r).DBClusterIdentifier !== undefined }] },
  'DB-PATCHING': { what: 'database instances with automatic minor version upgrades', select: [{ types: ['AWS::RDS::DBInstance'], where: (r) => isTrue(props(r).AutoMinorVersionUpgrade) }] },
  'DB-NETWORK-ACCESS': {
    what: 'DB subnet groups, private database instances, and the data stacks\' database security groups and their rules',
    select: [
      { types: ['AWS::RDS::DBSubnetGroup'], where: inStack(DATA_STACK) },
      { types: ['AWS::RDS::DBInstance'], where: (r) => props(r).PubliclyAccessible === false },
      { types: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'], where: inStack(DATA_STACK) },
    ],
  },
  'TEN-DEDICATED-DATASTORE': {
    what: 'each tenant\'s database cluster, files bucket, key and access role (tenant tag)',
    select: [{ types: ['AWS::RDS::DBCluster', 'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::IAM::Role'], where: isTenant }],
  },
  'TEN-DEDICATED-KEY': { what: 'each tenant\'s KMS key (tenant tag)', select: [{ types: ['AWS::KMS::Key'], where: isTenant }] },
  'TEN-ISOLATED-ACCESS': {
    what: 'each tenant\'s access role (tenant tag) and its managed policy',
    select: [
      { types: ['AWS::IAM::Role'], where: isTenant },
      {
        types: ['AWS::IAM::ManagedPolicy'],
        where: (r, c) => [props(r).Roles ?? []].flat().some((role: unknown) => isTenant(c.template.Resources?.[target(role) ?? ''] ?? { Type: '' })),
      },
    ],
  },
  'DATA-BUCKET-ACCESS-LOGS': {
    what: 'tenant buckets logging to the data stack\'s access-log bucket, and that bucket',
    select: [
      { types: ['AWS::S3::Bucket'], where: (r) => isTenant(r) && props(r).LoggingConfiguration?.DestinationBucketName !== undefined },
      { types: ['AWS::S3::Bucket'], where: (r, c) => DATA_STACK.test(c.stack) && hasTag(ACCESS_LOGS_TAG.key, ACCESS_LOGS_TAG.value)(r) },
    ],
  },
  'DATA-VERSIONED-RETENTION': {
    what: 'versioned tenant buckets with noncurrent-version expiry',
    select: [
      {
        types: ['AWS::S3::Bucket'],
        where: (r) => isTenant(r) && props(r).VersioningConfiguration?.Status === 'Enabled' && (props(r).LifecycleConfiguration?.Rules ?? []).some((l: any) => l.NoncurrentVersionExpiration),
      },
    ],
  },

  // --- identity -------------------------------------------------------------------------
  'IAM-STAFF-ROLES': { what: 'roles people can assume (the staff roles)', select: [{ types: ['AWS::IAM::Role'], where: (r) => mfaRequirement(props(r).AssumeRolePolicyDocument) !== undefined }] },
  'IAM-MFA-ROLES': {
    what: 'roles whose trust policy requires aws:MultiFactorAuthPresent, or that trust a SAML provider and name the identity provider setting requiring MFA (SAML sessions carry no MFA context IAM can check)',
    select: [
      {
        types: ['AWS::IAM::Role'],
        where: (r) =>
          mfaRequirement(props(r).AssumeRolePolicyDocument)?.mfa === true ||
          (JSON.stringify(props(r).AssumeRolePolicyDocument ?? {}).includes(':saml-provider/') && /SAML sessions: MFA required by the identity provider \(.+\)/.test(String(props(r).Description ?? ''))),
      },
    ],
  },
  'IAM-MFA-USERS': {
    what: 'the MFA-required group and its policy denying actions without MFA',
    select: [
      { types: ['AWS::IAM::Group'] },
      {
        types: ['AWS::IAM::ManagedPolicy'],
        where: (r) => statementsOf(props(r).PolicyDocument).some((st) => st.Effect === 'Deny' && String(conditionValue(st, 'aws:MultiFactorAuthPresent')) === 'false'),
      },
    ],
  },
  'IAM-PASSWORD-POLICY': { what: 'the account password policy custom resource', select: [{ types: ['Custom::AccountPasswordPolicy'] }] },
  'IAM-REGION-GUARDRAIL': {
    what: 'the managed policy denying requests outside the allowed regions',
    select: [{ types: ['AWS::IAM::ManagedPolicy'], where: (r) => statementsOf(props(r).PolicyDocument).some((st) => st.Effect === 'Deny' && conditionValue(st, 'aws:RequestedRegion') !== undefined) }],
  },
  'IAM-ACCESS-ANALYZER': { what: 'IAM Access Analyzer analyzers', select: [{ types: ['AWS::AccessAnalyzer::Analyzer'] }] },
  'IAM-NO-WILDCARD-ADMIN': {
    what: 'the one policy allowing Action * on Resource * (the test checks every other policy has none)',
    select: [
      {
        types: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy'],
        where: (r) => statementsOf(props(r).PolicyDocument).some((st) => st.Effect === 'Allow' && actionsOf(st).includes('*') && [st.Resource].flat().includes('*')),
      },
    ],
  },
  'IAM-BREAK-GLASS-ALERT': {
    what: 'the EventBridge rule on AssumeRole of the break-glass role, and its us-east-1 forwarding rule (GlobalEvents)',
    select: [{ types: ['AWS::Events::Rule'], where: (r) => sources(r).includes('aws.sts') && [eventPattern(r).detail?.eventName].flat().includes('AssumeRole') }],
  },
  'IAM-CUSTOMER-DATA-RESTRICTED': {
    what: 'the managed policy denying staff access to customer data',
    select: [{ types: ['AWS::IAM::ManagedPolicy'], where: (r) => statementsOf(props(r).PolicyDocument).some((st) => st.Effect === 'Deny' && actionsOf(st).includes('rds-db:connect')) }],
  },
  'SIGNIN-USER-POOL': { what: 'the customer user pool', select: [{ types: ['AWS::Cognito::UserPool'] }] },
  'SIGNIN-MFA': { what: 'user pools requiring or offering MFA', select: [{ types: ['AWS::Cognito::UserPool'], where: (r) => ['ON', 'OPTIONAL'].includes(props(r).MfaConfiguration) }] },
  'SIGNIN-PASSWORDLESS': {
    what: 'user pools allowing passkeys and e-mail codes as first factor, and the managed login branding',
    select: [
      { types: ['AWS::Cognito::UserPool'], where: (r) => (props(r).Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).includes('WEB_AUTHN') },
      { types: ['AWS::Cognito::ManagedLoginBranding'] },
    ],
  },
  'SIGNIN-FEDERATION': {
    what: 'the user pool identity providers',
    select: [{ types: ['AWS::Cognito::UserPoolIdentityProvider'] }],
    notApplicable: (env) => (env.signIn.identityProviders.length > 0 ? undefined : 'signIn.identityProviders is empty'),
  },
  'SIGNIN-THREAT-PROTECTION': {
    what: 'user pools with threat protection enforced, and their risk configuration',
    select: [
      { types: ['AWS::Cognito::UserPool'], where: (r) => props(r).UserPoolAddOns?.AdvancedSecurityMode === 'ENFORCED' },
      { types: ['AWS::Cognito::UserPoolRiskConfigurationAttachment'] },
    ],
  },
  'SIGNIN-PASSWORD-POLICY': { what: 'user pools with their password policy', select: [{ types: ['AWS::Cognito::UserPool'], where: (r) => props(r).Policies?.PasswordPolicy !== undefined }] },
  'SIGNIN-RBAC-GROUPS': {
    what: 'the user pool groups',
    select: [{ types: ['AWS::Cognito::UserPoolGroup'] }],
    notApplicable: (env) => (env.signIn.groups.length > 0 ? undefined : 'signIn.groups is empty'),
  },
  'SIGNIN-APP-CLIENT': { what: 'the app clients (code flow with PKCE)', select: [{ types: ['AWS::Cognito::UserPoolClient'] }] },
  'SIGNIN-AUTH-LOGGING': {
    what: 'the user pool\'s log delivery and the bucket it delivers to',
    select: [
      { types: ['AWS::Cognito::LogDeliveryConfiguration'] },
      {
        types: ['AWS::S3::Bucket'],
        where: (_r, c) =>
          referenced(c.template, 'AWS::Cognito::LogDeliveryConfiguration', (t) => (props(t).LogConfigurations ?? []).map((l: any) => l.S3Configuration?.BucketArn)).has(c.logicalId),
      },
    ],
  },

  // --- audit ----------------------------------------------------------------------------
  'AUD-CLOUDTRAIL': { what: 'the account trail', select: [{ types: ['AWS::CloudTrail::Trail'] }] },
  'AUD-DATA-EVENTS': {
    what: 'trails selecting S3 data events',
    select: [
      {
        types: ['AWS::CloudTrail::Trail'],
        where: (r) => (props(r).AdvancedEventSelectors ?? []).some((s: any) => (s.FieldSelectors ?? []).some((f: any) => f.Field === 'eventCategory' && [f.Equals].flat().includes('Data'))),
      },
    ],
  },
  'AUD-TRAIL-BUCKET': { what: 'the bucket the trail delivers to', select: [{ types: ['AWS::S3::Bucket'], where: (_r, c) => referenced(c.template, 'AWS::CloudTrail::Trail', (t) => props(t).S3BucketName).has(c.logicalId) }] },
  'LOG-ENCRYPTED-RETAINED': { what: 'log groups with a KMS key and a retention', select: [{ types: ['AWS::Logs::LogGroup'], where: (r) => props(r).KmsKeyId !== undefined && props(r).RetentionInDays !== undefined }] },
  'LOG-NO-CLIENT-CONTENT': {
    what: 'application log groups with a data protection policy',
    select: [{ types: ['AWS::Logs::LogGroup'], where: (r) => hasTag(APP_LOG_TAG.key, APP_LOG_TAG.value)(r) && props(r).DataProtectionPolicy !== undefined }],
  },

  // --- monitoring and incident response -------------------------------------------------
  'MON-CONFIG-RULES': {
    what: 'the Config recorder, delivery channel and managed rules',
    select: [{ types: ['AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel', 'AWS::Config::ConfigRule', 'AWS::Config::ConformancePack'] }],
  },
  'MON-GUARDDUTY': { what: 'the enabled GuardDuty detector', select: [{ types: ['AWS::GuardDuty::Detector'], where: (r) => isTrue(props(r).Enable) }] },
  'MON-SECURITY-HUB': { what: 'the Security Hub hub and its standards', select: [{ types: ['AWS::SecurityHub::Hub', 'AWS::SecurityHub::Standard'] }] },
  'MON-CIS-ALARMS': {
    what: 'the metric filters on the trail\'s log group and the alarms on their metrics',
    select: [
      { types: ['AWS::Logs::MetricFilter'], where: (r, c) => trailMetrics(c.template).logGroups.has(target(props(r).LogGroupName) ?? '') },
      { types: [ALARM], where: (r, c) => trailMetrics(c.template).metrics.has(`${props(r).Namespace}/${props(r).MetricName}`) },
    ],
  },
  'MON-OPERATIONAL-ALARMS': {
    what: 'alarms on load balancer, database and ECS metrics',
    select: [{ types: [ALARM], where: (r) => OPERATIONAL_NAMESPACES.includes(props(r).Namespace) }],
  },
  'INC-ALERT-TOPICS': {
    what: 'the security and operations topics, their policies and subscriptions',
    select: [{ types: ['AWS::SNS::Topic'], where: (r) => props(r).KmsMasterKeyId !== undefined }, { types: ['AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription'] }],
  },
  'INC-FINDING-ROUTING': {
    what: 'EventBridge rules routing GuardDuty and Security Hub findings and root sign-ins, and the us-east-1 rule forwarding root sign-ins home (GlobalEvents)',
    select: [{ types: ['AWS::Events::Rule'], where: (r) => sources(r).some((s) => ['aws.guardduty', 'aws.securityhub', 'aws.signin'].includes(s)) }],
  },
  'INC-ALERT-DELIVERY': {
    what: 'the dead-letter queues of alert deliveries and their depth alarms',
    select: [
      { types: ['AWS::SQS::Queue'], where: hasTag(ALERT_DEAD_LETTERS_TAG.key, ALERT_DEAD_LETTERS_TAG.value) },
      { types: [ALARM], where: (r) => /INC-ALERT-DELIVERY/.test(props(r).AlarmDescription ?? '') },
    ],
  },
  'INC-ALARM-ACTIONS': {
    what: 'alarms with actions enabled and an alarm action',
    select: [{ types: [ALARM], where: (r) => props(r).ActionsEnabled !== false && (props(r).AlarmActions ?? []).length > 0 }],
  },

  // --- backup ---------------------------------------------------------------------------
  'BAK-VAULT-ENCRYPTED': { what: 'backup vaults with their own KMS key', select: [{ types: ['AWS::Backup::BackupVault'], where: (r) => props(r).EncryptionKeyArn !== undefined }] },
  'BAK-VAULT-LOCK': { what: 'locked backup vaults', select: [{ types: ['AWS::Backup::BackupVault'], where: (r) => props(r).LockConfiguration !== undefined }] },
  'BAK-TIERS': { what: 'the tiered backup plan', select: [{ types: ['AWS::Backup::BackupPlan'] }] },
  'BAK-PITR': {
    what: 'backup plans with a continuous-backup rule',
    select: [{ types: ['AWS::Backup::BackupPlan'], where: (r) => (props(r).BackupPlan?.BackupPlanRule ?? []).some((rule: any) => isTrue(rule.EnableContinuousBackup)) }],
  },
  'BAK-SELECTIONS': {
    what: 'backup selections by the backup tag',
    select: [{ types: ['AWS::Backup::BackupSelection'], where: (r) => JSON.stringify(props(r).BackupSelection ?? {}).includes(BACKUP_TAG.key) }],
  },
  'BAK-RESIDENCY': {
    what: 'the backup plans (copy actions only to a configured DR region) and any DR vault',
    select: [{ types: ['AWS::Backup::BackupPlan'] }, { types: ['AWS::Backup::BackupVault'], where: inStack(/^BackupDr$/) }],
  },
  'BAK-RESTORE-TESTING': { what: 'the restore testing plan and selection', select: [{ types: ['AWS::Backup::RestoreTestingPlan', 'AWS::Backup::RestoreTestingSelection'] }] },
  'BAK-RESTORE-VALIDATION': {
    what: 'the rule on completed restore jobs and the validation function it invokes',
    select: [{ types: ['AWS::Events::Rule'], where: isRestoreCompleted }, { types: ['AWS::Lambda::Function'], where: (_r, c) => restoreValidators(c.template).has(c.logicalId) }],
  },
  'BAK-FAILURE-NOTICE': {
    what: 'EventBridge rules on failed backup, copy and restore jobs and on vault tampering, and the restore validator\'s alarms',
    select: [
      { types: ['AWS::Events::Rule'], where: (r) => sources(r).includes('aws.backup') && !isRestoreCompleted(r) },
      { types: [ALARM], where: inStack(/^Backup/) },
    ],
  },
  'BAK-LEGAL-ARCHIVE': {
    what: 'the Object Lock legal archive bucket',
    select: [
      {
        types: ['AWS::S3::Bucket'],
        where: (r, c) => isTrue(props(r).ObjectLockEnabled) && !referenced(c.template, 'AWS::CloudTrail::Trail', (t) => props(t).S3BucketName).has(c.logicalId),
      },
    ],
  },

  // --- delivery -------------------------------------------------------------------------
  'DEL-CI-TESTS': { outsideTemplates: 'CI: .github/workflows/ci.yml and .ci/run run npm ci, npm test and cdk synth (test/delivery.test.ts); the optional pipeline\'s synth step runs the same (test/pipeline.test.ts).' },
  'DEL-COMPLIANCE-PACKS': {
    outsideTemplates: 'Synthesis: the cdk-nag packs run on every synth and an open finding fails it; test/compliance.test.ts reads validation-report.json of both environments (open findings show per control in this report).',
  },
  'DEL-TEMPLATE-LINT': { outsideTemplates: 'Tests: test/cfn-lint.test.ts lints every synthesized template of both environments with cfn-lint; allowances in test/support/cfn-lint.ts.' },
  'DEL-PIPELINE-SUPPLY-CHAIN': { outsideTemplates: 'The repository: .github/workflows/*.yml and .github/dependabot.yml, parsed by test/workflows.test.ts.' },
  'DEL-DEPENDENCY-MONITORING': { outsideTemplates: 'The repository: .github/dependabot.yml and the committed lockfile installed with npm ci (test/delivery.test.ts).' },
  'DEL-VULN-REPORTING': { outsideTemplates: 'The repository: SECURITY.md names a private reporting channel (test/delivery.test.ts).' },
  'DEL-STAGED-ROLLOUT': {
    outsideTemplates:
      'The optional Pipeline stack (the pipeline block of the configuration), absent from the example and not part of any environment\'s templates; test/pipeline.test.ts synthesizes it with staging, a manual approval, then production.',
  },
  'DEL-PR-CONTROLS-DIFF': { outsideTemplates: 'Tooling: npm run controls-diff and the pull-request workflow (test/controls-diff.test.ts runs the CLI on fixture template pairs and on a synthesized assembly).' },
};

/** `stack/logicalId` of every resource of the stacks that the evidence selects. */
export function selectEvidence(
  evidence: TemplateEvidence,
  stacks: ReadonlyArray<{ readonly id: string; readonly template: EvidenceTemplate }>,
): string[] {
  const found: string[] = [];
  for (const stack of stacks) {
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      const context: ResourceContext = { logicalId, stack: stack.id, template: stack.template };
      if (evidence.select.some((s) => s.types.includes(resource.Type) && (s.where === undefined || s.where(resource, context)))) found.push(`${stack.id}/${logicalId}`);
    }
  }
  return found;
}

/** Controls that do not apply to an environment, with the reason (its config switches them off). */
export function notApplicableControls(env: EnvironmentConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, evidence] of Object.entries(CONTROL_EVIDENCE)) {
    const reason = isOutsideTemplates(evidence) ? undefined : evidence.notApplicable?.(env);
    if (reason !== undefined) out[id] = reason;
  }
  return out;
}

/**
 * The control each production opt-out (`productionOptOuts.<field>` of the configuration) weakens.
 * The controls report shows, per environment, each opt-out in force beside its control, naming the
 * field and quoting its reason.
 */
export const OPT_OUT_CONTROLS: Readonly<Record<ProductionOptOut, string>> = {
  regionsBeyondHome: 'FND-DATA-RESIDENCY',
  paging: 'INC-ALERT-TOPICS',
  shieldAdvanced: 'EDGE-DDOS-SHIELD',
};

/** The production opt-outs an environment sets, by control: `productionOptOuts.<field>: "<reason>"`. */
export function optOutsOf(env: EnvironmentConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, control] of Object.entries(OPT_OUT_CONTROLS) as [ProductionOptOut, string][]) {
    const reason = env.productionOptOuts[field];
    if (reason !== undefined) out[control] = `productionOptOuts.${field}: "${reason}"`;
  }
  return out;
}
