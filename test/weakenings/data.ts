/**
 * Weakening fixtures of the data controls (lib/controls/catalog/data.ts: databases, tenants,
 * customer-data buckets), run by test/controls-diff-weakenings.test.ts.
 */
import { TENANT_TAG_KEY } from '../../lib/constants/tags';
import { DATABASE_PORT } from '../../lib/constants/ports';
import { statementsOf } from '../../lib/controls/diff-rules';
import { first, isTrueish, remove, resources, tag, tagValue, untag } from './edit';
import type { Templates, Weakening } from './types';

const cluster = (t: Templates) => first(t, 'AWS::RDS::DBCluster', (p) => isTrueish(p.StorageEncrypted), 'encrypted database cluster');
const tenantCluster = (t: Templates) => first(t, 'AWS::RDS::DBCluster', (p) => tagValue(p, TENANT_TAG_KEY) !== undefined, "a tenant's database cluster");
const memberInstance = (t: Templates) => first(t, 'AWS::RDS::DBInstance', (p) => p.DBClusterIdentifier !== undefined, 'instance of a database cluster');
const parameterGroup = (t: Templates) => first(t, 'AWS::RDS::DBClusterParameterGroup', (p) => String(p.Parameters?.['rds.force_ssl']) === '1', 'parameter group forcing SSL');
const databaseIngress = (t: Templates) =>
  first(t, 'AWS::EC2::SecurityGroupIngress', (p) => p.FromPort === DATABASE_PORT && p.SourceSecurityGroupId !== undefined, 'database-port ingress from a security group');
const loggedBucket = (t: Templates) => first(t, 'AWS::S3::Bucket', (p) => p.LoggingConfiguration !== undefined, 'bucket with access logging');
const versionedBucket = (t: Templates) => first(t, 'AWS::S3::Bucket', (p) => p.VersioningConfiguration?.Status === 'Enabled', 'versioned bucket');
const tenantBucket = (t: Templates) => first(t, 'AWS::S3::Bucket', (p) => tagValue(p, TENANT_TAG_KEY) !== undefined, "a tenant's bucket");

