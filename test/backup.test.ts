/**
 * Backup and continuity (BAK-*): read from the templates synthesized once for the run, plus one
 * in-process synthesis of an environment with a disaster-recovery region.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildBaseline } from '../lib/app';
import { useCdkJsonContext } from '../lib/cdk-json-context';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { SEED_BACKUP_TIERS } from '../lib/config/schema';
import { frequencyOf } from '../lib/aws-facts/schedule-expressions';
import { ACCESS_LOGS_TAG, BACKUP_TAG, SSE_S3_LOG_DELIVERY_TAG, TENANT_TAG_KEY } from '../lib/constants/tags';
import { FAILED_JOB_STATES } from '../lib/constructs/backup/backup-failure-notices';
import { DatabaseRestoreTesting } from '../lib/constructs/backup/database-restore-testing';
import { LockedBackupVault } from '../lib/constructs/backup/locked-backup-vault';
import { TieredBackupPlan } from '../lib/constructs/backup/tiered-backup-plan';
import { TENANT_DATABASE_ENGINE } from '../lib/constructs/data/tenant-database';
import { VALIDATION_REPORT_FILE, readFindings } from '../lib/report/findings';
import { ENV_NAMES, allResources, allStacks, template, templateJson, crossStackRef, grantsOfRole } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const STACK = 'Backup';

/** The one resource of a type in the backup stack of `env`, as [logicalId, resource]. */
function only(env: string, type: string): [string, any] {
  const found = Object.entries<any>(templateJson(env, STACK).Resources).filter(([, r]) => r.Type === type);
  expect(found).toHaveLength(1);
  return found[0];
}
const resources = (env: string, type: string): Array<[string, any]> =>
  Object.entries<any>(templateJson(env, STACK).Resources).filter(([, r]) => r.Type === type);
