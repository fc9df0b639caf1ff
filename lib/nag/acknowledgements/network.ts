/**
 * Acknowledgements of the network (lib/constructs/network/): the public subnets' route to the
 * internet gateway, the tier network ACLs, and the provider function aws-cdk-lib creates to close
 * the default security group.
 */
import type { Acknowledgement } from './entry';

const PUBLIC_ROUTE_REASON =
  'Public subnets exist only for the internet-facing load balancer and NAT gateways and must route to the internet gateway; ' +
  'workloads and data sit in private and isolated subnets with no inbound route, and tier NACLs limit what reaches the public tier.';

export const NETWORK_ACKNOWLEDGEMENTS = {
  /** The default route of a public subnet to the internet gateway. */
  publicSubnetDefaultRoute: [
    { rule: 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
  ],
  /** A subnet tier's network ACL and its entries. */
  networkAcl: [
    {
      rule: 'AwsSolutions-VPC3',
      control: 'NET-NACLS',
      reason:
        '003 promises network ACLs that keep unauthorized requests out of the internal network. Each tier ACL is deny-by-default, ' +
        'admits only the ports its tier serves and return traffic, never an admin port, and is covered by tests over the template.',
    },
  ],
  /** The function aws-cdk-lib creates for restrictDefaultSecurityGroup (Custom::VpcRestrictDefaultSGCustomResourceProvider). */
  controlTowerRestrictDefaultSgProvider: [
    {
      rule: 'CT.LAMBDA.PR.3',
      control: 'NET-DEFAULT-SG-CLOSED',
      reason:
        'aws-cdk-lib creates this provider function for restrictDefaultSecurityGroup and offers no VPC setting for it; CloudFormation invokes it only when the VPC is created or changed, ' +
        'it holds no data and calls only the EC2 API to remove the default security group\'s rules. Its logs go to an encrypted, retained log group.',
    },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;
