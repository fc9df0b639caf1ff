/**
 * The controls-diff rules of the foundation, network, edge, workload and data controls (their
 * catalog entries' `diff.rules`, DEL-PR-CONTROLS-DIFF), one change at a time, for the branches
 * the weakening fixtures (test/weakenings/) do not reach. Each case title starts with its
 * control ID.
 */
import { exitCode } from '../lib/controls/controls-diff';
import { type Direction } from '../lib/controls/diff-rules';
import { TENANT_TAG_KEY } from '../lib/constants/tags';
import { changesOf, diffOneResource } from './support/one-resource-diff';

type R = Record<string, any> | undefined;
const res = (Type: string, Properties: Record<string, any>, extra: Record<string, any> = {}) => ({ Type, Properties, ...extra });
const tenantTags = (tenant: string) => [{ Key: TENANT_TAG_KEY, Value: tenant }];
const FN = (Variables: Record<string, unknown>) => res('AWS::Lambda::Function', { Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: 'x' }, Environment: { Variables } });
const ROUTE = (p: Record<string, any>) => res('AWS::EC2::Route', { RouteTableId: { Ref: 'Rt' }, DestinationCidrBlock: '0.0.0.0/0', ...p });
const ENDPOINT = (p: Record<string, any>) => res('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.ap-southeast-1.kms', VpcId: { Ref: 'Vpc' }, ...p });
const AUTH = (p: Record<string, any>) => res('AWS::EC2::ClientVpnAuthorizationRule', { ClientVpnEndpointId: { Ref: 'Vpn' }, AccessGroupId: 'ops', AuthorizeAllGroups: false, TargetNetworkCidr: '10.10.16.0/20', ...p });
const VPN = (p: Record<string, any>) =>
  res('AWS::EC2::ClientVpnEndpoint', {
    ClientCidrBlock: '10.250.0.0/22',
    ServerCertificateArn: 'arn:aws:acm:ap-southeast-1:111111111111:certificate/x',
    AuthenticationOptions: [{ Type: 'federated-authentication', FederatedAuthentication: { SAMLProviderArn: 'arn' } }],
    ConnectionLogOptions: { Enabled: true, CloudwatchLogGroup: 'g' },
    ...p,
  });
