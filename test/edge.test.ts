/**
 * The edge: the internet-facing load balancer, its WAF web ACL and Shield Advanced. Every
 * assertion reads the synthesized templates; one in-process synthesis covers a configuration the
 * sample environments do not have (a Shield health check).
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import type { EnvironmentConfig } from '../lib/config/schema';
import { SSE_S3_LOG_DELIVERY_TAG } from '../lib/constants/tags';
import { AlertingStack } from '../lib/stacks/alerting-stack';
import { NetworkStack } from '../lib/stacks/network-stack';
import { WorkloadStack } from '../lib/stacks/workload-stack';
import { onlyResourceOfType, resourcesOfType } from './support/stack-resources';
import { allResources, ENV_NAMES, template, templateJson, crossStackRef } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const STACK = 'Workload';

const resources = (env: string, type: string) => resourcesOfType(env, STACK, type);
const only = (env: string, type: string) => onlyResourceOfType(env, STACK, type);
const attributes = (lb: any): Record<string, string> =>
  Object.fromEntries(lb.Properties.LoadBalancerAttributes.map((a: any) => [a.Key, typeof a.Value === 'string' ? a.Value : JSON.stringify(a.Value)]));

/** Policies of the HTTPS listener that still accept TLS 1.2 and refuse anything older. */
const TLS12_PLUS_POLICIES = /^ELBSecurityPolicy-(TLS13-1-2-|FS-1-2-|TLS-1-2-)/;

