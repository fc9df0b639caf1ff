/**
 * The PostgreSQL data tier, read from the synthesized data stacks of both environments.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';
import { DATABASE_PORT } from '../lib/constants/ports';
import { ACCESS_LOGS_TAG, BACKUP_TAG, TENANT_TAG_KEY } from '../lib/constants/tags';
import { TenantDatabase } from '../lib/constructs/data/tenant-database';
import { TenantDatastore } from '../lib/constructs/data/tenant-datastore';
import { allStacks, ENV_NAMES, templateJson, crossStackRef, grantsOfRole } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));

type Resource = { id: string; stack: string; Type: string; Properties: any; DependsOn?: string[]; DeletionPolicy?: string; UpdateReplacePolicy?: string };

/** Every resource of the environment's data stacks. */
function dataResources(env: string): Resource[] {
  return allStacks()
    .filter((s) => s.env === env && /^Data\d+$/.test(s.stackId))
    .flatMap((s) => Object.entries<any>(templateJson(env, s.stackId).Resources).map(([id, r]) => ({ id, stack: s.stackId, ...r })));
}
const ofType = (env: string, type: string) => dataResources(env).filter((r) => r.Type === type);
const byId = (env: string, id: string) => dataResources(env).find((r) => r.id === id)!;
const tag = (r: Resource, key: string) => (r.Properties.Tags ?? []).find((t: any) => t.Key === key)?.Value;
const getAtt = (ref: any) => ref?.['Fn::GetAtt']?.[0];

