/**
 * The audit trail, its bucket, log hygiene and the identity guardrails of the account baseline,
 * read from the synthesized templates.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { PRODUCTION_FLOORS } from '../lib/config/floors';
import { ACCOUNT_BASELINE_CONTROLS, inheritedControls } from '../lib/controls/account-baseline';
import type { SecurityHubStandard } from '../lib/config/schema';
import { AccessAnalyzer } from '../lib/constructs/audit/access-analyzer';
import { AuditBucket } from '../lib/constructs/audit/audit-bucket';
import { AccountPasswordPolicy } from '../lib/constructs/audit/password-policy';
import { SecurityHub } from '../lib/constructs/audit/security-hub';
import { FindingRouting } from '../lib/constructs/monitoring/finding-routing';
import { CATALOG } from '../lib/controls/catalog';
import { EnvironmentStage } from '../lib/stages/environment-stage';
import { allResources, ENV_NAMES, template, templateJson, crossStackRef, grantsOfRole } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const STACK = 'AccountBaseline';

/** Resources of one type in the baseline stack, by logical ID. */
function ofType(env: string, type: string): Array<[string, any]> {
  return Object.entries<any>(templateJson(env, STACK).Resources).filter(([, r]) => r.Type === type);
}

/** Every statement of the customer-managed policies attached to a role of the baseline stack. */
const grantsOf = (env: string, roleId: string): any[] => grantsOfRole(env, STACK, roleId);

/** The logical ID of the bucket whose ID starts with `prefix`. */
function bucketId(env: string, prefix: string): string {
  const found = ofType(env, 'AWS::S3::Bucket').filter(([id]) => id.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0][0];
}

