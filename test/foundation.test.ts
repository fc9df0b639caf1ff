/**
 * Rules that hold across the whole deployment. They run over every resource of every stack, so a
 * resource added by any later change is checked without a new test.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { STATEFUL_RESOURCE_TYPES } from '../lib/aspects/retain-stateful';
import { ACCESS_LOGS_TAG, ALERT_DEAD_LETTERS_TAG, SSE_S3_LOG_DELIVERY_TAG } from '../lib/constants/tags';
import { GLOBAL_EVENTS_REGION } from '../lib/aws-facts/global-events';
import { allResources, allStacks, templateJson } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const ofType = (type: string) => allResources().filter((r) => r.type === type);
const where = (r: { env: string; stackId: string; logicalId: string }) => `${r.env}/${r.stackId}/${r.logicalId}`;
const bucketAlgorithm = (p: any) => p.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm;
/**
 * The one exception to KMS: buckets that receive S3 server access logs or Elastic Load Balancing
 * access logs, which those services deliver only with SSE-S3. They carry one of the two log
 * delivery tags; test/edge.test.ts proves that only access-log buckets carry them.
 */
const isSseS3LogDeliveryBucket = (p: any) =>
  (p.Tags ?? []).some((t: any) =>
    [SSE_S3_LOG_DELIVERY_TAG, ACCESS_LOGS_TAG].some((tag) => t.Key === tag.key && t.Value === tag.value),
  );

describe('FND-ENCRYPTION-AT-REST: every data store is encrypted with a customer-managed key', () => {
  test('FND-ENCRYPTION-AT-REST: every KMS key is symmetric and rotates automatically', () => {
    const keys = ofType('AWS::KMS::Key');
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect({ key: where(k), rotation: k.props.EnableKeyRotation, spec: k.props.KeySpec ?? 'SYMMETRIC_DEFAULT' }).toEqual({ key: where(k), rotation: true, spec: 'SYMMETRIC_DEFAULT' });
  });

  test('FND-ENCRYPTION-AT-REST: every log group is encrypted with a KMS key', () => {
    for (const g of ofType('AWS::Logs::LogGroup')) expect({ group: where(g), key: Boolean(g.props.KmsKeyId) }).toEqual({ group: where(g), key: true });
  });

  test('FND-ENCRYPTION-AT-REST: every bucket, topic, queue, secret and database uses a KMS key', () => {
    const checks: Array<[string, (p: any) => boolean]> = [
      ['AWS::S3::Bucket', (p) => bucketAlgorithm(p) === 'aws:kms' || (isSseS3LogDeliveryBucket(p) && bucketAlgorithm(p) === 'AES256')],
      ['AWS::SNS::Topic', (p) => Boolean(p.KmsMasterKeyId)],
      ['AWS::SQS::Queue', (p) => Boolean(p.KmsMasterKeyId)],
      ['AWS::SecretsManager::Secret', (p) => Boolean(p.KmsKeyId)],
      ['AWS::RDS::DBCluster', (p) => p.StorageEncrypted === true && Boolean(p.KmsKeyId)],
      ['AWS::RDS::DBInstance', (p) => p.DBClusterIdentifier !== undefined || (p.StorageEncrypted === true && Boolean(p.KmsKeyId))],
    ];
    for (const [type, encrypted] of checks) {
      for (const r of ofType(type)) expect({ resource: where(r), encrypted: encrypted(r.props) }).toEqual({ resource: where(r), encrypted: true });
    }
  });
});

