import type { Control } from '../types';

/*
 * Data-tier controls (area 'data'): the PostgreSQL databases (encryption at rest under
 * customer-managed keys, enforced TLS, rotating credentials, IAM authentication, pgaudit
 * auditing, point-in-time backups, multi-AZ, automatic patching, network isolation), the
 * single-tenant datastores that keep every tenant's database, key and secret apart, and the
 * customer-data buckets (access logging, versioned retention). The data stack builds them.
 */
export const DATA_CONTROLS: readonly Control[] = [
  {
    id: 'DB-ENCRYPTION-AT-REST',
    statement:
      'PostgreSQL storage, snapshots and Performance Insights data are encrypted with a customer-managed KMS key of the database\'s data domain.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Postgres \\(database\\) encryption at rest' },
      { seed: '001_b709435b510d2964.txt', quote: 'Encryption in flight and at rest' },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'AES-256 encryption algorithm' },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'DB cluster StorageEncrypted true with KmsKeyId the tenant\'s customer-managed key (EnableKeyRotation true) and PerformanceInsightsKMSKeyId the same key; enhanced monitoring (MonitoringInterval 60) through a role only monitoring.rds.amazonaws.com of the account may assume.',
    detectors: {
      configRules: ['RDS_STORAGE_ENCRYPTED', 'RDS_SNAPSHOT_ENCRYPTED'],
      securityHub: ['RDS.4'],
    },
  },
  {
    id: 'DB-TLS',
    statement: 'Every connection to PostgreSQL uses TLS 1.2 or later; unencrypted connections are refused.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Postgres \\(database\\) transport security via TLS/SSL' },
      { seed: '001_b709435b510d2964.txt', quote: 'Encryption in flight and at rest' },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'including the use of TLS 1.2 protocols' },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement: 'DB cluster parameter group sets rds.force_ssl=1 and ssl_min_protocol_version=TLSv1.2.',
    detectors: {
      none: 'No managed Config rule or Security Hub control reads rds.force_ssl of an Aurora PostgreSQL cluster parameter group (a custom Config rule would; not built yet). The SaasBaseline nag rule and the controls diff keep it before deployment, and CloudTrail records ModifyDBClusterParameterGroup.',
    },
  },
  {
    id: 'DB-CREDENTIAL-ROTATION',
    statement:
      'Database master credentials live in a Secrets Manager secret under a customer-managed key and rotate automatically at least every 30 days.',
    sources: [{ seed: '000_0f4aa12068a9bf0e.txt', quote: 'Postgres \\(database\\) auto-rotation of credentials' }],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'DB cluster ManageMasterUserPassword true with MasterUserSecret.KmsKeyId the tenant key: RDS keeps the master password only in its Secrets Manager secret and rotates it on Secrets Manager\'s default 7-day schedule without a Lambda (CloudFormation documents no way to set that schedule for an RDS-managed secret); config data.rotationDays is validated to 7..30 days and is the maximumAllowedRotationFrequency of the AWS Config rule secretsmanager-rotation-enabled-check, which flags a schedule lengthened or turned off outside CloudFormation; no password appears in any template.',
    detectors: {
      configRules: ['SECRETSMANAGER_ROTATION_ENABLED_CHECK'],
      securityHub: ['SecretsManager.1', 'SecretsManager.4'],
    },
  },
  {
    id: 'DB-IAM-AUTH',
    statement:
      'IAM database authentication is on, so people and services connect as their own database users instead of sharing a password.',
    sources: [
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'users are granted unique identifiers for that purpose' },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Production systems are accessible only to authorized personnel using unique user accounts.',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'control who can access, manipulate, and delete data in our databases',
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'DB cluster IAMDatabaseAuthenticationEnabled true; roles receive rds-db:connect only on named database users of named clusters.',
    detectors: {
      configRules: ['RDS_CLUSTER_IAM_AUTHENTICATION_ENABLED'],
      securityHub: ['RDS.12'],
    },
  },
  {
    id: 'DB-AUDIT-LOGGING',
    statement:
      'pgaudit records DDL, role changes, writes and reads on every database (reads are required in production; staging, which holds no customer data, may turn them off), and PostgreSQL logs go to a KMS-encrypted CloudWatch log group with retention.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: 'Granular database auditing' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "We have technical policies in place to ensure that any access to customer's data is logged.",
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'Cluster parameter group shared_preload_libraries includes pgaudit, pgaudit.log covers ddl,role,write,read (read from data.auditReads, default true; config validation rejects false in production), pgaudit.role rds_pgaudit, pgaudit.log_parameter off, log_connections/log_disconnections on; EnableCloudwatchLogsExports [postgresql] into the pre-created /aws/rds/cluster/<id>/postgresql log group (tenant KmsKeyId, retention from config) that the cluster depends on.',
    detectors: {
      securityHub: ['RDS.9'],
    },
  },
  {
    id: 'DB-PITR-RETENTION',
    statement:
      'Automated (physical) database backups are kept 35 days in production, so a database can be rolled back to any second in that window; no logical backup is taken.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Postgres \\(database\\) logical and physical backups and rollback' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'a point-in-time restore, which allows us to go back to a previous database state',
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'partial',
    missing:
      '"logical ... backups" (000): every backup here is physical (Aurora\'s automated backups and snapshots, AWS Backup\'s recovery points of them); no logical export of a database (pg_dump or similar) is scheduled or kept, so a single table or tenant schema cannot be restored into another engine or version from a backup.',
    enforcement:
      'DB cluster BackupRetentionPeriod from config (validation rejects less than 35 in production), CopyTagsToSnapshot true, DeletionProtection true, DeletionPolicy/UpdateReplacePolicy Snapshot and PreferredBackupWindow from config.',
    detectors: {
      configRules: ['DB_INSTANCE_BACKUP_ENABLED'],
      securityHub: ['RDS.11'],
    },
  },
  {
    id: 'DB-MULTI-AZ',
    statement:
      'Every database has a writer and a reader in different availability zones and fails over automatically.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'tolerant to failures of individual servers as well as entire data centers',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "Data are stored at multiple locations in our cloud provider's data centers to ensure availability.",
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We use a combination of different storage technologies to assure that all data are protected from hardware failures.',
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'Aurora PostgreSQL cluster with a writer and at least one reader instance in different availability zones of the isolated subnets (or RDS MultiAZ true, if RDS is chosen); the writer\'s zone is a stable hash of the tenant ID over the configured zones and the reader\'s the next zone, so adding or removing a tenant moves no other tenant\'s instances.',
    detectors: {
      configRules: ['RDS_CLUSTER_MULTI_AZ_ENABLED'],
      securityHub: ['RDS.15'],
    },
  },
  {
    id: 'DB-PATCHING',
    statement: 'The database engine\'s minor versions, which carry its security patches, are applied automatically in a configured maintenance window (the application image is ORG-APP-IMAGE-PATCHING\'s).',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security patches and critical updates are applied on an ongoing basis.',
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'Aurora PostgreSQL 17 cluster and every DB instance AutoMinorVersionUpgrade true, with PreferredMaintenanceWindow from config.',
    detectors: {
      configRules: ['RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED'],
      securityHub: ['RDS.13'],
    },
  },
  {
    id: 'DB-NETWORK-ACCESS',
    statement:
      'Databases sit in the isolated subnets, are not publicly accessible, and accept connections only from the workload on the database port.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: 'Network isolation and access' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Network access to our production environment from public networks is restricted.',
      },
    ],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'DB subnet group of PRIVATE_ISOLATED subnets, PubliclyAccessible false, and a security group whose only ingress is the database port from the workload security group; the network ACL of those subnets admits only the database port and HTTPS (for the guardduty-data endpoint GuardDuty may place there), only from the private subnets (NET-NACLS).',
    detectors: {
      configRules: ['RDS_INSTANCE_PUBLIC_ACCESS_CHECK'],
      securityHub: ['RDS.2'],
    },
  },

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
  },
];
