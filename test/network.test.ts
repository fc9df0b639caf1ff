import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { cidrRange, cidrsOverlap } from '../lib/aws-facts/cidr';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { ALB_MIN_SUBNET_MASK, SecureVpc } from '../lib/constructs/network/secure-vpc';
import { allResources, crossStackRef, ENV_NAMES, template, templateJson } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));

/** Subnets of one tier (`Public`, `Private`, `Isolated`) with their zones. */
function subnets(env: string, tier: string): Array<{ id: string; az: string; props: any }> {
  return Object.entries<any>(templateJson(env, 'Network').Resources)
    .filter(([, r]) => r.Type === 'AWS::EC2::Subnet' && r.Properties.Tags.some((t: any) => t.Key === 'aws-cdk:subnet-name' && t.Value === tier))
    .map(([id, r]) => ({ id, az: r.Properties.AvailabilityZone, props: r.Properties }));
}

/** Route table IDs (logical) of a tier's subnets, and the routes in them. */
function routesOf(env: string, tier: string): any[] {
  const resources = templateJson(env, 'Network').Resources;
  const subnetIds = new Set(subnets(env, tier).map((s) => s.id));
  const tables = new Set(
    Object.values<any>(resources)
      .filter((r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation' && subnetIds.has(r.Properties.SubnetId.Ref))
      .map((r) => r.Properties.RouteTableId.Ref),
  );
  return Object.values<any>(resources).filter((r) => r.Type === 'AWS::EC2::Route' && tables.has(r.Properties.RouteTableId.Ref));
}

/**
 * Every place a value of one of `ids` is used in the properties of `value`: a `Ref`, a
 * `Fn::GetAtt`, or a cross-stack reference whose output or export name embeds the logical ID.
 * Returns the top-level property under which each use sits.
 */
function usesOf(value: any, ids: readonly string[], property = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => usesOf(v, ids, property));
  if (value === null || typeof value !== 'object') return [];
  const local = [value.Ref, value['Fn::GetAtt']?.[0]];
  const remote = crossStackRef(value);
  if (ids.some((id) => local.includes(id) || (remote !== '' && remote.includes(id)))) return [property];
  return Object.entries(value).flatMap(([k, v]) => usesOf(v, ids, property || k));
}

describe.each(ENV_NAMES)('network of %s', (env) => {
  const config = CONFIGS[env];

  test('NET-MULTI-AZ: every tier has one subnet in each configured availability zone', () => {
    for (const tier of ['Public', 'Private', 'Isolated']) {
      expect(subnets(env, tier).map((s) => s.az).sort()).toEqual([...config.availabilityZones].sort());
    }
  });

  test('FND-AZ-COUNT: the VPC spans the configured zones, at least 3 in production', () => {
    const zones = new Set(subnets(env, 'Private').map((s) => s.az));
    expect(zones.size).toBe(config.availabilityZones.length);
    if (config.tier === 'production') expect(zones.size).toBeGreaterThanOrEqual(3);
  });

  test('NET-TIERED-SUBNETS: public subnets route to the internet gateway and assign no public IPs', () => {
    for (const s of subnets(env, 'Public')) expect(s.props.MapPublicIpOnLaunch).toBe(false);
    const routes = routesOf(env, 'Public');
    expect(routes.length).toBe(config.availabilityZones.length);
    for (const r of routes) expect(r.Properties).toEqual(expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: expect.anything() }));
  });

  test('NET-TIERED-SUBNETS: private subnets reach the internet only outbound, through NAT gateways', () => {
    const routes = routesOf(env, 'Private');
    expect(routes.length).toBe(config.availabilityZones.length);
    for (const r of routes) {
      expect(r.Properties.NatGatewayId).toBeDefined();
      expect(r.Properties.GatewayId).toBeUndefined();
    }
    template(env, 'Network').resourceCountIs('AWS::EC2::NatGateway', config.network.natGateways);
  });

  test('NET-TIERED-SUBNETS: nothing but the load balancer, the NAT gateways and the subnets\' own route-table and ACL associations uses a public subnet', () => {
    const publicIds = subnets(env, 'Public').map((s) => s.id);
    const uses = allResources()
      .filter((r) => r.env === env)
      .flatMap((r) => usesOf(r.props, publicIds).map((property) => `${r.stackId} ${r.type} ${property}`));
    const allowed = new Set([
      'Network AWS::EC2::SubnetRouteTableAssociation SubnetId',
      'Network AWS::EC2::SubnetNetworkAclAssociation SubnetId',
      'Network AWS::EC2::NatGateway SubnetId',
      'Workload AWS::ElasticLoadBalancingV2::LoadBalancer Subnets',
    ]);
    expect([...new Set(uses)].filter((u) => !allowed.has(u))).toEqual([]);
    // The check sees what it judges: the load balancer spans every public subnet, and the NAT gateways sit in them.
    expect(uses.filter((u) => u.endsWith('LoadBalancer Subnets'))).toHaveLength(publicIds.length);
    expect(uses.filter((u) => u.includes('NatGateway'))).toHaveLength(config.network.natGateways);
  });

  test('NET-MULTI-AZ: each private subnet\'s default route goes to a NAT gateway in its own zone wherever that zone has one (every zone in production)', () => {
    const resources = templateJson(env, 'Network').Resources;
    const zoneOfSubnet = new Map(subnets(env, 'Public').map((s) => [s.id, s.az]));
    const natZones = Object.entries<any>(resources)
      .filter(([, r]) => r.Type === 'AWS::EC2::NatGateway')
      .map(([id, r]) => [id, zoneOfSubnet.get(r.Properties.SubnetId.Ref)] as const);
    const zoneOfNat = new Map(natZones);
    for (const s of subnets(env, 'Private')) {
      const table = Object.values<any>(resources).find((r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation' && r.Properties.SubnetId.Ref === s.id)!.Properties.RouteTableId.Ref;
      const routes = Object.values<any>(resources).filter((r) => r.Type === 'AWS::EC2::Route' && r.Properties.RouteTableId.Ref === table);
      expect(routes.map((r) => r.Properties.DestinationCidrBlock)).toEqual(['0.0.0.0/0']);
      const natZone = zoneOfNat.get(routes[0].Properties.NatGatewayId.Ref);
      expect(natZone).toBeDefined();
      if (natZones.some(([, az]) => az === s.az)) expect({ subnet: s.az, nat: natZone }).toEqual({ subnet: s.az, nat: s.az });
    }
    if (config.tier === 'production') {
      expect(natZones.map(([, az]) => az).sort()).toEqual([...config.availabilityZones].sort());
    }
  });

  test('NET-TIERED-SUBNETS: isolated subnets have no route to the internet at all', () => {
    expect(subnets(env, 'Isolated')).toHaveLength(config.availabilityZones.length);
    expect(routesOf(env, 'Isolated')).toEqual([]);
  });

  test('NET-FLOW-LOGS: the VPC logs ALL traffic to a KMS-encrypted log group with retention', () => {
    const resources = templateJson(env, 'Network').Resources;
    const flowLogs = Object.values<any>(resources).filter((r) => r.Type === 'AWS::EC2::FlowLog');
    expect(flowLogs).toHaveLength(1);
    const [flowLog] = flowLogs;
    expect(flowLog.Properties).toEqual(
      expect.objectContaining({
        ResourceType: 'VPC',
        ResourceId: { Ref: expect.stringMatching(/^Vpc[0-9A-F]{8}$/) },
        TrafficType: 'ALL',
        LogDestinationType: 'cloud-watch-logs',
        DeliverLogsPermissionArn: expect.anything(),
        LogGroupName: { Ref: expect.any(String) },
      }),
    );
    // The group the flow log writes to, not any encrypted group of the stack.
    const group = resources[flowLog.Properties.LogGroupName.Ref];
    expect(group.Type).toBe('AWS::Logs::LogGroup');
    expect(group.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^LogKey/), 'Arn'] });
    expect(resources[group.Properties.KmsKeyId['Fn::GetAtt'][0]].Type).toBe('AWS::KMS::Key');
    expect(group.Properties.RetentionInDays).toBe(config.logs.retentionDays);
  });

  test('NET-DEFAULT-SG-CLOSED: the default security group is stripped of its rules', () => {
    template(env, 'Network').hasResourceProperties('Custom::VpcRestrictDefaultSG', {
      DefaultSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'DefaultSecurityGroup'] },
    });
  });
});

