import { ACCESS_LOGS_TAG } from '../../constants/tags';
import { AccessLogBucket } from '../../constructs/common/access-log-bucket';
import { CustomerFilesBucket } from '../../constructs/data/customer-files-bucket';
import { TenantDatastore } from '../../constructs/data/tenant-datastore';
import { present, ranked } from '../diff-builders';
import { TEN_DEDICATED_DATASTORE_RULES, TEN_DEDICATED_KEY_RULES, TEN_ISOLATED_ACCESS_RULES } from '../diff-rules-area-a';
import { DATA_STACK, hasTag, isTenant, props, target } from '../evidence-predicates';
import type { Control } from '../types';

/*
 * Tenancy and customer-data controls (area 'data', TEN-* and DATA-*): the single-tenant
 * datastores that keep every tenant's database, key and secret apart, and the customer-data
 * buckets (access logging, versioned retention). The data stacks build them; databases.ts holds
 * the database controls of the same area.
 */
export const TENANCY_CONTROLS: readonly Control[] = [
  // Single-tenant datastores.
  {
    id: 'TEN-DEDICATED-DATASTORE',
    statement: 'Every tenant in the environment\'s config has a PostgreSQL database cluster and a credentials secret of its own.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Customer data is stored in single-tenant datastores.' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "Each customer's data are hosted in the public cloud resources allocated to us and isolated logically.",
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'One TenantDatastore per config tenant, each with its own Aurora cluster (and its RDS-managed master secret), key, files bucket and access role, tagged with the tenant ID under stable logical IDs; tenants go to the Data<shard> stack their config names, validation caps a shard at the tenants that keep it under 400 resources, and a 50-tenant synthesis is tested.',
    detectors: {
      none: 'Tenancy is a property of the configuration (one cluster per tenant); no managed detector knows the tenant list. The tests prove one cluster per configured tenant on every synthesis.',
    },
    enforcedBy: [TenantDatastore],
    evidence: {
      what: 'each tenant\'s database cluster, files bucket, key and access role (tenant tag)',
      select: [{ types: ['AWS::RDS::DBCluster', 'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::IAM::Role'], where: isTenant }],
    },
    diff: { rules: TEN_DEDICATED_DATASTORE_RULES },
  },
  {
    id: 'TEN-DEDICATED-KEY',
    statement: 'Every tenant\'s data (database, snapshots, secret, objects) is encrypted under a KMS key of its own.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'single-tenant datastores' },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Application environments are logically segmented to prevent cross-customer data access.',
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'One AWS::KMS::Key per tenant with EnableKeyRotation true, used by that tenant\'s cluster storage, Performance Insights, master secret, PostgreSQL log group and files bucket and by no other tenant\'s resource; its key policy delegates to the account\'s IAM, lets CloudWatch Logs use it only for that tenant\'s PostgreSQL log group, names no tenant role, and denies kms:* to every principal tagged with another tenant\'s ID (TEN-ISOLATED-ACCESS).',
    detectors: {
      none: 'No managed detector knows which key belongs to which tenant; key rotation is watched under FND-ENCRYPTION-AT-REST, and IAM Access Analyzer reports a key shared outside the account.',
    },
    enforcedBy: [TenantDatastore],
    evidence: { what: 'each tenant\'s KMS key (tenant tag)', select: [{ types: ['AWS::KMS::Key'], where: isTenant }] },
    diff: { rules: TEN_DEDICATED_KEY_RULES },
  },
  {
    id: 'TEN-ISOLATED-ACCESS',
    statement:
      'Each tenant\'s IAM role can reach only that tenant\'s database user, key, secret and objects, and no workload policy grants * on tenant resources.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'to prevent one customer from accessing another customer’s data (i.e., logical separation)',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'logically segmented to prevent cross-customer data access' },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'isolated logically' },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'Per-tenant IAM role (customer-managed policy, assumable by ECS tasks of the account) with rds-db:connect on the tenant cluster\'s tenant_<id> user, kms:Decrypt/GenerateDataKey on the tenant key, secretsmanager:GetSecretValue on the tenant secret and named S3 object actions on the tenant bucket only; on the resource side, the tenant\'s key policy and bucket policy deny every principal whose saas-security-baseline:tenant tag names another tenant (the access roles carry their tenant\'s tag), so a later over-broad IAM grant still cannot cross tenants; tests read every synthesized policy and fail on any cross-tenant grant, any tenant-data action (including wildcard actions such as kms:*, s3:*Object, secretsmanager:Get* and NotAction) on a resource with a wildcard other than a tenant role\'s own <bucket-arn>/*, and any wildcard action on a tenant resource.',
    detectors: {
      none: 'No managed detector evaluates cross-tenant access between roles of one account; the tests read every policy on every synthesis, and CloudTrail records each data-plane call by role.',
    },
    enforcedBy: [TenantDatastore],
    evidence: {
      what: 'each tenant\'s access role (tenant tag) and its managed policy',
      select: [
        { types: ['AWS::IAM::Role'], where: isTenant },
        {
          types: ['AWS::IAM::ManagedPolicy'],
          where: (r, c) => [props(r).Roles ?? []].flat().some((role: unknown) => isTenant(c.template.Resources?.[target(role) ?? ''] ?? { Type: '' })),
        },
      ],
    },
    diff: { rules: TEN_ISOLATED_ACCESS_RULES },
  },

  // Customer-data buckets.
  {
    id: 'DATA-BUCKET-ACCESS-LOGS',
    statement: 'Customer-data buckets write server access logs to a separate, non-public log bucket.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "any access to customer's data is logged",
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'Customer-data AWS::S3::Bucket LoggingConfiguration (prefix <tenant>/) targeting the data stack\'s access-log bucket: SSE-S3 (the documented encryption for log destinations), tagged saas-security-baseline:purpose=access-logs, public access blocked, TLS-only, versioned, delivery granted by bucket policy to logging.s3.amazonaws.com per source bucket, expiring after the log retention.',
    detectors: {
      configRules: ['S3_BUCKET_LOGGING_ENABLED'],
    },
    enforcedBy: [CustomerFilesBucket, AccessLogBucket],
    evidence: {
      what: 'tenant buckets logging to the data stack\'s access-log bucket, and that bucket',
      select: [
        { types: ['AWS::S3::Bucket'], where: (r) => isTenant(r) && props(r).LoggingConfiguration?.DestinationBucketName !== undefined },
        { types: ['AWS::S3::Bucket'], where: (r, c) => DATA_STACK.test(c.stack) && hasTag(ACCESS_LOGS_TAG.key, ACCESS_LOGS_TAG.value)(r) },
      ],
    },
    diff: {
      rules: [
        present(['AWS::S3::Bucket'], ['Properties', 'LoggingConfiguration'], 'LoggingConfiguration'),
      ],
    },
  },
  {
    id: 'DATA-VERSIONED-RETENTION',
    statement:
      'Customer-data buckets keep object versions and expire noncurrent versions after the configured retention.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Backup copies may persist until overwritten through routine secure backup rotation',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All our data, including Amazon S3 buckets and databases, is backed up',
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'Customer-data buckets VersioningConfiguration Enabled with a lifecycle rule NoncurrentVersionExpiration (days from config) and AbortIncompleteMultipartUpload.',
    detectors: {
      configRules: ['S3_BUCKET_VERSIONING_ENABLED', 'S3_VERSION_LIFECYCLE_POLICY_CHECK'],
      securityHub: ['S3.10'],
    },
    enforcedBy: [CustomerFilesBucket],
    evidence: {
      what: 'versioned tenant buckets with noncurrent-version expiry',
      select: [
        {
          types: ['AWS::S3::Bucket'],
          where: (r) => isTenant(r) && props(r).VersioningConfiguration?.Status === 'Enabled' && (props(r).LifecycleConfiguration?.Rules ?? []).some((l: any) => l.NoncurrentVersionExpiration),
        },
      ],
    },
    diff: {
      rules: [
        ranked(['AWS::S3::Bucket'], ['Properties', 'VersioningConfiguration', 'Status'], 'VersioningConfiguration.Status', ['Suspended', 'Enabled'], 'Suspended'),
      ],
    },
  },
];