const LB = (p: Record<string, any>) => res('AWS::ElasticLoadBalancingV2::LoadBalancer', { Subnets: ['s1', 's2'], ...p });
const RATE = (Limit: number, EvaluationWindowSec?: number) => ({
  Name: 'RateLimitPerIp',
  Priority: 2,
  Action: { Block: {} },
  Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit, ...(EvaluationWindowSec ? { EvaluationWindowSec } : {}) } },
  VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'Rate' },
});
const ACL = (rules: any[]) => res('AWS::WAFv2::WebACL', { Scope: 'REGIONAL', DefaultAction: { Allow: {} }, Rules: rules, VisibilityConfig: {} });
const SERVICE = (p: Record<string, any>) => res('AWS::ECS::Service', { Cluster: { Ref: 'C' }, LaunchType: 'FARGATE', ...p });
const TRUST = (condition?: Record<string, any>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs-tasks.amazonaws.com' }, ...(condition ? { Condition: condition } : {}) }],
});
const BOUND = { StringEquals: { 'aws:SourceAccount': '111111111111' }, ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:ap-southeast-1:111111111111:*' } };
const ROLE = (p: Record<string, any>) => res('AWS::IAM::Role', { AssumeRolePolicyDocument: TRUST(BOUND), ...p });
const POLICY = (statements: any[]) => res('AWS::IAM::ManagedPolicy', { PolicyDocument: { Version: '2012-10-17', Statement: statements } });
const TASK = (container: Record<string, any>) => res('AWS::ECS::TaskDefinition', { ContainerDefinitions: [{ Name: 'App', Image: 'app', ReadonlyRootFilesystem: true, ...container }] });
const INSTANCE = (p: Record<string, any>) => res('AWS::RDS::DBInstance', { DBInstanceClass: 'db.r6g.large', Engine: 'aurora-postgresql', ...p });
const CLUSTER = (p: Record<string, any>) => res('AWS::RDS::DBCluster', { Engine: 'aurora-postgresql', StorageEncrypted: true, ...p }, { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
const KEY = (p: Record<string, any>) => res('AWS::KMS::Key', { EnableKeyRotation: true, KeyPolicy: { Statement: [] }, ...p }, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
const DENY_OTHER_TENANTS = {
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: 'kms:*',
  Resource: '*',
  Condition: { StringNotEquals: { [`aws:PrincipalTag/${TENANT_TAG_KEY}`]: 'acme' }, Null: { [`aws:PrincipalTag/${TENANT_TAG_KEY}`]: 'false' } },
};

const CASES: Array<[title: string, before: R, after: R, direction: Direction, detail: string]> = [
  ['FND-NO-PLAINTEXT-SECRETS: a function environment variable named like a token set in plaintext', FN({ LOG_LEVEL: 'info' }), FN({ LOG_LEVEL: 'info', API_TOKEN: 'abc123' }), 'weakened', 'function environment variable API_TOKEN set in plaintext'],
  ['FND-NO-PLAINTEXT-SECRETS: a literal identity-provider client secret', res('AWS::Cognito::UserPoolIdentityProvider', { ProviderDetails: { client_secret: '{{resolve:secretsmanager:google}}' } }), res('AWS::Cognito::UserPoolIdentityProvider', { ProviderDetails: { client_secret: 's3cr3t' } }), 'weakened', 'ProviderDetails.client_secret written into the template in plaintext'],
  ['FND-NO-PLAINTEXT-SECRETS: a secret added with its value in the template', undefined, res('AWS::SecretsManager::Secret', { SecretString: 'hunter2' }), 'weakened', 'SecretString written into the template in plaintext'],
  ['FND-NO-PLAINTEXT-SECRETS: a literal master password replaced by a dynamic reference', CLUSTER({ MasterUserPassword: 'hunter2' }), CLUSTER({ MasterUserPassword: '{{resolve:secretsmanager:db:SecretString:password}}' }), 'strengthened', 'MasterUserPassword no longer in plaintext ({{resolve:secretsmanager:db:SecretString:password}})'],
  ['NET-MULTI-AZ: a subnet removed', res('AWS::EC2::Subnet', { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24' }), undefined, 'weakened', 'subnet removed'],
  ['NET-TIERED-SUBNETS: a subnet added that assigns public IPs', undefined, res('AWS::EC2::Subnet', { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true }), 'weakened', 'subnet added with MapPublicIpOnLaunch true'],
  ['NET-TIERED-SUBNETS: a NAT route switched to the internet gateway', ROUTE({ NatGatewayId: { Ref: 'Nat' } }), ROUTE({ GatewayId: { Ref: 'Igw' } }), 'weakened', 'route to 0.0.0.0/0 now goes straight to GatewayId Ref Igw (was NatGatewayId Ref Nat)'],
  ['NET-PRIVATE-ENDPOINTS: an endpoint policy removed (full access)', ENDPOINT({ PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '1' } } }] } }), ENDPOINT({}), 'weakened', 'endpoint policy allows (no policy: full access)'],
  ['NET-PRIVATE-ENDPOINTS: private DNS turned off', ENDPOINT({ PrivateDnsEnabled: true }), ENDPOINT({ PrivateDnsEnabled: false }), 'weakened', 'PrivateDnsEnabled true → false'],
  ['NET-OPERATOR-ACCESS: a Client VPN authorization widened to the VPC', AUTH({}), AUTH({ TargetNetworkCidr: '10.10.0.0/16' }), 'weakened', 'Client VPN TargetNetworkCidr 10.10.16.0/20 → 10.10.0.0/16'],
  ['NET-OPERATOR-ACCESS: a Client VPN authorization to 0.0.0.0/0 added', undefined, AUTH({ TargetNetworkCidr: '0.0.0.0/0' }), 'weakened', 'Client VPN authorization to 0.0.0.0/0 added'],
  ['NET-OPERATOR-ACCESS: Client VPN sign-in without the identity provider', VPN({}), VPN({ AuthenticationOptions: [{ Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: 'arn' } }] }), 'weakened', 'Client VPN no longer signs in through the identity provider (federated-authentication)'],
  ['NET-OPERATOR-ACCESS: Client VPN connection logs off', VPN({}), VPN({ ConnectionLogOptions: { Enabled: false } }), 'weakened', 'ConnectionLogOptions.Enabled true → false'],
  ['EDGE-INTERNET-EXPOSURE: all traffic from ::/0 admitted by a SecurityGroupIngress', undefined, res('AWS::EC2::SecurityGroupIngress', { GroupId: { Ref: 'Sg' }, IpProtocol: '-1', CidrIpv6: '::/0' }), 'weakened', 'ingress all traffic from ::/0 added'],
  ['EDGE-INTERNET-EXPOSURE: an internal load balancer loses its Scheme (internet-facing by default)', LB({ Scheme: 'internal' }), LB({}), 'weakened', 'load balancer Scheme internal → internet-facing'],
  ['EDGE-WAF-RATE-LIMIT: the rate-based rule removed', ACL([RATE(2000, 300)]), ACL([]), 'weakened', 'rate-based rule RateLimitPerIp removed'],
  ['EDGE-WAF-RATE-LIMIT: the same limit over a longer window (absent is 300 s)', ACL([RATE(2000)]), ACL([RATE(2000, 600)]), 'strengthened', 'rate-based rule RateLimitPerIp limit 2000 per 300 s → 2000 per 600 s'],
  ['WL-MULTI-AZ: a DesiredCount from a parameter cannot be ranked', SERVICE({ DesiredCount: 3 }), SERVICE({ DesiredCount: { Ref: 'Count' } }), 'neutral', 'DesiredCount 3 → Ref Count (not comparable)'],
  ['WL-MULTI-AZ: the deployment circuit breaker no longer rolls back', SERVICE({ DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true } } }), SERVICE({ DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: false } } }), 'weakened', 'DeploymentCircuitBreaker.Rollback true → false'],
  ['WL-MULTI-AZ: the service runs in fewer subnets', SERVICE({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['a', 'b', 'c'] } } }), SERVICE({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['a', 'b'] } } }), 'weakened', 'service subnets 3 → 2'],
  ['WL-LEAST-PRIVILEGE: a role inline policy grants every S3 action', ROLE({}), ROLE({ Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }] }), 'weakened', 'grants s3:* on *'],
  ['WL-LEAST-PRIVILEGE: a policy grants by NotAction', POLICY([]), POLICY([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]), 'weakened', 'grants every action but iam:* on *'],
  ['WL-LEAST-PRIVILEGE: the task role trust loses aws:SourceArn', ROLE({}), ROLE({ AssumeRolePolicyDocument: TRUST({ StringEquals: BOUND.StringEquals }) }), 'weakened', 'ECS task role trust no longer requires aws:SourceArn'],
  ['WL-LEAST-PRIVILEGE: a role for ECS tasks added without trust conditions', undefined, ROLE({ AssumeRolePolicyDocument: TRUST() }), 'weakened', 'role for ECS tasks added without aws:SourceAccount or aws:SourceArn in its trust policy'],
  ['WL-LEAST-PRIVILEGE: a container turned privileged', TASK({}), TASK({ Privileged: true }), 'weakened', 'container App Privileged false → true'],
  ['WL-LEAST-PRIVILEGE: a container gains SYS_ADMIN', TASK({ LinuxParameters: { Capabilities: { Drop: ['NET_RAW'] } } }), TASK({ LinuxParameters: { Capabilities: { Add: ['SYS_ADMIN'], Drop: ['NET_RAW'] } } }), 'weakened', 'container App capability SYS_ADMIN added'],
  ['WL-LEAST-PRIVILEGE: a container no longer drops NET_RAW', TASK({ LinuxParameters: { Capabilities: { Drop: ['NET_RAW'] } } }), TASK({ LinuxParameters: { Capabilities: { Drop: [] } } }), 'weakened', 'container App capability NET_RAW no longer dropped'],
  ['WL-LEAST-PRIVILEGE: a container runs as root', TASK({ User: '101' }), TASK({ User: 'root' }), 'weakened', 'container App User 101 → root'],
  ['WL-MANAGED-COMPUTE: a pinned platform version', SERVICE({ PlatformVersion: 'LATEST' }), SERVICE({ PlatformVersion: '1.4.0' }), 'weakened', 'PlatformVersion LATEST → 1.4.0: new tasks no longer start on the latest platform revision'],
  ['WL-MANAGED-COMPUTE: an Auto Scaling group added', undefined, res('AWS::AutoScaling::AutoScalingGroup', { MinSize: '1', MaxSize: '2' }), 'weakened', 'self-managed compute AWS::AutoScaling::AutoScalingGroup added'],
  ['DB-MULTI-AZ: a standalone instance loses its standby', INSTANCE({ MultiAZ: true }), INSTANCE({ MultiAZ: false }), 'weakened', 'MultiAZ true → false'],
  ['DB-MULTI-AZ: a member instance moves zone, which only a reviewer can weigh', INSTANCE({ DBClusterIdentifier: { Ref: 'C' }, AvailabilityZone: 'ap-southeast-1a' }), INSTANCE({ DBClusterIdentifier: { Ref: 'C' }, AvailabilityZone: 'ap-southeast-1b' }), 'neutral', 'AvailabilityZone ap-southeast-1a → ap-southeast-1b of an instance of cluster Ref C'],
  ['DB-PATCHING: an instance dropping AutoMinorVersionUpgrade keeps RDS default (on)', INSTANCE({ AutoMinorVersionUpgrade: true }), INSTANCE({}), 'neutral', 'AutoMinorVersionUpgrade true → (absent)'],
  ['DB-PATCHING: the maintenance window no longer configured', CLUSTER({ PreferredMaintenanceWindow: 'sun:19:30-sun:20:30' }), CLUSTER({}), 'weakened', 'PreferredMaintenanceWindow removed (was sun:19:30-sun:20:30)'],
  ['TEN-DEDICATED-DATASTORE: a tenant cluster re-tagged for another tenant', CLUSTER({ Tags: tenantTags('acme') }), CLUSTER({ Tags: tenantTags('globex') }), 'weakened', 'database cluster of tenant acme now tagged for globex'],
  ['TEN-DEDICATED-KEY: a tenant cluster encrypted with another key', CLUSTER({ Tags: tenantTags('acme'), KmsKeyId: { 'Fn::GetAtt': ['AcmeKey', 'Arn'] } }), CLUSTER({ Tags: tenantTags('acme'), KmsKeyId: { 'Fn::GetAtt': ['SharedKey', 'Arn'] } }), 'weakened', "KmsKeyId GetAtt AcmeKey.Arn → GetAtt SharedKey.Arn on tenant acme's AWS::RDS::DBCluster: not shown to be the tenant's own key"],
  ['TEN-DEDICATED-KEY: a tenant key removed', KEY({ Tags: tenantTags('acme') }), undefined, 'weakened', "tenant acme's KMS key removed"],
  ['TEN-ISOLATED-ACCESS: a tenant key policy loses the deny of other tenants', KEY({ KeyPolicy: { Statement: [DENY_OTHER_TENANTS] } }), KEY({ KeyPolicy: { Statement: [] } }), 'weakened', `key policy no longer denies principals tagged for another tenant (aws:PrincipalTag/${TENANT_TAG_KEY})`],
  ['TEN-ISOLATED-ACCESS: a policy grants kms:Decrypt on every key', POLICY([]), POLICY([{ Effect: 'Allow', Action: ['kms:Decrypt', 'logs:PutLogEvents'], Resource: '*' }]), 'weakened', 'grants tenant-data action kms:Decrypt on *'],
  ['TEN-ISOLATED-ACCESS: a tenant role re-tagged for another tenant', ROLE({ Tags: tenantTags('acme') }), ROLE({ Tags: tenantTags('globex') }), 'weakened', 'role of tenant acme now tagged for globex'],
];

