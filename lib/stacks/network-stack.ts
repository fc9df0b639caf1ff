import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { EncryptionKey } from '../constructs/common/encryption-key';
import { SecureVpc } from '../constructs/network/secure-vpc';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/**
 * The network: VPC, subnets, flow logs. Changes rarely; everything else depends on it.
 */
export class NetworkStack extends BaselineStack {
  /** The environment's VPC. */
  public readonly network: SecureVpc;
  /**
   * The workload tier's security group. It lives here, not in the workload stack, so that the
   * data stacks (which the workload depends on) can admit it without a cyclic reference.
   */
  public readonly workloadSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, { description: `Network of ${props.config.name}: VPC, subnet tiers, flow logs`, ...props });
    const { config } = this;
    const logKey = new EncryptionKey(this, 'LogKey', {
      description: `${config.name} network logs`,
      allowCloudWatchLogs: true,
    });
    this.network = new SecureVpc(this, 'Vpc', {
      cidr: config.network.vpcCidr,
      availabilityZones: config.availabilityZones,
      natGateways: config.network.natGateways,
      logKey: logKey.key,
      logRetentionDays: config.logs.retentionDays,
    });
    this.workloadSecurityGroup = new ec2.SecurityGroup(this, 'WorkloadSecurityGroup', {
      vpc: this.network.vpc,
      description: 'Workload tasks: reachable only from the load balancer, egress only where granted',
      allowAllOutbound: false,
    });
  }
}