describe.each(ENV_NAMES)('audit trail of %s', (env) => {
  const config = CONFIGS[env];
  const t = () => template(env, STACK);
  const trail = () => {
    const trails = ofType(env, 'AWS::CloudTrail::Trail');
    expect(trails).toHaveLength(1);
    return trails[0][1].Properties;
  };

  test('AUD-CLOUDTRAIL: one multi-region trail with global service events, log file validation and logging on', () => {
    expect(trail()).toEqual(
      expect.objectContaining({
        IsLogging: true,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        EnableLogFileValidation: true,
      }),
    );
  });

  test('AUD-CLOUDTRAIL: log files are encrypted with the rotating customer-managed audit key', () => {
    const keyId = trail().KMSKeyId['Fn::GetAtt'][0];
    const key = templateJson(env, STACK).Resources[keyId];
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    // CloudTrail may encrypt only for this trail (confused-deputy guard).
    const statement = key.Properties.KeyPolicy.Statement.find((s: any) => s.Sid === 'AllowCloudTrailToEncryptLogs');
    expect(statement).toEqual(
      expect.objectContaining({
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Condition: expect.objectContaining({ StringEquals: { 'aws:SourceArn': expect.anything() } }),
      }),
    );
  });

  test('AUD-CLOUDTRAIL: events are delivered to an encrypted CloudWatch log group through a role without inline policies', () => {
    const props = trail();
    const groupId = props.CloudWatchLogsLogGroupArn['Fn::GetAtt'][0];
    const group = templateJson(env, STACK).Resources[groupId];
    expect(group.Type).toBe('AWS::Logs::LogGroup');
    expect(group.Properties.KmsKeyId).toBeDefined();
    expect(group.Properties.RetentionInDays).toBe(config.logs.retentionDays);
    const roleId = props.CloudWatchLogsRoleArn['Fn::GetAtt'][0];
    const role = templateJson(env, STACK).Resources[roleId];
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'cloudtrail.amazonaws.com' });
    expect(role.Properties.Policies).toBeUndefined();
    expect(grantsOf(env, roleId)).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [groupId, 'Arn'] } },
    ]);
  });

  test('AUD-CLOUDTRAIL: every management event, read and write, is selected', () => {
    expect(trail().EventSelectors).toBeUndefined();
    expect(trail().AdvancedEventSelectors).toContainEqual({
      Name: expect.any(String),
      FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
    });
  });

  test('AUD-DATA-EVENTS: every S3 object event, read and write, is recorded, including the trail bucket; only the access-log bucket is left out', () => {
    const data = trail().AdvancedEventSelectors.find((s: any) => s.FieldSelectors.some((f: any) => f.Field === 'eventCategory' && f.Equals?.[0] === 'Data'));
    expect(data).toBeDefined();
    expect(data.FieldSelectors).toContainEqual({ Field: 'resources.type', Equals: ['AWS::S3::Object'] });
    // No readOnly selector: reads and writes are both recorded.
    expect(data.FieldSelectors.find((f: any) => f.Field === 'readOnly')).toBeUndefined();
    const arnSelectors = data.FieldSelectors.filter((f: any) => f.Field === 'resources.ARN');
    expect(arnSelectors).toHaveLength(1);
    expect(Object.keys(arnSelectors[0]).sort()).toEqual(['Field', 'NotStartsWith']);
    const excluded = JSON.stringify(arnSelectors[0].NotStartsWith);
    expect(excluded).toContain(bucketId(env, 'AccessLogs'));
    expect(excluded).not.toContain(bucketId(env, 'TrailBucket'));
  });

  test('AUD-TRAIL-BUCKET: versioned, KMS-encrypted with the audit key and Object-Locked for the configured retention', () => {
    const bucket = templateJson(env, STACK).Resources[bucketId(env, 'TrailBucket')].Properties;
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0]).toEqual({
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: trail().KMSKeyId },
      BucketKeyEnabled: true,
    });
    expect(bucket.ObjectLockEnabled).toBe(true);
    expect(bucket.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: config.accountBaseline.trail.objectLockMode, Days: config.accountBaseline.trail.retentionDays } },
    });
    if (config.tier === 'production') {
      expect(bucket.ObjectLockConfiguration.Rule.DefaultRetention.Days).toBeGreaterThanOrEqual(PRODUCTION_FLOORS.trailRetentionDays);
      expect(bucket.ObjectLockConfiguration.Rule.DefaultRetention.Mode).toBe('COMPLIANCE');
    }
  });

  test('AUD-TRAIL-BUCKET: the trail delivers to the bucket, which moves logs to Glacier Instant Retrieval after 90 days and expires them after the retention', () => {
    const id = bucketId(env, 'TrailBucket');
    expect(trail().S3BucketName).toEqual({ Ref: id });
    const rule = templateJson(env, STACK).Resources[id].Properties.LifecycleConfiguration.Rules[0];
    expect(rule).toEqual(
      expect.objectContaining({
        Status: 'Enabled',
        Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
        ExpirationInDays: config.accountBaseline.trail.retentionDays,
      }),
    );
  });

  test('AUD-TRAIL-BUCKET: TLS only, no public access, owner-enforced objects, and access logs to the separate log bucket', () => {
    const id = bucketId(env, 'TrailBucket');
    const bucket = templateJson(env, STACK).Resources[id].Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(bucket.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: bucketId(env, 'AccessLogs') }, LogFilePrefix: 'trail/' });
    t().hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Sid: 'AWSCloudTrailWrite',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: { StringEquals: Match.objectLike({ 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': Match.anyValue() }) },
          }),
        ]),
      },
    });
  });

  test('AUD-TRAIL-BUCKET: the access-log bucket is private, TLS-only, SSE-S3 (the only encryption S3 log delivery accepts) and tagged as such', () => {
    const id = bucketId(env, 'AccessLogs');
    const bucket = templateJson(env, STACK).Resources[id].Properties;
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'AES256' });
    expect(bucket.Tags).toContainEqual({ Key: 'saas-security-baseline:purpose', Value: 'access-logs' });
    // Log delivery by bucket policy, scoped to this account's buckets; never the LogDeliveryWrite ACL.
    expect(bucket.AccessControl).toBeUndefined();
    t().hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'logging.s3.amazonaws.com' }, Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': config.account } }) }),
        ]),
      },
    });
  });
});

