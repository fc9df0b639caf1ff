import { CfnResource, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { SecureLogGroup } from '../common/secure-log-group';
import { PrivateEndpoints } from './private-endpoints';
import { TierNetworkAcls } from './tier-network-acls';

/** Props of {@link SecureVpc}. */
export interface SecureVpcProps {
  /**
   * IPv4 CIDR of the VPC, /16 to /20. Each zone gets a public subnet of 1/256 of it (never smaller
   * than /27), a private one of 1/16 and an isolated one of 1/64.
   */
  readonly cidr: string;
  /** The zones to span, named explicitly (the stack never looks them up). */
  readonly availabilityZones: readonly string[];
  /** NAT gateways, at most one per zone. */
  readonly natGateways: number;
  /** Key for the flow log group; its policy must let CloudWatch Logs use it. */
  readonly logKey: kms.IKey;
  /** Days to keep flow log records. */
  readonly logRetentionDays: number;
  /**
   * The port the load balancer's targets listen on; the public and private tiers' network ACLs
   * admit it between the two tiers (see `TierNetworkAclsProps.targetPort`).
   */
  readonly targetPort: number;
  /**
   * The one port the isolated tier's network ACL admits from the private tier.
   * @default DATABASE_PORT (5432)
   */
  readonly databasePort?: number;
  /**
   * Create the interface endpoints (hourly cost per zone). Without them, the same calls leave
   * through the NAT gateways over TLS; the S3 gateway endpoint stays either way.
   * @default true
   */
  readonly interfaceEndpoints?: boolean;
}

/** The smallest subnet (largest mask) an Application Load Balancer accepts. */
export const ALB_MIN_SUBNET_MASK = 27;

/** The three subnet tiers, by the group names CDK gives them. */
export const SUBNET_TIERS = {
  /** Load balancer and NAT gateways only. */
  public: 'Public',
  /** The workload: egress through NAT, no inbound route from the internet. */
  private: 'Private',
  /** Data: no route to or from the internet at all. */
  isolated: 'Isolated',
} as const;

/**
 * A VPC across the environment's zones with public, private and isolated tiers
 * (NET-MULTI-AZ, NET-TIERED-SUBNETS), flow logs of all traffic to an encrypted log group
 * (NET-FLOW-LOGS), a default security group stripped of every rule (NET-DEFAULT-SG-CLOSED), a
 * network ACL per tier (NET-NACLS) and VPC endpoints for S3 and the services workloads call
 * (NET-PRIVATE-ENDPOINTS).
 */
export class SecureVpc extends Construct {
  /** The VPC. */
  public readonly vpc: ec2.Vpc;
  /** Where flow logs go. */
  public readonly flowLogGroup: SecureLogGroup;
  /** The tiers' network ACLs. */
  public readonly networkAcls: TierNetworkAcls;
  /** The VPC endpoints. */
  public readonly endpoints: PrivateEndpoints;
  /** Where the default-security-group custom resource's function logs (one per stack). */
  public readonly restrictDefaultSgLogGroup: SecureLogGroup;

  constructor(scope: Construct, id: string, props: SecureVpcProps) {
    super(scope, id);
    const prefix = Number(props.cidr.split('/')[1]);
    // An Application Load Balancer refuses subnets smaller than /27, so the public tier never
    // shrinks below that (a /20 VPC would otherwise get /28 public subnets and fail at deploy).
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer
    const publicMask = Math.min(prefix + 8, ALB_MIN_SUBNET_MASK);
    this.vpc = new ec2.Vpc(this, 'Resource', {
      ipAddresses: ec2.IpAddresses.cidr(props.cidr),
      availabilityZones: [...props.availabilityZones],
      natGateways: props.natGateways,
      // Sizes relative to the VPC: private (workload) gets the most room, public the least.
      subnetConfiguration: [
        { name: SUBNET_TIERS.public, subnetType: ec2.SubnetType.PUBLIC, cidrMask: publicMask, mapPublicIpOnLaunch: false },
        { name: SUBNET_TIERS.private, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: prefix + 4 },
        { name: SUBNET_TIERS.isolated, subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: prefix + 6 },
      ],
      // Removes the default security group's rules through a custom resource: anything launched
      // without an explicit group can talk to nothing.
      restrictDefaultSecurityGroup: true,
    });
    this.restrictDefaultSgLogGroup = routeRestrictDefaultSgLogs(this, props);
    for (const subnet of this.vpc.publicSubnets) {
      acknowledge(subnet.node.findChild('DefaultRoute'), 'publicSubnetDefaultRoute');
    }
    this.networkAcls = new TierNetworkAcls(this, 'NetworkAcls', {
      vpc: this.vpc,
      vpcCidr: props.cidr,
      targetPort: props.targetPort,
      databasePort: props.databasePort,
    });
    this.endpoints = new PrivateEndpoints(this, 'Endpoints', {
      vpc: this.vpc,
      vpcCidr: props.cidr,
      interfaceEndpoints: props.interfaceEndpoints,
    });
    this.flowLogGroup = new SecureLogGroup(this, 'FlowLogs', {
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
    });
    const flowLogRole = new ManagedPolicyRole(this, 'FlowLogRole', {
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com'),
      description: 'Delivers VPC flow logs to their log group',
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.flowLogGroup.logGroup, flowLogRole),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }
}

/** Construct ID aws-cdk-lib gives the stack-wide provider behind `restrictDefaultSecurityGroup`. */
const RESTRICT_DEFAULT_SG_PROVIDER = 'Custom::VpcRestrictDefaultSGCustomResourceProvider';
/** Provider functions already given a log group, with it: the provider is one per stack. */
const routedHandlers = new WeakMap<CfnResource, SecureLogGroup>();

/**
 * Points the default-security-group provider's function at a KMS-encrypted, retained log group
 * (LOG-ENCRYPTED-RETAINED). aws-cdk-lib creates the function as a raw AWS::Lambda::Function
 * without LoggingConfig; left alone, Lambda would create `/aws/lambda/<name>` on first run,
 * unencrypted and kept forever.
 */
function routeRestrictDefaultSgLogs(vpc: SecureVpc, props: SecureVpcProps): SecureLogGroup {
  const handler = Stack.of(vpc).node.tryFindChild(RESTRICT_DEFAULT_SG_PROVIDER)?.node.tryFindChild('Handler');
  if (!(handler instanceof CfnResource) || handler.cfnResourceType !== 'AWS::Lambda::Function') {
    throw new Error(`SecureVpc ${vpc.node.id}: found no ${RESTRICT_DEFAULT_SG_PROVIDER}/Handler function to give a log group (aws-cdk-lib changed its construct IDs?)`);
  }
  const existing = routedHandlers.get(handler);
  if (existing) return existing;
  const group = new SecureLogGroup(vpc, 'RestrictDefaultSgLogs', { encryptionKey: props.logKey, retentionDays: props.logRetentionDays });
  handler.addPropertyOverride('LoggingConfig', { LogGroup: group.logGroup.logGroupName });
  acknowledge(handler, 'controlTowerRestrictDefaultSgProvider');
  routedHandlers.set(handler, group);
  return group;
}
