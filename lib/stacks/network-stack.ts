import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { EncryptionKey } from '../constructs/common/encryption-key';
import { OperatorVpn } from '../constructs/network/operator-vpn';
import { SecureVpc } from '../constructs/network/secure-vpc';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/**
 * The network: VPC, subnet tiers with their network ACLs, VPC endpoints, flow logs, and the
 * operator Client VPN when the environment names one. Changes rarely; everything else depends on it.
 */
export class NetworkStack extends BaselineStack {
  /** The environment's VPC. */
  public readonly network: SecureVpc;
  /**
   * The workload tier's security group. It lives here, not in the workload stack, so that the
   * data stacks (which the workload depends on) can admit it without a cyclic reference.
   */
  public readonly workloadSecurityGroup: ec2.SecurityGroup;
  /** The operator Client VPN, when `network.clientVpn` is configured. */
  public readonly operatorVpn?: OperatorVpn;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, { description: `Network of ${props.config.name}: VPC, subnet tiers and NACLs, endpoints, flow logs, operator access`, ...props });
    const { config } = this;
    const logKey = new EncryptionKey(this, 'LogKey', {
      description: `${config.name} network logs`,
      allowCloudWatchLogs: true,
    });
    this.network = new SecureVpc(this, 'Vpc', {
      cidr: config.network.vpcCidr,
      availabilityZones: config.availabilityZones,
      natGateways: config.network.natGateways,
      // The workload stack's target group listens here; the tier ACLs must let the load balancer reach it.
      targetPort: config.workload.containerPort,
      logKey: logKey.key,
      logRetentionDays: config.logs.retentionDays,
      interfaceEndpoints: config.network.interfaceEndpoints,
    });
    const vpn = config.network.clientVpn;
    if (vpn) {
      this.operatorVpn = new OperatorVpn(this, 'OperatorVpn', {
        vpc: this.network.vpc,
        vpcCidr: config.network.vpcCidr,
        serverCertificateArn: vpn.serverCertificateArn,
        clientCidr: vpn.clientCidr,
        samlProvider: iam.SamlProvider.fromSamlProviderArn(this, 'OperatorIdp', vpn.samlProviderArn),
        clientCertificateArn: vpn.clientCertificateArn,
        authorizedGroupId: vpn.authorizedGroupId,
        logKey: logKey.key,
        logRetentionDays: config.logs.retentionDays,
      });
    }
    this.workloadSecurityGroup = new ec2.SecurityGroup(this, 'WorkloadSecurityGroup', {
      vpc: this.network.vpc,
      description: 'Workload tasks: reachable only from the load balancer, egress only where granted',
      allowAllOutbound: false,
    });
  }
}
