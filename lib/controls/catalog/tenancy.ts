import { ACCESS_LOGS_TAG, TENANT_TAG_KEY } from '../../constants/tags';
import { arrow, entryVerdicts, list, present, prop, ranked, same } from '../diff-builders';
import { policyDocuments, POLICY_HOLDERS } from '../diff-builders-iam';
import type { DiffRule } from '../diff-rule';
import { DATA_STACK, hasTag, isTenant, props, tag, target } from '../evidence-predicates';
import { conditionValue, statementsOf, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const accessLogBucketModule = () => import('../../constructs/common/access-log-bucket.js');
const customerFilesBucketModule = () => import('../../constructs/data/customer-files-bucket.js');
const tenantDatastoreModule = () => import('../../constructs/data/tenant-datastore.js');

/** Where each tenant-tagged type names its KMS keys (TEN-DEDICATED-KEY). */
const TENANT_KEY_PATHS: Readonly<Record<string, readonly string[]>> = {
  'AWS::RDS::DBCluster': ['KmsKeyId', 'MasterUserSecret.KmsKeyId', 'PerformanceInsightsKmsKeyId'],
  'AWS::RDS::DBInstance': ['KmsKeyId', 'PerformanceInsightsKMSKeyId'],
  'AWS::Logs::LogGroup': ['KmsKeyId'],
  'AWS::SecretsManager::Secret': ['KmsKeyId'],
  'AWS::S3::Bucket': ['BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID'],
};

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
    enforcedBy: [exported(tenantDatastoreModule, 'TenantDatastore')],
    evidence: {
      what: 'each tenant\'s database cluster, files bucket, key and access role (tenant tag)',
      select: [{ types: ['AWS::RDS::DBCluster', 'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::IAM::Role'], where: isTenant }],
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::RDS::DBCluster'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            const [b, a] = [tenantOf(before), tenantOf(after)];
            if (kind === 'removed') return b === undefined ? undefined : { direction: 'weakened', detail: `tenant ${b}'s database cluster removed` };
            if (kind === 'added') return a === undefined ? undefined : { direction: 'strengthened', detail: `database cluster of tenant ${a} added` };
            if (b === a) return undefined;
            return { direction: 'weakened', detail: `database cluster of tenant ${b ?? '(none)'} now tagged for ${a ?? 'no tenant'}` };
          },
        },
      ],
    },
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
    enforcedBy: [exported(tenantDatastoreModule, 'TenantDatastore')],
    evidence: { what: 'each tenant\'s KMS key (tenant tag)', select: [{ types: ['AWS::KMS::Key'], where: isTenant }] },
    diff: {
      rules: [
        {
          resourceTypes: Object.keys(TENANT_KEY_PATHS),
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const tenant = tenantOf(before);
            if (tenant === undefined || after === undefined) return undefined;
            // The diff cannot prove a new key is the tenant's own: a reviewer must.
            return TENANT_KEY_PATHS[before!.Type]
              .filter((path) => !same(prop(before, path), prop(after, path)))
              .map((path) => ({ direction: 'weakened' as const, detail: `${arrow(path, prop(before, path), prop(after, path))} on tenant ${tenant}'s ${before!.Type}: not shown to be the tenant's own key` }));
          },
        },
        {
          resourceTypes: ['AWS::KMS::Key'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            const [b, a] = [tenantOf(before), tenantOf(after)];
            if (b === undefined || (kind !== 'removed' && a === b)) return undefined;
            return { direction: 'weakened', detail: kind === 'removed' ? `tenant ${b}'s KMS key removed` : `tenant ${b}'s KMS key now tagged for ${a ?? 'no tenant'}` };
          },
        },
      ],
    },
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
    enforcedBy: [exported(tenantDatastoreModule, 'TenantDatastore')],
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
    diff: {
      rules: [
        ...(
          [
            ['AWS::KMS::Key', 'KeyPolicy', 'key policy'],
            ['AWS::S3::BucketPolicy', 'PolicyDocument', 'bucket policy'],
          ] as const
        ).map(
          ([type, key, what]): DiffRule => ({
            resourceTypes: [type],
            assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
              const [b, a] = [deniesOtherTenants(before?.Properties?.[key]), deniesOtherTenants(after?.Properties?.[key])];
              if (b === a || (after === undefined && before !== undefined && type === 'AWS::KMS::Key')) return undefined;
              return a
                ? { direction: 'strengthened', detail: `${what} now denies principals tagged for another tenant (${TENANT_PRINCIPAL_TAG})` }
                : { direction: 'weakened', detail: `${what} ${after ? 'no longer denies' : 'that denied'} principals tagged for another tenant (${TENANT_PRINCIPAL_TAG})${after ? '' : ' removed'}` };
            },
          }),
        ),
        {
          // The resource policies' deny keys on the principal's tenant tag: a role without it escapes.
          resourceTypes: ['AWS::IAM::Role'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const [b, a] = [tenantOf(before), tenantOf(after)];
            if (b === undefined || after === undefined || a === b) return undefined;
            return { direction: 'weakened', detail: `role of tenant ${b} ${a === undefined ? `lost its ${TENANT_TAG_KEY} tag` : `now tagged for ${a}`}` };
          },
        },
        {
          resourceTypes: POLICY_HOLDERS,
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            if (after === undefined) return undefined;
            return entryVerdicts(policyDocuments(before).flatMap(tenantDataOnAnyResource), policyDocuments(after).flatMap(tenantDataOnAnyResource), 'weakened', (g, how) => `${how === 'added' ? 'grants' : 'no longer grants'} tenant-data action ${g}`);
          },
        },
      ],
    },
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
    enforcedBy: [exported(customerFilesBucketModule, 'CustomerFilesBucket'), exported(accessLogBucketModule, 'AccessLogBucket')],
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
    enforcedBy: [exported(customerFilesBucketModule, 'CustomerFilesBucket')],
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

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** The tenant a resource is tagged for (`saas-security-baseline:tenant`), if any. */
function tenantOf(resource: TemplateResource | undefined): string | undefined {
  return resource === undefined ? undefined : (tag(resource, TENANT_TAG_KEY) as string | undefined);
}

/** The condition key the tenants' resource policies deny other tenants' principals by. */
const TENANT_PRINCIPAL_TAG = `aws:PrincipalTag/${TENANT_TAG_KEY}`;

/** Whether a resource policy denies principals tagged for another tenant. */
function deniesOtherTenants(doc: any): boolean {
  return statementsOf(doc).some((st) => st.Effect === 'Deny' && conditionValue(st, TENANT_PRINCIPAL_TAG) !== undefined);
}

/** Actions that read or write a tenant's data: its database user, key, secret and objects. */
const TENANT_DATA_ACTION = /^(\*|rds-db:.*|kms:(\*|Decrypt.*|GenerateDataKey.*|ReEncrypt.*)|secretsmanager:(\*|Get.*)|s3:(\*|.*Object.*))$/i;

/** Grants of tenant-data actions on every resource (`Resource: "*"`). */
function tenantDataOnAnyResource(doc: any): string[] {
  return statementsOf(doc)
    .filter((st) => st.Effect === 'Allow' && list(st.Resource).includes('*'))
    .flatMap((st) => list(st.Action).filter((a) => TENANT_DATA_ACTION.test(String(a))))
    .map((a) => `${a} on *`);
}