/** The statement of a tenant's bucket policy that denies principals tagged for another tenant. */
function otherTenantsDeny(t: Templates): { policy: ReturnType<typeof first>; statement: any } {
  const isDeny = (st: any) => st.Effect === 'Deny' && JSON.stringify(st.Condition ?? {}).includes(`aws:PrincipalTag/${TENANT_TAG_KEY}`);
  const policy = first(t, 'AWS::S3::BucketPolicy', (p) => statementsOf(p.PolicyDocument).some(isDeny), 'bucket policy denying other tenants');
  return { policy, statement: statementsOf(policy.props.PolicyDocument).find(isDeny) };
}

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'DB-ENCRYPTION-AT-REST',
    title: "turns a cluster's storage encryption off",
    weaken: (t) => {
      cluster(t).props.StorageEncrypted = false;
    },
    neutral: (t) => tag(cluster(t)),
  },
  {
    control: 'DB-TLS',
    title: 'lets the databases accept connections without TLS (rds.force_ssl 0)',
    weaken: (t) => {
      parameterGroup(t).props.Parameters['rds.force_ssl'] = '0';
    },
    neutral: (t) => {
      parameterGroup(t).props.Parameters.log_temp_files = '204800';
    },
  },
  {
    control: 'DB-CREDENTIAL-ROTATION',
    title: "gives up the RDS-managed, rotating master secret",
    weaken: (t) => {
      first(t, 'AWS::RDS::DBCluster', (p) => isTrueish(p.ManageMasterUserPassword), 'cluster with an RDS-managed secret').props.ManageMasterUserPassword = false;
    },
    neutral: (t) => tag(first(t, 'AWS::RDS::DBCluster', (p) => isTrueish(p.ManageMasterUserPassword), 'cluster with an RDS-managed secret')),
  },
  {
    control: 'DB-IAM-AUTH',
    title: 'turns IAM database authentication off',
    weaken: (t) => {
      first(t, 'AWS::RDS::DBCluster', (p) => isTrueish(p.EnableIAMDatabaseAuthentication), 'cluster with IAM authentication').props.EnableIAMDatabaseAuthentication = false;
    },
    neutral: (t) => tag(first(t, 'AWS::RDS::DBCluster', (p) => isTrueish(p.EnableIAMDatabaseAuthentication), 'cluster with IAM authentication')),
  },
  {
    control: 'DB-AUDIT-LOGGING',
    title: "stops exporting a cluster's PostgreSQL log",
    weaken: (t) => {
      first(t, 'AWS::RDS::DBCluster', (p) => (p.EnableCloudwatchLogsExports ?? []).length > 0, 'cluster exporting logs').props.EnableCloudwatchLogsExports = [];
    },
    neutral: (t) => {
      first(t, 'AWS::RDS::DBCluster', (p) => (p.EnableCloudwatchLogsExports ?? []).length > 0, 'cluster exporting logs').props.PerformanceInsightsRetentionPeriod = 31;
    },
  },
  {
    control: 'DB-PITR-RETENTION',
    title: 'keeps point-in-time backups 7 days instead of 35',
    weaken: (t) => {
      first(t, 'AWS::RDS::DBCluster', (p) => Number(p.BackupRetentionPeriod) > 7, 'cluster keeping backups more than 7 days').props.BackupRetentionPeriod = 7;
    },
    neutral: (t) => {
      first(t, 'AWS::RDS::DBCluster', (p) => p.PreferredBackupWindow !== undefined, 'cluster with a backup window').props.PreferredBackupWindow = '17:00-18:00';
    },
  },
  {
    control: 'DB-NETWORK-ACCESS',
    title: 'opens the database port to 0.0.0.0/0 instead of the workload security group',
    weaken: (t) => {
      const ingress = databaseIngress(t);
      delete ingress.props.SourceSecurityGroupId;
      ingress.props.CidrIp = '0.0.0.0/0';
    },
    neutral: (t) => {
      databaseIngress(t).props.Description = 'PostgreSQL from the application tasks';
    },
  },
  {
    control: 'DATA-BUCKET-ACCESS-LOGS',
    title: "turns a bucket's server access logging off",
    weaken: (t) => {
      delete loggedBucket(t).props.LoggingConfiguration;
    },
    neutral: (t) => {
      loggedBucket(t).props.LoggingConfiguration.LogFilePrefix = 'renamed/';
    },
  },
  {
    control: 'DATA-VERSIONED-RETENTION',
    title: "suspends a bucket's versioning",
    weaken: (t) => {
      versionedBucket(t).props.VersioningConfiguration.Status = 'Suspended';
    },
    neutral: (t) => tag(versionedBucket(t)),
  },
  {
    control: 'DB-MULTI-AZ',
    title: "removes a cluster's reader instance",
    weaken: (t) => {
      const readers = resources(t, 'AWS::RDS::DBInstance', (p) => p.DBClusterIdentifier !== undefined && Number(p.PromotionTier) > 0, 'reader instance of a cluster');
      remove(t, readers[0]);
    },
    neutral: (t) => tag(memberInstance(t)),
  },
  {
    control: 'DB-PATCHING',
    title: 'turns automatic minor version upgrades off on a database instance',
    weaken: (t) => {
      first(t, 'AWS::RDS::DBInstance', (p) => isTrueish(p.AutoMinorVersionUpgrade), 'instance with automatic minor upgrades').props.AutoMinorVersionUpgrade = false;
    },
    neutral: (t) => {
      memberInstance(t).props.PreferredMaintenanceWindow = 'sat:19:30-sat:20:30';
    },
  },
  {
    control: 'TEN-DEDICATED-DATASTORE',
    title: "removes a tenant's database cluster",
    weaken: (t) => remove(t, tenantCluster(t)),
    neutral: (t) => tag(tenantCluster(t)),
  },
  {
    control: 'TEN-DEDICATED-KEY',
    title: "encrypts one tenant's bucket with another tenant's key",
    weaken: (t) => {
      const bucket = tenantBucket(t);
      const tenant = tagValue(bucket.props, TENANT_TAG_KEY);
      const other = first(t, 'AWS::KMS::Key', (p) => tagValue(p, TENANT_TAG_KEY) !== undefined && tagValue(p, TENANT_TAG_KEY) !== tenant, "another tenant's key");
      if (other.stack !== bucket.stack) throw new Error(`the other tenant's key is in ${other.stack}, not ${bucket.stack}`);
      bucket.props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID = { 'Fn::GetAtt': [other.logicalId, 'Arn'] };
    },
    neutral: (t) => tag(tenantBucket(t)),
  },
  {
    control: 'TEN-ISOLATED-ACCESS',
    title: "drops the deny of other tenants' principals from a tenant's bucket policy",
    weaken: (t) => {
      const { policy, statement } = otherTenantsDeny(t);
      policy.props.PolicyDocument.Statement = statementsOf(policy.props.PolicyDocument).filter((st) => st !== statement);
    },
    neutral: (t) => {
      otherTenantsDeny(t).statement.Sid = 'DenyPrincipalsOfOtherTenants';
    },
  },
  {
    control: 'TEN-ISOLATED-ACCESS',
    title: "removes the tenant tag from a tenant's access role",
    weaken: (t) => untag(first(t, 'AWS::IAM::Role', (p) => tagValue(p, TENANT_TAG_KEY) !== undefined, "a tenant's role"), TENANT_TAG_KEY),
    neutral: (t) => tag(first(t, 'AWS::IAM::Role', (p) => tagValue(p, TENANT_TAG_KEY) !== undefined, "a tenant's role")),
  },
  {
    control: 'DB-NETWORK-ACCESS',
    title: 'makes a database instance publicly accessible',
    weaken: (t) => {
      first(t, 'AWS::RDS::DBInstance', (p) => p.PubliclyAccessible === false, 'instance that is not publicly accessible').props.PubliclyAccessible = true;
    },
    neutral: (t) => {
      first(t, 'AWS::RDS::DBInstance', (p) => p.PubliclyAccessible === false, 'instance that is not publicly accessible').props.MonitoringInterval = 30;
    },
  },
];
