import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ADMIN_PORTS, DATABASE_PORT, EPHEMERAL_PORTS, HTTP_PORT, HTTPS_PORT } from '../../constants/ports';
import { acknowledge } from '../../nag/acknowledgements';

/** Props of {@link TierNetworkAcls}. */
export interface TierNetworkAclsProps {
  /** The VPC whose public, private and isolated subnets get a network ACL each. */
  readonly vpc: ec2.IVpc;
  /**
   * The VPC's IPv4 CIDR as a literal (`vpc.vpcCidrBlock` is a token for a VPC made here), so that
   * the entries read as plain addresses in the template and in review diffs.
   */
  readonly vpcCidr: string;
  /**
   * The port the load balancer's targets listen on (the target group's port, which its health
   * checks use too). The public tier may send to it, and the private tier admit it, between the
   * public and the private subnets only. Required, because no default fits every workload: an
   * ACL that drops the target port leaves every target unhealthy. Not an admin port (22, 3389).
   */
  readonly targetPort: number;
  /**
   * The one port the isolated (data) tier admits, from the private subnets only.
   * @default DATABASE_PORT (5432, PostgreSQL)
   */
  readonly databasePort?: number;
}

/** One allow entry: what traffic, from or to where. */
interface Allow {
  readonly traffic: ec2.AclTraffic;
  readonly cidr: ec2.AclCidr;
}

/**
 * A network ACL per subnet tier (NET-NACLS), stateless and deny-by-default, as the second line
 * behind security groups: a security group opened by mistake still cannot expose a tier.
 *
 * - **Public** admits HTTPS and HTTP (the load balancer's listeners) and TCP return traffic from
 *   anywhere: responses from the internet to the NAT gateways, and from targets to the load
 *   balancer. It sends HTTPS and return traffic anywhere, and `targetPort` to the private subnets.
 * - **Private** admits `targetPort` from the public subnets (load balancer to targets, health
 *   checks), HTTPS and unprivileged TCP ports from inside the VPC (peers, interface endpoints,
 *   Client VPN, responses), and from anywhere only TCP return ports. NACLs are stateless, and a
 *   NAT gateway's replies carry the internet server's address as their source, so NAT'd egress
 *   needs that entry; it opens no service (the reason is spelled out at the entry).
 * - **Isolated** admits the database port, and HTTPS for an interface endpoint GuardDuty may place
 *   there, from the private subnets' CIDRs, and returns to them; nothing else, from nowhere else.
 *
 * No ingress entry covers an admin port (22, 3389; NET-NO-ADMIN-PORTS): ranges are split around
 * them. ICMP "fragmentation needed" is admitted where traffic crosses the NAT gateway, so that
 * path MTU discovery works. Entries are TCP only: DNS, NTP and metadata traffic to the VPC's own
 * services is not filtered by NACLs, and nothing else here needs UDP.
 */
export class TierNetworkAcls extends Construct {
  /** The public tier's ACL. */
  public readonly public: ec2.NetworkAcl;
  /** The private tier's ACL. */
  public readonly private: ec2.NetworkAcl;
  /** The isolated tier's ACL. */
  public readonly isolated: ec2.NetworkAcl;