describe.each(ENV_NAMES)('identity guardrails of the account baseline of %s', (env) => {
  const config = CONFIGS[env];
  const t = () => template(env, STACK);

  test('IAM-ACCESS-ANALYZER: an account analyzer reports external access', () => {
    t().hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT', AnalyzerName: `${env}-external-access` });
  });

  test('IAM-ACCESS-ANALYZER: an unused-access analyzer runs where configured', () => {
    const age = config.accountBaseline.unusedAccessAgeDays;
    const unused = ofType(env, 'AWS::AccessAnalyzer::Analyzer').filter(([, r]) => r.Properties.Type === 'ACCOUNT_UNUSED_ACCESS');
    if (age === undefined) {
      expect(unused).toHaveLength(0);
    } else {
      expect(unused.map(([, r]) => r.Properties.AnalyzerConfiguration)).toEqual([{ UnusedAccessConfiguration: { UnusedAccessAge: age } }]);
    }
  });

  test('IAM-PASSWORD-POLICY: the custom resource asks for 14+ characters of every class, 24 remembered passwords and the configured maximum age', () => {
    const policies = ofType(env, 'Custom::AccountPasswordPolicy');
    expect(policies).toHaveLength(1);
    expect(policies[0][1].Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^PasswordPolicyHandler/), 'Arn'] },
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      PasswordReusePrevention: 24,
      MaxPasswordAge: config.accountBaseline.passwordMaxAgeDays,
      HardExpiry: false,
    });
  });

  test('IAM-PASSWORD-POLICY: the handler runs Node.js 24 and may only read, update and delete the password policy and write its own logs', () => {
    const fns = ofType(env, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('PasswordPolicyHandler'));
    expect(fns).toHaveLength(1);
    const fn = fns[0][1].Properties;
    expect(fn.Runtime).toBe('nodejs24.x');
    const roleId = fn.Role['Fn::GetAtt'][0];
    const role = templateJson(env, STACK).Resources[roleId].Properties;
    expect(role.Policies).toBeUndefined();
    expect(role.ManagedPolicyArns).toBeUndefined();
    const statements = grantsOf(env, roleId);
    const actions = statements.flatMap((s: any) => [s.Action].flat());
    expect(actions.sort()).toEqual(
      ['iam:DeleteAccountPasswordPolicy', 'iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy', 'logs:CreateLogStream', 'logs:PutLogEvents'].sort(),
    );
    const logsStatement = statements.find((s: any) => [s.Action].flat().includes('logs:PutLogEvents'));
    expect(logsStatement.Resource).not.toBe('*');
    const group = templateJson(env, STACK).Resources[fn.LoggingConfig.LogGroup.Ref];
    expect(group.Properties.KmsKeyId).toBeDefined();
  });
});

