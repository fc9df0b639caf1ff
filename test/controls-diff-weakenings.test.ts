/**
 * The PR controls diff (DEL-PR-CONTROLS-DIFF) against weakenings, in two parts:
 *
 * 1. Every watched control weakened: each fixture of `test/weakenings/<area>.ts` edits a copy of
 *    the templates this test run synthesized from the reference fixture, and the CLI, run
 *    in-process on base and edited templates, must exit 1 naming that control as weakened; the
 *    fixture's neutral edit of the same kind of resources must leave the control unreported. Only
 *    the stacks a fixture reads are copied, and only the resources an edit changed are diffed (an
 *    unchanged stack or resource produces no line; a test shows the whole stacks give the same
 *    report), so all fixtures together cost about a second of CPU.
 * 2. The rules of every area (their catalog entries' `diff.rules`) one change at a time, for the
 *    branches the fixtures do not reach. Each case title starts with its control ID.
 *
 * One file for both: each test file that diffs loads the AWS resource specification
 * @aws-cdk/cloudformation-diff reads replacement behaviour from, about 0.9 s of CPU.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CIS_METRIC_NAMESPACE } from '../lib/constants/metric-namespaces';
import { ALERT_DEAD_LETTERS_TAG, BACKUP_TAG, TENANT_TAG_KEY } from '../lib/constants/tags';
import { CATALOG } from '../lib/controls/catalog';
import { exitCode } from '../lib/controls/controls-diff';
import { CONTROL_RULES, type Direction } from '../lib/controls/diff-rules';
import { runDiff } from '../scripts/controls-diff';
import { changesOf, diffOneResource } from './support/one-resource-diff';
import { allStacks, templateJson } from './support/synth';
import { STACK_TYPES } from './weakenings/edit';
import type { Templates, Weakening } from './weakenings/types';

const WEAKENINGS_DIR = path.join(__dirname, 'weakenings');
/** The files of test/weakenings/ that hold no fixtures: the fixture type and the editing helpers. */
const NOT_AREAS = ['types.ts', 'edit.ts'];

/** Every area file of test/weakenings/ (each exports `WEAKENINGS`), so a new area is picked up. */
const AREA_FILES = fs
  .readdirSync(WEAKENINGS_DIR)
  .filter((f) => f.endsWith('.ts') && !NOT_AREAS.includes(f))
  .sort();

const FIXTURES: ReadonlyArray<Weakening & { readonly area: string }> = AREA_FILES.flatMap((file) => {
  const { WEAKENINGS } = require(path.join(WEAKENINGS_DIR, file)) as { WEAKENINGS?: readonly Weakening[] };
  if (!Array.isArray(WEAKENINGS)) throw new Error(`test/weakenings/${file} exports no WEAKENINGS list`);
  return WEAKENINGS.map((w) => ({ ...w, area: path.basename(file, '.ts') }));
});

/** The resource types the rules of each control read. */
const RULE_TYPES = new Map<string, Set<string>>();
for (const rule of CONTROL_RULES) {
  const types = RULE_TYPES.get(rule.control) ?? new Set<string>();
  rule.resourceTypes.forEach((t) => types.add(t));
  RULE_TYPES.set(rule.control, types);
}

let base: Templates;
/** Each synthesized stack as JSON: parsed for a fresh copy of the stacks a fixture reads. */
let baseJson: Map<string, string>;
/** The resource types of each stack, for the fixtures' finders ({@link STACK_TYPES}). */
let baseTypes: Map<string, Set<string>>;

beforeAll(() => {
  base = Object.fromEntries(allStacks().map((s) => [`${s.env}/${s.stackId}`, templateJson(s.env, s.stackId)]));
  baseJson = new Map(Object.entries(base).map(([k, t]) => [k, JSON.stringify(t)]));
  baseTypes = new Map(Object.entries(base).map(([k, t]) => [k, new Set(Object.values<any>(t.Resources ?? {}).map((r) => r.Type))]));
});

