/**
 * AWS facts the controls diff and the evidence selectors rank or group by: resource types that
 * play one role, and ordered scales of settings (weakest first) from AWS documentation. A value
 * missing from a scale ranks as weakest, so an unknown setting fails the diff until it is added.
 */

/** Aurora clusters and RDS instances: where a database's storage, backup and auth settings live. */
export const DATABASES = ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'];

/** Aurora clusters only: the resources that hold a tenant's data (their instances hold none). */
export const DB_CLUSTERS = ['AWS::RDS::DBCluster'];

/** Cluster and instance parameter groups, where PostgreSQL's TLS and pgaudit settings live. */
export const PARAMETER_GROUPS = ['AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::DBParameterGroup'];

export const ALARM = 'AWS::CloudWatch::Alarm';

/** The four flags of an S3 public access block; the bucket is closed only when all are true. */
export const PUBLIC_ACCESS_BLOCK_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/**
 * Elastic Load Balancing security policies of ALB/NLB listeners, weakest first. Policies in one
 * inner list are equally strong (same minimum TLS version and cipher class). A policy missing
 * from this table ranks as weakest, so an unknown policy fails the diff until it is added here:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const ELB_SSL_POLICY_STRENGTH: readonly (readonly string[])[] = [
  // TLS 1.0 and legacy ciphers
  ['ELBSecurityPolicy-2015-05', 'ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS-1-0-2015-04'],
  ['ELBSecurityPolicy-FS-2018-06', 'ELBSecurityPolicy-TLS13-1-0-2021-06'],
  // TLS 1.1 minimum
  ['ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-FS-1-1-2019-08', 'ELBSecurityPolicy-TLS13-1-1-2021-06'],
  // TLS 1.2 minimum, extended (CBC) ciphers
  ['ELBSecurityPolicy-TLS-1-2-2017-01', 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06'],
  // TLS 1.2 minimum, forward secrecy
  ['ELBSecurityPolicy-FS-1-2-2019-08', 'ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Ext0-PQ-2025-09', 'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09'],
  // TLS 1.2 minimum, restricted to AEAD forward-secret ciphers
  [
    'ELBSecurityPolicy-FS-1-2-Res-2019-08',
    'ELBSecurityPolicy-FS-1-2-Res-2020-10',
    'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
    'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
    'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
    'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  ],
  // TLS 1.3 only
  ['ELBSecurityPolicy-TLS13-1-3-2021-06', 'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04', 'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09'],
];

/** ELB's policy for an HTTPS/TLS listener that names none. */
export const ELB_DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

/** The tier of {@link ELB_SSL_POLICY_STRENGTH} a listener's policy is in (-1: not in the table). */
export function sslPolicyRank(policy: unknown): number {
  const name = policy === undefined ? ELB_DEFAULT_SSL_POLICY : policy;
  return ELB_SSL_POLICY_STRENGTH.findIndex((tier) => tier.includes(name as string));
}

/** PostgreSQL's `ssl_min_protocol_version` values, weakest first. */
export const PG_TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
/** PostgreSQL 12+ (and so Aurora PostgreSQL) defaults `ssl_min_protocol_version` to TLSv1.2. */
export const PG_DEFAULT_TLS = 'TLSv1.2';

/** Server-side encryption algorithms of S3, weakest first. */
export const S3_SSE_STRENGTH = [undefined, 'AES256', 'aws:kms', 'aws:kms:dsse'];