describe('FND-NO-PUBLIC-BUCKETS and FND-TLS-IN-TRANSIT for buckets and topics', () => {
  test('FND-TLS-IN-TRANSIT: every topic policy denies publishing without TLS', () => {
    const topics = ofType('AWS::SNS::Topic');
    expect(topics.length).toBeGreaterThan(0);
    const policies = ofType('AWS::SNS::TopicPolicy');
    for (const t of topics) {
      const denies = policies.some(
        (p) =>
          p.env === t.env &&
          p.stackId === t.stackId &&
          p.props.Topics.some((ref: any) => ref.Ref === t.logicalId) &&
          p.props.PolicyDocument.Statement.some((s: any) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false'),
      );
      expect({ topic: where(t), deniesPlainText: denies }).toEqual({ topic: where(t), deniesPlainText: true });
    }
  });

  test('FND-NO-PUBLIC-BUCKETS: every bucket blocks all public access', () => {
    for (const b of ofType('AWS::S3::Bucket')) {
      expect({ bucket: where(b), block: b.props.PublicAccessBlockConfiguration }).toEqual({
        bucket: where(b),
        block: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      });
      expect({ bucket: where(b), ownership: b.props.OwnershipControls?.Rules?.[0]?.ObjectOwnership }).toEqual({ bucket: where(b), ownership: 'BucketOwnerEnforced' });
    }
  });

  test('FND-TLS-IN-TRANSIT: every bucket policy denies requests without TLS', () => {
    const buckets = ofType('AWS::S3::Bucket');
    const policies = ofType('AWS::S3::BucketPolicy');
    for (const b of buckets) {
      const policy = policies.find((p) => p.env === b.env && p.stackId === b.stackId && p.props.Bucket?.Ref === b.logicalId);
      const denies = (policy?.props.PolicyDocument.Statement ?? []).some(
        (s: any) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      );
      expect({ bucket: where(b), deniesPlainHttp: denies }).toEqual({ bucket: where(b), deniesPlainHttp: true });
    }
  });
});

describe('FND-NO-PLAINTEXT-SECRETS: no password or secret value is written into a template', () => {
  test('FND-NO-PLAINTEXT-SECRETS: every password-like property is a dynamic reference or absent', () => {
    const offenders: string[] = [];
    const visit = (value: any, trail: string): void => {
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (/password|secretstring|clientsecret/i.test(k) && typeof v === 'string' && !v.startsWith('{{resolve:')) offenders.push(`${trail}.${k}`);
          visit(v, `${trail}.${k}`);
        }
      }
    };
    for (const r of allResources()) visit(r.props, where(r));
    expect(offenders).toEqual([]);
  });
});

describe('FND-DATA-RESIDENCY and FND-ENV-SEPARATION', () => {
  /**
   * The one stack outside the home region: GlobalEvents, two EventBridge rules in us-east-1 that
   * forward AWS's own sign-in and STS events home (INC-FINDING-ROUTING, IAM-BREAK-GLASS-ALERT).
   * It may name us-east-1 and nothing else of it, and holds no stateful resource but the
   * dead-letter queue of the forwarding and the keys of that queue and of its alert topics
   * (INC-ALERT-DELIVERY): undelivered sign-in events, account metadata AWS records in us-east-1
   * anyway, never customer data.
   */
  const isGlobalEvents = (s: { stackId: string }) => s.stackId === 'GlobalEvents';

  test('FND-DATA-RESIDENCY: every stack deploys to its environment\'s home region, except the GlobalEvents stack in us-east-1, which stores no customer data', () => {
    for (const s of allStacks()) {
      const region = isGlobalEvents(s) ? GLOBAL_EVENTS_REGION : CONFIGS[s.env].region;
      expect({ stack: `${s.env}/${s.stackId}`, region: s.region }).toEqual({ stack: `${s.env}/${s.stackId}`, region });
    }
    const outside = allResources().filter((r) => isGlobalEvents(r));
    expect(outside.length).toBeGreaterThan(0);
    const deadLetterQueue = (r: { type: string; props: any }) =>
      r.type === 'AWS::SQS::Queue' && (r.props.Tags ?? []).some((t: any) => t.Key === ALERT_DEAD_LETTERS_TAG.key && t.Value === ALERT_DEAD_LETTERS_TAG.value);
    const allowed = (r: { type: string; props: any }) => deadLetterQueue(r) || r.type === 'AWS::KMS::Key';
    // Per environment: the forwarding's queue and the us-east-1 alert topics' subscription queue.
    expect(outside.filter(deadLetterQueue)).toHaveLength(2 * new Set(outside.map((r) => r.env)).size);
    for (const r of outside) expect({ resource: where(r), stateful: STATEFUL_RESOURCE_TYPES.includes(r.type) && !allowed(r) }).toEqual({ resource: where(r), stateful: false });
  });

  test('FND-DATA-RESIDENCY: no template names a region outside its environment\'s allowed regions (GlobalEvents: its own region)', () => {
    for (const s of allStacks()) {
      const text = JSON.stringify(templateJson(s.env, s.stackId));
      const regions = new Set(text.match(/\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|southwest|northwest)-\d\b/g) ?? []);
      const allowed = (r: string) => CONFIGS[s.env].allowedRegions.includes(r) || (isGlobalEvents(s) && r === GLOBAL_EVENTS_REGION);
      for (const r of regions) expect({ stack: `${s.env}/${s.stackId}`, region: r, allowed: allowed(r) }).toEqual({ stack: `${s.env}/${s.stackId}`, region: r, allowed: true });
    }
  });

  test('FND-ENV-SEPARATION: each environment\'s stacks deploy to its own account and reference nothing of the other', () => {
    for (const s of allStacks()) {
      expect({ stack: `${s.env}/${s.stackId}`, account: s.account }).toEqual({ stack: `${s.env}/${s.stackId}`, account: CONFIGS[s.env].account });
      const text = JSON.stringify(templateJson(s.env, s.stackId));
      for (const other of Object.values(CONFIGS).filter((c) => c.name !== s.env)) {
        expect({ stack: `${s.env}/${s.stackId}`, mentions: text.includes(other.account) }).toEqual({ stack: `${s.env}/${s.stackId}`, mentions: false });
      }
    }
  });
});