/**
 * The synthesized templates edited by `edit`. Each stack is copied (parsed from its JSON) only
 * when the edit reads it; a stack it never read is the synthesized one, unchanged. Deleting a
 * stack or adding one works as on a plain object.
 */
function edited(edit: (templates: Templates) => void): Templates {
  const copies = new Map<string, Record<string, any>>();
  const head: Templates = {};
  for (const stack of baseJson.keys()) {
    Object.defineProperty(head, stack, {
      enumerable: true,
      configurable: true,
      get: () => copies.get(stack) ?? copies.set(stack, JSON.parse(baseJson.get(stack)!)).get(stack),
      set: (value) => copies.set(stack, value),
    });
  }
  Object.defineProperty(head, STACK_TYPES, { value: baseTypes, enumerable: false });
  edit(head);
  return Object.fromEntries(Object.keys(head).map((stack) => [stack, Object.getOwnPropertyDescriptor(head, stack)!.get && !copies.has(stack) ? base[stack] : head[stack]]));
}

/** The stacks an edit added, removed or changed (a stack the edit never read is the base's own object). */
function changedStacks(head: Templates): string[] {
  return [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((k) => head[k] !== base[k] && baseJson.get(k) !== (k in head ? JSON.stringify(head[k]) : undefined)).sort();
}

/** The resources of one stack that differ between base and head, by side. */
function changedResources(stack: string, head: Templates): { base: Record<string, any>; head: Record<string, any> } {
  const [b, h] = [base[stack]?.Resources ?? {}, head[stack]?.Resources ?? {}];
  const ids = [...new Set([...Object.keys(b), ...Object.keys(h)])].filter((id) => JSON.stringify(b[id]) !== JSON.stringify(h[id]));
  const pick = (resources: Record<string, any>) => Object.fromEntries(ids.filter((id) => id in resources).map((id) => [id, resources[id]]));
  return { base: pick(b), head: pick(h) };
}

/**
 * The template pair the CLI is given: only the stacks an edit changed, and of those only the
 * resources that differ (an unchanged resource produces no line, and diffing all of them cost
 * most of the time). A stack the edit removed or added stays absent on its side.
 * @param whole the changed stacks whole instead (the fidelity test compares both)
 */
function pair(head: Templates, whole = false): { base: Templates; head: Templates; stacks: string[] } {
  const stacks = changedStacks(head);
  const out = { base: {} as Templates, head: {} as Templates, stacks };
  for (const stack of stacks) {
    const resources = changedResources(stack, head);
    if (stack in base) out.base[stack] = whole ? base[stack] : { Resources: resources.base };
    if (stack in head) out.head[stack] = whole ? head[stack] : { Resources: resources.head };
  }
  return out;
}

/** The CLI's text report of the changed stacks, in-process, and its exit code. */
function diffOf(head: Templates, whole = false): { code: number; stdout: string; stacks: string[] } {
  const templates = pair(head, whole);
  const out: string[] = [];
  const code = runDiff(templates.base, templates.head, { format: 'text', baseLabel: 'synthesized', headLabel: 'edited' }, { out: (t) => out.push(t), err: () => undefined });
  return { code, stdout: out.join('\n'), stacks: templates.stacks };
}

/** The types of the resources an edit added, removed or changed, over every stack. */
function changedResourceTypes(head: Templates): Set<string> {
  const types = new Set<string>();
  for (const stack of changedStacks(head)) {
    const resources = changedResources(stack, head);
    for (const r of [...Object.values(resources.base), ...Object.values(resources.head)]) types.add(r.Type);
  }
  return types;
}

const weakenedLine = (control: string) => new RegExp(`^${control} weakened: `, 'm');

describe('controls diff against a weakening of every watched control', () => {
  test('DEL-PR-CONTROLS-DIFF: the synthesized templates and the weakening fixtures are there to diff', () => {
    expect(Object.keys(base).length).toBeGreaterThan(0);
    expect(AREA_FILES.length).toBeGreaterThan(0);
    expect(FIXTURES.length).toBeGreaterThan(0);
  });

  describe.each(FIXTURES.map((f) => [`${f.control} (${f.area}): ${f.title}`, f] as const))('%s', (_name, fixture) => {
    test(`${fixture.control}, DEL-PR-CONTROLS-DIFF: the weakening makes the CLI exit 1 naming ${fixture.control} as weakened`, () => {
      const { code, stdout, stacks } = diffOf(edited(fixture.weaken));
      expect(stacks.length).toBeGreaterThan(0);
      expect(stdout).toMatch(weakenedLine(fixture.control));
      expect(stdout).toMatch(new RegExp(`^weakened controls: .*\\b${fixture.control}\\b`, 'm'));
      expect(code).toBe(1);
    });

    test(`${fixture.control}, DEL-PR-CONTROLS-DIFF: the neutral edit of a resource its rules read leaves ${fixture.control} unreported as weakened`, () => {
      const head = edited(fixture.neutral);
      // A neutral edit that changes nothing, or nothing the control's rules read, proves nothing.
      const touched = [...changedResourceTypes(head)];
      expect(touched.length).toBeGreaterThan(0);
      expect(touched.filter((t) => RULE_TYPES.get(fixture.control)?.has(t))).not.toEqual([]);
      expect(diffOf(head).stdout).not.toMatch(weakenedLine(fixture.control));
    });
  });
});

describe('weakening fixtures cover the diff rules', () => {
  test('DEL-PR-CONTROLS-DIFF: diffing only the changed resources reports what diffing the whole changed stacks reports', () => {
    expect(FIXTURES.length).toBeGreaterThan(0);
    // One weakening and one neutral edit per area file: the whole stacks cost tens of milliseconds each.
    const samples = AREA_FILES.map((file) => FIXTURES.find((f) => f.area === path.basename(file, '.ts'))!).filter(Boolean);
    expect(samples.length).toBe(AREA_FILES.length);
    for (const fixture of samples) {
      for (const edit of [fixture.weaken, fixture.neutral]) {
        const head = edited(edit);
        expect(diffOf(head).stdout).toBe(diffOf(head, true).stdout);
      }
    }
  });

  test('DEL-PR-CONTROLS-DIFF: every control with diff rules in its catalog entry has a weakening fixture', () => {
    const ruled = CATALOG.filter((c) => c.kind === 'enforced' && c.diff !== undefined && 'rules' in c.diff).map((c) => c.id);
    expect(ruled.length).toBeGreaterThan(0);
    expect([...RULE_TYPES.keys()].sort()).toEqual([...ruled].sort());
    const covered = new Set(FIXTURES.map((f) => f.control as string));
    expect(ruled.filter((c) => !covered.has(c)).sort()).toEqual([]);
  });

  test('DEL-PR-CONTROLS-DIFF: every weakening fixture names a control the diff has rules for', () => {
    expect(FIXTURES.length).toBeGreaterThan(0);
    expect(FIXTURES.filter((f) => !RULE_TYPES.has(f.control)).map((f) => `${f.area}: ${f.control}`)).toEqual([]);
  });

  test('DEL-PR-CONTROLS-DIFF: a weakening that finds nothing to edit throws instead of passing', () => {
    // Every fixture's weaken must throw on templates without its resources (types.ts).
    expect(FIXTURES.length).toBeGreaterThan(0);
    const silent = FIXTURES.filter((f) => {
      try {
        f.weaken({ 'production/Empty': { Resources: {} } });
        return true;
      } catch {
        return false;
      }
    });
    expect(silent.map((f) => `${f.area}: ${f.control}: ${f.title}`)).toEqual([]);
  });
});

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

/** The changes of one control when one resource goes from `before` to `after` (undefined: absent). */
const changesOfControl = (control: string, before: Record<string, any> | undefined, after: Record<string, any> | undefined) => changesOf(diffOneResource(before, after), control);

const role = (props: Record<string, any>): Record<string, any> => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] },
    ...props,
  },
});
const alarm = (props: Record<string, any>) => ({ Type: 'AWS::CloudWatch::Alarm', Properties: { ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 1, EvaluationPeriods: 1, AlarmActions: ['arn:topic'], ...props } });
const lockedBucket = (retention: Record<string, any>, tags: Array<{ Key: string; Value: string }> = []) => ({
  Type: 'AWS::S3::Bucket',
  Properties: { ObjectLockEnabled: true, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: retention } }, Tags: tags },
});