describe.each(ENV_NAMES)('%s data tier', (env) => {
  const config = CONFIGS[env];
  const clusters = () => ofType(env, 'AWS::RDS::DBCluster');
  const instancesOf = (cluster: Resource) => ofType(env, 'AWS::RDS::DBInstance').filter((i) => i.Properties.DBClusterIdentifier?.Ref === cluster.id);

  test('there is one cluster per configured tenant', () => {
    expect(clusters().map((c) => tag(c, TENANT_TAG_KEY)).sort()).toEqual(config.data.tenants.map((t) => t.id).sort());
  });

  test('DB-MULTI-AZ: every cluster has a writer and a reader in different availability zones', () => {
    for (const c of clusters()) {
      const instances = instancesOf(c);
      expect(instances).toHaveLength(2);
      const zones = instances.map((i) => i.Properties.AvailabilityZone);
      expect(new Set(zones).size).toBe(2);
      for (const z of zones) expect(config.availabilityZones).toContain(z);
      // Promotion tier 0 is the writer; the reader is a failover target.
      expect(instances.map((i) => i.Properties.PromotionTier).sort()).toEqual([0, 2]);
      expect(instances.every((i) => i.Properties.DBInstanceClass === config.data.instanceClass)).toBe(true);
    }
  });

  test('DB-NETWORK-ACCESS: clusters sit in the isolated subnets and no instance is publicly accessible', () => {
    for (const c of clusters()) {
      const group = byId(env, c.Properties.DBSubnetGroupName.Ref);
      expect(group.Type).toBe('AWS::RDS::DBSubnetGroup');
      expect(group.Properties.SubnetIds).toHaveLength(config.availabilityZones.length);
      for (const s of group.Properties.SubnetIds) expect(crossStackRef(s)).toMatch(/VpcIsolatedSubnet\d/);
      for (const i of instancesOf(c)) expect(i.Properties.PubliclyAccessible).toBe(false);
    }
  });

  test('DB-NETWORK-ACCESS: the database security group admits only the workload security group on the database port', () => {
    for (const c of clusters()) {
      expect(c.Properties.Port).toBe(DATABASE_PORT);
      for (const sgRef of c.Properties.VpcSecurityGroupIds) {
        const sg = byId(env, getAtt(sgRef));
        expect(sg.Properties.SecurityGroupIngress ?? []).toEqual([]);
        // With allowAllOutbound off, CDK writes a rule that matches no traffic.
        expect(sg.Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })]);
        const ingress = ofType(env, 'AWS::EC2::SecurityGroupIngress').filter((r) => getAtt(r.Properties.GroupId) === sg.id);
        expect(ingress).toHaveLength(1);
        expect(ingress[0].Properties).toMatchObject({ IpProtocol: 'tcp', FromPort: DATABASE_PORT, ToPort: DATABASE_PORT });
        expect(crossStackRef(ingress[0].Properties.SourceSecurityGroupId)).toMatch(/WorkloadSecurityGroup/);
        expect(ingress[0].Properties.CidrIp).toBeUndefined();
      }
    }
  });

  test('DB-ENCRYPTION-AT-REST: storage and Performance Insights use the tenant\'s rotating customer-managed key', () => {
    for (const c of clusters()) {
      const keyId = getAtt(c.Properties.KmsKeyId);
      const key = byId(env, keyId);
      expect(key.Type).toBe('AWS::KMS::Key');
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(tag(key, TENANT_TAG_KEY)).toBe(tag(c, TENANT_TAG_KEY));
      expect(c.Properties.StorageEncrypted).toBe(true);
      expect(c.Properties.PerformanceInsightsEnabled).toBe(true);
      expect(getAtt(c.Properties.PerformanceInsightsKmsKeyId)).toBe(keyId);
      for (const i of instancesOf(c)) {
        expect(i.Properties.EnablePerformanceInsights).toBe(true);
        expect(getAtt(i.Properties.PerformanceInsightsKMSKeyId)).toBe(keyId);
      }
    }
  });

  test('enhanced monitoring publishes every 60 s through a role only RDS monitoring may assume', () => {
    for (const c of clusters()) {
      for (const i of instancesOf(c)) {
        expect(i.Properties.MonitoringInterval).toBe(60);
        const role = byId(env, getAtt(i.Properties.MonitoringRoleArn));
        expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
          expect.objectContaining({ Principal: { Service: 'monitoring.rds.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': config.account } } }),
        ]);
        // Its grants: a customer-managed policy attached from the policy's side (ManagedPolicyRole).
        expect(grantsOfRole(env, role.stack, role.id).length).toBeGreaterThan(0);
      }
    }
  });

  test('DB-TLS: the cluster parameter group forces TLS 1.2 or later', () => {
    for (const c of clusters()) {
      const group = byId(env, c.Properties.DBClusterParameterGroupName.Ref);
      expect(group.Properties.Family).toBe('aurora-postgresql17');
      expect(group.Properties.Parameters).toMatchObject({ 'rds.force_ssl': '1', ssl_min_protocol_version: 'TLSv1.2' });
    }
  });

  test('DB-AUDIT-LOGGING: pgaudit is preloaded and logs DDL, role changes and writes (reads per config)', () => {
    for (const c of clusters()) {
      const p = byId(env, c.Properties.DBClusterParameterGroupName.Ref).Properties.Parameters;
      expect(p.shared_preload_libraries.split(',')).toContain('pgaudit');
      const classes = p['pgaudit.log'].split(',');
      expect(classes).toEqual(expect.arrayContaining(['ddl', 'role', 'write']));
      expect(classes.includes('read')).toBe(config.data.auditReads);
      expect(p).toMatchObject({ 'pgaudit.role': 'rds_pgaudit', 'pgaudit.log_parameter': '0', log_connections: '1', log_disconnections: '1' });
    }
  });

  test('DB-AUDIT-LOGGING: the PostgreSQL log goes to a pre-created, tenant-key-encrypted log group with the configured retention', () => {
    for (const c of clusters()) {
      expect(c.Properties.EnableCloudwatchLogsExports).toEqual(['postgresql']);
      const group = ofType(env, 'AWS::Logs::LogGroup').find((g) => g.Properties.LogGroupName === `/aws/rds/cluster/${c.Properties.DBClusterIdentifier}/postgresql`)!;
      expect(group).toBeDefined();
      expect(getAtt(group.Properties.KmsKeyId)).toBe(getAtt(c.Properties.KmsKeyId));
      expect(group.Properties.RetentionInDays).toBe(config.logs.retentionDays);
      // RDS must find the group in place, or it creates an unencrypted one that never expires.
      expect(c.DependsOn).toContain(group.id);
      expect(c.Properties.DBClusterIdentifier).toBe(`${env}-${tag(c, TENANT_TAG_KEY)}`);
    }
  });

  test('DB-IAM-AUTH: IAM database authentication is on', () => {
    for (const c of clusters()) expect(c.Properties.EnableIAMDatabaseAuthentication).toBe(true);
  });

  test('DB-CREDENTIAL-ROTATION: RDS manages and rotates the master secret under the tenant key; no password is in the template', () => {
    expect(config.data.rotationDays).toBeLessThanOrEqual(30);
    expect(config.data.rotationDays).toBeGreaterThanOrEqual(7);
    for (const c of clusters()) {
      expect(c.Properties.ManageMasterUserPassword).toBe(true);
      expect(getAtt(c.Properties.MasterUserSecret.KmsKeyId)).toBe(getAtt(c.Properties.KmsKeyId));
      expect(c.Properties.MasterUserPassword).toBeUndefined();
      expect(c.Properties.MasterUsername).toBe('postgres_admin');
    }
    // RDS-managed rotation needs no Lambda, no hosted rotation and no secret resource of ours.
    expect(ofType(env, 'AWS::SecretsManager::RotationSchedule')).toEqual([]);
    expect(ofType(env, 'AWS::Lambda::Function')).toEqual([]);
  });

  test('DB-PITR-RETENTION: backups are kept as configured, tags are copied to snapshots, deletion is protected and snapshots', () => {
    for (const c of clusters()) {
      expect(c.Properties.BackupRetentionPeriod).toBe(config.data.backupRetentionDays);
      expect(c.Properties.PreferredBackupWindow).toBe(config.data.preferredBackupWindow);
      expect(c.Properties.CopyTagsToSnapshot).toBe(true);
      expect(c.Properties.DeletionProtection).toBe(true);
      expect(c.DeletionPolicy).toBe('Snapshot');
      expect(c.UpdateReplacePolicy).toBe('Snapshot');
      expect(tag(c, BACKUP_TAG.key)).toBe(BACKUP_TAG.value);
    }
    if (config.tier === 'production') for (const c of clusters()) expect(c.Properties.BackupRetentionPeriod).toBe(35);
  });

  test('DB-PATCHING: minor versions upgrade automatically in the maintenance window on a recent engine', () => {
    for (const c of clusters()) {
      expect(c.Properties.Engine).toBe('aurora-postgresql');
      expect(Number(c.Properties.EngineVersion.split('.')[0])).toBeGreaterThanOrEqual(17);
      expect(c.Properties.AutoMinorVersionUpgrade).toBe(true);
      expect(c.Properties.PreferredMaintenanceWindow).toBe(config.data.preferredMaintenanceWindow);
      for (const i of instancesOf(c)) {
        expect(i.Properties.AutoMinorVersionUpgrade).toBe(true);
        expect(i.Properties.PreferredMaintenanceWindow).toBe(config.data.preferredMaintenanceWindow);
      }
    }
  });

  test('every cluster has CPU, memory, local storage, connections and replica lag alarms that notify the operations topic', () => {
    const alarms = ofType(env, 'AWS::CloudWatch::Alarm');
    for (const c of clusters()) {
      const mine = alarms.filter((a) => a.Properties.Dimensions?.some((d: any) => d.Name === 'DBClusterIdentifier' && d.Value === c.Properties.DBClusterIdentifier));
      expect(mine.map((a) => a.Properties.MetricName).sort()).toEqual(['AuroraReplicaLagMaximum', 'CPUUtilization', 'DatabaseConnections', 'FreeLocalStorage', 'FreeableMemory']);
      for (const a of mine) {
        expect(a.Properties.AlarmActions.map(crossStackRef)).toEqual([expect.stringMatching(/AlertsOperations/)]);
        expect(a.Properties.AlarmActions[0]['Fn::GetStackOutput'].StackName).toBe(`${env}-Alerting`);
        expect(a.Properties.AlarmDescription).toMatch(/Runbook: docs\/data\.md#/);
      }
    }
  });

  test('DATA-BUCKET-ACCESS-LOGS: every customer-files bucket logs access to the tagged, SSE-S3, private access-log bucket', () => {
    const buckets = ofType(env, 'AWS::S3::Bucket');
    const files = buckets.filter((b) => tag(b, TENANT_TAG_KEY));
    expect(files).toHaveLength(config.data.tenants.length);
    for (const b of files) {
      const target = byId(env, b.Properties.LoggingConfiguration.DestinationBucketName.Ref);
      expect(b.Properties.LoggingConfiguration.LogFilePrefix).toBe(`${tag(b, TENANT_TAG_KEY)}/`);
      expect(tag(target, ACCESS_LOGS_TAG.key)).toBe(ACCESS_LOGS_TAG.value);
      expect(target.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'AES256' });
      expect(target.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(target.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(config.logs.retentionDays);
      // Log delivery is granted by bucket policy to S3 logging, for this bucket as source only.
      const policy = ofType(env, 'AWS::S3::BucketPolicy').find((p) => p.Properties.Bucket.Ref === target.id)!;
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 's3:PutObject',
          Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [b.id, 'Arn'] } }, StringEquals: { 'aws:SourceAccount': config.account } },
        }),
      );
    }
  });

  test('DATA-VERSIONED-RETENTION: customer files are versioned, noncurrent versions expire as configured, and the backup plan selects them', () => {
    for (const b of ofType(env, 'AWS::S3::Bucket').filter((x) => tag(x, TENANT_TAG_KEY))) {
      expect(b.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(b.Properties.LifecycleConfiguration.Rules).toContainEqual(
        expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: config.data.noncurrentVersionDays }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
      );
      expect(tag(b, BACKUP_TAG.key)).toBe(BACKUP_TAG.value);
      const sse = b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
      expect(sse).toMatchObject({ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } });
    }
  });
});