describe.each(ENV_NAMES)('edge of %s', (env) => {
  const config = CONFIGS[env];
  const listener = (port: number) => {
    const found = resources(env, 'AWS::ElasticLoadBalancingV2::Listener').filter(([, r]) => r.Properties.Port === port);
    expect(found).toHaveLength(1);
    return found[0][1].Properties;
  };
  const [lbId, lb] = (() => only(env, 'AWS::ElasticLoadBalancingV2::LoadBalancer'))();

  test('EDGE-HTTPS-ONLY: 443 terminates TLS with the configured certificate and forwards to the workload', () => {
    const https = listener(443);
    expect(https.Protocol).toBe('HTTPS');
    expect(https.Certificates).toEqual([{ CertificateArn: config.edge.certificateArn }]);
    expect(https.LoadBalancerArn).toEqual({ Ref: lbId });
    expect(https.DefaultActions).toEqual([{ Type: 'forward', TargetGroupArn: { Ref: expect.stringMatching(/^WorkloadTargetGroup/) } }]);
  });

  test('EDGE-HTTPS-ONLY: 80 only redirects permanently to HTTPS on 443, and there is no other listener', () => {
    const http = listener(80);
    expect(http.Protocol).toBe('HTTP');
    expect(http.DefaultActions).toEqual([{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }]);
    expect(resources(env, 'AWS::ElasticLoadBalancingV2::Listener').map(([, r]) => r.Properties.Port).sort()).toEqual([443, 80]);
    expect(resources(env, 'AWS::ElasticLoadBalancingV2::ListenerRule')).toEqual([]);
  });

  test('EDGE-TLS-POLICY: the HTTPS listener uses the restricted TLS 1.3/1.2 post-quantum policy', () => {
    const { SslPolicy } = listener(443);
    expect(SslPolicy).toBe('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09');
    expect(SslPolicy).toMatch(TLS12_PLUS_POLICIES);
  });

  test('EDGE-INTERNET-EXPOSURE: the load balancer is internet-facing in the public subnets of every zone', () => {
    expect(lb.Properties.Scheme).toBe('internet-facing');
    expect(lb.Properties.Type).toBe('application');
    const subnets = lb.Properties.Subnets.map(crossStackRef);
    expect(subnets).toHaveLength(config.availabilityZones.length);
    for (const s of subnets) expect(s).toMatch(/VpcPublicSubnet\dSubnet/);
  });

  test('EDGE-INTERNET-EXPOSURE: its security group admits only 443 and 80 from the internet and sends only to the workload on the container port', () => {
    const sgId = lb.Properties.SecurityGroups[0]['Fn::GetAtt'][0];
    const sg = templateJson(env, STACK).Resources[sgId].Properties;
    expect(lb.Properties.SecurityGroups).toHaveLength(1);
    expect(sg.SecurityGroupIngress.map((r: any) => [r.CidrIp, r.IpProtocol, r.FromPort, r.ToPort]).sort()).toEqual([
      ['0.0.0.0/0', 'tcp', 443, 443],
      ['0.0.0.0/0', 'tcp', 80, 80],
    ]);
    // allowAllOutbound false renders a placeholder egress that matches no traffic.
    expect(sg.SecurityGroupEgress ?? []).toEqual((sg.SecurityGroupEgress ?? []).filter((r: any) => r.CidrIp === '255.255.255.255/32'));
    const ownIngress = resources(env, 'AWS::EC2::SecurityGroupIngress').filter(([, r]) => r.Properties.GroupId?.['Fn::GetAtt']?.[0] === sgId);
    expect(ownIngress).toEqual([]);
    const egress = resources(env, 'AWS::EC2::SecurityGroupEgress').filter(([, r]) => r.Properties.GroupId?.['Fn::GetAtt']?.[0] === sgId);
    expect(egress.map(([, r]) => r.Properties)).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: config.workload.containerPort,
        ToPort: config.workload.containerPort,
        DestinationSecurityGroupId: { 'Fn::GetStackOutput': expect.objectContaining({ OutputName: expect.stringMatching(/WorkloadSecurityGroup/) }) },
      }),
    ]);
  });

  test('EDGE-INTERNET-EXPOSURE: invalid header fields are dropped, desync mitigation is strictest, and WAF failures do not fail open', () => {
    const attrs = attributes(lb);
    expect(attrs['routing.http.drop_invalid_header_fields.enabled']).toBe('true');
    expect(attrs['routing.http.desync_mitigation_mode']).toBe('strictest');
    expect(attrs['waf.fail_open.enabled']).toBe('false');
  });

  test('EDGE-ALB-ACCESS-LOGS: the load balancer writes access and TLS connection logs to its log bucket, and production protects it from deletion', () => {
    const attrs = attributes(lb);
    expect(attrs['access_logs.s3.enabled']).toBe('true');
    expect(JSON.parse(attrs['access_logs.s3.bucket'])).toEqual({ Ref: expect.stringMatching(/^LoadBalancerAccessLogs/) });
    expect(attrs['connection_logs.s3.enabled']).toBe('true');
    expect(attrs['connection_logs.s3.bucket']).toBe(attrs['access_logs.s3.bucket']);
    expect(attrs['deletion_protection.enabled']).toBe(config.tier === 'production' ? 'true' : 'false');
  });

  test('EDGE-ALB-ACCESS-LOGS: the bucket is SSE-S3 encrypted, tagged as the one exception, versioned, private and expires logs per config', () => {
    const [, bucket] = only(env, 'AWS::S3::Bucket');
    const p = bucket.Properties;
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    expect(p.Tags).toContainEqual({ Key: SSE_S3_LOG_DELIVERY_TAG.key, Value: SSE_S3_LOG_DELIVERY_TAG.value });
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(p.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(p.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', ExpirationInDays: config.edge.accessLogRetentionDays }));
    expect(bucket.DeletionPolicy).toBe('RetainExceptOnCreate');
  });

  test('EDGE-ALB-ACCESS-LOGS: the bucket policy refuses plain HTTP and TLS below 1.2, and lets only log delivery write under the prefix', () => {
    template(env, STACK).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
    const [, policy] = only(env, 'AWS::S3::BucketPolicy');
    const allows = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow');
    for (const s of allows) {
      expect(['s3:PutObject', 's3:GetBucketAcl']).toContain(s.Action);
      if (s.Action === 's3:PutObject') expect(JSON.stringify(s.Resource)).toMatch(new RegExp(`/alb(-connections)?/AWSLogs/${config.account}/\\*`));
    }
  });

  test('EDGE-WAF: a regional web ACL with the five AWS managed rule groups, default allow, metrics on, guards the load balancer', () => {
    const [aclId, acl] = only(env, 'AWS::WAFv2::WebACL');
    expect(acl.Properties.Scope).toBe('REGIONAL');
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Properties.VisibilityConfig).toEqual(expect.objectContaining({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true }));
    const groups = acl.Properties.Rules.filter((r: any) => r.Statement.ManagedRuleGroupStatement);
    expect(groups.map((r: any) => r.Statement.ManagedRuleGroupStatement.Name).sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesAnonymousIpList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesSQLiRuleSet',
    ]);
    for (const r of acl.Properties.Rules) {
      expect(r.VisibilityConfig).toEqual(expect.objectContaining({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true }));
      if (r.Statement.ManagedRuleGroupStatement) {
        expect(r.Statement.ManagedRuleGroupStatement.VendorName).toBe('AWS');
        expect(r.OverrideAction).toEqual({ None: {} });
        expect(r.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toBeUndefined();
      }
    }
    expect(new Set(acl.Properties.Rules.map((r: any) => r.Priority)).size).toBe(acl.Properties.Rules.length);
    const [, association] = only(env, 'AWS::WAFv2::WebACLAssociation');
    expect(association.Properties).toEqual({ ResourceArn: { Ref: lbId }, WebACLArn: { 'Fn::GetAtt': [aclId, 'Arn'] } });
  });

  test('EDGE-WAF-RATE-LIMIT: a rate-based rule blocks any client IP above the configured limit per 5 minutes', () => {
    const [, acl] = only(env, 'AWS::WAFv2::WebACL');
    const rate = acl.Properties.Rules.filter((r: any) => r.Statement.RateBasedStatement);
    expect(rate).toHaveLength(1);
    expect(rate[0].Action).toEqual({ Block: {} });
    expect(rate[0].Statement.RateBasedStatement).toEqual({ AggregateKeyType: 'IP', Limit: config.edge.wafRateLimit, EvaluationWindowSec: 300 });
  });

  test('EDGE-WAF-LOGGING: WAF logs go to a KMS-encrypted aws-waf-logs- log group with retention, with the query string, authorization and cookie redacted', () => {
    const [aclId] = only(env, 'AWS::WAFv2::WebACL');
    const [, logging] = only(env, 'AWS::WAFv2::LoggingConfiguration');
    expect(logging.Properties.ResourceArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(logging.Properties.RedactedFields).toEqual([{ QueryString: {} }, { SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }]);
    const destination = JSON.stringify(logging.Properties.LogDestinationConfigs);
    expect(logging.Properties.LogDestinationConfigs).toHaveLength(1);
    expect(destination).toContain(`:logs:${config.region}:${config.account}:log-group:aws-waf-logs-${env}"`);
    const groups = resources(env, 'AWS::Logs::LogGroup').filter(([, g]) => g.Properties.LogGroupName === `aws-waf-logs-${env}`);
    expect(groups).toHaveLength(1);
    expect(groups[0][1].Properties).toEqual(expect.objectContaining({ KmsKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^LogKey/), 'Arn'] }, RetentionInDays: config.logs.retentionDays }));
    expect(logging.DependsOn).toEqual(expect.arrayContaining([groups[0][0]]));
  });

  test('EDGE-WAF-LOGGING: only the log-delivery service of this account may write to the WAF log group', () => {
    const [, policy] = only(env, 'AWS::Logs::ResourcePolicy');
    const text = JSON.stringify(policy.Properties.PolicyDocument);
    expect(text).toContain('delivery.logs.amazonaws.com');
    expect(text).toContain(`\\"aws:SourceAccount\\":\\"${config.account}\\"`);
    expect(text).toContain(`log-group:aws-waf-logs-${env}:log-stream:*`);
  });

  test(`EDGE-DDOS-SHIELD: Shield Advanced protects the load balancer exactly when the environment enables it (${config.edge.shieldAdvanced ? 'on' : 'off'} here)`, () => {
    const protections = resources(env, 'AWS::Shield::Protection');
    if (!config.edge.shieldAdvanced) {
      expect(protections).toEqual([]);
      return;
    }
    expect(protections).toHaveLength(1);
    expect(protections[0][1].Properties).toEqual(expect.objectContaining({ Name: `${env}-load-balancer`, ResourceArn: { Ref: lbId } }));
    expect(protections[0][1].Properties.HealthCheckArns).toBeUndefined();
  });
});

