/**
 * Buckets: every bucket of lib/ is a SecureBucket (lib/constructs/common/secure-bucket.ts), and
 * each kind keeps its properties in the synthesized templates. The base's encryption choice is
 * the only way to SSE-S3 and to the log-delivery tag that exempts a bucket from the KMS checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ACCESS_LOGS_TAG, BACKUP_TAG, SSE_S3_LOG_DELIVERY_TAG } from '../lib/constants/tags';
import { AccessLogBucket } from '../lib/constructs/common/access-log-bucket';
import { SecureBucket, type SecureBucketEncryption } from '../lib/constructs/common/secure-bucket';
import { allResources } from './support/synth';

const LIB = path.join(__dirname, '..', 'lib');
const BASE = path.join(LIB, 'constructs', 'common', 'secure-bucket.ts');
const LOG_DELIVERY_TAGS = [ACCESS_LOGS_TAG, SSE_S3_LOG_DELIVERY_TAG];
/** The log-delivery tags a bucket carries (the exemption from SSE-KMS). */
const logDeliveryTags = (p: any) => (p.Tags ?? []).filter((t: any) => LOG_DELIVERY_TAGS.some((tag) => t.Key === tag.key && t.Value === tag.value));

const algorithm = (p: any) => p.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm;
const bucketKey = (p: any) => p.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.BucketKeyEnabled;
const tagValue = (p: any, key: string) => (p.Tags ?? []).find((t: any) => t.Key === key)?.Value;
const lifecycleIds = (p: any) => (p.LifecycleConfiguration?.Rules ?? []).map((r: any) => r.Id ?? '(unnamed)');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** One bucket of one stack, alone in a fresh app. */
function synthBucket(encryption: (stack: Stack) => SecureBucketEncryption, withAccessLogs: boolean): { template: Template; resource: any; props: any; policy: any } {
  const stack = new Stack(new App(), 'S');
  const secure = new SecureBucket(stack, 'Bucket', {
    encryption: encryption(stack),
    serverAccessLogsBucket: withAccessLogs ? new s3.Bucket(stack, 'Logs') : undefined,
  });
  const template = Template.fromStack(stack);
  const logicalId = stack.getLogicalId(secure.bucket.node.defaultChild as s3.CfnBucket);
  const resource = template.toJSON().Resources[logicalId];
  const policy = Object.values<any>(template.findResources('AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === logicalId);
  return { template, resource, props: resource.Properties, policy };
}

const KMS_CHOICES: Array<[string, (stack: Stack) => SecureBucketEncryption]> = [
  ['kms', (stack) => ({ kind: 'kms', key: new kms.Key(stack, 'Key') })],
  ['kms-own-key', () => ({ kind: 'kms-own-key', keyDescription: 'test' })],
];
const LOG_DELIVERIES = [
  ['s3-server-access-logs', ACCESS_LOGS_TAG],
  ['elb-access-logs', SSE_S3_LOG_DELIVERY_TAG],
] as const;
/** Every choice, with whether the bucket needs server access logs. */
const ALL_CHOICES: Array<[string, (stack: Stack) => SecureBucketEncryption, boolean]> = [
  ...KMS_CHOICES.map(([kind, encryption]): [string, (stack: Stack) => SecureBucketEncryption, boolean] => [kind, encryption, true]),
  ...LOG_DELIVERIES.map(([delivery]): [string, (stack: Stack) => SecureBucketEncryption, boolean] => [`log-delivery ${delivery}`, () => ({ kind: 's3-managed-log-delivery', delivery }), false]),
];
const MISUSES: Array<[string, (stack: Stack) => SecureBucketEncryption, boolean, RegExp]> = [
  ['a KMS bucket without server access logs', KMS_CHOICES[0][1], false, /serverAccessLogsBucket is required for a kms bucket/],
  ['an own-key bucket without server access logs', KMS_CHOICES[1][1], false, /serverAccessLogsBucket is required for a kms-own-key bucket/],
  ['a log-delivery bucket with server access logs', () => ({ kind: 's3-managed-log-delivery', delivery: 's3-server-access-logs' }), true, /a log-delivery bucket \(s3-server-access-logs\) takes no serverAccessLogsBucket/],
];
const BAD_RETENTIONS = [0, 1.5, -3];

describe('FND-ENCRYPTION-AT-REST: the encryption choice of SecureBucket is the only way to SSE-S3 and to a log-delivery tag', () => {
  test.each(KMS_CHOICES)('choosing %s gives SSE-KMS with a bucket key and never a log-delivery tag', (_kind, encryption) => {
    const { props } = synthBucket(encryption, true);
    expect({ algorithm: algorithm(props), bucketKey: bucketKey(props), key: Boolean(props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID) }).toEqual({
      algorithm: 'aws:kms',
      bucketKey: true,
      key: true,
    });
    expect(logDeliveryTags(props)).toEqual([]);
  });

  test.each(LOG_DELIVERIES)('choosing log delivery for %s gives SSE-S3 and exactly the tag of that delivery', (delivery, tag) => {
    const { props } = synthBucket(() => ({ kind: 's3-managed-log-delivery', delivery }), false);
    expect(algorithm(props)).toBe('AES256');
    expect(logDeliveryTags(props)).toEqual([{ Key: tag.key, Value: tag.value }]);
  });

  test('FND-ENCRYPTION-AT-REST: the own-key choice creates a rotating customer-managed key as the child Key', () => {
    const { template } = synthBucket(() => ({ kind: 'kms-own-key', keyDescription: 'test' }), true);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, Description: 'test' });
  });
});