// Tags are a list on most types, a map on a few (e.g. AWS::SSM::Parameter).
const tagsOf = (props: any): Array<{ Key: string; Value: string }> =>
  Array.isArray(props.Tags) ? props.Tags : Object.entries<string>(props.Tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
const hasTag = (props: any, key: string, value?: string) => tagsOf(props).some((t) => t.Key === key && (value === undefined || t.Value === value));
const rulesOf = (plan: any): any[] => plan.Properties.BackupPlan.BackupPlanRule;
const rule = (plan: any, name: string) => rulesOf(plan).find((r) => r.RuleName === name);

describe.each(ENV_NAMES)('%s backup stack', (env) => {
  const config = CONFIGS[env];

  test('BAK-VAULT-ENCRYPTED: the vault encrypts with its own customer-managed key that rotates', () => {
    const [, vault] = only(env, 'AWS::Backup::BackupVault');
    const keyId = vault.Properties.EncryptionKeyArn['Fn::GetAtt'][0];
    const key = templateJson(env, STACK).Resources[keyId];
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(vault.DeletionPolicy).toBe('RetainExceptOnCreate');
  });

  test('BAK-VAULT-LOCK: the vault lock carries the configured minimum, maximum and mode', () => {
    const [, vault] = only(env, 'AWS::Backup::BackupVault');
    const lock = config.backup.vaultLock;
    expect(vault.Properties.LockConfiguration).toEqual({
      MinRetentionDays: lock.minRetentionDays,
      MaxRetentionDays: lock.maxRetentionDays,
      // Governance mode is a lock without ChangeableForDays; compliance mode has the cool-off.
      ...(lock.mode === 'compliance' ? { ChangeableForDays: lock.changeableForDays } : {}),
    });
    if (env === 'production') expect(vault.Properties.LockConfiguration.ChangeableForDays).toBeGreaterThanOrEqual(3);
    if (env === 'staging') expect(vault.Properties.LockConfiguration.ChangeableForDays).toBeUndefined();
  });

  test('BAK-VAULT-LOCK: the access policy denies deleting recovery points, shortening them and deleting the vault to everyone', () => {
    const [, vault] = only(env, 'AWS::Backup::BackupVault');
    const statements: any[] = vault.Properties.AccessPolicy.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: expect.arrayContaining(['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:DeleteBackupVault']),
      }),
    );
    // Denying policy changes to everyone would lock CloudFormation out of the vault for good.
    const denied = statements.filter((s) => s.Effect === 'Deny').flatMap((s) => [].concat(s.Action));
    expect(denied).not.toContain('backup:PutBackupVaultAccessPolicy');
    expect(statements.filter((s) => s.Effect === 'Allow')).toEqual([]);
  });

  test('BAK-TIERS: the plan has exactly seed 001\'s tiers: hourly 1 day, daily 7, weekly 31, monthly 365, in UTC', () => {
    const [, plan] = only(env, 'AWS::Backup::BackupPlan');
    const snapshots = rulesOf(plan).filter((r) => !r.EnableContinuousBackup);
    expect(snapshots.map((r) => [r.RuleName, frequencyOf(r.ScheduleExpression), r.Lifecycle.DeleteAfterDays])).toEqual([
      ['Hourly', 'hourly', 1],
      ['Daily', 'daily', 7],
      ['Weekly', 'weekly', 31],
      ['Monthly', 'monthly', 365],
    ]);
    expect(snapshots.map((r) => r.ScheduleExpression)).toEqual(Object.values(SEED_BACKUP_TIERS).map((t) => t.schedule));
    for (const r of snapshots) {
      // AWS Backup evaluates cron in UTC unless a time zone is set; none is.
      expect(r.ScheduleExpressionTimezone).toBeUndefined();
      expect(r.StartWindowMinutes).toBe(60);
      expect(r.CompletionWindowMinutes).toBeGreaterThan(r.StartWindowMinutes);
      expect(r.TargetBackupVault).toEqual({ 'Fn::GetAtt': [only(env, 'AWS::Backup::BackupVault')[0], 'BackupVaultName'] });
    }
    // The hourly job must be done before the next one starts.
    expect(rule(plan, 'Hourly').CompletionWindowMinutes).toBeLessThanOrEqual(120);
  });

  test('BAK-TIERS: every retention lies within the vault lock, so no job is refused', () => {
    const [, plan] = only(env, 'AWS::Backup::BackupPlan');
    const [, vault] = only(env, 'AWS::Backup::BackupVault');
    const { MinRetentionDays, MaxRetentionDays } = vault.Properties.LockConfiguration;
    for (const r of rulesOf(plan)) {
      expect({ rule: r.RuleName, days: r.Lifecycle.DeleteAfterDays >= MinRetentionDays && r.Lifecycle.DeleteAfterDays <= MaxRetentionDays }).toEqual({ rule: r.RuleName, days: true });
    }
  });

  test('BAK-PITR: a continuous-backup rule keeps 35 days of point-in-time restore for the selected databases and buckets', () => {
    const [, plan] = only(env, 'AWS::Backup::BackupPlan');
    const continuous = rulesOf(plan).filter((r) => r.EnableContinuousBackup === true);
    expect(continuous).toHaveLength(1);
    expect(continuous[0].Lifecycle.DeleteAfterDays).toBe(config.backup.continuousBackupDays);
    expect(continuous[0].Lifecycle.DeleteAfterDays).toBeLessThanOrEqual(35);
    // Cold storage is not allowed for continuous backups.
    expect(continuous[0].Lifecycle.MoveToColdStorageAfterDays).toBeUndefined();
  });

  test('BAK-SELECTIONS: one selection takes every Aurora cluster and bucket tagged with the backup tag, with a role only AWS Backup can assume', () => {
    const [, selection] = only(env, 'AWS::Backup::BackupSelection');
    expect(selection.Properties.BackupSelection.ListOfTags).toBeUndefined();
    expect(selection.Properties.BackupSelection.Conditions).toEqual({ StringEquals: [{ ConditionKey: `aws:ResourceTag/${BACKUP_TAG.key}`, ConditionValue: BACKUP_TAG.value }] });
    expect([...selection.Properties.BackupSelection.Resources].sort()).toEqual([
      `arn:aws:rds:${config.region}:${config.account}:cluster:*`,
      'arn:aws:s3:::*',
    ]);
    expect(selection.Properties.BackupSelection.NotResources).toBeUndefined();
    const roleId = selection.Properties.BackupSelection.IamRoleArn['Fn::GetAtt'][0];
    const t = template(env, STACK);
    t.hasResource('AWS::IAM::Role', {
      Properties: Match.objectLike({
        AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'backup.amazonaws.com' }, Action: 'sts:AssumeRole' })], Version: '2012-10-17' },
        ManagedPolicyArns: [
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup']] },
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup']] },
        ],
      }),
    });
    expect(templateJson(env, STACK).Resources[roleId].Properties.Policies).toBeUndefined();
  });

  test('BAK-RESIDENCY: with residency pinned to the home region, no rule copies a recovery point anywhere and no DR stack exists', () => {
    expect(config.backup.drRegion).toBeUndefined();
    const [, plan] = only(env, 'AWS::Backup::BackupPlan');
    for (const r of rulesOf(plan)) expect({ rule: r.RuleName, copy: r.CopyActions }).toEqual({ rule: r.RuleName, copy: undefined });
    expect(allStacks().filter((s) => s.env === env).map((s) => s.stackId)).not.toContain('BackupDr');
  });

  test('BAK-RESTORE-TESTING: a restore testing plan runs on the configured schedule and restores the latest recovery point of the vault', () => {
    const [, plan] = only(env, 'AWS::Backup::RestoreTestingPlan');
    expect(plan.Properties).toMatchObject({
      ScheduleExpression: config.backup.restoreTesting.schedule,
      ScheduleExpressionTimezone: 'Etc/UTC',
      RecoveryPointSelection: {
        Algorithm: 'LATEST_WITHIN_WINDOW',
        IncludeVaults: [{ 'Fn::GetAtt': [only(env, 'AWS::Backup::BackupVault')[0], 'BackupVaultArn'] }],
        RecoveryPointTypes: ['SNAPSHOT'],
        SelectionWindowDays: config.backup.restoreTesting.selectionWindowDays,
      },
    });
    expect(frequencyOf(plan.Properties.ScheduleExpression)).toBe('weekly');
  });

  test('BAK-RESTORE-TESTING: the selection restores every tagged Aurora cluster into isolated subnets, a closed security group and a TLS 1.2+ parameter group', () => {
    const [, plan] = only(env, 'AWS::Backup::RestoreTestingPlan');
    const [, selection] = only(env, 'AWS::Backup::RestoreTestingSelection');
    const p = selection.Properties;
    expect(p).toMatchObject({
      RestoreTestingPlanName: plan.Properties.RestoreTestingPlanName,
      ProtectedResourceType: 'Aurora',
      ProtectedResourceArns: ['*'],
      ProtectedResourceConditions: { StringEquals: [{ Key: `aws:ResourceTag/${BACKUP_TAG.key}`, Value: BACKUP_TAG.value }] },
      ValidationWindowHours: config.backup.restoreTesting.validationWindowHours,
    });
    const res = templateJson(env, STACK).Resources;
    const subnetGroup = res[p.RestoreMetadataOverrides.dbSubnetGroupName.Ref];
    expect(subnetGroup.Type).toBe('AWS::RDS::DBSubnetGroup');
    expect(subnetGroup.Properties.SubnetIds).toHaveLength(config.availabilityZones.length);
    for (const s of subnetGroup.Properties.SubnetIds) expect(crossStackRef(s)).toMatch(/IsolatedSubnet/);

    const sgId = p.RestoreMetadataOverrides.vpcSecurityGroupIds['Fn::Join'][1][1]['Fn::GetAtt'][0];
    const sg = res[sgId];
    expect(sg.Properties.SecurityGroupIngress).toBeUndefined();
    expect(sg.Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })]);
    expect(Object.values<any>(res).filter((r) => r.Type === 'AWS::EC2::SecurityGroupIngress' || r.Type === 'AWS::EC2::SecurityGroupEgress')).toEqual([]);

    const pg = res[p.RestoreMetadataOverrides.dbClusterParameterGroupName.Ref];
    expect(pg.Type).toBe('AWS::RDS::DBClusterParameterGroup');
    // The restored copy forces TLS as the tenant databases do (DB-TLS): both parameters, same values.
    expect(pg.Properties).toMatchObject({ Family: TENANT_DATABASE_ENGINE.parameterGroupFamily, Parameters: { 'rds.force_ssl': '1', ssl_min_protocol_version: 'TLSv1.2' } });
  });

  test('BAK-RESTORE-TESTING: the restore-test parameter group has the family of every tenant database\'s cluster parameter group, so a restore never fails on the engine version', () => {
    const [, restorePg] = only(env, 'AWS::RDS::DBClusterParameterGroup');
    const dataStacks = allStacks().filter((s) => s.env === env && /^Data\d+$/.test(s.stackId));
    expect(dataStacks.length).toBeGreaterThan(0);
    const families = dataStacks.flatMap(({ stackId }) => {
      const res = templateJson(env, stackId).Resources;
      return Object.entries<any>(res)
        .filter(([, r]) => r.Type === 'AWS::RDS::DBCluster')
        .map(([id, cluster]) => ({ cluster: `${stackId}/${id}`, family: res[cluster.Properties.DBClusterParameterGroupName.Ref].Properties.Family }));
    });
    expect(families.length).toBeGreaterThan(0);
    expect(families).toEqual(families.map(({ cluster }) => ({ cluster, family: restorePg.Properties.Family })));
  });

  test('BAK-RESTORE-TESTING: the restore role is assumable only by AWS Backup and carries the restore policy only', () => {
    const [, selection] = only(env, 'AWS::Backup::RestoreTestingSelection');
    const role = templateJson(env, STACK).Resources[selection.Properties.IamRoleArn['Fn::GetAtt'][0]];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' } }]);
    expect(role.Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores']] },
    ]);
  });

  test('BAK-RESTORE-VALIDATION: a Node.js 24 function, bundled from TypeScript, runs on every completed restore job', () => {
    const [fnId, fn] = only(env, 'AWS::Lambda::Function');
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Handler: 'index.handler', LoggingConfig: expect.objectContaining({ LogFormat: 'JSON' }) });
    expect(fn.Properties.Code.S3Key).toMatch(/\.zip$/);
    const rules = resources(env, 'AWS::Events::Rule').filter(([, r]) => r.Properties.Targets.some((t: any) => t.Arn['Fn::GetAtt']?.[0] === fnId));
    expect(rules).toHaveLength(1);
    expect(rules[0][1].Properties.EventPattern).toEqual({ source: ['aws.backup'], 'detail-type': ['Restore Job State Change'], detail: { status: ['COMPLETED'] } });
    template(env, STACK).hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] } });
  });

  test('BAK-RESTORE-VALIDATION: failed events land in a KMS-encrypted, TLS-only dead-letter queue; logs in a KMS-encrypted group', () => {
    const [, fn] = only(env, 'AWS::Lambda::Function');
    const res = templateJson(env, STACK).Resources;
    const queueId = fn.Properties.DeadLetterConfig.TargetArn['Fn::GetAtt'][0];
    expect(res[queueId].Type).toBe('AWS::SQS::Queue');
    expect(res[queueId].Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    template(env, STACK).hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    const logGroup = res[fn.Properties.LoggingConfig.LogGroup.Ref];
    expect(logGroup.Properties).toMatchObject({ KmsKeyId: expect.anything(), RetentionInDays: config.logs.retentionDays });
  });

  test('BAK-RESTORE-VALIDATION: the function\'s role may only describe and report, in a managed policy', () => {
    const [, fn] = only(env, 'AWS::Lambda::Function');
    const res = templateJson(env, STACK).Resources;
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    expect(res[roleId].Properties.AssumeRolePolicyDocument.Statement).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }]);
    expect(res[roleId].Properties.Policies).toBeUndefined();
    const actions = grantsOfRole(env, STACK, roleId).flatMap((s: any) => [].concat(s.Action)).sort();
    expect(actions).toEqual(
      [
        'backup:DescribeRecoveryPoint',
        'backup:DescribeRestoreJob',
        'backup:PutRestoreValidationResult',
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'rds:DescribeDBClusterParameters',
        'rds:DescribeDBClusters',
        'sqs:SendMessage',
      ].sort(),
    );
    expect(Object.values<any>(res).filter((r) => r.Type === 'AWS::IAM::Policy')).toEqual([]);
  });

  test('BAK-RESTORE-VALIDATION: the function may describe Aurora snapshot recovery points, whose ARNs are RDS cluster-snapshot ARNs, not AWS Backup ones', () => {
    const [, fn] = only(env, 'AWS::Lambda::Function');
    const statement = grantsOfRole(env, STACK, fn.Properties.Role['Fn::GetAtt'][0]).find((st: any) => ([] as string[]).concat(st.Action).includes('backup:DescribeRecoveryPoint'));
    const arns = ([] as any[]).concat(statement.Resource).map((r: any) => (r['Fn::Join'][1] as any[]).map((x) => (typeof x === 'string' ? x : `<${x.Ref}>`)).join(''));
    expect(arns.sort()).toEqual([
      'arn:<AWS::Partition>:backup:<AWS::Region>:<AWS::AccountId>:recovery-point:*',
      // What a restore test of an Aurora snapshot hands the function: arn:aws:rds:...:cluster-snapshot:awsbackup:job-...
      'arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster-snapshot:*',
    ]);
  });

  test('BAK-FAILURE-NOTICE: failed, aborted, expired and partial backup, copy and restore jobs notify the operations topic', () => {
    const ops = { 'Fn::GetStackOutput': expect.objectContaining({ StackName: `${env}-Alerting`, OutputName: expect.stringMatching(/AlertsOperations/) }) };
    for (const [detailType, field] of [
      ['Backup Job State Change', 'state'],
      ['Copy Job State Change', 'state'],
      ['Restore Job State Change', 'status'],
    ]) {
      const matching = resources(env, 'AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern['detail-type']?.[0] === detailType && r.Properties.EventPattern.detail[field]?.includes('FAILED'));
      expect({ detailType, rules: matching.length }).toEqual({ detailType, rules: 1 });
      const [, r] = matching[0];
      expect(r.Properties.EventPattern).toEqual({ source: ['aws.backup'], 'detail-type': [detailType], detail: { [field]: [...FAILED_JOB_STATES] } });
      expect(r.Properties.EventPattern.detail[field]).toEqual(expect.arrayContaining(['FAILED', 'ABORTED', 'EXPIRED']));
      expect(r.Properties.Targets).toEqual([expect.objectContaining({ Arn: ops })]);
    }
  });

  test('BAK-FAILURE-NOTICE: failed restore validations, function errors and dead letters raise alarms on the operations topic', () => {
    // The notices' own dead-letter alarm is INC-ALERT-DELIVERY's (test/alert-delivery.test.ts), and so are the detector drift rules' (test/detection.test.ts).
    const alarms = resources(env, 'AWS::CloudWatch::Alarm')
      .map(([, a]) => a.Properties)
      .filter((a) => !a.AlarmDescription.startsWith('INC-ALERT-DELIVERY'));
    expect(alarms.map((a) => a.MetricName).sort()).toEqual(['ApproximateNumberOfMessagesVisible', 'Errors', 'RestoreValidationFailures']);
    for (const a of alarms) {
      expect(a.AlarmActions.map(crossStackRef)).toEqual([expect.stringMatching(/AlertsOperations/)]);
      expect(a).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    }
    template(env, STACK).hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.level = "ERROR" }',
      MetricTransformations: [Match.objectLike({ MetricName: 'RestoreValidationFailures', MetricNamespace: 'SaasSecurityBaseline/Backup', MetricValue: '1' })],
    });
  });

  test('BAK-FAILURE-NOTICE: API calls that loosen the vault, its lock or the plan notify the security topic', () => {
    const tampering = resources(env, 'AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern['detail-type']?.[0] === 'AWS API Call via CloudTrail');
    expect(tampering).toHaveLength(1);
    const p = tampering[0][1].Properties;
    expect(p.EventPattern.detail.eventName).toEqual(expect.arrayContaining(['DeleteBackupVaultLockConfiguration', 'PutBackupVaultAccessPolicy', 'DeleteRecoveryPoint', 'DeleteBackupPlan']));
    expect(p.Targets.map((t: any) => crossStackRef(t.Arn))).toEqual([expect.stringMatching(/AlertsSecurity/)]);
  });

  test('BAK-FAILURE-NOTICE: the operations topic admits EventBridge as a publisher', () => {
    const policies = Object.values<any>(templateJson(env, 'Alerting').Resources).filter((r) => r.Type === 'AWS::SNS::TopicPolicy');
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'events.amazonaws.com' } }));
  });

  test('BAK-LEGAL-ARCHIVE: the archive bucket locks every version for the configured mode and days, with a KMS key and versioning', () => {
    // The legal archive is the Object-Locked bucket the backup plan selects (the report evidence bucket is locked too, unselected).
    const archives = resources(env, 'AWS::S3::Bucket').filter(
      ([, b]) => b.Properties.ObjectLockEnabled === true && (b.Properties.Tags ?? []).some((t: any) => t.Key === BACKUP_TAG.key),
    );
    expect(archives).toHaveLength(1);
    const [id, bucket] = archives[0];
    const { legalArchive } = config.backup;
    expect(bucket.Properties).toMatchObject({
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: legalArchive.mode, Days: legalArchive.retentionDays } } },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: expect.anything() } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    expect(hasTag(bucket.Properties, BACKUP_TAG.key, BACKUP_TAG.value)).toBe(true);
    expect(bucket.DeletionPolicy).toBe('RetainExceptOnCreate');
    template(env, STACK).hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('BAK-LEGAL-ARCHIVE: server access logs go to a private, versioned access-log bucket that admits only the archive\'s log delivery', () => {
    const [archiveId, archive] = resources(env, 'AWS::S3::Bucket').find(([, b]) => b.Properties.ObjectLockEnabled === true)!;
    const logBucketId = archive.Properties.LoggingConfiguration.DestinationBucketName.Ref;
    const logBucket = templateJson(env, STACK).Resources[logBucketId];
    expect(hasTag(logBucket.Properties, 'saas-security-baseline:purpose', 'access-logs')).toBe(true);
    expect(logBucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    template(env, STACK).hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [archiveId, 'Arn'] } }, StringEquals: { 'aws:SourceAccount': config.account } },
          }),
        ]),
      },
    });
  });
});

