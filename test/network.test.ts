import { Match } from 'aws-cdk-lib/assertions';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';
import { ENV_NAMES, template, templateJson } from './support/synth';

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

  test('NET-TIERED-SUBNETS: isolated subnets have no route to the internet at all', () => {
    expect(subnets(env, 'Isolated')).toHaveLength(config.availabilityZones.length);
    expect(routesOf(env, 'Isolated')).toEqual([]);
  });

  test('NET-FLOW-LOGS: the VPC logs ALL traffic to a KMS-encrypted log group with retention', () => {
    const t = template(env, 'Network');
    t.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      DeliverLogsPermissionArn: Match.anyValue(),
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LogKey'), 'Arn'] },
      RetentionInDays: config.logs.retentionDays,
    });
  });

  test('NET-DEFAULT-SG-CLOSED: the default security group is stripped of its rules', () => {
    template(env, 'Network').hasResourceProperties('Custom::VpcRestrictDefaultSG', {
      DefaultSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'DefaultSecurityGroup'] },
    });
  });
});
