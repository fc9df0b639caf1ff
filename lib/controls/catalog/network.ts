import { arrow, byRank, enforcingResource, entryVerdicts, flag, list, prop, same, show } from '../diff-builders';
import { describeAdminRule, ingressRules, naclEntryDescription } from '../diff-builders-resources';
import type { Verdict } from '../diff-rule';
import { props } from '../evidence-predicates';
import { adminPorts, conditionValue, isAnywhere, isTrue, statementsOf, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const fargateWorkloadModule = () => import('../../constructs/workload/fargate-workload.js');
const httpsLoadBalancerModule = () => import('../../constructs/edge/https-load-balancer.js');
const operatorVpnModule = () => import('../../constructs/network/operator-vpn.js');
const privateEndpointsModule = () => import('../../constructs/network/private-endpoints.js');
const secureVpcModule = () => import('../../constructs/network/secure-vpc.js');
const tierNetworkAclsModule = () => import('../../constructs/network/tier-network-acls.js');

/*
 * Network controls (area 'network'): the multi-AZ VPC and what may reach what inside it.
 * Public, private and isolated subnet tiers with a network ACL per tier, flow logs of all
 * traffic, a closed default security group, VPC endpoints so that workloads reach AWS
 * privately, no SSH or RDP anywhere, and operator access only through SSM Session Manager or
 * an AWS Client VPN endpoint. The network stack builds them.
 */
export const NETWORK_CONTROLS: readonly Control[] = [
  {
    id: 'NET-MULTI-AZ',
    statement:
      'The VPC has a public, a private and an isolated subnet in every configured availability zone, with one NAT gateway per zone in production.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Our service runs on systems that are tolerant to failures of individual servers as well as entire data centers.',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'will continue to work should any one of those data centers fail unexpectedly',
      },
    ],
    kind: 'enforced',
    area: 'network',
    status: 'implemented',
    enforcement:
      'ec2.Vpc with availabilityZones from config and one subnet per tier per zone; natGateways from config, validated at most one per zone and, in production, exactly one per zone, so that each private subnet routes through the NAT gateway of its own zone.',
    detectors: {
      none: 'No managed Config rule or Security Hub control counts subnets or NAT gateways per zone; the database\'s multi-AZ detectors (DB-MULTI-AZ) watch what runs in them, and the VPC change alarm (MON-CIS-ALARMS) pages on any route or gateway change.',
    },
    enforcedBy: [exported(secureVpcModule, 'SecureVpc')],
    evidence: { what: 'the subnets (one per tier per zone) and NAT gateways', select: [{ types: ['AWS::EC2::Subnet', 'AWS::EC2::NatGateway'] }] },
    diff: {
      rules: [
        // A subnet or NAT gateway fewer leaves a zone without its tier or its own egress.
        enforcingResource(['AWS::EC2::Subnet'], 'subnet'),
        enforcingResource(['AWS::EC2::NatGateway'], 'NAT gateway'),
      ],
    },
  },
  {
    id: 'NET-TIERED-SUBNETS',
    statement:
      'Public subnets hold only the load balancer and NAT gateways, private subnets hold the workload, and isolated subnets hold data with no route to the internet; no subnet assigns public IPs on launch.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All of our servers are within our own virtual private cloud (VPC)',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Network access to our production environment from public networks is restricted.',
      },
    ],
    kind: 'enforced',
    area: 'network',
    status: 'implemented',
    enforcement:
      'Subnet configuration PUBLIC / PRIVATE_WITH_EGRESS / PRIVATE_ISOLATED; isolated route tables carry no 0.0.0.0/0 or ::/0 route; public subnets have MapPublicIpOnLaunch false and are never smaller than /27 (what an Application Load Balancer accepts, even in a /20 VPC). A test over every stack fails on any use of a public subnet other than the load balancer\'s Subnets, the NAT gateways and the subnets\' own route-table and network ACL associations.',
    detectors: {
      configRules: ['SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED'],
      securityHub: ['EC2.15'],
    },
    enforcedBy: [exported(secureVpcModule, 'SecureVpc')],
    evidence: {
      what: 'the subnets, with MapPublicIpOnLaunch off, and their route tables',
      select: [{ types: ['AWS::EC2::Subnet'], where: (r) => !isTrue(props(r).MapPublicIpOnLaunch) }, { types: ['AWS::EC2::RouteTable'] }],
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::EC2::Subnet'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const [b, a] = [isTrue(prop(before, 'MapPublicIpOnLaunch')), isTrue(prop(after, 'MapPublicIpOnLaunch'))];
            if (after === undefined || a === b) return undefined;
            if (a) return { direction: 'weakened', detail: `subnet ${before === undefined ? 'added with' : 'now has'} MapPublicIpOnLaunch true` };
            return before === undefined ? undefined : { direction: 'strengthened', detail: 'MapPublicIpOnLaunch true → false' };
          },
        },
        {
          // Which tier a route table serves is not in the route: a new way to the internet is for a
          // reviewer to confirm (the isolated tier must have none).
          resourceTypes: ['AWS::EC2::Route'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const [b, a] = [before?.Properties, after?.Properties];
            if (!isDefaultRoute(a)) return undefined;
            const destination = a!.DestinationCidrBlock ?? a!.DestinationIpv6CidrBlock;
            if (!isDefaultRoute(b)) return { direction: 'weakened', detail: `route to ${destination} via ${routeTarget(a)} added on route table ${show(a!.RouteTableId)}` };
            if (b!.GatewayId === undefined && a!.GatewayId !== undefined) return { direction: 'weakened', detail: `route to ${destination} now goes straight to ${routeTarget(a)} (was ${routeTarget(b)})` };
            return undefined;
          },
        },
      ],
    },
  },
  {
    id: 'NET-NACLS',
    statement:
      'Each subnet tier has its own network ACL: public admits only 443/80 and return traffic, private admits only traffic from the VPC plus the return traffic of its own NAT-translated connections, isolated admits only the database port and HTTPS (a GuardDuty endpoint may sit there) from the private tier; no new connection from 0.0.0.0/0 reaches private or isolated subnets.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'network access control lists (ACL’s) that prevent unauthorized requests getting to our internal network',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Only a small number of production servers and network protocols are accessible from the internet.',
      },
    ],
    kind: 'enforced',
    area: 'network',
    status: 'implemented',
    enforcement:
      'TierNetworkAcls: one ec2.NetworkAcl per tier associated with every subnet of the tier, entries through AclTraffic/AclCidr. Public admits TCP 443/80 and TCP return ports from anywhere and sends TCP 443 and return ports anywhere plus the target port (config workload.containerPort) to each private subnet CIDR; private admits the target port from each public subnet CIDR, TCP 443 and return ports from the VPC CIDR and, from 0.0.0.0/0, only TCP return ports and ICMP fragmentation-needed. That last entry is deliberate: NACLs are stateless, and the replies a NAT gateway hands back to the private tier still carry the internet server\'s address as their source, so without it every NAT\'d connection would time out; it opens no service, because private subnets have no route from the internet gateway and no public addresses, and NAT gateways drop unsolicited inbound connections. Isolated admits only DATABASE_PORT and TCP 443 (GuardDuty Runtime Monitoring places its guardduty-data endpoint in any subnet, by free addresses) from each private subnet CIDR and answers only them. Return-port ranges skip 22 and 3389, and the target port may be neither (validated in config and in the construct). Each NACL is acknowledged for AwsSolutions-VPC3 citing NET-NACLS.',
    detectors: {
      configRules: ['NACL_NO_UNRESTRICTED_SSH_RDP'],
      securityHub: ['EC2.21'],
    },
    enforcedBy: [exported(tierNetworkAclsModule, 'TierNetworkAcls')],
    evidence: {
      what: 'the tier NACLs, their entries and subnet associations',
      select: [{ types: ['AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation'] }],
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::EC2::NetworkAclEntry'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            const b = before?.Properties ?? {};
            const a = after?.Properties ?? {};
            const openAllow = (p: Record<string, any>) => p.RuleAction === 'allow' && (isAnywhere(p.CidrBlock) || isAnywhere(p.Ipv6CidrBlock));
            if (kind === 'added') {
              if (a.RuleAction === 'deny') return { direction: 'strengthened', detail: `${naclEntryDescription(a)} added` };
              if (openAllow(a)) return { direction: 'weakened', detail: `${naclEntryDescription(a)} added` };
              return { direction: 'neutral', detail: `${naclEntryDescription(a)} added` };
            }
            if (kind === 'removed') {
              if (b.RuleAction === 'deny') return { direction: 'weakened', detail: `${naclEntryDescription(b)} removed` };
              return { direction: 'strengthened', detail: `${naclEntryDescription(b)} removed` };
            }
            const keys = ['RuleAction', 'CidrBlock', 'Ipv6CidrBlock', 'PortRange', 'Protocol', 'RuleNumber', 'Egress'];
            if (keys.every((k) => same(b[k], a[k]))) return undefined;
            const detail = `${naclEntryDescription(b)} → ${naclEntryDescription(a)}`;
            if (b.RuleAction === 'deny' && a.RuleAction !== 'deny') return { direction: 'weakened', detail };
            if (!openAllow(b) && openAllow(a)) return { direction: 'weakened', detail };
            if (b.RuleAction !== 'deny' && a.RuleAction === 'deny') return { direction: 'strengthened', detail };
            return { direction: 'neutral', detail };
          },
        },
        enforcingResource(['AWS::EC2::SubnetNetworkAclAssociation'], 'subnet NACL association'),
      ],
    },
  },
  {
    id: 'NET-FLOW-LOGS',
    statement: 'VPC flow logs record all accepted and rejected traffic into a KMS-encrypted log group with retention.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We have a centralized logging system in our production environment for information concerning security, monitoring, availability, access and other metrics for our service.',
      },
    ],
    kind: 'enforced',
    area: 'network',
    status: 'implemented',
    enforcement:
      'AWS::EC2::FlowLog on the VPC with TrafficType ALL, delivering to a CloudWatch log group with KmsKeyId and RetentionInDays from config.',
    detectors: {
      configRules: ['VPC_FLOW_LOGS_ENABLED'],
      securityHub: ['EC2.6'],
    },
    enforcedBy: [exported(secureVpcModule, 'SecureVpc')],
    evidence: { what: 'VPC flow logs recording all traffic', select: [{ types: ['AWS::EC2::FlowLog'], where: (r) => props(r).TrafficType === 'ALL' }] },
    diff: {
      rules: [
        enforcingResource(['AWS::EC2::FlowLog'], 'flow log'),
        {
          resourceTypes: ['AWS::EC2::FlowLog'],
          path: ['Properties', 'TrafficType'],
          assess: (before, after) => ({
            // ALL records what ACCEPT and REJECT record, and more.
            direction: byRank(Number(before === 'ALL'), Number(after === 'ALL')),
            detail: arrow('TrafficType', before, after),
          }),
        },
      ],
    },
  },
  {
    id: 'NET-DEFAULT-SG-CLOSED',
    statement: "The VPC's default security group allows no inbound and no outbound traffic.",
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Network access to our production environment from public networks is restricted.',
      },
    ],
    kind: 'enforced',
    area: 'network',
    status: 'implemented',
    enforcement: 'ec2.Vpc restrictDefaultSecurityGroup true (the custom resource removes every rule of the default group).',
    detectors: {
      configRules: ['VPC_DEFAULT_SECURITY_GROUP_CLOSED'],
      securityHub: ['EC2.2'],
    },
    enforcedBy: [exported(secureVpcModule, 'SecureVpc')],
    evidence: { what: 'the custom resource that removes the default security group\'s rules', select: [{ types: ['Custom::VpcRestrictDefaultSG'] }] },
    diff: {
      rules: [
        enforcingResource(['Custom::VpcRestrictDefaultSG'], 'default security group restriction'),
      ],
    },
  },
  {
    id: 'NET-PRIVATE-ENDPOINTS',
    statement: 'Workloads and the data tier reach AWS services through VPC endpoints, not over the internet.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Transport security via TLS/SSL for all incoming and outgoing network traffic',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Network access to our production environment from public networks is restricted.',
      },
    ],
    kind: 'enforced',
    area: 'network',
    status: 'implemented',
    enforcement:
      'PrivateEndpoints: S3 gateway endpoint on the private and isolated route tables, its policy limited to buckets with aws:ResourceAccount of this account plus s3:GetObject on the regional ECR layer bucket and s3:PutObject on the CloudFormation response buckets; interface endpoints (Secrets Manager, KMS, CloudWatch Logs, ECR api and dkr, STS, SSM, SSM messages) in the private subnets with private DNS, a security group admitting TCP 443 from the VPC CIDR only, and policies limited to aws:PrincipalAccount of this account (all but SSM messages). network.interfaceEndpoints may be false in staging only.',
    detectors: {
      none: 'No managed Config rule checks which interface endpoints exist or what their policies allow (EC2.10 covers only an EC2 service endpoint, which is not built here); the controls diff and tests keep them, and CloudTrail records endpoint changes.',
    },
    enforcedBy: [exported(privateEndpointsModule, 'PrivateEndpoints')],
    evidence: { what: 'the gateway and interface VPC endpoints', select: [{ types: ['AWS::EC2::VPCEndpoint'] }] },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::EC2::VPCEndpoint'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            if (kind === 'removed') return { direction: 'weakened', detail: `VPC endpoint ${show(prop(before, 'ServiceName'))} removed` };
            if (kind === 'added') return { direction: 'strengthened', detail: `VPC endpoint ${show(prop(after, 'ServiceName'))} added` };
            return undefined;
          },
        },
        {
          resourceTypes: ['AWS::EC2::VPCEndpoint'],
          path: ['Properties', 'PolicyDocument'],
          assess: (before, after) => entryVerdicts(openEndpointStatements(before), openEndpointStatements(after), 'weakened', (s, how) => `endpoint policy ${how === 'added' ? 'allows' : 'no longer allows'} ${s}`),
        },
        // Absent counts as off: the diff assumes no default it cannot see in the template.
        flag(['AWS::EC2::VPCEndpoint'], ['Properties', 'PrivateDnsEnabled'], 'PrivateDnsEnabled'),
      ],
    },
  },
  {
    id: 'NET-NO-ADMIN-PORTS',
    statement: 'No security group or network ACL admits SSH (22) or RDP (3389) from anywhere.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Only a small number of production servers and network protocols are accessible from the internet.',
      },
    ],
    kind: 'enforced',
    area: 'network',
    status: 'implemented',
    enforcement:
      'No ingress rule opens 22 or 3389 (NACL return-port ranges are split around them); a test over every AWS::EC2::SecurityGroup, SecurityGroupIngress and NetworkAclEntry of every stack fails on any ingress range, or all-protocol rule, that includes port 22 or 3389.',
    detectors: {
      configRules: ['INCOMING_SSH_DISABLED', 'RESTRICTED_INCOMING_TRAFFIC', 'NACL_NO_UNRESTRICTED_SSH_RDP'],
      securityHub: ['EC2.21', 'EC2.13'],
    },
    enforcedBy: [
      exported(tierNetworkAclsModule, 'TierNetworkAcls'),
      exported(httpsLoadBalancerModule, 'HttpsLoadBalancer'),
      exported(fargateWorkloadModule, 'FargateWorkload'),
    ],
    evidence: {
      what: 'every security group, ingress rule and NACL ingress entry (the test checks each for 22 and 3389)',
      select: [{ types: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'] }, { types: ['AWS::EC2::NetworkAclEntry'], where: (r) => !isTrue(props(r).Egress) }],
    },
    diff: {
      rules: [
        ...ingressRules((r) => adminPorts(r).length > 0, describeAdminRule),
      ],
    },
  },
  {
    id: 'NET-OPERATOR-ACCESS',
    statement:
      'Operators reach production hosts (the private tier) only through SSM Session Manager under an MFA-gated staff role, or through an AWS Client VPN endpoint where network.clientVpn configures one; changes made through the AWS APIs and CloudFormation are not bound to either.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Changes to our production environment are restricted only via dedicated VPN to authorized personnel.',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We have implemented multi-factor authentication for all server access on our production level.',
      },
    ],
    kind: 'enforced',
    area: 'network',
    status: 'partial',
    missing:
      '"Changes to our production environment are restricted only via dedicated VPN" (002): production changes are AWS API and CloudFormation calls, which the staff roles may make from any network (no staff role or policy carries an aws:SourceIp, aws:SourceVpc or aws:SourceVpce condition), and the Client VPN is optional, not required in production. The remainder is ORG-PRODUCTION-CHANGE-PATH.',
    enforcement:
      'SSM and SSM messages interface endpoints in the private subnets, so that Session Manager sessions (and ECS Exec, once a service turns it on) reach the private tier without the internet; the workload service keeps ECS Exec off (enableExecuteCommand false), so no session reaches a task by default. When network.clientVpn names a server certificate, OperatorVpn: an AWS::EC2::ClientVpnEndpoint with federated (SAML) sign-in and optional device certificates, split tunnel, 8-hour sessions, connection logs to a KMS-encrypted log group, a security group with no ingress and HTTPS egress to the private subnets, associated with the private subnets and authorised to the private subnet CIDRs only; otherwise none.',
    detectors: {
      none: 'No managed detector checks Session Manager routes or Client VPN authorisation rules; every ssm:StartSession is in CloudTrail and every VPN connection in the endpoint\'s connection log.',
    },
    enforcedBy: [exported(privateEndpointsModule, 'PrivateEndpoints'), exported(operatorVpnModule, 'OperatorVpn')],
    evidence: {
      what: 'the SSM and SSM messages endpoints (Session Manager, ECS Exec) and the Client VPN endpoint where configured',
      select: [
        // ServiceName is com.amazonaws.<region>.ssm(messages), possibly built with Fn::Join.
        { types: ['AWS::EC2::VPCEndpoint'], where: (r) => /\.ssm(messages)?"/.test(JSON.stringify(props(r).ServiceName ?? '')) },
        { types: ['AWS::EC2::ClientVpnEndpoint'] },
      ],
      notApplicable: (env) => (env.network.interfaceEndpoints || env.network.clientVpn ? undefined : 'network.interfaceEndpoints is false and no network.clientVpn'),
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::EC2::ClientVpnAuthorizationRule'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            if (after === undefined) return undefined;
            const [b, a] = [before?.Properties ?? {}, after.Properties ?? {}];
            const out: Verdict[] = [];
            if (isTrue(a.AuthorizeAllGroups) && !isTrue(b.AuthorizeAllGroups)) out.push({ direction: 'weakened', detail: `Client VPN authorization to ${show(a.TargetNetworkCidr)} ${before ? 'now admits' : 'added for'} every group (AuthorizeAllGroups true)` });
            const [bp, ap] = [prefixLength(b.TargetNetworkCidr), prefixLength(a.TargetNetworkCidr)];
            if (before !== undefined && bp !== undefined && ap !== undefined && ap !== bp) out.push({ direction: byRank(-ap, -bp), detail: arrow('Client VPN TargetNetworkCidr', b.TargetNetworkCidr, a.TargetNetworkCidr) });
            if (before === undefined && isAnywhere(a.TargetNetworkCidr)) out.push({ direction: 'weakened', detail: `Client VPN authorization to ${a.TargetNetworkCidr} added` });
            return out;
          },
        },
        {
          resourceTypes: ['AWS::EC2::ClientVpnEndpoint'],
          path: ['Properties', 'AuthenticationOptions'],
          assess: (before: any[] | undefined, after: any[] | undefined) => {
            const federated = (options?: any[]) => (options ?? []).some((o) => o?.Type === 'federated-authentication');
            if (federated(before) === federated(after)) return undefined;
            return { direction: federated(after) ? 'strengthened' : 'weakened', detail: `Client VPN ${federated(after) ? 'now signs in' : 'no longer signs in'} through the identity provider (federated-authentication)` };
          },
        },
        flag(['AWS::EC2::ClientVpnEndpoint'], ['Properties', 'ConnectionLogOptions', 'Enabled'], 'ConnectionLogOptions.Enabled'),
        {
          resourceTypes: ['AWS::ECS::Service'],
          path: ['Properties', 'EnableExecuteCommand'],
          // ECS Exec opens a session into every task of the service.
          assess: (before, after) => (isTrue(before) === isTrue(after) ? undefined : { direction: isTrue(after) ? 'weakened' : 'strengthened', detail: arrow('EnableExecuteCommand', before, after) }),
        },
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** Destinations of a default route: the whole internet. */
const DEFAULT_ROUTES = ['0.0.0.0/0', '::/0'];
/** The properties of AWS::EC2::Route that name where traffic goes. */
const ROUTE_TARGETS = ['GatewayId', 'NatGatewayId', 'EgressOnlyInternetGatewayId', 'TransitGatewayId', 'VpcPeeringConnectionId', 'NetworkInterfaceId', 'InstanceId', 'VpcEndpointId', 'CarrierGatewayId', 'LocalGatewayId', 'CoreNetworkArn'];

