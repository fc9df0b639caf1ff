/**
 * BAK-RESTORE-VALIDATION: the restore-validation function, with the AWS SDK mocked
 * (aws-sdk-client-mock): no credentials, no network.
 */
import {
  BackupClient,
  DescribeRecoveryPointCommand,
  DescribeRestoreJobCommand,
  PutRestoreValidationResultCommand,
} from '@aws-sdk/client-backup';
import { DescribeDBClusterParametersCommand, DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, DockerImage, Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { handlerBundling } from '../lib/constructs/common/handler-bundling';
import { RestoreValidator } from '../lib/constructs/backup/restore-validator';
import { handler, type RestoreJobEvent } from '../lib/lambda/restore-validation/index';

const backup = mockClient(BackupClient);
const rds = mockClient(RDSClient);

const JOB_ID = '5A1C2B3D-0000-4000-8000-000000000001';
const KEY = 'arn:aws:kms:ap-southeast-1:222222222222:key/11111111-2222-4333-8444-555555555555';
const OTHER_KEY = 'arn:aws:kms:ap-southeast-1:222222222222:key/99999999-2222-4333-8444-555555555555';
const CLUSTER = 'awsbackup-restore-test-abc123';
const EVENT: RestoreJobEvent = { source: 'aws.backup', 'detail-type': 'Restore Job State Change', detail: { restoreJobId: JOB_ID, status: 'COMPLETED' } };

const JOB = {
  RestoreJobId: JOB_ID,
  Status: 'COMPLETED' as const,
  ResourceType: 'Aurora',
  CreatedResourceArn: `arn:aws:rds:ap-southeast-1:222222222222:cluster:${CLUSTER}`,
  RecoveryPointArn: 'arn:aws:rds:ap-southeast-1:222222222222:cluster-snapshot:awsbackup:job-1',
  BackupVaultArn: 'arn:aws:backup:ap-southeast-1:222222222222:backup-vault:productionBackupVault178EADB6',
  CreatedBy: { RestoreTestingPlanArn: 'arn:aws:backup:ap-southeast-1:222222222222:restore-testing-plan:production_database_restore_tests-1' },
};
const CLUSTER_OK = { DBClusterIdentifier: CLUSTER, Status: 'available', StorageEncrypted: true, KmsKeyId: KEY, DBClusterParameterGroup: 'restore-test-pg' };

/** A healthy restore; each test breaks one thing. */
function healthy(): void {
  backup.on(DescribeRestoreJobCommand).resolves(JOB);
  backup.on(DescribeRecoveryPointCommand).resolves({ EncryptionKeyArn: KEY });
  backup.on(PutRestoreValidationResultCommand).resolves({});
  rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [CLUSTER_OK] });
  rds
    .on(DescribeDBClusterParametersCommand)
    .resolvesOnce({ Parameters: [{ ParameterName: 'log_connections', ParameterValue: '1' }, { ParameterName: 'ssl_min_protocol_version', ParameterValue: 'TLSv1.2' }], Marker: 'page2' })
    .resolvesOnce({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1' }] });
}

/** The one validation result the function reported. */
function reported(): { status?: string; message?: string } {
  const calls = backup.commandCalls(PutRestoreValidationResultCommand);
  expect(calls).toHaveLength(1);
  const input = calls[0].args[0].input;
  expect(input.RestoreJobId).toBe(JOB_ID);
  return { status: input.ValidationStatus, message: input.ValidationStatusMessage };
}

beforeEach(() => {
  backup.reset();
  rds.reset();
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('BAK-RESTORE-VALIDATION: the restore-validation function', () => {
  test('BAK-RESTORE-VALIDATION: reports SUCCESSFUL for an available cluster with the recovery point\'s key, rds.force_ssl = 1 and TLS 1.2 as the minimum', async () => {
    healthy();
    const outcome = await handler(EVENT);
    expect(outcome.status).toBe('SUCCESSFUL');
    expect(reported()).toEqual({ status: 'SUCCESSFUL', message: expect.stringContaining(CLUSTER) });
    expect(backup.commandCalls(DescribeRecoveryPointCommand)[0].args[0].input).toEqual({
      BackupVaultName: 'productionBackupVault178EADB6',
      RecoveryPointArn: JOB.RecoveryPointArn,
    });
    expect(rds.commandCalls(DescribeDBClustersCommand)[0].args[0].input).toEqual({ DBClusterIdentifier: CLUSTER });
    // The parameter search follows the pagination marker to the second page.
    // (The paginator reuses one input object, so the calls are counted rather than their markers compared.)
    expect(rds.commandCalls(DescribeDBClusterParametersCommand)).toHaveLength(2);
    expect(rds.commandCalls(DescribeDBClusterParametersCommand)[0].args[0].input.DBClusterParameterGroupName).toBe('restore-test-pg');
  });

  test.each<[string, () => void, RegExp]>([
    ['a cluster that is not available', () => rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [{ ...CLUSTER_OK, Status: 'creating' }] }), /cluster status is creating, expected available/],
    ['an unencrypted cluster', () => rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [{ ...CLUSTER_OK, StorageEncrypted: false, KmsKeyId: undefined }] }), /cluster storage is not encrypted/],
    ['a cluster encrypted with another key', () => rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [{ ...CLUSTER_OK, KmsKeyId: OTHER_KEY }] }), new RegExp(`encrypted with ${OTHER_KEY}, expected ${KEY}`)],
    ['a recovery point without a key', () => backup.on(DescribeRecoveryPointCommand).resolves({}), /the recovery point names no encryption key/],
    [
      'rds.force_ssl = 0',
      () => rds.on(DescribeDBClusterParametersCommand).resolves({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '0' }, { ParameterName: 'ssl_min_protocol_version', ParameterValue: 'TLSv1.2' }] }),
      /^parameter group restore-test-pg has rds\.force_ssl = 0, expected 1$/,
    ],
    ['rds.force_ssl unset', () => rds.on(DescribeDBClusterParametersCommand).resolves({ Parameters: [] }), /rds\.force_ssl = unset, expected 1/],
    [
      'a TLS minimum below 1.2',
      () => rds.on(DescribeDBClusterParametersCommand).resolves({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1' }, { ParameterName: 'ssl_min_protocol_version', ParameterValue: 'TLSv1.1' }] }),
      /^parameter group restore-test-pg has ssl_min_protocol_version = TLSv1\.1, expected TLSv1\.2 or TLSv1\.3$/,
    ],
    ['no TLS minimum', () => rds.on(DescribeDBClusterParametersCommand).resolves({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1' }] }), /ssl_min_protocol_version = unset, expected TLSv1\.2/],
    ['a cluster without a parameter group', () => rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [{ ...CLUSTER_OK, DBClusterParameterGroup: undefined }] }), /cluster has no cluster parameter group/],
    ['a restored cluster that no longer exists', () => rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] }), new RegExp(`restored cluster ${CLUSTER} not found`)],
    ['an RDS API error', () => rds.on(DescribeDBClustersCommand).rejects(new Error('Rate exceeded')), /validation could not complete: Error: Rate exceeded/],
    ['a restore job that did not complete', () => backup.on(DescribeRestoreJobCommand).resolves({ ...JOB, Status: 'FAILED' }), /restore job status is FAILED, expected COMPLETED/],
    ['a restore job of a type with no validation', () => backup.on(DescribeRestoreJobCommand).resolves({ ...JOB, ResourceType: 'EBS' }), /no validation is defined for resource type EBS/],
    ['a restore job without a created resource', () => backup.on(DescribeRestoreJobCommand).resolves({ ...JOB, CreatedResourceArn: undefined }), /names no restored cluster/],
    ['a restore job that cannot be described', () => backup.on(DescribeRestoreJobCommand).rejects(new Error('AccessDenied')), /could not describe restore job: Error: AccessDenied/],
  ])('BAK-RESTORE-VALIDATION: reports FAILED for %s', async (_name, breakIt, message) => {
    healthy();
    breakIt();
    const outcome = await handler(EVENT);
    expect(outcome.status).toBe('FAILED');
    expect(reported()).toEqual({ status: 'FAILED', message: expect.stringMatching(message) });
    // Every failure is logged at ERROR: the metric filter behind the failure alarm counts these lines.
    expect((console.error as jest.Mock).mock.calls.map((c) => JSON.parse(c[0]).level)).toContain('ERROR');
  });

  test('BAK-RESTORE-VALIDATION: reports every failure reason at once', async () => {
    healthy();
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [{ ...CLUSTER_OK, Status: 'stopped', KmsKeyId: OTHER_KEY }] });
    rds.on(DescribeDBClusterParametersCommand).resolves({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '0' }] });
    await handler(EVENT);
    expect(reported().message).toMatch(/cluster status is stopped.*; cluster is encrypted with .*; parameter group .* rds\.force_ssl = 0/);
  });

  test('BAK-RESTORE-VALIDATION: skips a restore that no restore testing plan started, reporting nothing', async () => {
    healthy();
    backup.on(DescribeRestoreJobCommand).resolves({ ...JOB, CreatedBy: undefined });
    expect((await handler(EVENT)).status).toBe('SKIPPED');
    expect(backup.commandCalls(PutRestoreValidationResultCommand)).toHaveLength(0);
    expect(rds.calls()).toHaveLength(0);
  });

  test('BAK-RESTORE-VALIDATION: a malformed event that names a job is logged and reported FAILED', async () => {
    healthy();
    const outcome = await handler({ source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification', detail: { restoreJobId: JOB_ID } });
    expect(outcome.status).toBe('FAILED');
    expect(reported()).toEqual({ status: 'FAILED', message: expect.stringMatching(/^malformed event: unexpected event: source aws\.ec2/) });
    expect(backup.commandCalls(DescribeRestoreJobCommand)).toHaveLength(0);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('malformed event'));
  });

  test.each<[string, unknown]>([
    ['an event without detail', { source: 'aws.backup', 'detail-type': 'Restore Job State Change' }],
    ['a restore job ID that is not a string', { source: 'aws.backup', 'detail-type': 'Restore Job State Change', detail: { restoreJobId: 42 } }],
    ['an empty event', {}],
    ['no event at all', undefined],
  ])('BAK-RESTORE-VALIDATION: a malformed event without a job ID (%s) is dropped with an error log', async (_name, event) => {
    healthy();
    const outcome = await handler(event as RestoreJobEvent);
    expect(outcome.status).toBe('DROPPED');
    expect(backup.calls()).toHaveLength(0);
    expect(rds.calls()).toHaveLength(0);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('"level":"ERROR"'));
  });

  test('BAK-RESTORE-VALIDATION: a long message is cut to what PutRestoreValidationResult accepts', async () => {
    healthy();
    rds.on(DescribeDBClustersCommand).rejects(new Error('x'.repeat(5000)));
    await handler(EVENT);
    expect(reported().message!.length).toBeLessThanOrEqual(1000);
  });
});