describe('BAK-SELECTIONS across the whole deployment', () => {
  /** Resource types that hold data AWS Backup can protect; every one of them must be selected. */
  const STATEFUL_DATA_TYPES = ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::EFS::FileSystem', 'AWS::S3::Bucket'];
  /**
   * The stateful resources the plan deliberately leaves out, each with why. Nothing else may be
   * left out; an exemption that no longer matches anything fails too, so the list stays honest.
   */
  const EXEMPTIONS: Array<{ name: string; matches: (r: ReturnType<typeof allResources>[number]) => boolean }> = [
    // AWS Backup backs up an Aurora cluster, never its instances; the cluster itself is checked.
    { name: 'Aurora cluster members', matches: (r) => r.type === 'AWS::RDS::DBInstance' && r.props.DBClusterIdentifier !== undefined },
    // Logs of requests to other buckets, expired by their own lifecycle: no customer data.
    { name: 'S3 server access-log buckets', matches: (r) => r.type === 'AWS::S3::Bucket' && hasTag(r.props, ACCESS_LOGS_TAG.key, ACCESS_LOGS_TAG.value) },
    // Load balancer access logs, likewise.
    { name: 'load balancer access-log buckets', matches: (r) => r.type === 'AWS::S3::Bucket' && hasTag(r.props, SSE_S3_LOG_DELIVERY_TAG.key, SSE_S3_LOG_DELIVERY_TAG.value) },
    // Audit evidence, no customer data: versioning and Object Lock already keep every log file
    // unchangeable for its retention (AUD-TRAIL-BUCKET).
    { name: 'the CloudTrail audit bucket', matches: (r) => r.type === 'AWS::S3::Bucket' && r.stackId === 'AccountBaseline' && r.logicalId.startsWith('TrailBucket') },
    // AWS Config's configuration snapshots and history (MON-CONFIG-RULES), versioned and kept as
    // long as the trail: audit records, no customer data.
    { name: 'the AWS Config delivery bucket', matches: (r) => r.type === 'AWS::S3::Bucket' && r.stackId === 'AccountBaseline' && r.logicalId.startsWith('ConfigBucket') },
    // Cognito's authentication events (SIGNIN-AUTH-LOGGING): a log that expires by its own
    // lifecycle at logs.retentionDays, like the log groups; a backup would keep customers' sign-in
    // records past that retention (004 retention and deletion).
    // AWS Backup Audit Manager's reports (BAK-RESTORE-TESTING evidence): derived records of the
    // backup jobs themselves, Object-Locked for the audit period; backing them up would only copy
    // reports about backups.
    { name: 'the backup report evidence bucket', matches: (r) => r.type === 'AWS::S3::Bucket' && r.stackId === 'Backup' && r.logicalId.startsWith('AuditReports') },
    { name: 'the Cognito authentication event bucket', matches: (r) => r.type === 'AWS::S3::Bucket' && r.stackId === 'Identity' && r.logicalId.startsWith('CustomersAuthEventBucket') },
  ];
  const where = (r: { env: string; stackId: string; logicalId: string }) => `${r.env}/${r.stackId}/${r.logicalId}`;
  const stateful = () => allResources().filter((r) => STATEFUL_DATA_TYPES.includes(r.type));

  test('BAK-SELECTIONS: every stateful data resource (database, table, file system, bucket) carries the backup tag the plan selects, unless exempted with a reason', () => {
    const found = stateful().filter((r) => !EXEMPTIONS.some((e) => e.matches(r)));
    // The tenant databases and buckets of both environments at least: an empty list would prove nothing.
    expect(found.length).toBeGreaterThan(0);
    for (const env of ENV_NAMES) {
      expect(found.filter((r) => r.env === env && r.type === 'AWS::RDS::DBCluster').length).toBeGreaterThan(0);
      expect(found.filter((r) => r.env === env && r.type === 'AWS::S3::Bucket' && hasTag(r.props, TENANT_TAG_KEY)).length).toBeGreaterThan(0);
    }
    const untagged = found.filter((r) => !hasTag(r.props, BACKUP_TAG.key, BACKUP_TAG.value)).map((r) => `${where(r)} (${r.type})`);
    expect(untagged).toEqual([]);
  });

  test('BAK-SELECTIONS: every exemption matches a resource, and none matches a tenant\'s data', () => {
    for (const e of EXEMPTIONS) {
      const matched = stateful().filter((r) => e.matches(r));
      expect({ exemption: e.name, used: matched.length > 0 }).toEqual({ exemption: e.name, used: true });
      // Tenant cluster members are tagged with their tenant; they are exempt only because their cluster is selected.
      if (e.name !== 'Aurora cluster members') expect({ exemption: e.name, tenant: matched.filter((r) => hasTag(r.props, TENANT_TAG_KEY)).map(where) }).toEqual({ exemption: e.name, tenant: [] });
    }
  });

  test('BAK-SELECTIONS: every customer-data bucket is versioned with a noncurrent-version expiry (AWS Backup needs versioning for S3)', () => {
    for (const r of allResources().filter((x) => x.type === 'AWS::S3::Bucket' && hasTag(x.props, TENANT_TAG_KEY))) {
      const where = `${r.env}/${r.stackId}/${r.logicalId}`;
      expect({ where, versioning: r.props.VersioningConfiguration?.Status }).toEqual({ where, versioning: 'Enabled' });
      const noncurrent = (r.props.LifecycleConfiguration?.Rules ?? []).some((rule: any) => rule.Status === 'Enabled' && rule.NoncurrentVersionExpiration?.NoncurrentDays > 0);
      expect({ where, noncurrent }).toEqual({ where, noncurrent: true });
    }
  });

  test('BAK-SELECTIONS: every environment has exactly one tag selection, and it uses the shared backup tag', () => {
    for (const env of ENV_NAMES) {
      const selections = allResources().filter((r) => r.env === env && r.type === 'AWS::Backup::BackupSelection');
      expect(selections.map((s) => s.props.BackupSelection.Conditions.StringEquals.map((c: any) => c.ConditionKey))).toEqual([[`aws:ResourceTag/${BACKUP_TAG.key}`]]);
    }
  });

  /** The ARN pattern of a selection that names every resource of a CloudFormation type, by type. */
  const ARN_PATTERN_OF_TYPE: Record<string, RegExp> = {
    'AWS::RDS::DBCluster': /^arn:aws:rds:[a-z0-9-]+:\d{12}:cluster:\*$/,
    'AWS::S3::Bucket': /^arn:aws:s3:::\*$/,
  };
  /** The AWS Config managed rule that reports a resource of a type without a recent recovery point. */
  const RECOVERY_POINT_RULE_OF_TYPE: Record<string, string> = {
    'AWS::RDS::DBCluster': 'AURORA_LAST_BACKUP_RECOVERY_POINT_CREATED',
    'AWS::S3::Bucket': 'S3_LAST_BACKUP_RECOVERY_POINT_CREATED',
  };

  test('BAK-SELECTIONS: no selection can select nothing silently: each names resource types (so Region opt-ins do not apply) ANDed with its tag, and every tagged type is named', () => {
    const selections = allResources().filter((r) => r.type === 'AWS::Backup::BackupSelection');
    expect(selections.length).toBeGreaterThan(0);
    for (const sel of selections) {
      const where = `${sel.env}/${sel.stackId}/${sel.logicalId}`;
      const b = sel.props.BackupSelection;
      // Tag-only selections obey the Region's service opt-ins (S3 is off by default); ListOfTags
      // beside Resources would be ORed with them and select every cluster and bucket.
      expect({ where, resources: (b.Resources ?? []).length > 0, listOfTags: b.ListOfTags ?? [] }).toEqual({ where, resources: true, listOfTags: [] });
      expect({ where, wildcard: (b.Resources as string[]).filter((arn) => typeof arn === 'string' && /^(\*|arn:aws:\*.*)$/.test(arn)) }).toEqual({ where, wildcard: [] });
      const tagConditions = (b.Conditions?.StringEquals ?? []).map((c: any) => [c.ConditionKey.replace(/^aws:ResourceTag\//, ''), c.ConditionValue]);
      expect({ where, tagConditions }).toEqual({ where, tagConditions: expect.arrayContaining([[BACKUP_TAG.key, BACKUP_TAG.value]]) });

      // Every type carrying the tag in this environment is named, and every named type has a tagged resource.
      const tagged = allResources().filter((r) => r.env === sel.env && r.type !== 'AWS::Backup::BackupSelection' && hasTag(r.props, BACKUP_TAG.key, BACKUP_TAG.value));
      const taggedTypes = [...new Set(tagged.map((r) => r.type))].sort();
      expect(taggedTypes.length).toBeGreaterThan(0);
      const namedTypes = Object.entries(ARN_PATTERN_OF_TYPE)
        .filter(([, pattern]) => (b.Resources as string[]).some((arn) => typeof arn === 'string' && pattern.test(arn)))
        .map(([type]) => type)
        .sort();
      expect({ where, namedTypes }).toEqual({ where, namedTypes: taggedTypes });
      // Each pattern names a known type: nothing in Resources is left unexplained.
      expect({ where, unexplained: (b.Resources as string[]).filter((arn) => !Object.values(ARN_PATTERN_OF_TYPE).some((p) => p.test(arn))) }).toEqual({ where, unexplained: [] });
    }
  });

  test('BAK-SELECTIONS: for each type the plan selects, an AWS Config rule on the backup tag reports a resource without a recovery point in the last day, and the report pages operations', () => {
    for (const env of ENV_NAMES) {
      const resources = allResources().filter((r) => r.env === env);
      const tagged = [...new Set(resources.filter((r) => hasTag(r.props, BACKUP_TAG.key, BACKUP_TAG.value)).map((r) => r.type))];
      expect(tagged.length).toBeGreaterThan(0);
      const rules = resources.filter((r) => r.type === 'AWS::Config::ConfigRule');
      for (const type of tagged) {
        const identifier = RECOVERY_POINT_RULE_OF_TYPE[type];
        const found = rules.filter((r) => r.props.Source?.SourceIdentifier === identifier);
        expect({ env, type, rules: found.length }).toEqual({ env, type, rules: 1 });
        const p = found[0].props.InputParameters;
        expect({ env, type, tags: JSON.parse(p.resourceTags) }).toEqual({ env, type, tags: { [BACKUP_TAG.key]: BACKUP_TAG.value } });
        const hours = p.recoveryPointAgeUnit === 'hours' ? p.recoveryPointAgeValue : p.recoveryPointAgeValue * 24;
        expect(hours).toBeLessThanOrEqual(25);
        // A NON_COMPLIANT evaluation of that rule reaches the operations topic.
        const ruleRef = found[0].logicalId;
        const notices = resources.filter(
          (r) =>
            r.type === 'AWS::Events::Rule' &&
            r.stackId === found[0].stackId &&
            r.props.EventPattern?.['detail-type']?.includes('Config Rules Compliance Change') &&
            JSON.stringify(r.props.EventPattern.detail.configRuleName ?? []).includes(ruleRef) &&
            // The detector drift rule pages security for the same rules (test/detection.test.ts).
            !r.logicalId.startsWith('DetectorDrift') &&
            r.props.EventPattern.detail.newEvaluationResult?.complianceType?.includes('NON_COMPLIANT'),
        );
        expect({ env, type, notices: notices.length }).toEqual({ env, type, notices: 1 });
        expect(notices[0].props.Targets.map((t: any) => crossStackRef(t.Arn))).toEqual([expect.stringMatching(/AlertsOperations/)]);
      }
    }
  });

  test('BAK-SELECTIONS: the backup tag is on Aurora clusters, never on their member instances (RDS refuses snapshots of cluster members)', () => {
    const members = allResources().filter((r) => r.type === 'AWS::RDS::DBInstance' && r.props.DBClusterIdentifier !== undefined);
    expect(members.length).toBeGreaterThan(0);
    expect(members.filter((r) => hasTag(r.props, BACKUP_TAG.key)).map(where)).toEqual([]);
  });

  test('BAK-RESIDENCY: no backup plan of the sample environments has a copy action', () => {
    const plans = allResources().filter((r) => r.type === 'AWS::Backup::BackupPlan');
    expect(plans.length).toBe(ENV_NAMES.length);
    expect(JSON.stringify(plans.map((p) => p.props))).not.toContain('CopyActions');
  });
});

describe('backup constructs refuse bad props before synthesis', () => {
  const stack = () => new Stack(new App(), 'S', { env: { account: '111111111111', region: 'ap-southeast-1' } });
  const lock = { mode: 'governance' as const, minRetentionDays: 1, maxRetentionDays: 365 };

  test.each<[string, any, RegExp]>([
    ['BAK-VAULT-LOCK: a minimum above the maximum', { ...lock, minRetentionDays: 400 }, /lock\.minRetentionDays: got 400, must not exceed lock\.maxRetentionDays \(365\)/],
    ['BAK-VAULT-LOCK: compliance mode with a 2-day cool-off', { ...lock, mode: 'compliance', changeableForDays: 2 }, /lock\.changeableForDays: got 2, compliance mode needs a cool-off of at least 3 days/],
    ['BAK-VAULT-LOCK: a cool-off in governance mode', { ...lock, changeableForDays: 5 }, /lock\.changeableForDays: got 5, only compliance mode has a cool-off/],
  ])('LockedBackupVault fails on %s', (_name, badLock, message) => {
    expect(() => new LockedBackupVault(stack(), 'Vault', { description: 'test', lock: badLock })).toThrow(message);
  });

  test('BAK-RESIDENCY: TieredBackupPlan fails on a DR vault in its own region', () => {
    const s = stack();
    const vault = new LockedBackupVault(s, 'Vault', { description: 'test', lock });
    expect(
      () =>
        new TieredBackupPlan(s, 'Plan', {
          planName: 'p',
          vault: vault.vault,
          tiers: SEED_BACKUP_TIERS,
          continuousBackupDays: 35,
          selectionTag: BACKUP_TAG,
          drVault: { region: 'ap-southeast-1', vaultName: 'dr' },
        }),
    ).toThrow(/drVault\.region: got "ap-southeast-1", must differ from the plan's region/);
  });

  test('BAK-RESTORE-TESTING: DatabaseRestoreTesting fails on a plan name AWS Backup refuses', () => {
    const s = stack();
    const vault = new LockedBackupVault(s, 'Vault', { description: 'test', lock });
    const vpc = new ec2.Vpc(s, 'Vpc', { availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b'], natGateways: 0, subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    expect(
      () =>
        new DatabaseRestoreTesting(s, 'RestoreTesting', {
          planName: 'staging-restore-tests',
          vault: vault.vault,
          schedule: 'cron(0 2 ? * MON *)',
          validationWindowHours: 24,
          selectionWindowDays: 7,
          selectionTag: BACKUP_TAG,
          vpc,
        }),
    ).toThrow(/planName: got "staging-restore-tests", expected letters, digits and underscores/);
  });
});

describe('BAK-RESIDENCY with a disaster-recovery region (in-process synthesis)', () => {
  // One synthesis of a production variant allowed to keep copies in Sydney, with every compliance
  // pack on as in the global synthesis: the DR stack exists only here, so only here are its
  // findings seen. Findings are collected into the report instead of failing the synthesis.
  const base = loadEnvironments(ENVIRONMENTS).find((e) => e.name === 'production')!;
  const config = {
    ...base,
    allowedRegions: ['ap-southeast-1', 'ap-southeast-2'],
    backup: { ...base.backup, drRegion: 'ap-southeast-2' },
  };
  useCdkJsonContext();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-backup-dr-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const app = new App({ outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
  const [stage] = buildBaseline(app, [config]);
  const assembly = app.synth().getNestedAssembly(stage.artifactId);
  const fromAssembly = (stack: Stack) => Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
  const backup = fromAssembly(stage.backup);
  const dr = fromAssembly(stage.backupDr!);

  test('BAK-RESIDENCY: the variant with a DR stack passes every compliance pack', () => {
    expect(assembly.stacks.map((s) => s.hierarchicalId.split('/').pop())).toContain('BackupDr');
    // The report is written only when packs are registered: without it "no findings" proves nothing.
    expect(fs.existsSync(path.join(outdir, VALIDATION_REPORT_FILE))).toBe(true);
    expect(readFindings(outdir).map((f) => `${f.pack} ${f.rule} at ${f.constructPath}`)).toEqual([]);
  });
  const drVaultArn = `arn:aws:backup:ap-southeast-2:${config.account}:backup-vault:production-backup-dr`;
  const resolveArn = (arn: any): string =>
    typeof arn === 'string' ? arn : (arn['Fn::Join'][1] as any[]).map((p) => (typeof p === 'string' ? p : p.Ref === 'AWS::Partition' ? 'aws' : `\${${p.Ref}}`)).join('');

  test('BAK-RESIDENCY: the DR vault lives in its own stack in the DR region, locked and encrypted like the home vault', () => {
    expect(stage.backupDr!.region).toBe('ap-southeast-2');
    expect(stage.backup.dependencies).toContain(stage.backupDr);
    dr.resourceCountIs('AWS::Backup::BackupVault', 1);
    dr.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'production-backup-dr',
      EncryptionKeyArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
      LockConfiguration: { MinRetentionDays: 1, MaxRetentionDays: 365, ChangeableForDays: 7 },
    });
    dr.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    // No VPC, subnet or anything zonal: the configured zones belong to the home region.
    expect(Object.keys(dr.findResources('AWS::EC2::Subnet'))).toEqual([]);
    expect(() => stage.backupDr!.availabilityZones).toThrow(/availabilityZones: got a stack in ap-southeast-2/);
  });

  test('BAK-RESIDENCY: daily, weekly and monthly rules copy to the DR vault ARN and keep the copies as long; hourly and continuous stay home', () => {
    const plan = Object.values<any>(backup.findResources('AWS::Backup::BackupPlan'))[0];
    const copies = Object.fromEntries(rulesOf(plan).map((r) => [r.RuleName, r.CopyActions]));
    expect(copies.Hourly).toBeUndefined();
    expect(copies.Continuous).toBeUndefined();
    for (const name of ['Daily', 'Weekly', 'Monthly']) {
      expect(copies[name]).toHaveLength(1);
      expect(resolveArn(copies[name][0].DestinationBackupVaultArn)).toBe(drVaultArn);
      expect(copies[name][0].Lifecycle.DeleteAfterDays).toBe(rule(plan, name).Lifecycle.DeleteAfterDays);
    }
  });

  test('BAK-RESIDENCY: every region the variant names is an allowed region', () => {
    const text = JSON.stringify([backup.toJSON(), dr.toJSON()]);
    const regions = new Set(text.match(/\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|southwest|northwest)-\d\b/g) ?? []);
    for (const r of regions) expect(config.allowedRegions).toContain(r);
  });
});
