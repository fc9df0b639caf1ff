/**
 * The PostgreSQL data tier, read from the synthesized data stacks of both environments.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { tenantAvailabilityZones } from '../lib/config/data-layout';
import { DATABASE_PORT } from '../lib/constants/ports';
import { ACCESS_LOGS_TAG, BACKUP_TAG, TENANT_TAG_KEY } from '../lib/constants/tags';
import { TenantDatabase } from '../lib/constructs/data/tenant-database';
import { TenantDatastore } from '../lib/constructs/data/tenant-datastore';
import { DataStack } from '../lib/stacks/data-stack';
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

  test('TEN-DEDICATED-DATASTORE: there is one cluster per configured tenant', () => {
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

  test('DB-MULTI-AZ: each writer sits in the zone its tenant ID hashes to and the reader in the next, whatever the tenant\'s position', () => {
    const writerAndReader = (c: Resource) =>
      instancesOf(c)
        .sort((a, b) => a.Properties.PromotionTier - b.Properties.PromotionTier)
        .map((i) => i.Properties.AvailabilityZone);
    const actual = Object.fromEntries(clusters().map((c) => [tag(c, TENANT_TAG_KEY), writerAndReader(c)]));
    expect(actual).toEqual(Object.fromEntries(config.data.tenants.map((t) => [t.id, tenantAvailabilityZones(t.id, config.availabilityZones)])));
    // The sample tenants keep the zones the earlier position-based spread gave them (no replacement on upgrade).
    expect({ acme: actual.acme, globex: actual.globex }).toEqual({ acme: ['ap-southeast-1a', 'ap-southeast-1b'], globex: ['ap-southeast-1b', 'ap-southeast-1c'] });
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

  test('DB-NETWORK-ACCESS: the network ACL of the databases\' subnets admits only the database port and HTTPS (a GuardDuty endpoint), and only from the private subnets', () => {
    const net: Record<string, any> = templateJson(env, 'Network').Resources;
    const ofNet = (type: string) => Object.entries<any>(net).filter(([, r]) => r.Type === type);
    const privateCidrs = ofNet('AWS::EC2::Subnet')
      .filter(([, r]) => tag(r, 'aws-cdk:subnet-name') === 'Private')
      .map(([, r]) => r.Properties.CidrBlock)
      .sort();
    expect(privateCidrs.length).toBeGreaterThan(0);
    for (const c of clusters()) {
      // The subnet group names the network stack's subnets through cross-stack outputs.
      const subnetIds = byId(env, c.Properties.DBSubnetGroupName.Ref).Properties.SubnetIds.map((ref: any) => {
        const named = ofNet('AWS::EC2::Subnet').filter(([id]) => crossStackRef(ref).includes(id));
        expect(named).toHaveLength(1);
        return named[0][0];
      });
      const associations = ofNet('AWS::EC2::SubnetNetworkAclAssociation').filter(([, r]) => subnetIds.includes(r.Properties.SubnetId.Ref));
      expect(associations).toHaveLength(subnetIds.length);
      const acls = [...new Set(associations.map(([, r]) => r.Properties.NetworkAclId.Ref))];
      expect(acls).toHaveLength(1);
      const admitted = ofNet('AWS::EC2::NetworkAclEntry')
        .map(([, r]) => r.Properties)
        .filter((e) => e.NetworkAclId.Ref === acls[0] && !e.Egress && e.RuleAction === 'allow')
        .map((e) => ({ cidr: e.CidrBlock, ipv6: e.Ipv6CidrBlock, protocol: e.Protocol, ports: [e.PortRange?.From, e.PortRange?.To] }))
        .sort((a, b) => String(a.cidr).localeCompare(String(b.cidr)));
      // HTTPS for the guardduty-data endpoint GuardDuty may place in these subnets; the clusters'
      // security groups still admit only the database port.
      const expected = privateCidrs.flatMap((cidr) => [DATABASE_PORT, 443].map((port) => ({ cidr, ipv6: undefined, protocol: 6, ports: [port, port] })));
      const order = (a: any, b: any) => JSON.stringify(a).localeCompare(JSON.stringify(b));
      expect([...admitted].sort(order)).toEqual(expected.sort(order));
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

  test('DB-ENCRYPTION-AT-REST: enhanced monitoring publishes every 60 s through a role only RDS monitoring may assume', () => {
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

  test('LOG-NO-CLIENT-CONTENT: no statement text or error detail is logged outside pgaudit, and pgaudit logs no bound values', () => {
    for (const c of clusters()) {
      const p = byId(env, c.Properties.DBClusterParameterGroupName.Ref).Properties.Parameters;
      // Slow, classed and failing statements are not logged (their text holds literal values);
      // TERSE drops DETAIL lines such as "Key (email)=(...) already exists".
      expect(p).toMatchObject({
        log_min_duration_statement: '-1',
        log_statement: 'none',
        log_min_error_statement: 'panic',
        log_error_verbosity: 'terse',
        'pgaudit.log_parameter': '0',
      });
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

  test('DB-PITR-RETENTION: backups are kept for the configured point-in-time window (backup.continuousBackupDays), tags are copied to snapshots, deletion is protected and snapshots', () => {
    for (const c of clusters()) {
      expect(c.Properties.BackupRetentionPeriod).toBe(config.backup.continuousBackupDays);
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

  test('MON-OPERATIONAL-ALARMS: every cluster has CPU, memory, local storage, connections and replica lag alarms that notify the operations topic', () => {
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

describe('DB-MULTI-AZ: tenant zones do not depend on the tenant list', () => {
  /** Writer and reader zone of every tenant, and the instances' logical IDs, of one small data stack. */
  function zonesOf(tenantIds: string[]): Record<string, string[]> {
    const config = CONFIGS.production;
    // As tenants.test.ts's 50-tenant synthesis: no CloudFormation validation (it only warns about fixed zones).
    const app = new App({ builtinCloudFormationValidation: false });
    const env = { account: config.account, region: config.region };
    const net = new Stack(app, 'Net', { env });
    const vpc = new ec2.Vpc(net, 'Vpc', {
      availabilityZones: [...config.availabilityZones],
      subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const data = new DataStack(app, 'Data1', {
      config,
      shard: 1,
      tenants: tenantIds.map((id) => ({ id, displayName: id, shard: 1 })),
      vpc,
      workloadSecurityGroup: new ec2.SecurityGroup(net, 'Workload', { vpc }),
      operationsTopic: new sns.Topic(net, 'Operations'),
    });
    const resources: Record<string, any> = Template.fromStack(data).toJSON().Resources;
    return Object.fromEntries(
      Object.entries(resources)
        .filter(([, r]) => r.Type === 'AWS::RDS::DBInstance')
        .map(([id, r]) => [id, [tag(r, TENANT_TAG_KEY), r.Properties.AvailabilityZone]]),
    );
  }

  test('DB-MULTI-AZ: removing a tenant leaves the other tenants\' zones unchanged', () => {
    const tenants = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne'];
    const before = zonesOf(tenants);
    const after = zonesOf(tenants.filter((t) => t !== 'globex'));
    const kept = Object.fromEntries(Object.entries(before).filter(([, [tenant]]) => tenant !== 'globex'));
    // Same instances (logical IDs), each in the same zone: nothing of another tenant is replaced.
    expect(after).toEqual(kept);
    expect(Object.keys(after)).toHaveLength(2 * (tenants.length - 1));
    // Writers still spread across the zones.
    expect(new Set(Object.entries(after).filter(([id]) => /Writer/.test(id)).map(([, [, zone]]) => zone)).size).toBeGreaterThan(1);
  });

  test('DB-MULTI-AZ: writer and reader always differ, and fewer than two zones is refused', () => {
    for (const id of ['acme', 'globex', 'a1', 'zz']) {
      for (const n of [2, 3, 6]) {
        const zones = Array.from({ length: n }, (_, i) => `ap-southeast-1${'abcdef'[i]}`);
        const [writer, reader] = tenantAvailabilityZones(id, zones);
        expect({ id, n, differ: writer !== reader, next: zones.indexOf(reader) === (zones.indexOf(writer) + 1) % n }).toEqual({ id, n, differ: true, next: true });
      }
    }
    expect(() => tenantAvailabilityZones('acme', ['ap-southeast-1a'])).toThrow(/^tenantAvailabilityZones zones: got \["ap-southeast-1a"\], expected at least 2 zones/);
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
    ['TEN-DEDICATED-DATASTORE: an upper-case cluster identifier', { clusterIdentifier: 'Staging_Acme' }, /^TenantDatabase clusterIdentifier: got "Staging_Acme", expected 1-63 lower-case letters/],
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