describe('BAK-RESTORE-VALIDATION: the function is bundled by local esbuild, never Docker', () => {
  const entry = path.join(__dirname, '..', 'lib', 'lambda', 'restore-validation', 'index.ts');

  test('BAK-RESTORE-VALIDATION: handlerBundling turns Docker off and fixes the asset hash from the sources', () => {
    const bundling = handlerBundling(entry, { sourceMap: false });
    expect(bundling).toMatchObject({ forceDockerBundling: false, minify: true, target: 'node22', externalModules: ['@aws-sdk/*'], sourceMap: false });
    expect(bundling.assetHash).toMatch(/^[0-9a-f]{64}$/);
    // The hash follows the inputs: the same sources give the same hash, other options another.
    expect(handlerBundling(entry, { sourceMap: false }).assetHash).toBe(bundling.assetHash);
    expect(handlerBundling(entry, { sourceMap: true }).assetHash).not.toBe(bundling.assetHash);
  });

  test('BAK-RESTORE-VALIDATION: synthesizing the function bundles it locally with esbuild, with no Docker image built or run', () => {
    // Docker bundling builds an image (DockerImage.fromBuild) and runs it; neither may happen.
    const fromBuild = jest.spyOn(DockerImage, 'fromBuild');
    const run = jest.spyOn(DockerImage.prototype, 'run');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-restore-validation-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'ap-southeast-1' } });
      const validator = new RestoreValidator(stack, 'RestoreValidation', { logRetentionDays: 30, alertTopic: new sns.Topic(stack, 'Alerts') });
      const assembly = app.synth();
      expect(fromBuild).not.toHaveBeenCalled();
      expect(run).not.toHaveBeenCalled();

      const template = assembly.getStackArtifact(stack.artifactId).template;
      const fn = template.Resources[stack.getLogicalId(validator.function.node.defaultChild as any)];
      const assetHash = /^([0-9a-f]{64})\.zip$/.exec(fn.Properties.Code.S3Key)?.[1];
      expect(assetHash).toBeDefined();
      // The staged asset is esbuild's output: one minified CommonJS file that requires the AWS SDK
      // the runtime provides instead of inlining it, and no TypeScript.
      const dir = path.join(outdir, `asset.${assetHash}`);
      expect(fs.readdirSync(dir)).toEqual(['index.js']);
      const bundle = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
      expect(bundle).toMatch(/require\("@aws-sdk\/client-backup"\)/);
      expect(bundle).toMatch(/require\("@aws-sdk\/client-rds"\)/);
      expect(bundle.split('\n').length).toBeLessThan(10);
      expect(bundle).not.toMatch(/\binterface RestoreJobEvent\b/);
      // A file asset, no container image asset.
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'S.assets.json'), 'utf8'));
      expect(Object.keys(manifest.dockerImages ?? {})).toEqual([]);
      expect(manifest.files[assetHash!].source).toEqual({ path: `asset.${assetHash}`, packaging: 'zip' });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