describe('controls diff rules of foundation, network, edge, workload and data, one change at a time', () => {
  test('DEL-PR-CONTROLS-DIFF: there are cases to run', () => {
    expect(CASES.length).toBeGreaterThan(0);
  });

  test.each(CASES)('%s', (title, before, after, direction, detail) => {
    const diff = diffOneResource(before, after);
    const control = title.split(':')[0];
    expect(changesOf(diff, control)).toContainEqual([direction, detail]);
    if (direction === 'weakened') expect(exitCode(diff)).toBe(1);
    if (direction !== 'weakened') expect(diff.changes.filter((c) => c.control === control && c.direction === 'weakened')).toEqual([]);
  });

  test.each<[string, R, R]>([
    ['FND-NO-PLAINTEXT-SECRETS: a function variable read from Secrets Manager by dynamic reference', FN({}), FN({ DB_PASSWORD: '{{resolve:secretsmanager:db:SecretString:password}}' })],
    ['EDGE-INTERNET-EXPOSURE: HTTPS from the internet added to a security group', undefined, res('AWS::EC2::SecurityGroupIngress', { GroupId: { Ref: 'Sg' }, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' })],
    ['WL-MANAGED-COMPUTE: a capacity provider strategy of Fargate and Fargate Spot is still Fargate', SERVICE({}), SERVICE({ LaunchType: undefined, CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 1 }] })],
    ['WL-LEAST-PRIVILEGE: a role for another service without trust conditions is not a task role', undefined, res('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }] } })],
    ['NET-TIERED-SUBNETS: a route to a peered range is no route to the internet', undefined, ROUTE({ DestinationCidrBlock: '10.20.0.0/16', VpcPeeringConnectionId: 'pcx-1' })],
  ])('%s: no line', (title, before, after) => {
    const diff = diffOneResource(before, after);
    expect(diff.changes.filter((c) => c.control === title.split(':')[0])).toEqual([]);
  });
});
