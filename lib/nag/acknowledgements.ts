/**
 * Every cdk-nag acknowledgement of the baseline, in one table, so they can be listed, counted and
 * reviewed in one place (the README lists them). A construct acknowledges by key:
 *
 *     acknowledge(nacl, 'networkAcl');
 *
 * Rules of the house:
 * - a finding is fixed where it can be; an entry here is a finding that contradicts a seed
 *   control or has a stronger compensating control, and its reason names that control's ID;
 * - an acknowledgement is attached to the one construct it is about, never to a stack, stage or
 *   app (`acknowledge` throws if asked to).
 */
import { Stack, Stage, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One acknowledged rule. */
export interface Acknowledgement {
  /** The rule ID as cdk-nag reports it, e.g. `AwsSolutions-VPC3`. */
  readonly rule: string;
  /** The catalog control that requires the flagged design, or compensates for it. */
  readonly control: string;
  /** Why the finding does not weaken the control. */
  readonly reason: string;
}

const PUBLIC_ROUTE_REASON =
  'Public subnets exist only for the internet-facing load balancer and NAT gateways and must route to the internet gateway; ' +
  'workloads and data sit in private and isolated subnets with no inbound route, and tier NACLs limit what reaches the public tier.';

export const ACKNOWLEDGEMENTS = {
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
} satisfies Record<string, readonly Acknowledgement[]>;

/** The keys of {@link ACKNOWLEDGEMENTS}. */
export type AcknowledgementKey = keyof typeof ACKNOWLEDGEMENTS;

/** Renders the reason recorded with the acknowledgement: the control ID first, so reports can be grouped by it. */
export function ackReason(a: Acknowledgement): string {
  return `[${a.control}] ${a.reason}`;
}

/**
 * Acknowledges the findings listed under `key` on exactly this construct (and its children).
 * Throws when given a stack, stage or app: acknowledgements never cover a whole stack.
 */
export function acknowledge(construct: IConstruct, key: AcknowledgementKey): void {
  if (Stack.isStack(construct) || Stage.isStage(construct)) {
    throw new Error(`acknowledge(${construct.node.path}, '${key}'): acknowledge on the one construct, never a stack, stage or app`);
  }
  for (const a of ACKNOWLEDGEMENTS[key]) {
    Validations.of(construct).acknowledge({ id: a.rule, reason: ackReason(a) });
  }
}
