/**
 * Weakening fixtures of the network controls (lib/controls/catalog/network.ts), run by
 * test/controls-diff-weakenings.test.ts.
 */
import { statementsOf } from '../../lib/controls/diff-rules';
import { DATABASE_PORT } from '../../lib/constants/ports';
import { add, first, isTrueish, remove, resources, tag } from './edit';
import type { Templates, Weakening } from './types';

/** A network ACL entry that admits the database port from a CIDR of the VPC. */
const databaseEntry = (t: Templates) =>
  first(t, 'AWS::EC2::NetworkAclEntry', (p) => !isTrueish(p.Egress) && p.RuleAction === 'allow' && p.PortRange?.From === DATABASE_PORT && p.CidrBlock !== '0.0.0.0/0', 'NACL entry admitting the database port');

/** A security group with inline ingress rules. */
const groupWithIngress = (t: Templates) => first(t, 'AWS::EC2::SecurityGroup', (p) => (p.SecurityGroupIngress ?? []).length > 0, 'security group with inline ingress');

/** An interface endpoint whose policy admits only principals of this account. */
const scopedEndpoint = (t: Templates) =>
  first(t, 'AWS::EC2::VPCEndpoint', (p) => statementsOf(p.PolicyDocument).some((st) => st.Condition?.StringEquals?.['aws:PrincipalAccount'] !== undefined), 'endpoint with an account-scoped policy');

/** The logical IDs of the route tables of a stack that have no route to the internet (the isolated tier). */
function routeTablesWithoutDefaultRoute(t: Templates): Array<{ stack: string; id: string }> {
  const withDefault = new Set(resources(t, 'AWS::EC2::Route', (p) => p.DestinationCidrBlock === '0.0.0.0/0', 'default route').map((r) => `${r.stack}|${r.props.RouteTableId?.Ref}`));
  return resources(t, 'AWS::EC2::RouteTable')
    .filter((r) => !withDefault.has(`${r.stack}|${r.logicalId}`))
    .map((r) => ({ stack: r.stack, id: r.logicalId }));
}

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'NET-NACLS',
    title: "opens the data tier's database-port NACL entry to 0.0.0.0/0",
    weaken: (t) => {
      databaseEntry(t).props.CidrBlock = '0.0.0.0/0';
    },
    neutral: (t) => {
      // Narrows the entry to the first half of its range: still no allow from anywhere.
      const entry = databaseEntry(t);
      const [ip, length] = String(entry.props.CidrBlock).split('/');
      entry.props.CidrBlock = `${ip}/${Number(length) + 1}`;
    },
  },
  {
    control: 'NET-FLOW-LOGS',
    title: 'removes the VPC flow log',
    weaken: (t) => remove(t, first(t, 'AWS::EC2::FlowLog')),
    neutral: (t) => tag(first(t, 'AWS::EC2::FlowLog')),
  },
  {
    control: 'NET-DEFAULT-SG-CLOSED',
    title: "removes the custom resource that empties the default security group's rules",
    weaken: (t) => remove(t, first(t, 'Custom::VpcRestrictDefaultSG')),
    neutral: (t) => {
      // What moving the construct does to it: its metadata (construct path) changes.
      first(t, 'Custom::VpcRestrictDefaultSG').resource.Metadata = { 'aws:cdk:path': 'production/Network/Vpc/RestrictDefaultSecurityGroup/Moved' };
    },
  },
  {
    control: 'NET-NO-ADMIN-PORTS',
    title: 'admits SSH from inside the VPC on a security group',
    weaken: (t) => {
      groupWithIngress(t).props.SecurityGroupIngress.push({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.0.0.0/8', Description: 'SSH for debugging' });
    },
    neutral: (t) => {
      groupWithIngress(t).props.SecurityGroupIngress[0].Description = 'Reworded description';
    },
  },
  {
    control: 'NET-MULTI-AZ',
    title: 'removes the NAT gateway of one zone',
    weaken: (t) => {
      const gateways = resources(t, 'AWS::EC2::NatGateway');
      remove(t, gateways[gateways.length - 1]);
    },
    neutral: (t) => tag(first(t, 'AWS::EC2::NatGateway')),
  },
  {
    control: 'NET-TIERED-SUBNETS',
    title: 'makes a subnet assign public IP addresses on launch',
    weaken: (t) => {
      first(t, 'AWS::EC2::Subnet', (p) => p.MapPublicIpOnLaunch === false, 'subnet without public IPs').props.MapPublicIpOnLaunch = true;
    },
    neutral: (t) => tag(first(t, 'AWS::EC2::Subnet')),
  },
  {
    control: 'NET-TIERED-SUBNETS',
    title: 'gives an isolated route table a route to the internet through a NAT gateway',
    weaken: (t) => {
      const [isolated] = routeTablesWithoutDefaultRoute(t);
      if (!isolated) throw new Error('no route table without a default route');
      const nat = first(t, 'AWS::EC2::NatGateway');
      add(t, isolated.stack, 'IsolatedDefaultRoute', { Type: 'AWS::EC2::Route', Properties: { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: nat.logicalId }, RouteTableId: { Ref: isolated.id } } });
    },
    neutral: (t) => {
      // A route to a peered network's range is no route to the internet.
      const [isolated] = routeTablesWithoutDefaultRoute(t);
      if (!isolated) throw new Error('no route table without a default route');
      add(t, isolated.stack, 'IsolatedPeeringRoute', { Type: 'AWS::EC2::Route', Properties: { DestinationCidrBlock: '10.20.0.0/16', VpcPeeringConnectionId: 'pcx-0123456789abcdef0', RouteTableId: { Ref: isolated.id } } });
    },
  },
  {
    control: 'NET-PRIVATE-ENDPOINTS',
    title: 'removes an interface endpoint',
    weaken: (t) => remove(t, scopedEndpoint(t)),
    neutral: (t) => tag(scopedEndpoint(t)),
  },
  {
    control: 'NET-PRIVATE-ENDPOINTS',
    title: "drops the account condition from an interface endpoint's policy",
    weaken: (t) => {
      for (const st of statementsOf(scopedEndpoint(t).props.PolicyDocument)) delete st.Condition;
    },
    neutral: (t) => {
      for (const st of statementsOf(scopedEndpoint(t).props.PolicyDocument)) st.Sid = 'OnlyThisAccount';
    },
  },
  {
    control: 'NET-OPERATOR-ACCESS',
    title: 'authorizes every Client VPN group to a private subnet',
    weaken: (t) => {
      first(t, 'AWS::EC2::ClientVpnAuthorizationRule', (p) => p.AuthorizeAllGroups === false, 'group-bound Client VPN authorization').props.AuthorizeAllGroups = true;
    },
    neutral: (t) => {
      first(t, 'AWS::EC2::ClientVpnAuthorizationRule').props.Description = 'Platform operators to the private tier';
    },
  },
  {
    control: 'NET-OPERATOR-ACCESS',
    title: 'turns ECS Exec on for the workload service',
    weaken: (t) => {
      first(t, 'AWS::ECS::Service', (p) => p.EnableExecuteCommand === false, 'service with ECS Exec off').props.EnableExecuteCommand = true;
    },
    neutral: (t) => {
      first(t, 'AWS::ECS::Service').props.HealthCheckGracePeriodSeconds = 90;
    },
  },
];