describe('diff rules of the identity, audit, monitoring and backup controls, one change at a time', () => {
  test('IAM-STAFF-ROLES: a new trusted account is weakened, and leaving MaxSessionDuration out means IAM\'s one hour', () => {
    const before = role({ MaxSessionDuration: 7200 });
    const after = role({});
    after.Properties.AssumeRolePolicyDocument.Statement[0].Principal.AWS = ['arn:aws:iam::111111111111:root', 'arn:aws:iam::333333333333:root'];
    expect(changesOfControl('IAM-STAFF-ROLES', before, after)).toEqual([
      ['weakened', 'trust policy principal arn:aws:iam::333333333333:root added'],
      ['strengthened', 'MaxSessionDuration 7200 → 3600'],
    ]);
  });

  test('IAM-STAFF-ROLES: an IAM access key added is weakened; a service role is not a staff role', () => {
    expect(changesOfControl('IAM-STAFF-ROLES', undefined, { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'x' } })).toEqual([['weakened', 'IAM access key (long-term credential) added']]);
    const service = (seconds: number) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] }, MaxSessionDuration: seconds } });
    expect(changesOfControl('IAM-STAFF-ROLES', service(3600), service(43200))).toEqual([]);
  });

  test('IAM-PASSWORD-POLICY: removing the expiry and a character class is weakened', () => {
    const policy = (props: Record<string, any>) => ({ Type: 'Custom::AccountPasswordPolicy', Properties: { ServiceToken: 'arn:fn', ...props } });
    expect(changesOfControl('IAM-PASSWORD-POLICY', policy({ MaxPasswordAge: 90, RequireSymbols: true }), policy({}))).toEqual([
      ['weakened', 'RequireSymbols true → (absent)'],
      ['weakened', 'MaxPasswordAge 90 → (absent)'],
    ]);
  });

  test('IAM-REGION-GUARDRAIL, IAM-MFA-USERS: an action exempted from a guardrail is weakened, the guardrail removed with its policy too', () => {
    const guard = (notAction: string[]) => ({
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: { PolicyDocument: { Statement: [{ Effect: 'Deny', NotAction: notAction, Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['ap-southeast-1'] } } }] } },
    });
    expect(changesOfControl('IAM-REGION-GUARDRAIL', guard(['iam:*']), guard(['iam:*', 's3:*']))).toEqual([['weakened', 's3:* exempted from the region guardrail']]);
    expect(changesOfControl('IAM-REGION-GUARDRAIL', guard(['iam:*']), undefined)).toEqual([['weakened', 'region guardrail removed with its policy']]);
    expect(changesOfControl('IAM-MFA-USERS', guard(['iam:*']), undefined)).toEqual([]);
  });

  test('IAM-NO-WILDCARD-ADMIN, IAM-CUSTOMER-DATA-RESTRICTED: a new inline * on * and a removed deny policy are weakened', () => {
    const admin = role({ Policies: [{ PolicyName: 'all', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] });
    expect(changesOfControl('IAM-NO-WILDCARD-ADMIN', role({}), admin)).toEqual([['weakened', '1 statement(s) allowing * on * added']]);
    const deny = { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Deny', Action: ['s3:GetObject', 'logs:Unmask'], Resource: '*' }] } } };
    expect(changesOfControl('IAM-CUSTOMER-DATA-RESTRICTED', deny, undefined)).toEqual([['weakened', 'policy with 2 explicit deny(s) removed']]);
  });

  test('INC-FINDING-ROUTING, IAM-BREAK-GLASS-ALERT: a new filter on the pattern narrows it, a removed rule is weakened, a rule of another kind is not theirs', () => {
    const rule = (pattern: Record<string, any>) => ({ Type: 'AWS::Events::Rule', Properties: { State: 'ENABLED', EventPattern: pattern, Targets: [{ Id: 'T', Arn: 'arn:topic' }] } });
    const root = { source: ['aws.signin'], detail: { userIdentity: { type: ['Root'] } } };
    expect(changesOfControl('INC-FINDING-ROUTING', rule(root), rule({ ...root, region: ['us-east-1'] }))).toEqual([['weakened', 'event pattern now also requires region ["us-east-1"]']]);
    expect(changesOfControl('INC-FINDING-ROUTING', rule(root), undefined)).toEqual([['weakened', 'finding routing rule removed']]);
    expect(changesOfControl('IAM-BREAK-GLASS-ALERT', rule(root), undefined)).toEqual([]);
  });

  test('IAM-BREAK-GLASS-ALERT: ENABLED instead of ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS misses AssumeRole and is weakened', () => {
    const rule = (state: string) => ({
      Type: 'AWS::Events::Rule',
      Properties: { State: state, EventPattern: { source: ['aws.sts'], detail: { requestParameters: { roleArn: ['arn:role/x-break-glass'] } } }, Targets: [{ Id: 'T', Arn: 'arn:topic' }] },
    });
    expect(changesOfControl('IAM-BREAK-GLASS-ALERT', rule('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'), rule('ENABLED'))).toEqual([['weakened', 'State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS → ENABLED']]);
  });

  test('SIGNIN-APP-CLIENT: a longer token lifetime in other units is weakened, an HTTP callback too', () => {
    const client = (props: Record<string, any>) => ({ Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'p', ...props } });
    expect(changesOfControl('SIGNIN-APP-CLIENT', client({ AccessTokenValidity: 15, TokenValidityUnits: { AccessToken: 'minutes' } }), client({ AccessTokenValidity: 1 }))).toEqual([
      ['weakened', 'AccessTokenValidity (seconds) 900 → 3600'],
    ]);
    expect(changesOfControl('SIGNIN-APP-CLIENT', client({ CallbackURLs: ['https://a/cb'] }), client({ CallbackURLs: ['https://a/cb', 'http://a/cb'] }))).toEqual([['weakened', 'callback URL http://a/cb without HTTPS added']]);
  });

  test('SIGNIN-FEDERATION: a client secret written into the template is weakened', () => {
    const idp = (secret: string) => ({ Type: 'AWS::Cognito::UserPoolIdentityProvider', Properties: { ProviderName: 'Google', ProviderDetails: { client_secret: secret, authorize_scopes: 'openid email' } } });
    expect(changesOfControl('SIGNIN-FEDERATION', idp('{{resolve:secretsmanager:arn:secret}}'), idp('plain-secret'))).toEqual([['weakened', 'Google secret no longer read from Secrets Manager']]);
  });

  test('SIGNIN-AUTH-LOGGING: removing the configuration is weakened', () => {
    const config = { Type: 'AWS::Cognito::LogDeliveryConfiguration', Properties: { LogConfigurations: [{ EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: 'arn:b' } }] } };
    expect(changesOfControl('SIGNIN-AUTH-LOGGING', config, undefined)).toEqual([['weakened', 'authentication event delivery removed']]);
  });

  test('AUD-TRAIL-BUCKET, BAK-LEGAL-ARCHIVE: the backup tag tells the archive from audit logs; an earlier expiry of audit logs is weakened', () => {
    const tags = [{ Key: BACKUP_TAG.key, Value: BACKUP_TAG.value }];
    expect(changesOfControl('BAK-LEGAL-ARCHIVE', lockedBucket({ Mode: 'COMPLIANCE', Years: 7 }, tags), lockedBucket({ Mode: 'COMPLIANCE', Days: 365 }, tags))).toEqual([
      ['weakened', 'Object Lock default retention (days) 2555 → 365'],
    ]);
    expect(changesOfControl('AUD-TRAIL-BUCKET', lockedBucket({ Mode: 'COMPLIANCE', Years: 7 }, tags), lockedBucket({ Mode: 'COMPLIANCE', Days: 365 }, tags))).toEqual([]);
    const expiring = (days: number) => ({ ...lockedBucket({ Mode: 'COMPLIANCE', Days: 365 }), Properties: { ...lockedBucket({ Mode: 'COMPLIANCE', Days: 365 }).Properties, LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: days }] } } });
    expect(changesOfControl('AUD-TRAIL-BUCKET', expiring(400), expiring(200))).toEqual([['weakened', 'lifecycle ExpirationInDays 400 → 200']]);
  });

  test('LOG-NO-CLIENT-CONTENT: removing a masked identifier, logging statement durations and logging every WAF request are weakened', () => {
    const group = (ids: string[]) => ({ Type: 'AWS::Logs::LogGroup', Properties: { DataProtectionPolicy: { Statement: [{ DataIdentifier: ids, Operation: { Deidentify: { MaskConfig: {} } } }] } } });
    expect(changesOfControl('LOG-NO-CLIENT-CONTENT', group(['arn:x/EmailAddress', 'arn:x/Name']), group(['arn:x/Name']))).toEqual([['weakened', 'masking of EmailAddress removed']]);
    const params = (v: string) => ({ Type: 'AWS::RDS::DBClusterParameterGroup', Properties: { Family: 'f', Parameters: { log_min_duration_statement: v } } });
    expect(changesOfControl('LOG-NO-CLIENT-CONTENT', params('-1'), params('0'))).toEqual([['weakened', 'log_min_duration_statement -1 → 0']]);
    const waf = (filter: unknown) => ({ Type: 'AWS::WAFv2::LoggingConfiguration', Properties: { ResourceArn: 'a', LogDestinationConfigs: ['d'], RedactedFields: [{ QueryString: {} }], LoggingFilter: filter } });
    expect(changesOfControl('LOG-NO-CLIENT-CONTENT', waf({ DefaultBehavior: 'DROP', Filters: [] }), waf(undefined))).toEqual([['weakened', 'WAF now logs every request']]);
  });

  test('MON-CIS-ALARMS, MON-OPERATIONAL-ALARMS, INC-ALERT-DELIVERY: each alarm belongs to one of them; a lower "less than" threshold and more periods are weakened', () => {
    const cis = alarm({ Namespace: CIS_METRIC_NAMESPACE, MetricName: 'RootAccountUse' });
    expect(changesOfControl('MON-CIS-ALARMS', cis, undefined)).toEqual([['weakened', `CIS alarm on ${CIS_METRIC_NAMESPACE}/RootAccountUse removed`]]);
    expect(changesOfControl('MON-OPERATIONAL-ALARMS', cis, undefined)).toEqual([]);
    const tasks = (threshold: number, periods: number) => alarm({ Namespace: 'ECS/ContainerInsights', MetricName: 'RunningTaskCount', ComparisonOperator: 'LessThanThreshold', Threshold: threshold, EvaluationPeriods: periods });
    expect(changesOfControl('MON-OPERATIONAL-ALARMS', tasks(3, 1), tasks(1, 3))).toEqual([
      ['weakened', 'ECS/ContainerInsights/RunningTaskCount Threshold 3 → 1'],
      ['weakened', 'ECS/ContainerInsights/RunningTaskCount EvaluationPeriods 1 → 3'],
    ]);
    const depth = alarm({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible' });
    expect(changesOfControl('INC-ALERT-DELIVERY', depth, undefined)).toEqual([['weakened', 'dead-letter alarm on AWS/SQS/ApproximateNumberOfMessagesVisible removed']]);
    expect(changesOfControl('MON-OPERATIONAL-ALARMS', depth, undefined)).toEqual([]);
  });

  test('INC-ALARM-ACTIONS: an alarm added without actions and an action removed are weakened', () => {
    expect(changesOfControl('INC-ALARM-ACTIONS', undefined, alarm({ MetricName: 'Errors', AlarmActions: [] }))).toEqual([['weakened', 'alarm on Errors added without actions']]);
    expect(changesOfControl('INC-ALARM-ACTIONS', alarm({ AlarmActions: ['arn:a', 'arn:b'] }), alarm({ AlarmActions: ['arn:a'] }))).toEqual([['weakened', 'AlarmActions arn:b removed']]);
  });

  test('INC-ALERT-DELIVERY: a subscription without a RedrivePolicy, a longer retry and a shorter dead-letter retention are weakened', () => {
    expect(changesOfControl('INC-ALERT-DELIVERY', undefined, { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'email', Endpoint: 'a@b', TopicArn: 't' } })).toEqual([
      ['weakened', 'subscription added without a RedrivePolicy'],
    ]);
    const rule = (age?: number) => ({ Type: 'AWS::Events::Rule', Properties: { Targets: [{ Id: 'T', Arn: 'arn:topic', DeadLetterConfig: { Arn: 'arn:q' }, ...(age ? { RetryPolicy: { MaximumEventAgeInSeconds: age } } : {}) }] } });
    expect(changesOfControl('INC-ALERT-DELIVERY', rule(3600), rule())).toEqual([['weakened', 'target T MaximumEventAgeInSeconds 3600 → 86400']]);
    const queue = (seconds: number, tagged: boolean) => ({ Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: seconds, Tags: tagged ? [{ Key: ALERT_DEAD_LETTERS_TAG.key, Value: ALERT_DEAD_LETTERS_TAG.value }] : [] } });
    expect(changesOfControl('INC-ALERT-DELIVERY', queue(1209600, true), queue(86400, true))).toEqual([['weakened', 'MessageRetentionPeriod 1209600 → 86400']]);
    expect(changesOfControl('INC-ALERT-DELIVERY', queue(1209600, false), queue(86400, false))).toEqual([]);
  });

  test('BAK-PITR, BAK-SELECTIONS, BAK-RESIDENCY: a shorter or unstated continuous window, a narrower selection and a removed copy', () => {
    const plan = (rules: any[]) => ({ Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: rules } } });
    const continuous = (days: number) => ({ RuleName: 'Continuous', EnableContinuousBackup: true, Lifecycle: { DeleteAfterDays: days } });
    expect(changesOfControl('BAK-PITR', plan([continuous(35)]), plan([continuous(7)]))).toEqual([['weakened', 'continuous backup DeleteAfterDays 35 → 7']]);
    const unbounded = { RuleName: 'Continuous', EnableContinuousBackup: true };
    expect(changesOfControl('BAK-PITR', plan([continuous(35)]), plan([unbounded]))).toEqual([['weakened', 'continuous backup DeleteAfterDays 35 → 0']]);
    const daily = (copies: any[]) => ({ RuleName: 'Daily', Lifecycle: { DeleteAfterDays: 7 }, CopyActions: copies });
    expect(changesOfControl('BAK-RESIDENCY', plan([daily([{ DestinationBackupVaultArn: 'arn:dr' }])]), plan([daily([])]))).toEqual([['neutral', 'copy to arn:dr removed']]);
    const selection = (resources: string[]) => ({ Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: 'p', BackupSelection: { SelectionName: 's', IamRoleArn: 'r', Resources: resources } } });
    expect(changesOfControl('BAK-SELECTIONS', selection(['arn:aws:rds:*', 'arn:aws:s3:::*']), selection(['arn:aws:rds:*']))).toEqual([['weakened', 'selected resources arn:aws:s3:::* removed']]);
  });

  test('MON-GUARDDUTY, SIGNIN-THREAT-PROTECTION: a protection plan disabled and a risk action loosened are weakened', () => {
    const detector = (status: string) => ({ Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true, Features: [{ Name: 'RDS_LOGIN_EVENTS', Status: status }] } });
    expect(changesOfControl('MON-GUARDDUTY', detector('ENABLED'), detector('DISABLED'))).toEqual([['weakened', 'feature RDS_LOGIN_EVENTS no longer enabled']]);
    const risk = (action: string) => ({ Type: 'AWS::Cognito::UserPoolRiskConfigurationAttachment', Properties: { UserPoolId: 'p', ClientId: 'ALL', CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: action } } } });
    expect(changesOfControl('SIGNIN-THREAT-PROTECTION', risk('BLOCK'), risk('NO_ACTION'))).toEqual([['weakened', 'compromised credentials EventAction BLOCK → NO_ACTION']]);
  });
});
