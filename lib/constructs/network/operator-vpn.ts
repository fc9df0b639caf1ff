import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { cidrRange, cidrsOverlap } from '../../aws-facts/cidr';
import { HTTPS_PORT } from '../../constants/ports';
import { SecureLogGroup } from '../common/secure-log-group';

/** Props of {@link OperatorVpn}. */
export interface OperatorVpnProps {
  /** The VPC; the endpoint is associated with its private subnets, one per zone. */
  readonly vpc: ec2.IVpc;
  /** The VPC's IPv4 CIDR as a literal; the client range must not overlap it. */
  readonly vpcCidr: string;
  /** ARN of the endpoint's server certificate in ACM, in the stack's region. */
  readonly serverCertificateArn: string;
  /** The IPv4 range client addresses are assigned from, /12 to /22, outside the VPC. */
  readonly clientCidr: string;
  /**
   * The IAM SAML provider of the identity provider that signs operators in. Federated
   * authentication puts the IdP's MFA in front of every session (002 "multi-factor authentication
   * for all server access").
   */
  readonly samlProvider: iam.ISAMLProviderRef;
  /**
   * ARN of the ACM certificate of the CA that signs client device certificates. When given,
   * clients must also present a device certificate (mutual TLS) besides signing in.
   * @default - federated sign-in only
   */
  readonly clientCertificateArn?: string;
  /**
   * The IdP group (SAML attribute value) whose members may reach the private tier.
   * @default - every user the identity provider signs in for this application
   */
  readonly authorizedGroupId?: string;
  /** Key for the connection log group; its policy must let CloudWatch Logs use it. */
  readonly logKey: kms.IKey;
  /** Days to keep connection log records. */
  readonly logRetentionDays: number;
}

/**
 * An AWS Client VPN endpoint for operators (NET-OPERATOR-ACCESS), the "dedicated VPN" of seed 002:
 *
 * - federated (SAML) sign-in, optionally with device certificates on top;
 * - split tunnel: only the VPC's routes go through the tunnel, so operators' other traffic never
 *   lands in the VPC;
 * - associated with the private subnets, authorised to the private subnets' CIDRs only: the
 *   public tier and the databases stay out of reach;
 * - its own security group, with no ingress and HTTPS egress to the private subnets only: a
 *   target admits operators with `connections.allowFrom(vpn, ...)`;
 * - every connection logged to a KMS-encrypted log group; sessions end after 8 hours.
 */
export class OperatorVpn extends Construct {
  /** The Client VPN endpoint. */
  public readonly endpoint: ec2.ClientVpnEndpoint;
  /** The endpoint's security group (source of operator traffic inside the VPC). */
  public readonly securityGroup: ec2.SecurityGroup;
  /** Where connection logs go. */
  public readonly connectionLogs: SecureLogGroup;

  constructor(scope: Construct, id: string, props: OperatorVpnProps) {
    super(scope, id);
    const { vpc } = props;
    if (!Token.isUnresolved(props.clientCidr)) {
      const { prefix } = cidrRange(props.clientCidr);
      if (prefix < 12 || prefix > 22) {
        throw new Error(`OperatorVpn ${id}: clientCidr got ${props.clientCidr}, expected a prefix from /12 to /22 (what Client VPN accepts)`);
      }
      if (cidrsOverlap(props.clientCidr, props.vpcCidr)) {
        throw new Error(`OperatorVpn ${id}: clientCidr got ${props.clientCidr}, expected a range outside the VPC's ${props.vpcCidr}`);
      }
    }
    const privateCidrs = vpc.privateSubnets.map((s) => s.ipv4CidrBlock);
    if (privateCidrs.length === 0) {
      throw new Error(`OperatorVpn ${id}: vpc got no private subnets, expected the private tier to associate with`);
    }

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'Operator Client VPN: HTTPS to the private tier only',
      allowAllOutbound: false,
    });
    for (const cidr of privateCidrs) {
      this.securityGroup.addEgressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(HTTPS_PORT), `HTTPS to private subnet ${cidr}`);
    }
    this.connectionLogs = new SecureLogGroup(this, 'ConnectionLogs', {
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
    });

    this.endpoint = new ec2.ClientVpnEndpoint(this, 'Resource', {
      vpc,
      description: 'Operator access to the private tier',
      cidr: props.clientCidr,
      serverCertificateArn: props.serverCertificateArn,
      clientCertificateArn: props.clientCertificateArn,
      userBasedAuthentication: ec2.ClientVpnUserBasedAuthentication.federated(props.samlProvider),
      logging: true,
      logGroup: this.connectionLogs.logGroup,
      splitTunnel: true,
      securityGroups: [this.securityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      // The default would authorise every user to the whole VPC, databases included.
      authorizeAllUsersToVpcCidr: false,
      sessionTimeout: ec2.ClientVpnSessionTimeout.EIGHT_HOURS,
      disconnectOnSessionTimeout: true,
      clientLoginBanner: 'Authorised operators only. Every connection is logged.',
    });
    privateCidrs.forEach((cidr, i) => {
      this.endpoint.addAuthorizationRule(`PrivateSubnet${i + 1}`, {
        cidr,
        groupId: props.authorizedGroupId,
        description: `Operators to private subnet ${cidr}`,
      });
    });
  }
}