describe('TenantDatabase and TenantDatastore validate their props', () => {
  // Construction only (no synthesis): each bad prop throws before any resource is written.
  function props(change: Record<string, unknown> = {}) {
    const stack = new Stack(new App(), 'Test', { env: { account: '111111111111', region: 'ap-southeast-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b'],
      subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    return {
      stack,
      props: {
        vpc,
        securityGroups: [new ec2.SecurityGroup(stack, 'Sg', { vpc })],
        encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
        clusterIdentifier: 'staging-acme',
        instanceClass: 'db.t4g.medium',
        availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b'] as [string, string],
        backupRetentionDays: 7,
        preferredBackupWindow: '18:00-19:00',
        preferredMaintenanceWindow: 'sun:19:30-sun:20:30',
        logRetentionDays: 90,
        alarmTopic: new sns.Topic(stack, 'Topic'),
        ...change,
      },
    };
  }

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['DB-MULTI-AZ: writer and reader in one zone', { availabilityZones: ['ap-southeast-1a', 'ap-southeast-1a'] }, /^TenantDatabase availabilityZones: got writer and reader both in "ap-southeast-1a", expected two different zones$/],
    ['DB-ENCRYPTION-AT-REST: a class without Performance Insights', { instanceClass: 'db.t3.small' }, /^TenantDatabase instanceClass: got "db\.t3\.small", expected an Aurora PostgreSQL class/],
    ['an upper-case cluster identifier', { clusterIdentifier: 'Staging_Acme' }, /^TenantDatabase clusterIdentifier: got "Staging_Acme", expected 1-63 lower-case letters/],
    ['DB-PITR-RETENTION: a backup retention over 35 days', { backupRetentionDays: 40 }, /^TenantDatabase backupRetentionDays: got 40, expected 1 to 35$/],
    ['DB-NETWORK-ACCESS: no security group', { securityGroups: [] }, /^TenantDatabase securityGroups: got none/],
  ])('TenantDatabase throws on %s', (_name, change, message) => {
    const { stack, props: p } = props(change);
    expect(() => new TenantDatabase(stack, 'Db', p as ConstructorParameters<typeof TenantDatabase>[2])).toThrow(message);
  });

  test('TEN-DEDICATED-DATASTORE: TenantDatastore throws on a malformed tenant ID', () => {
    const { stack, props: p } = props();
    expect(
      () =>
        new TenantDatastore(stack, 'Tenant', {
          tenantId: 'Acme Corp',
          envName: 'staging',
          database: p,
          logRetentionDays: 90,
          alarmTopic: p.alarmTopic,
          accessLogBucket: undefined as any,
          noncurrentVersionDays: 30,
        }),
    ).toThrow(/^TenantDatastore tenantId: got "Acme Corp", expected 2-20 lower-case letters or digits/);
  });
});