describe('edge across the deployment', () => {
  test('EDGE-INTERNET-EXPOSURE: the load balancer is the only internet-facing component and the only group open to the internet', () => {
    for (const r of allResources()) {
      if (r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && r.props.Scheme === 'internet-facing') expect(`${r.stackId}/${r.logicalId}`).toMatch(/^Workload\/LoadBalancer/);
      if (r.type === 'AWS::EC2::Instance' || r.type === 'AWS::EC2::EIP') expect(`${r.stackId}/${r.logicalId}`).toMatch(/^Network\/VpcPublicSubnet\dEIP/);
      if (r.type === 'AWS::EC2::SecurityGroup') {
        const open = (r.props.SecurityGroupIngress ?? []).filter((i: any) => i.CidrIp === '0.0.0.0/0' || i.CidrIpv6 === '::/0');
        if (open.length > 0) expect(`${r.stackId}/${r.logicalId}`).toMatch(/^Workload\/LoadBalancerSecurityGroup/);
      }
      if (r.type === 'AWS::EC2::SecurityGroupIngress') expect({ rule: r.logicalId, open: r.props.CidrIp === '0.0.0.0/0' || r.props.CidrIpv6 === '::/0' }).toEqual({ rule: r.logicalId, open: false });
    }
  });

  test('EDGE-ALB-ACCESS-LOGS: only buckets that receive load balancer access logs carry the SSE-S3 exception tag', () => {
    const tagged = allResources().filter(
      (r) => r.type === 'AWS::S3::Bucket' && (r.props.Tags ?? []).some((t: any) => t.Key === SSE_S3_LOG_DELIVERY_TAG.key),
    );
    expect(tagged.length).toBeGreaterThan(0);
    for (const b of tagged) {
      const targets = allResources().filter(
        (r) =>
          r.env === b.env &&
          r.stackId === b.stackId &&
          r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' &&
          r.props.LoadBalancerAttributes.some((a: any) => a.Key === 'access_logs.s3.bucket' && a.Value?.Ref === b.logicalId),
      );
      expect({ bucket: `${b.env}/${b.stackId}/${b.logicalId}`, receivesAccessLogs: targets.length > 0 }).toEqual({ bucket: `${b.env}/${b.stackId}/${b.logicalId}`, receivesAccessLogs: true });
    }
  });
});