describe('LOG-ENCRYPTED-RETAINED: every log group of every stack is encrypted and keeps events for the configured retention', () => {
  test('LOG-ENCRYPTED-RETAINED: every AWS::Logs::LogGroup has a KMS key and RetentionInDays equal to logs.retentionDays', () => {
    const groups = allResources().filter((r) => r.type === 'AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      const where = `${g.env}/${g.stackId}/${g.logicalId}`;
      expect({ where, encrypted: Boolean(g.props.KmsKeyId), retention: g.props.RetentionInDays }).toEqual({
        where,
        encrypted: true,
        retention: CONFIGS[g.env].logs.retentionDays,
      });
    }
  });

  test('LOG-ENCRYPTED-RETAINED: every AWS::Lambda::Function, generated ones included, logs to a KMS-encrypted, retained group of its stack', () => {
    const functions = allResources().filter((r) => r.type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(0);
    for (const f of functions) {
      const where = `${f.env}/${f.stackId}/${f.logicalId}`;
      // Without LoggingConfig.LogGroup, Lambda creates /aws/lambda/<name> itself: no key, no retention.
      const ref = f.props.LoggingConfig?.LogGroup?.Ref;
      const group = ref === undefined ? undefined : templateJson(f.env, f.stackId).Resources[ref];
      expect({ where, type: group?.Type, encrypted: Boolean(group?.Properties.KmsKeyId), retention: group?.Properties.RetentionInDays }).toEqual({
        where,
        type: 'AWS::Logs::LogGroup',
        encrypted: true,
        retention: CONFIGS[f.env].logs.retentionDays,
      });
    }
    // The generated function of the VPC's default-security-group restriction is among them.
    expect(functions.filter((f) => f.stackId === 'Network' && f.logicalId.startsWith('CustomVpcRestrictDefaultSG')).map((f) => f.env).sort()).toEqual([...ENV_NAMES].sort());
  });

  test('LOG-ENCRYPTED-RETAINED: the Container Insights performance log group of the workload cluster exists before the cluster, encrypted and retained', () => {
    for (const env of ENV_NAMES) {
      const resources = templateJson(env, 'Workload').Resources;
      const [[clusterId, cluster]] = Object.entries<any>(resources).filter(([, r]) => r.Type === 'AWS::ECS::Cluster');
      const name = cluster.Properties.ClusterName;
      expect({ env, name: typeof name }).toEqual({ env, name: 'string' });
      const groups = Object.entries<any>(resources).filter(([, r]) => r.Type === 'AWS::Logs::LogGroup' && r.Properties.LogGroupName === `/aws/ecs/containerinsights/${name}/performance`);
      expect({ env, groups: groups.length }).toEqual({ env, groups: 1 });
      const [[groupId, group]] = groups;
      expect(group.Properties.KmsKeyId).toBeDefined();
      expect(group.Properties.RetentionInDays).toBe(CONFIGS[env].logs.retentionDays);
      expect(resources[clusterId].DependsOn).toContain(groupId);
    }
  });

  test('LOG-ENCRYPTED-RETAINED: each log group key admits CloudWatch Logs only for log groups of its own account', () => {
    for (const g of allResources().filter((r) => r.type === 'AWS::Logs::LogGroup')) {
      const keyId = g.props.KmsKeyId['Fn::GetAtt']?.[0] ?? crossStackRef(g.props.KmsKeyId);
      if (typeof keyId !== 'string' || !templateJson(g.env, g.stackId).Resources[keyId]) continue;
      const statements = templateJson(g.env, g.stackId).Resources[keyId].Properties.KeyPolicy.Statement;
      // Every statement admitting CloudWatch Logs pins the log group ARN (any group of the account,
      // or, for a tenant key, exactly that tenant's group) to this environment's account.
      const logs = statements.filter((s: any) => JSON.stringify(s.Principal ?? {}).includes('logs.'));
      expect({ where: g.logicalId, admitsLogs: logs.length > 0 }).toEqual({ where: g.logicalId, admitsLogs: true });
      for (const st of logs) {
        const arn = st.Condition?.ArnLike?.['kms:EncryptionContext:aws:logs:arn'] ?? st.Condition?.ArnEquals?.['kms:EncryptionContext:aws:logs:arn'];
        expect({ where: g.logicalId, arn: JSON.stringify(arn ?? '') }).toEqual({ where: g.logicalId, arn: expect.stringContaining(`:${CONFIGS[g.env].account}:log-group:`) });
      }
    }
  });
});

describe('account baseline switched off (organisation runs it centrally)', () => {
  test('AUD-CLOUDTRAIL: ACCOUNT_BASELINE_CONTROLS names real, enforced controls and is inherited only where the baseline is off', () => {
    for (const id of ACCOUNT_BASELINE_CONTROLS) {
      expect(CATALOG.find((c) => c.id === id)).toEqual(expect.objectContaining({ kind: 'enforced' }));
    }
    expect(inheritedControls(CONFIGS.production)).toEqual([]);
    expect(inheritedControls({ ...CONFIGS.production, accountBaseline: { ...CONFIGS.production.accountBaseline, enabled: false } })).toEqual(
      ACCOUNT_BASELINE_CONTROLS,
    );
  });

  test('AUD-CLOUDTRAIL: with accountBaseline.enabled false the stage has no baseline stack, and every other stack still synthesizes', () => {
    const table = structuredClone(ENVIRONMENTS);
    (table.staging as any).accountBaseline = { enabled: false };
    const [config] = loadEnvironments(table, ['staging']);
    const app = new App({ builtinCloudFormationValidation: false });
    const stage = new EnvironmentStage(app, { config });
    const assembly = stage.synth();
    const ids = assembly.stacks.map((s) => s.hierarchicalId.split('/').pop());
    expect(stage.accountBaseline).toBeUndefined();
    expect(ids).not.toContain(STACK);
    expect(ids).toEqual(expect.arrayContaining(['Alerting', 'Network']));
    // Finding routing lives with the alert topics, so it keeps paging without the baseline.
    const alerting = assembly.stacks.find((s) => s.hierarchicalId.endsWith('Alerting'))!.template;
    const rules = Object.values<any>(alerting.Resources).filter((r) => r.Type === 'AWS::Events::Rule');
    // The finding routes, and the Security Hub detector drift rule (test/detection.test.ts).
    expect(rules.map((r) => r.Properties.EventPattern.source[0]).sort()).toEqual(['aws.guardduty', 'aws.securityhub', 'aws.securityhub', 'aws.signin']);
  });

  test('AUD-CLOUDTRAIL: both sample environments own their baseline (separate accounts)', () => {
    for (const env of ENV_NAMES) expect(CONFIGS[env].accountBaseline.enabled).toBe(true);
    expect(CONFIGS.staging.account).not.toBe(CONFIGS.production.account);
  });
});

describe('the audit constructs validate their props early', () => {
  // Constructors throw before anything is synthesized: these build no template.
  const stack = () => new Stack(new App(), 'S', { env: { account: '111111111111', region: 'ap-southeast-1' } });

  test.each<[string, (s: Stack) => unknown, RegExp]>([
    [
      'AUD-TRAIL-BUCKET: an audit bucket kept shorter than its cold-storage minimum',
      (s) => new AuditBucket(s, 'B', { encryptionKey: new kms.Key(s, 'K'), accessLogsBucket: new s3.Bucket(s, 'L'), accessLogsPrefix: 'x/', retentionDays: 90 }),
      /^AuditBucket B: retentionDays must be at least 180 \(got 90\)$/,
    ],
    ['MON-SECURITY-HUB: a hub without standards', (s) => new SecurityHub(s, 'H', { standards: [] }), /^SecurityHub H: standards must name at least one standard/],
    ['MON-SECURITY-HUB: an unknown standard', (s) => new SecurityHub(s, 'H', { standards: ['soc2/v/1' as SecurityHubStandard] }), /^SecurityHub H: standards: got "soc2\/v\/1", expected one of /],
    ['IAM-ACCESS-ANALYZER: an unused-access age out of range', (s) => new AccessAnalyzer(s, 'A', { namePrefix: 'x', unusedAccessAgeDays: 400 }), /^AccessAnalyzer A: unusedAccessAgeDays: got 400, expected 1 to 365$/],
    [
      'IAM-PASSWORD-POLICY: a minimum length below 14',
      (s) => new AccountPasswordPolicy(s, 'P', { maxPasswordAgeDays: 90, minimumLength: 8, logKey: new kms.Key(s, 'K'), logRetentionDays: 90 }),
      /^AccountPasswordPolicy P: minimumLength: got 8, expected 14 to 128$/,
    ],
    [
      'IAM-PASSWORD-POLICY: a maximum age IAM does not accept',
      (s) => new AccountPasswordPolicy(s, 'P', { maxPasswordAgeDays: 0, logKey: new kms.Key(s, 'K'), logRetentionDays: 90 }),
      /^AccountPasswordPolicy P: maxPasswordAgeDays: got 0, expected 1 to 1095$/,
    ],
    [
      'INC-FINDING-ROUTING: an unknown GuardDuty severity',
      (s) => new FindingRouting(s, 'R', { topic: new sns.Topic(s, 'T'), guardDutyMinSeverity: 'SEVERE' as any }),
      /^FindingRouting R: guardDutyMinSeverity: got "SEVERE", expected one of LOW, MEDIUM, HIGH, CRITICAL$/,
    ],
  ])('throws on %s', (_name, build, message) => {
    expect(() => build(stack())).toThrow(message);
  });
});