  constructor(scope: Construct, id: string, props: TierNetworkAclsProps) {
    super(scope, id);
    const { vpc } = props;
    const databasePort = props.databasePort ?? DATABASE_PORT;
    for (const [prop, port] of [['databasePort', databasePort], ['targetPort', props.targetPort]] as const) {
      if (!Token.isUnresolved(port) && (ADMIN_PORTS.includes(port) || !Number.isInteger(port) || port < 1 || port > 65535)) {
        throw new Error(`TierNetworkAcls ${id}: ${prop} got ${port}, expected a TCP port (1-65535) other than ${ADMIN_PORTS.join(', ')}`);
      }
    }
    const privateCidrs = vpc.privateSubnets.map((s) => s.ipv4CidrBlock);
    if (privateCidrs.length === 0 || vpc.publicSubnets.length === 0 || vpc.isolatedSubnets.length === 0) {
      throw new Error(`TierNetworkAcls ${id}: vpc got ${vpc.publicSubnets.length} public, ${privateCidrs.length} private and ${vpc.isolatedSubnets.length} isolated subnets, expected at least one of each`);
    }
    if ([...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets].some((s) => Token.isUnresolved(s.ipv4CidrBlock))) {
      // The ACLs name each other's subnets; an imported VPC without literal CIDRs cannot be protected.
      throw new Error(`TierNetworkAcls ${id}: vpc's subnets have no literal CIDR, expected a VPC defined in this app`);
    }
    const publicCidrs = vpc.publicSubnets.map((s) => s.ipv4CidrBlock);
    const toTargets = ec2.AclTraffic.tcpPort(props.targetPort);

    const anywhere = ec2.AclCidr.anyIpv4();
    const inVpc = ec2.AclCidr.ipv4(props.vpcCidr);
    const https = ec2.AclTraffic.tcpPort(HTTPS_PORT);
    const allEphemeral = ec2.AclTraffic.tcpPortRange(EPHEMERAL_PORTS.from, EPHEMERAL_PORTS.to);
    // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/network_mtu.html#path_mtu_discovery
    const fragmentationNeeded = ec2.AclTraffic.icmp({ type: 3, code: 4 });
    const returnFrom = (cidr: ec2.AclCidr, excluded: readonly number[] = ADMIN_PORTS): Allow[] => inboundEphemeral(excluded).map((traffic) => ({ traffic, cidr }));

    this.public = this.tierAcl('Public', vpc, { subnetType: ec2.SubnetType.PUBLIC }, {
      ingress: [
        // The load balancer's HTTPS listener; also the private tier's HTTPS on its way to a NAT gateway.
        { traffic: https, cidr: anywhere },
        // The load balancer's HTTP listener, which only redirects to HTTPS.
        { traffic: ec2.AclTraffic.tcpPort(HTTP_PORT), cidr: anywhere },
        // Responses from the internet to the NAT gateways, and from targets to the load balancer.
        ...returnFrom(anywhere),
        { traffic: fragmentationNeeded, cidr: anywhere },
      ],
      egress: [
        // NAT gateways forwarding the private tier's HTTPS; the load balancer calling targets on 443.
        { traffic: https, cidr: anywhere },
        // Responses to the load balancer's clients; NAT gateways returning responses to the private
        // tier; the load balancer calling targets on an unprivileged port.
        { traffic: allEphemeral, cidr: anywhere },
        // NAT gateways relaying "fragmentation needed" to the private hosts.
        { traffic: fragmentationNeeded, cidr: inVpc },
        // The load balancer's requests and health checks to its targets on the target port, which
        // may be privileged (below 1024) and so outside the return-port range above.
        ...privateCidrs.map((c) => ({ traffic: toTargets, cidr: ec2.AclCidr.ipv4(c) })),
      ],
    });

    this.private = this.tierAcl('Private', vpc, { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, {
      ingress: [
        // Interface endpoints, Client VPN sessions and targets listening on 443, reached from inside the VPC.
        { traffic: https, cidr: inVpc },
        // Targets on unprivileged ports (load balancer, health checks), peers, and responses from
        // the database tier and the interface endpoints.
        ...returnFrom(inVpc),
        // Why TCP return ports from 0.0.0.0/0: a NAT gateway translates only the source of
        // outbound packets; the responses it hands back still carry the internet server's address
        // as their source. Without this entry every NAT'd request (image pulls when endpoints are
        // off, third-party HTTPS APIs) would time out. It opens no service to the internet: the
        // private subnets have no route from the internet gateway, their hosts no public
        // addresses, and NAT gateways drop unsolicited inbound connections. Admin ports stay
        // excluded, so not even a mis-set security group exposes SSH or RDP, and so does the target
        // port when it is an unprivileged one (8080 by default): the tasks listen on it, so their
        // kernel never picks it as the source port of an outbound connection, and the internet
        // reaches it through no entry at all.
        ...returnFrom(anywhere, Token.isUnresolved(props.targetPort) ? ADMIN_PORTS : [...ADMIN_PORTS, props.targetPort]),
        { traffic: fragmentationNeeded, cidr: anywhere },
        // The load balancer's requests and health checks on the target port, from the public
        // subnets only (the load balancer's nodes live there). The targets answer through the
        // return-port egress entry below.
        ...publicCidrs.map((c) => ({ traffic: toTargets, cidr: ec2.AclCidr.ipv4(c) })),
      ],
      egress: [
        // HTTPS only, to AWS through the endpoints and to the internet through NAT (000 "TLS/SSL
        // for all ... outgoing network traffic").
        { traffic: https, cidr: anywhere },
        // Responses to the load balancer, Client VPN and peers inside the VPC.
        { traffic: allEphemeral, cidr: inVpc },
        // The databases (also inside the range above; named so that the tiers read symmetrically).
        ...vpc.isolatedSubnets.map((s) => ({ traffic: ec2.AclTraffic.tcpPort(databasePort), cidr: ec2.AclCidr.ipv4(s.ipv4CidrBlock) })),
      ],
    });

    this.isolated = this.tierAcl('Isolated', vpc, { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, {
      ingress: [
        ...privateCidrs.map((c) => ({ traffic: ec2.AclTraffic.tcpPort(databasePort), cidr: ec2.AclCidr.ipv4(c) })),
        // GuardDuty Runtime Monitoring creates its own guardduty-data interface endpoint and
        // "selects the subnet based on IP availability" (GuardDuty user guide, "How the security
        // agent connects to GuardDuty",
        // https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring-agent-connectivity.html):
        // it may land here, and the tasks' agents must reach it on 443. Entries after the database
        // port's, so the existing entries keep their numbers; the endpoint's own security group
        // still decides who connects, and the databases' groups admit only 5432.
        ...privateCidrs.map((c) => ({ traffic: https, cidr: ec2.AclCidr.ipv4(c) })),
      ],
      egress: privateCidrs.map((c) => ({ traffic: allEphemeral, cidr: ec2.AclCidr.ipv4(c) })),
    });
  }

  /** One tier's ACL with its entries, numbered 100, 110, ... in the order given. */
  private tierAcl(tier: string, vpc: ec2.IVpc, subnets: ec2.SubnetSelection, rules: { ingress: Allow[]; egress: Allow[] }): ec2.NetworkAcl {
    const acl = new ec2.NetworkAcl(this, tier, { vpc, subnetSelection: subnets });
    // AwsSolutions-VPC3 flags every NACL and entry; NACLs are what 003 promises.
    acknowledge(acl, 'networkAcl');
    for (const [direction, list] of [
      [ec2.TrafficDirection.INGRESS, rules.ingress],
      [ec2.TrafficDirection.EGRESS, rules.egress],
    ] as const) {
      list.forEach((rule, i) => {
        const ruleNumber = 100 + i * 10;
        // IDs follow rule numbers: changing what a number admits updates the entry in place, whereas
        // a new logical ID on a number already taken would fail (CloudFormation creates before it deletes).
        acl.addEntry(`${direction === ec2.TrafficDirection.INGRESS ? 'Ingress' : 'Egress'}${ruleNumber}`, {
          ruleNumber,
          direction,
          ruleAction: ec2.Action.ALLOW,
          ...rule,
        });
      });
    }
    return acl;
  }
}

/**
 * Inbound TCP return ports, split around `excluded` (the admin ports, and for the private tier's
 * entry from anywhere also the target port) so that no ingress entry covers 22, 3389 or those. The price: a connection whose client side happens to be port 3389 (1 in ~64,000 picked
 * by a NAT gateway) gets no answer and is retried; that is cheaper than an ACL that admits RDP.
 */
function inboundEphemeral(excluded: readonly number[]): ec2.AclTraffic[] {
  const ranges: ec2.AclTraffic[] = [];
  let from: number = EPHEMERAL_PORTS.from;
  for (const port of [...new Set(excluded)].sort((a, b) => a - b)) {
    if (port < from || port > EPHEMERAL_PORTS.to) continue;
    if (port > from) ranges.push(ec2.AclTraffic.tcpPortRange(from, port - 1));
    from = port + 1;
  }
  ranges.push(ec2.AclTraffic.tcpPortRange(from, EPHEMERAL_PORTS.to));
  return ranges;
}