describe('Shield Advanced with a health check (in-process synthesis)', () => {
  const healthCheckArn = 'arn:aws:route53:::healthcheck/abcdef01-2345-4678-9abc-def012345678';
  let shieldTemplate: Template;
  beforeAll(() => {
    const base = CONFIGS.production;
    const config: EnvironmentConfig = { ...base, edge: { ...base.edge, shieldAdvanced: true, healthCheckArn } };
    // The built-in CloudFormation validation adds seconds and only repeats what the shared synthesis checks.
    const app = new App({ builtinCloudFormationValidation: false });
    const alerting = new AlertingStack(app, 'Alerting', { config });
    const network = new NetworkStack(app, 'Network', { config });
    const stack = new WorkloadStack(app, 'Workload', {
      config,
      vpc: network.network.vpc,
      workloadSecurityGroup: network.workloadSecurityGroup,
      topics: alerting.topics,
    });
    shieldTemplate = Template.fromStack(stack);
  });

  test('EDGE-DDOS-SHIELD: the configured Route 53 health check is associated with the protection', () => {
    shieldTemplate.resourceCountIs('AWS::Shield::Protection', 1);
    shieldTemplate.hasResourceProperties('AWS::Shield::Protection', {
      ResourceArn: { Ref: Match.stringLikeRegexp('^LoadBalancer') },
      HealthCheckArns: [healthCheckArn],
    });
  });
});