describe('DATA-BUCKET-ACCESS-LOGS: every bucket logs server access except a log-delivery bucket', () => {
  test.each(MISUSES)('fails on %s', (_name, encryption, withAccessLogs, message) => {
    expect(() => synthBucket(encryption, withAccessLogs)).toThrow(message);
  });

  test.each(BAD_RETENTIONS)('AccessLogBucket fails on a retention of %p days', (retentionDays) => {
    expect(() => new AccessLogBucket(new Stack(), 'Logs', { delivery: 's3-server-access-logs', retentionDays })).toThrow(/retentionDays must be a whole number of days, at least 1/);
  });
});

describe('FND-NO-PUBLIC-BUCKETS, FND-TLS-IN-TRANSIT: every encryption choice keeps the protections of the base', () => {
  test.each(ALL_CHOICES)(
    'a %s bucket blocks public access, disables ACLs, is versioned, retained, sends events to EventBridge and refuses requests without TLS 1.2',
    (_kind, encryption, withAccessLogs) => {
      const { resource, props, policy } = synthBucket(encryption, withAccessLogs);
      expect(props.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(props.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      expect(props.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(props.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
      expect({ DeletionPolicy: resource.DeletionPolicy, UpdateReplacePolicy: resource.UpdateReplacePolicy }).toEqual({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      const denies = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Deny').map((s: any) => s.Condition);
      expect(denies).toEqual(expect.arrayContaining([{ Bool: { 'aws:SecureTransport': 'false' } }, { NumericLessThan: { 's3:TlsVersion': 1.2 } }]));
    },
  );
});

/** Each kind of bucket the app builds, found by its stack and logical ID, with the properties it must keep. */
const KINDS: Array<{
  kind: string;
  matches: (stackId: string, logicalId: string) => boolean;
  algorithm: 'aws:kms' | 'AES256';
  logDeliveryTag?: { key: string; value: string };
  serverAccessLogs: boolean;
  objectLock: boolean | 'optional';
  lifecycle: string[];
  backupTag: boolean;
}> = [
  {
    kind: 'AccessLogBucket (S3 server access logs)',
    matches: (s, id) => ['AccountBaseline', 'Data1', 'Identity', 'Backup'].includes(s) && id.startsWith('AccessLogs'),
    algorithm: 'AES256',
    logDeliveryTag: ACCESS_LOGS_TAG,
    serverAccessLogs: false,
    objectLock: false,
    lifecycle: ['ExpireAccessLogs'],
    backupTag: false,
  },
  {
    kind: 'AccessLogBucket (ELB access logs)',
    matches: (s, id) => s === 'Workload' && id.startsWith('LoadBalancerAccessLogs'),
    algorithm: 'AES256',
    logDeliveryTag: SSE_S3_LOG_DELIVERY_TAG,
    serverAccessLogs: false,
    objectLock: false,
    lifecycle: ['ExpireAccessLogs', 'RemoveExpiredDeleteMarkers', 'AbortIncompleteUploads'],
    backupTag: false,
  },
  {
    kind: 'AuditBucket',
    matches: (s, id) => (s === 'AccountBaseline' && /^(TrailBucket|ConfigBucket)/.test(id)) || (s === 'Backup' && id.startsWith('AuditReports')),
    algorithm: 'aws:kms',
    serverAccessLogs: true,
    objectLock: 'optional',
    lifecycle: ['ColdThenExpire'],
    backupTag: false,
  },
  {
    kind: 'CustomerFilesBucket',
    matches: (s, id) => s === 'Data1' && /^Tenant[A-Z][a-z0-9]*Files/.test(id),
    algorithm: 'aws:kms',
    serverAccessLogs: true,
    objectLock: false,
    lifecycle: ['ExpireNoncurrentVersions'],
    backupTag: true,
  },
  {
    kind: 'LegalArchiveBucket',
    matches: (s, id) => s === 'Backup' && id.startsWith('LegalArchive'),
    algorithm: 'aws:kms',
    serverAccessLogs: true,
    objectLock: true,
    lifecycle: ['(unnamed)'],
    backupTag: true,
  },
  {
    kind: 'SecureBucket (Cognito authentication events)',
    matches: (s, id) => s === 'Identity' && id.startsWith('CustomersAuthEventBucket'),
    algorithm: 'aws:kms',
    serverAccessLogs: true,
    objectLock: false,
    lifecycle: ['ExpireAuthEvents'],
    backupTag: false,
  },
];

const buckets = () => allResources().filter((r) => r.type === 'AWS::S3::Bucket');
const KIND_ROWS = KINDS.map((k) => [k.kind, k] as const);
/** The buckets of one kind, in both environments (never none). */
const ofKind = (k: (typeof KINDS)[number]) => {
  const found = buckets().filter((b) => k.matches(b.stackId, b.logicalId));
  expect(found.length).toBeGreaterThan(1);
  return found.map((b) => ({ where: `${b.env}/${b.stackId}/${b.logicalId}`, props: b.props }));
};

describe('every bucket of the app keeps the properties of its kind', () => {
  test('every bucket of every template is of exactly one known kind, and each kind is in both environments', () => {
    const all = buckets();
    expect(all.length).toBeGreaterThan(KINDS.length);
    for (const b of all) {
      expect({ bucket: `${b.env}/${b.stackId}/${b.logicalId}`, kinds: KINDS.filter((k) => k.matches(b.stackId, b.logicalId)).length }).toEqual({ bucket: `${b.env}/${b.stackId}/${b.logicalId}`, kinds: 1 });
    }
    for (const k of KINDS) expect({ kind: k.kind, envs: [...new Set(all.filter((b) => k.matches(b.stackId, b.logicalId)).map((b) => b.env))].sort() }).toEqual({ kind: k.kind, envs: ['production', 'staging'] });
  });
});

describe('FND-ENCRYPTION-AT-REST: each bucket kind keeps its encryption, and only log-delivery buckets carry a log-delivery tag', () => {
  test.each(KIND_ROWS)('%s', (_name, k) => {
    for (const b of ofKind(k)) {
      expect({ where: b.where, algorithm: algorithm(b.props), bucketKey: bucketKey(b.props) ?? false }).toEqual({ where: b.where, algorithm: k.algorithm, bucketKey: k.algorithm === 'aws:kms' });
      expect({ where: b.where, tags: logDeliveryTags(b.props) }).toEqual({ where: b.where, tags: k.logDeliveryTag ? [{ Key: k.logDeliveryTag.key, Value: k.logDeliveryTag.value }] : [] });
    }
  });
});

describe('FND-NO-PUBLIC-BUCKETS: each bucket kind blocks all public access, disables ACLs and is versioned', () => {
  test.each(KIND_ROWS)('%s', (_name, k) => {
    for (const b of ofKind(k)) {
      expect({ where: b.where, block: b.props.PublicAccessBlockConfiguration, ownership: b.props.OwnershipControls, versioning: b.props.VersioningConfiguration }).toEqual({
        where: b.where,
        block: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        ownership: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        versioning: { Status: 'Enabled' },
      });
    }
  });
});

describe('DATA-BUCKET-ACCESS-LOGS: each bucket kind logs server access to the access-log bucket of its stack, unless it is a log destination itself', () => {
  test.each(KIND_ROWS)('%s', (_name, k) => {
    for (const b of ofKind(k)) {
      const destination = b.props.LoggingConfiguration?.DestinationBucketName;
      expect({ where: b.where, logsTo: destination?.Ref?.replace(/[0-9A-F]{8}$/, '') }).toEqual({ where: b.where, logsTo: k.serverAccessLogs ? 'AccessLogs' : undefined });
    }
  });
});

describe('DATA-VERSIONED-RETENTION: each bucket kind keeps its lifecycle, Object Lock and backup selection', () => {
  test.each(KIND_ROWS)('%s', (_name, k) => {
    for (const b of ofKind(k)) {
      expect({ where: b.where, lifecycle: lifecycleIds(b.props), backup: tagValue(b.props, BACKUP_TAG.key) === BACKUP_TAG.value }).toEqual({ where: b.where, lifecycle: k.lifecycle, backup: k.backupTag });
      if (k.objectLock !== 'optional') expect({ where: b.where, locked: b.props.ObjectLockEnabled === true }).toEqual({ where: b.where, locked: k.objectLock });
    }
  });
});

describe('one bucket base', () => {
  test('no bucket is built in lib/ outside SecureBucket (no new s3.Bucket, Bucket or CfnBucket, no subclass of s3.Bucket)', () => {
    const construction = /new\s+(s3\.)?(Cfn)?Bucket\s*\(|extends\s+(s3\.)?(Cfn)?Bucket\b/;
    const files = sources(LIB);
    expect(files.length).toBeGreaterThan(50);
    // The pattern finds the one construction the base has, so it cannot pass by matching nothing.
    expect(fs.readFileSync(BASE, 'utf8').match(new RegExp(construction.source, 'g'))).toEqual(['new s3.Bucket(']);
    const offending = files.filter((f) => f !== BASE && construction.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(LIB, f));
    expect(offending).toEqual([]);
  });

  test('FND-ENCRYPTION-AT-REST: no KMS-encrypted bucket of the app carries a log-delivery tag, and every SSE-S3 bucket carries one', () => {
    const all = allResources().filter((r) => r.type === 'AWS::S3::Bucket');
    expect(all.filter((b) => algorithm(b.props) === 'aws:kms').length).toBeGreaterThan(0);
    expect(all.filter((b) => algorithm(b.props) === 'AES256').length).toBeGreaterThan(0);
    for (const b of all) {
      const tagged = logDeliveryTags(b.props).length > 0;
      expect({ bucket: `${b.env}/${b.stackId}/${b.logicalId}`, algorithm: algorithm(b.props), tagged }).toEqual({
        bucket: `${b.env}/${b.stackId}/${b.logicalId}`,
        algorithm: tagged ? 'AES256' : 'aws:kms',
        tagged,
      });
    }
  });
});
