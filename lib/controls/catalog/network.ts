import { HttpsLoadBalancer } from '../../constructs/edge/https-load-balancer';
import { OperatorVpn } from '../../constructs/network/operator-vpn';
import { PrivateEndpoints } from '../../constructs/network/private-endpoints';
import { SecureVpc } from '../../constructs/network/secure-vpc';
import { TierNetworkAcls } from '../../constructs/network/tier-network-acls';
import { FargateWorkload } from '../../constructs/workload/fargate-workload';
import { arrow, byRank, describeAdminRule, enforcingResource, ingressRules, naclEntryDescription, same } from '../diff-builders';
import { NET_MULTI_AZ_RULES, NET_OPERATOR_ACCESS_RULES, NET_PRIVATE_ENDPOINTS_RULES, NET_TIERED_SUBNETS_RULES } from '../diff-rules-area-a';
import { props } from '../evidence-predicates';
import { adminPorts, isAnywhere, isTrue, type TemplateResource } from '../template-readers';
import type { Control } from '../types';

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
    enforcedBy: [SecureVpc],
    evidence: { what: 'the subnets (one per tier per zone) and NAT gateways', select: [{ types: ['AWS::EC2::Subnet', 'AWS::EC2::NatGateway'] }] },
    diff: { rules: NET_MULTI_AZ_RULES },
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
    enforcedBy: [SecureVpc],
    evidence: {
      what: 'the subnets, with MapPublicIpOnLaunch off, and their route tables',
      select: [{ types: ['AWS::EC2::Subnet'], where: (r) => !isTrue(props(r).MapPublicIpOnLaunch) }, { types: ['AWS::EC2::RouteTable'] }],
    },
    diff: { rules: NET_TIERED_SUBNETS_RULES },
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
    enforcedBy: [TierNetworkAcls],
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
    enforcedBy: [SecureVpc],
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
    enforcedBy: [SecureVpc],
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
    enforcedBy: [PrivateEndpoints],
    evidence: { what: 'the gateway and interface VPC endpoints', select: [{ types: ['AWS::EC2::VPCEndpoint'] }] },
    diff: { rules: NET_PRIVATE_ENDPOINTS_RULES },
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
    enforcedBy: [TierNetworkAcls, HttpsLoadBalancer, FargateWorkload],
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
    enforcedBy: [PrivateEndpoints, OperatorVpn],
    evidence: {
      what: 'the SSM and SSM messages endpoints (Session Manager, ECS Exec) and the Client VPN endpoint where configured',
      select: [
        // ServiceName is com.amazonaws.<region>.ssm(messages), possibly built with Fn::Join.
        { types: ['AWS::EC2::VPCEndpoint'], where: (r) => /\.ssm(messages)?"/.test(JSON.stringify(props(r).ServiceName ?? '')) },
        { types: ['AWS::EC2::ClientVpnEndpoint'] },
      ],
      notApplicable: (env) => (env.network.interfaceEndpoints || env.network.clientVpn ? undefined : 'network.interfaceEndpoints is false and no network.clientVpn'),
    },
    diff: { rules: NET_OPERATOR_ACCESS_RULES },
  },
];
