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
  /** The RDS enhanced monitoring role's log-stream permission. */
  enhancedMonitoringLogStreams: [
    {
      rule: 'AwsSolutions-IAM5',
      control: 'DB-AUDIT-LOGGING',
      reason:
        'RDS names the RDSOSMetrics log streams after instance resource IDs that exist only after the instances (which need the role) are created; ' +
        'the wildcard is limited to streams of the one RDSOSMetrics log group of this account and region, exactly as the AWS managed AmazonRDSEnhancedMonitoringRole grants.',
    },
  ],
  /** Every tenant's Aurora PostgreSQL cluster. */
  tenantDatabase: [
    ...['NIST.800.53.R5', 'HIPAA.Security'].map((pack) => ({
      rule: `${pack}-RDSInBackupPlan`,
      control: 'BAK-SELECTIONS',
      reason:
        'The tiered backup plan lives in the backup stack and selects every cluster by the BACKUP_TAG tag, which this cluster carries; ' +
        'cdk-nag only sees plans in the same stack. The backup tests fail if a tagged database is not selected.',
    })),
    {
      rule: 'AwsSolutions-RDS11',
      control: 'DB-NETWORK-ACCESS',
      reason:
        'The default PostgreSQL port (DATABASE_PORT in lib/constants/ports.ts) is kept on purpose: a non-default port hides nothing inside the VPC, ' +
        'while the isolated subnets, the tier NACLs and a security group admitting only the workload security group keep everyone else out.',
    },
  ],
  /** Every tenant's access role (grants by CDK's S3 and Secrets Manager grant methods). */
  tenantAccessRole: [
    {
      rule: 'AwsSolutions-IAM5',
      control: 'TEN-ISOLATED-ACCESS',
      reason:
        "The only wildcard is the object keys inside the tenant's own bucket (<bucket-arn>/*), which S3 object permissions need; every action is named " +
        "and every other resource is one of this tenant's ARNs. test/tenants.test.ts fails on any grant that reaches another tenant's resources or '*'.",
    },
  ],
  /** Every tenant's customer-files bucket. */
  customerFilesBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
      rule: `${pack}-S3BucketReplicationEnabled`,
      control: 'FND-DATA-RESIDENCY',
      reason:
        'Seed 003 keeps all data in Singapore; cross-region replication would copy customer files out of it. ' +
        'Durability comes from S3 (multi-AZ), versioning with noncurrent-version retention (DATA-VERSIONED-RETENTION) and the tiered AWS Backup plan that selects the bucket by tag.',
    })),
  ],
  /** The S3 server access log bucket of each data stack. */
  accessLogBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
      rule: `${pack}-S3BucketReplicationEnabled`,
      control: 'FND-DATA-RESIDENCY',
      reason: 'Access logs stay in the home region with the data they describe (seed 003); they are versioned and expire after the log retention.',
    })),
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack) => ({
      rule: `${pack}-S3DefaultEncryptionKMS`,
      control: 'DATA-BUCKET-ACCESS-LOGS',
      reason: 'S3 server access log delivery is documented for SSE-S3 destination buckets; the bucket holds request metadata, not customer objects, and is tagged as an access-log bucket.',
    })),
    ...['AwsSolutions-S1', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketLoggingEnabled', 'HIPAA.Security-S3BucketLoggingEnabled'].map((rule) => ({
      rule,
      control: 'DATA-BUCKET-ACCESS-LOGS',
      reason: 'This is the access-log destination; logging it to itself would loop, and S3 advises against logging a log bucket. Changes to it are recorded by CloudTrail.',
    })),
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
 *
 * cdk-nag v3 reports some rules once per offending value (`AwsSolutions-IAM5[Resource::<arn>/*]`)
 * and acknowledges each such finding separately. Pass those values as `appliesTo`; each entry's
 * rule is then acknowledged as `<rule>[<value>]` for every value, so the table keeps one line per
 * reason while the acknowledgement stays as narrow as the finding.
 */
export function acknowledge(construct: IConstruct, key: AcknowledgementKey, appliesTo?: readonly string[]): void {
  if (Stack.isStack(construct) || Stage.isStage(construct)) {
    throw new Error(`acknowledge(${construct.node.path}, '${key}'): acknowledge on the one construct, never a stack, stage or app`);
  }
  for (const a of ACKNOWLEDGEMENTS[key]) {
    const ids = appliesTo && appliesTo.length > 0 ? appliesTo.map((v) => `${a.rule}[${v}]`) : [a.rule];
    for (const id of ids) Validations.of(construct).acknowledge({ id, reason: ackReason(a) });
  }
}
