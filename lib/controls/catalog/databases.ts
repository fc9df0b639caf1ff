import { DATABASE_PORT } from '../../constants/ports';
import * as nag from '../../nag/rules';
import { DATABASES, DB_CLUSTERS, PARAMETER_GROUPS, PG_DEFAULT_TLS, PG_TLS_VERSIONS } from '../aws-tables';
import { arrow, atLeast, byRank, enforcingResource, flag, present, prop, ranked, show } from '../diff-builders';
import { ingressRules, sgRuleSource } from '../diff-builders-resources';
import { DATA_STACK, inStack, named, props } from '../evidence-predicates';
import { forcesSsl, isTrue, opensDatabaseToRange, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const databaseShardModule = () => import('../../constructs/data/database-shard.js');
const enhancedMonitoringRoleModule = () => import('../../constructs/data/enhanced-monitoring-role.js');
const postgresParameterGroupModule = () => import('../../constructs/data/postgres-parameter-group.js');
const tenantDatabaseModule = () => import('../../constructs/data/tenant-database.js');
const tierNetworkAclsModule = () => import('../../constructs/network/tier-network-acls.js');

/*
 * Database controls (area 'data', DB-*): the PostgreSQL databases: encryption at rest under
 * customer-managed keys, enforced TLS, rotating credentials, IAM authentication, pgaudit
 * auditing, point-in-time backups, multi-AZ, automatic patching, network isolation. The data
 * stacks build them; tenancy.ts holds the rest of the data area.
 */
export const DATABASE_CONTROLS: readonly Control[] = [
  {
    id: 'DB-ENCRYPTION-AT-REST',
    statement:
      'PostgreSQL storage, snapshots and Performance Insights data are encrypted with a customer-managed KMS key of the database\'s data domain.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Postgres (database) encryption at rest' },
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
    enforcedBy: [exported(tenantDatabaseModule, 'TenantDatabase'), exported(enhancedMonitoringRoleModule, 'EnhancedMonitoringRole')],
    evidence: { what: 'encrypted database clusters', select: [{ types: DB_CLUSTERS, where: (r) => isTrue(props(r).StorageEncrypted) && props(r).KmsKeyId !== undefined }] },
    diff: {
      rules: [
        flag(DATABASES, ['Properties', 'StorageEncrypted'], 'StorageEncrypted'),
        present(DATABASES, ['Properties', 'KmsKeyId'], 'KmsKeyId'),
        // An instance that belongs to a cluster inherits the cluster's encryption.
        enforcingResource(
          DATABASES,
          'database',
          (r) => isTrue(r.Properties?.StorageEncrypted) || r.Properties?.DBClusterIdentifier !== undefined,
          'StorageEncrypted',
        ),
      ],
    },
  },
  {
    id: 'DB-TLS',
    statement: 'Every connection to PostgreSQL uses TLS 1.2 or later; unencrypted connections are refused.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Postgres (database) transport security via TLS/SSL' },
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
    enforcedBy: [exported(postgresParameterGroupModule, 'PostgresParameterGroup')],
    evidence: { what: 'parameter groups with rds.force_ssl=1', select: [{ types: PARAMETER_GROUPS, where: forcesSsl }] },
    diff: {
      rules: [
        {
          resourceTypes: PARAMETER_GROUPS,
          path: ['Properties', 'Parameters', 'rds.force_ssl'],
          assess: (before, after) => ({
            direction: byRank(Number(String(before) === '1'), Number(String(after) === '1')),
            detail: arrow('rds.force_ssl', before, after),
          }),
        },
        ranked(PARAMETER_GROUPS, ['Properties', 'Parameters', 'ssl_min_protocol_version'], 'ssl_min_protocol_version', PG_TLS_VERSIONS, PG_DEFAULT_TLS),
        enforcingResource(PARAMETER_GROUPS, 'parameter group with rds.force_ssl=1', forcesSsl),
        present(['AWS::RDS::DBCluster'], ['Properties', 'DBClusterParameterGroupName'], 'DBClusterParameterGroupName'),
        present(['AWS::RDS::DBInstance'], ['Properties', 'DBParameterGroupName'], 'DBParameterGroupName'),
      ],
    },
    nagRules: [nag.PostgresForceSsl],
  },
  {
    id: 'DB-CREDENTIAL-ROTATION',
    statement:
      'Database master credentials live in a Secrets Manager secret under a customer-managed key and rotate automatically at least every 30 days.',
    sources: [{ seed: '000_0f4aa12068a9bf0e.txt', quote: 'Postgres (database) auto-rotation of credentials' }],
    kind: 'enforced',
    area: 'data',
    status: 'implemented',
    enforcement:
      'DB cluster ManageMasterUserPassword true with MasterUserSecret.KmsKeyId the tenant key: RDS keeps the master password only in its Secrets Manager secret and rotates it on Secrets Manager\'s default 7-day schedule without a Lambda (CloudFormation documents no way to set that schedule for an RDS-managed secret); config data.rotationDays is validated to 7..30 days and is the maximumAllowedRotationFrequency of the AWS Config rule secretsmanager-rotation-enabled-check, which flags a schedule lengthened or turned off outside CloudFormation; no password appears in any template.',
    detectors: {
      configRules: ['SECRETSMANAGER_ROTATION_ENABLED_CHECK'],
      securityHub: ['SecretsManager.1', 'SecretsManager.4'],
    },
    enforcedBy: [exported(tenantDatabaseModule, 'TenantDatabase')],
    evidence: {
      what: 'database clusters whose master secret RDS manages and rotates',
      select: [{ types: DB_CLUSTERS, where: (r) => isTrue(props(r).ManageMasterUserPassword) }, { types: ['AWS::SecretsManager::RotationSchedule'] }],
    },
    diff: {
      rules: [
        // The RDS-managed secret rotates on its own; without it the master password is a static one.
        flag(['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], ['Properties', 'ManageMasterUserPassword'], 'ManageMasterUserPassword'),
      ],
    },
    nagRules: [nag.DatabaseSecretRotation],
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
    enforcedBy: [exported(tenantDatabaseModule, 'TenantDatabase')],
    evidence: { what: 'database clusters with IAM authentication', select: [{ types: DB_CLUSTERS, where: (r) => isTrue(props(r).EnableIAMDatabaseAuthentication) }] },
    diff: {
      rules: [
        flag(DATABASES, ['Properties', 'EnableIAMDatabaseAuthentication'], 'EnableIAMDatabaseAuthentication'),
      ],
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
    enforcedBy: [exported(postgresParameterGroupModule, 'PostgresParameterGroup'), exported(tenantDatabaseModule, 'TenantDatabase')],
    evidence: {
      what: 'pgaudit parameter groups, clusters exporting the postgresql log, and those log groups',
      select: [
        { types: PARAMETER_GROUPS, where: (r) => String(props(r).Parameters?.shared_preload_libraries ?? '').includes('pgaudit') },
        { types: DB_CLUSTERS, where: (r) => (props(r).EnableCloudwatchLogsExports ?? []).includes('postgresql') },
        { types: ['AWS::Logs::LogGroup'], where: named(/^\/aws\/rds\/cluster\/.*\/postgresql$/) },
      ],
    },
    diff: {
      rules: [
        {
          resourceTypes: DATABASES,
          path: ['Properties', 'EnableCloudwatchLogsExports'],
          assess: (before: string[] | undefined, after: string[] | undefined) => [
            ...(before ?? []).filter((l) => !(after ?? []).includes(l)).map((l) => ({ direction: 'weakened' as const, detail: `log export ${l} removed` })),
            ...(after ?? []).filter((l) => !(before ?? []).includes(l)).map((l) => ({ direction: 'strengthened' as const, detail: `log export ${l} added` })),
          ],
        },
      ],
    },
  },
  {
    id: 'DB-PITR-RETENTION',
    statement:
      'Automated (physical) database backups are kept 35 days in production, so a database can be rolled back to any second in that window; no logical backup is taken.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Postgres (database) logical and physical backups and rollback' },
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
      'DB cluster BackupRetentionPeriod from config backup.continuousBackupDays, the one point-in-time window, which AWS Backup\'s continuous backup also keeps (validation rejects less than 35 in production), CopyTagsToSnapshot true, DeletionProtection true, DeletionPolicy/UpdateReplacePolicy Snapshot and PreferredBackupWindow from config.',
    detectors: {
      configRules: ['DB_INSTANCE_BACKUP_ENABLED'],
      securityHub: ['RDS.11'],
    },
    enforcedBy: [exported(tenantDatabaseModule, 'TenantDatabase')],
    evidence: { what: 'database clusters with their backup retention', select: [{ types: DB_CLUSTERS, where: (r) => props(r).BackupRetentionPeriod !== undefined }] },
    diff: {
      rules: [
        // CloudFormation's default BackupRetentionPeriod is 1 day for both clusters and instances.
        atLeast(DATABASES, ['Properties', 'BackupRetentionPeriod'], 'BackupRetentionPeriod', 1),
      ],
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
    enforcedBy: [exported(tenantDatabaseModule, 'TenantDatabase')],
    evidence: { what: 'database clusters and their writer and reader instances', select: [{ types: DB_CLUSTERS }, { types: ['AWS::RDS::DBInstance'], where: (r) => props(r).DBClusterIdentifier !== undefined }] },
    diff: {
      rules: [
        // An Aurora cluster's writer and readers, an instance's standby.
        {
          resourceTypes: ['AWS::RDS::DBInstance'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            const member = (r?: TemplateResource) => prop(r, 'DBClusterIdentifier');
            if (kind === 'removed' && member(before) !== undefined) return { direction: 'weakened', detail: `instance of cluster ${show(member(before))} removed (fewer zones to fail over to)` };
            if (kind === 'added' && member(after) !== undefined) return { direction: 'strengthened', detail: `instance of cluster ${show(member(after))} added` };
            const [bz, az] = [prop(before, 'AvailabilityZone'), prop(after, 'AvailabilityZone')];
            // Whether writer and reader still differ is a relation between resources, for a reviewer.
            if (before !== undefined && after !== undefined && bz !== az) return { direction: 'neutral', detail: `${arrow('AvailabilityZone', bz, az)} of an instance of cluster ${show(member(after))}` };
            return undefined;
          },
        },
        flag(['AWS::RDS::DBInstance'], ['Properties', 'MultiAZ'], 'MultiAZ'),
      ],
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
    enforcedBy: [exported(tenantDatabaseModule, 'TenantDatabase')],
    evidence: { what: 'database instances with automatic minor version upgrades', select: [{ types: ['AWS::RDS::DBInstance'], where: (r) => isTrue(props(r).AutoMinorVersionUpgrade) }] },
    diff: {
      rules: [
        // Absent on an instance means on: "By default, minor engine upgrades are applied automatically"
        // (CreateDBInstance reference, https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-create-db-instance-request/auto-minor-version-upgrade.html).
        flag(['AWS::RDS::DBInstance'], ['Properties', 'AutoMinorVersionUpgrade'], 'AutoMinorVersionUpgrade', true),
        flag(['AWS::RDS::DBCluster'], ['Properties', 'AutoMinorVersionUpgrade'], 'AutoMinorVersionUpgrade'),
        present(['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], ['Properties', 'PreferredMaintenanceWindow'], 'PreferredMaintenanceWindow'),
      ],
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
    enforcedBy: [exported(databaseShardModule, 'DatabaseShard'), exported(tierNetworkAclsModule, 'TierNetworkAcls')],
    evidence: {
      what: 'DB subnet groups, private database instances, and the data stacks\' database security groups and their rules',
      select: [
        { types: ['AWS::RDS::DBSubnetGroup'], where: inStack(DATA_STACK) },
        { types: ['AWS::RDS::DBInstance'], where: (r) => props(r).PubliclyAccessible === false },
        { types: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'], where: inStack(DATA_STACK) },
      ],
    },
    diff: {
      rules: [
        // The databases admit only security groups (the workload's); a rule that opens the database
        // port to an address range (0.0.0.0/0, a CIDR, a prefix list) bypasses that.
        ...ingressRules(opensDatabaseToRange, (r) => `ingress ${DATABASE_PORT} from ${sgRuleSource(r)}`),
        // No database instance is publicly accessible.
        {
          resourceTypes: ['AWS::RDS::DBInstance'],
          path: ['Properties', 'PubliclyAccessible'],
          assess: (before, after) => (isTrue(before) === isTrue(after) ? undefined : { direction: isTrue(after) ? 'weakened' : 'strengthened', detail: arrow('PubliclyAccessible', before, after) }),
        },
      ],
    },
  },
];