describe('NET-TIERED-SUBNETS: the smallest VPC in the most zones (built in-process)', () => {
  // /20 across six zones: 1/256 of the VPC would be /28, which an Application Load Balancer refuses.
  const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Small', { env: { account: '111111111111', region: 'ap-southeast-1' } });
  new SecureVpc(stack, 'Vpc', {
    cidr: '10.30.0.0/20',
    availabilityZones: 'abcdef'.split('').map((l) => `ap-southeast-1${l}`),
    natGateways: 1,
    logKey: new kms.Key(stack, 'Key'),
    logRetentionDays: 30,
    targetPort: 80,
  });
  const subnetsByTier = Object.values<any>(Template.fromStack(stack).findResources('AWS::EC2::Subnet')).reduce<Record<string, string[]>>((acc, r) => {
    const tier = r.Properties.Tags.find((t: any) => t.Key === 'aws-cdk:subnet-name').Value;
    (acc[tier] ??= []).push(r.Properties.CidrBlock);
    return acc;
  }, {});

  test('NET-TIERED-SUBNETS: public subnets are never smaller than the /27 a load balancer needs, and every tier still gets a subnet in each zone', () => {
    expect(subnetsByTier.Public.map((c) => c.split('/')[1])).toEqual(Array(6).fill(String(ALB_MIN_SUBNET_MASK)));
    expect(subnetsByTier.Private).toHaveLength(6);
    expect(subnetsByTier.Isolated).toHaveLength(6);
  });

  test('NET-TIERED-SUBNETS: the subnets fit the VPC and do not overlap', () => {
    const all = Object.values(subnetsByTier).flat();
    const vpc = cidrRange('10.30.0.0/20');
    for (const c of all) {
      const { first, last } = cidrRange(c);
      expect(first >= vpc.first && last <= vpc.last).toBe(true);
    }
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect({ a, b, overlap: cidrsOverlap(a, b) }).toEqual({ a, b, overlap: false });
  });
});