function routeTarget(props: Record<string, any> | undefined): string {
  const key = ROUTE_TARGETS.find((k) => props?.[k] !== undefined);
  return key ? `${key} ${show(props![key])}` : '(no target)';
}

function isDefaultRoute(props: Record<string, any> | undefined): boolean {
  return DEFAULT_ROUTES.includes(props?.DestinationCidrBlock) || DEFAULT_ROUTES.includes(props?.DestinationIpv6CidrBlock);
}

/** The prefix length of an IPv4 or IPv6 CIDR literal, or `undefined` for a reference. */
function prefixLength(cidr: unknown): number | undefined {
  const match = typeof cidr === 'string' ? /\/(\d+)$/.exec(cidr) : null;
  return match ? Number(match[1]) : undefined;
}

/** Condition keys that tie an endpoint policy statement to this account or organization. */
const ENDPOINT_SCOPE_KEYS = ['aws:PrincipalAccount', 'aws:ResourceAccount', 'aws:PrincipalOrgID', 'aws:ResourceOrgID', 'aws:SourceAccount', 'aws:SourceVpce'];

/**
 * The statements of a VPC endpoint policy that let any principal act on any resource without a
 * scoping condition. No policy at all is full access ("The default endpoint policy allows full
 * access to the service", AWS CDK reference of CfnVPCEndpoint.policyDocument,
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.CfnVPCEndpointProps.html).
 */
function openEndpointStatements(doc: any): string[] {
  if (doc === undefined) return ['(no policy: full access)'];
  return statementsOf(doc)
    .filter((st) => st.Effect === 'Allow' && list(st.Resource).includes('*') && ENDPOINT_SCOPE_KEYS.every((k) => conditionValue(st, k) === undefined))
    .map((st) => `${show(st.Action)} on * without ${ENDPOINT_SCOPE_KEYS[0]}/${ENDPOINT_SCOPE_KEYS[1]}`);
}
