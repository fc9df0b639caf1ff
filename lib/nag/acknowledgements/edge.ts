/**
 * Acknowledgements of the edge (lib/constructs/edge/ and the workload stack's load balancer): the
 * ELB access-log bucket, which ELB allows only SSE-S3, the internet-facing security group, the
 * HTTP listener that only redirects, and staging's deletable load balancer.
 */
import type { Acknowledgement } from './entry';

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

export const EDGE_ACKNOWLEDGEMENTS = {
  /** The bucket ELB writes access logs to (AccessLogBucket). */
  elbAccessLogBucket: [
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-S3DefaultEncryptionKMS`,
      control: 'EDGE-ALB-ACCESS-LOGS',
      reason: ELB_LOGS_SSE_S3_REASON,
    })),
    ...['AwsSolutions-S1', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketLoggingEnabled', 'HIPAA.Security-S3BucketLoggingEnabled'].map((rule): Acknowledgement => ({
      rule,
      control: 'EDGE-ALB-ACCESS-LOGS',
      reason: ACCESS_LOG_BUCKET_LOGGING_REASON,
    })),
    ...['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
      rule: `${pack}-S3BucketReplicationEnabled`,
      control: 'FND-DATA-RESIDENCY',
      reason: LOG_BUCKET_REPLICATION_REASON,
    })),
  ],
  /** A staging load balancer without deletion protection. */
  stagingLoadBalancerDeletable: ['NIST.800.53.R5-ELBDeletionProtectionEnabled', 'PCI.DSS.321-ELBDeletionProtectionEnabled', 'HIPAA.Security-ELBDeletionProtectionEnabled', 'CT.ELASTICLOADBALANCING.PR.5'].map((rule): Acknowledgement => ({
    rule,
    control: 'FND-STATEFUL-RETAIN',
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
  httpRedirectListener: ['NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security'].map((pack): Acknowledgement => ({
    rule: `${pack}-ELBv2ACMCertificateRequired`,
    control: 'EDGE-HTTPS-ONLY',
    reason:
      'Port 80 serves no content and carries no certificate: its only action is a permanent redirect to HTTPS on 443, whose listener uses the ACM certificate from config.',
  })),
  /** The bucket ELB writes access logs to (LoadBalancer/AccessLogs). */
  controlTowerElbAccessLogBucket: [
    { rule: 'CT.S3.PR.2', control: 'EDGE-ALB-ACCESS-LOGS', reason: ACCESS_LOG_BUCKET_LOGGING_REASON },
    {
      rule: 'CT.S3.PR.9',
      control: 'EDGE-ALB-ACCESS-LOGS',
      reason:
        'Access logs expire with the lifecycle after workload.accessLogRetentionDays; only the ELB log-delivery principal may write (bucket policy), ' +
        'objects are versioned and the bucket is retained. Object Lock is kept for audit evidence (the CloudTrail bucket and the legal archive).',
    },
    { rule: 'CT.S3.PR.10', control: 'EDGE-ALB-ACCESS-LOGS', reason: ELB_LOGS_SSE_S3_REASON },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;
