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

const ELB_LOGS_SSE_S3_REASON =
  'Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3 (AES-256), not SSE-KMS ' +
  '(https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html). The bucket holds request metadata only, ' +
  'is encrypted with AES-256, TLS-only, blocks all public access, and carries the log-delivery tag that confines this exception to access-log buckets.';

const ACCESS_LOG_BUCKET_LOGGING_REASON =
  'This bucket is itself a log destination: server access logs for it would need another bucket that again needs logging. ' +
  'Only the ELB log-delivery principal may write to it (bucket policy), changes to the bucket are recorded by CloudTrail, and objects are versioned.';

const LOG_BUCKET_REPLICATION_REASON =
  'Access logs stay in the home region (seed 003: all data hosted in Singapore); a cross-region replica would break residency. ' +
  'Versioning and the retain policy protect the objects in place.';

export const ACKNOWLEDGEMENTS = {
  /** The default route of a public subnet to the internet gateway. */
  publicSubnetDefaultRoute: [
    { rule: 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
    { rule: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', control: 'NET-TIERED-SUBNETS', reason: PUBLIC_ROUTE_REASON },
  ],
  /** The bucket ELB writes access logs to (AccessLogBucket). */
  elbAccessLogBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
      rule: `${pack}-S3DefaultEncryptionKMS`,
      control: 'EDGE-ALB-ACCESS-LOGS',
      reason: ELB_LOGS_SSE_S3_REASON,
    })),
    ...['AwsSolutions-S1', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketLoggingEnabled', 'HIPAA.Security-S3BucketLoggingEnabled'].map((rule) => ({
      rule,
      control: 'EDGE-ALB-ACCESS-LOGS',
      reason: ACCESS_LOG_BUCKET_LOGGING_REASON,
    })),
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
      rule: `${pack}-S3BucketReplicationEnabled`,
      control: 'FND-DATA-RESIDENCY',
      reason: LOG_BUCKET_REPLICATION_REASON,
    })),
  ],
  /** A staging load balancer without deletion protection. */
  stagingLoadBalancerDeletable: ['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
    rule: `${pack}-ELBDeletionProtectionEnabled`,
    control: 'EDGE-ALB-ACCESS-LOGS',
    reason:
      'Deletion protection is on for every production load balancer (config tier production); staging is rebuilt freely, its load balancer holds no data, and its access logs are kept in a retained bucket.',
  })),
  /** The internet-facing load balancer's security group. */
  internetFacingLoadBalancerIngress: [
    {
      rule: 'AwsSolutions-EC23',
      control: 'EDGE-INTERNET-EXPOSURE',
      reason:
        'The public service must be reachable from the internet (003 "served 100% over https"): the group admits exactly TCP 443 and 80 from 0.0.0.0/0 ' +
        'and is attached only to the load balancer, behind the WAF web ACL (EDGE-WAF); 80 only redirects to HTTPS.',
    },
  ],
  /** The HTTP listener on 80, whose only action is the redirect to HTTPS. */
  httpRedirectListener: ['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
    rule: `${pack}-ELBv2ACMCertificateRequired`,
    control: 'EDGE-HTTPS-ONLY',
    reason:
      'Port 80 serves no content and carries no certificate: its only action is a permanent redirect to HTTPS on 443, whose listener uses the ACM certificate from config.',
  })),
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