describe('FND-NO-PROD-DATA-IN-STAGING: nothing of production is usable from staging', () => {
  /** Every AWS account named by a principal or ARN inside a resource's properties. */
  const accountsIn = (value: unknown): string[] => JSON.stringify(value).match(/(?<=(arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:|iam::))\d{12}/g) ?? [];

  test('FND-NO-PROD-DATA-IN-STAGING: every key policy, bucket policy, secret policy and vault policy names only its own environment\'s account', () => {
    const policyTypes = ['AWS::KMS::Key', 'AWS::S3::BucketPolicy', 'AWS::SecretsManager::ResourcePolicy', 'AWS::Backup::BackupVault', 'AWS::SNS::TopicPolicy'];
    const checked = allResources().filter((r) => policyTypes.includes(r.type));
    expect(checked.length).toBeGreaterThan(0);
    for (const r of checked) {
      // The one AWS-owned account allowed: Elastic Load Balancing's log-delivery account of the
      // region, which writes ALB access logs (and can only write, into the log prefix).
      const elbLogDelivery = RegionInfo.get(CONFIGS[r.env].region).elbv2Account;
      const foreign = accountsIn(r.props).filter((a) => a !== CONFIGS[r.env].account && a !== elbLogDelivery);
      expect({ resource: where(r), foreign }).toEqual({ resource: where(r), foreign: [] });
    }
  });

  test('FND-NO-PROD-DATA-IN-STAGING: no backup copy, replication or snapshot share targets another account', () => {
    for (const r of allResources()) {
      const copies = JSON.stringify(r.props).match(/"DestinationBackupVaultArn":"[^"]*"|"ReplicationConfiguration":\{[^}]*\}/g) ?? [];
      for (const c of copies) expect({ resource: where(r), foreign: accountsIn(c).filter((a) => a !== CONFIGS[r.env].account) }).toEqual({ resource: where(r), foreign: [] });
    }
  });
});

describe('FND-TLS-IN-TRANSIT: TLS 1.2 or later for every bucket', () => {
  test('FND-TLS-IN-TRANSIT: every bucket policy also denies TLS versions below 1.2', () => {
    const policies = ofType('AWS::S3::BucketPolicy');
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThan(0);
    const allowingOldTls = buckets.filter((b) => {
      const policy = policies.find((p) => p.env === b.env && p.stackId === b.stackId && p.props.Bucket?.Ref === b.logicalId);
      return !(policy?.props.PolicyDocument.Statement ?? []).some(
        (s: any) => s.Effect === 'Deny' && Number(s.Condition?.NumericLessThan?.['s3:TlsVersion']) === 1.2,
      );
    });
    expect(allowingOldTls.map(where)).toEqual([]);
  });
});

describe('FND-AZ-COUNT: synthesis needs no AWS account', () => {
  test('FND-AZ-COUNT: no stack asks for a context lookup, and every subnet sits in a configured zone (never a dummy1a placeholder)', () => {
    // An app that looks up zones or VPCs records "missing" context in the assembly manifest, and
    // without credentials synthesizes placeholder zones (dummy1a); explicit zones from config make neither.
    const manifests = new Set(allStacks().map((s) => path.join(path.dirname(s.templateFile), 'manifest.json')));
    expect(manifests.size).toBeGreaterThan(0);
    for (const file of manifests) expect({ file: path.basename(path.dirname(file)), missing: JSON.parse(fs.readFileSync(file, 'utf8')).missing ?? [] }).toEqual({ file: path.basename(path.dirname(file)), missing: [] });
    const subnets = ofType('AWS::EC2::Subnet');
    expect(subnets.length).toBeGreaterThan(0);
    for (const s of subnets) expect({ subnet: where(s), zone: CONFIGS[s.env].availabilityZones.includes(s.props.AvailabilityZone) }).toEqual({ subnet: where(s), zone: true });
  });
});
