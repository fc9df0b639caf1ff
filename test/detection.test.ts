/**
 * Detection: every enforced control names what watches it in the running account (or why
 * nothing can), each named detector is deployed in every environment, drift pages the security
 * topic through a dead-letter-backed rule, and the backup evidence (Audit Manager framework,
 * report plans, evidence bucket) is built. Read from the synthesized reference fixture.
 */
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { CATALOG } from '../lib/controls/catalog';
import {
  BACKUP_AUDIT_CONTROL_NAMES,
  deployedDetectors,
  detectorsOf,
  hasNoDetector,
  missingDetectors,
  SECURITY_HUB_CONTROLS,
} from '../lib/controls/detectors';
import { CONFIG_RULES } from '../lib/constructs/audit/config-recorder';
import { securityHubDetectorIds } from '../lib/stacks/alerting-stack';
import { allStacks, ENV_NAMES, templateJson } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const ENFORCED = CATALOG.filter((c) => c.kind === 'enforced');

function stacksOf(env: string) {
  const stacks = allStacks().filter((s) => s.env === env);
  expect(stacks.length).toBeGreaterThan(0);
  return stacks.map((s) => ({ id: s.stackId, template: templateJson(env, s.stackId) }));
}
function ofType(env: string, stackId: string, type: string): Array<[string, any]> {
  const found = Object.entries<any>(templateJson(env, stackId).Resources).filter(([, r]) => r.Type === type);
  expect({ type, found: found.length > 0 }).toEqual({ type, found: true });
  return found;
}

describe('detectors in the catalog', () => {
  test.each(ENFORCED.map((c) => [c.id, c] as const))('%s: names its detectors, or says why nothing in the account can observe it', (_id, control) => {
    expect(control.detectors).toBeDefined();
    const d = control.detectors!;
    if (hasNoDetector(d)) expect(d.none.length).toBeGreaterThan(40);
    else expect(detectorsOf(control).length).toBeGreaterThan(0);
  });

  test('organisational and customer controls name no detectors', () => {
    const others = CATALOG.filter((c) => c.kind !== 'enforced');
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((c) => c.detectors !== undefined).map((c) => c.id)).toEqual([]);
  });

  test('every named Security Hub control and Audit Manager control is a known one', () => {
    const named = ENFORCED.flatMap((c) => detectorsOf(c).map((d) => ({ id: c.id, ...d })));
    expect(named.length).toBeGreaterThan(0);
    const unknown = named.filter(
      (d) =>
        (d.kind === 'security-hub' && !(d.name in SECURITY_HUB_CONTROLS)) ||
        (d.kind === 'backup-audit' && !(BACKUP_AUDIT_CONTROL_NAMES as readonly string[]).includes(d.name)),
    );
    expect(unknown).toEqual([]);
  });

  test('at least half the enforced controls are watched in the account', () => {
    const watched = ENFORCED.filter((c) => detectorsOf(c).length > 0);
    expect(watched.length * 2).toBeGreaterThanOrEqual(ENFORCED.length);
  });
});

describe.each(ENV_NAMES)('detectors deployed in %s', (env) => {
  const deployed = () => deployedDetectors(stacksOf(env));

  test.each(ENFORCED.filter((c) => detectorsOf(c).length > 0).map((c) => [c.id, c] as const))(
    '%s: every named Config rule, Security Hub control and Audit Manager control is deployed (or inherited)',
    (_id, control) => {
      expect(missingDetectors(control, CONFIGS[env], deployed())).toEqual([]);
    },
  );

  test('MON-CONFIG-RULES: the managed rules of the account baseline carry their documented parameters', () => {
    const rules = ofType(env, 'AccountBaseline', 'AWS::Config::ConfigRule').map(([, r]) => r.Properties);
    const byId = (id: string) => rules.filter((p) => p.Source.SourceIdentifier === id);
    expect(rules.length).toBe(CONFIG_RULES.length);
    expect(byId('IAM_PASSWORD_POLICY')[0].InputParameters).toEqual({
      MinimumPasswordLength: 14,
      PasswordReusePrevention: 24,
      MaxPasswordAge: CONFIGS[env].accountBaseline.passwordMaxAgeDays,
    });
    expect(byId('CW_LOGGROUP_RETENTION_PERIOD_CHECK')[0].InputParameters).toEqual({ MinRetentionTime: CONFIGS[env].logs.retentionDays });
    expect(byId('CLOUDWATCH_ALARM_ACTION_CHECK')[0].InputParameters).toEqual({ alarmActionRequired: 'true', insufficientDataActionRequired: 'false', okActionRequired: 'false' });
    expect(byId('VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS')[0].InputParameters).toEqual({ authorizedTcpPorts: '443,80' });
    const lock = byId('S3_BUCKET_DEFAULT_LOCK_ENABLED')[0];
    expect(lock.InputParameters).toEqual({ mode: CONFIGS[env].accountBaseline.trail.objectLockMode });
    expect(lock.Scope.ComplianceResourceTypes).toEqual(['AWS::S3::Bucket']);
    expect(lock.Scope.ComplianceResourceId).toEqual({ Ref: expect.stringMatching(/^TrailBucket/) });
    for (const id of ['S3_BUCKET_LOGGING_ENABLED', 'S3_VERSION_LIFECYCLE_POLICY_CHECK']) {
      expect(byId(id)[0].Scope).toEqual({ TagKey: 'saas-security-baseline:backup', TagValue: 'tiered' });
    }
  });
});

describe.each(ENV_NAMES)('drift pages the security topic in %s', (env) => {
  /** Rules of a stack whose target is the alerting stack's security topic, with their DLQ. */
  function driftRules(stackId: string) {
    return ofType(env, stackId, 'AWS::Events::Rule').filter(([id]) => id.startsWith('DetectorDrift'));
  }

  test('MON-CONFIG-RULES: a non-compliant Config rule of the baseline pages, every rule named', () => {
    const [[, rule]] = driftRules('AccountBaseline');
    const pattern = rule.Properties.EventPattern;
    expect(pattern.source).toEqual(['aws.config']);
    expect(pattern['detail-type']).toEqual(['Config Rules Compliance Change']);
    expect(pattern.detail.newEvaluationResult.complianceType).toEqual(['NON_COMPLIANT']);
    const rules = ofType(env, 'AccountBaseline', 'AWS::Config::ConfigRule').map(([id]) => id);
    expect(pattern.detail.configRuleName.map((r: any) => r.Ref).sort()).toEqual(rules.sort());
  });

  test('BAK-SELECTIONS, BAK-LEGAL-ARCHIVE: non-compliant backup detectors and Audit Manager controls page', () => {
    const rules = driftRules('Backup').map(([, r]) => r.Properties.EventPattern.detail);
    expect(rules).toHaveLength(2);
    const names = rules.find((d) => d.configRuleName)!.configRuleName.map((r: any) => r.Ref);
    expect(names).toHaveLength(3);
    expect(rules.find((d) => d.configRuleARN)!.configRuleARN).toEqual([{ wildcard: 'arn:*:config:*:*:config-rule/aws-service-rule/backup.amazonaws.com*' }]);
  });

  test('MON-SECURITY-HUB: a failed Security Hub detector pages whatever its severity', () => {
    const [[, rule]] = driftRules('Alerting');
    const findings = rule.Properties.EventPattern.detail.findings;
    expect(findings.Compliance.Status).toEqual(['FAILED']);
    expect(findings.Compliance.SecurityControlId).toEqual(securityHubDetectorIds());
    expect(findings.Compliance.SecurityControlId.length).toBeGreaterThan(20);
  });

  test.each(['AccountBaseline', 'Backup', 'Alerting'])('INC-ALERT-DELIVERY: drift rules of %s target the security topic through a KMS-encrypted, TLS-only dead-letter queue that alarms both topics', (stackId) => {
    const resources = templateJson(env, stackId).Resources;
    const rules = driftRules(stackId);
    expect(rules.length).toBeGreaterThan(0);
    for (const [ruleId, rule] of rules) {
      const [target] = rule.Properties.Targets;
      expect(JSON.stringify(target.Arn)).toMatch(/Security/);
      expect(target.RetryPolicy.MaximumEventAgeInSeconds).toBe(3600);
      const queueId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
      const queue = resources[queueId];
      expect(queue.Properties.KmsMasterKeyId).toBeDefined();
      const policy = Object.values<any>(resources).find((r) => r.Type === 'AWS::SQS::QueuePolicy' && r.Properties.Queues.some((q: any) => q.Ref === queueId));
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
      const alarm = Object.values<any>(resources).find((r) => r.Type === 'AWS::CloudWatch::Alarm' && JSON.stringify(r.Properties.Dimensions ?? []).includes(queueId));
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toMatch(/Operations/);
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toMatch(/Security/);
      // An alarm for events that could be neither delivered nor dead-lettered, per rule.
      const lost = Object.values<any>(resources).filter(
        (r) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties.MetricName === 'InvocationsFailedToBeSentToDlq' && JSON.stringify(r.Properties.Dimensions).includes(ruleId),
      );
      expect(lost).toHaveLength(1);
    }
  });
});

describe.each(ENV_NAMES)('backup evidence in %s', (env) => {
  const config = () => CONFIGS[env];

  test('BAK-TIERS, BAK-SELECTIONS, BAK-VAULT-LOCK, BAK-VAULT-ENCRYPTED, BAK-RESTORE-TESTING: the Audit Manager framework holds the seed controls with the configured values', () => {
    const [[, framework]] = ofType(env, 'Backup', 'AWS::Backup::Framework');
    const controls = Object.fromEntries(
      framework.Properties.FrameworkControls.map((c: any) => [
        c.ControlName,
        { params: Object.fromEntries((c.ControlInputParameters ?? []).map((p: any) => [p.ParameterName, p.ParameterValue])), scope: c.ControlScope },
      ]),
    );
    expect(Object.keys(controls).sort()).toEqual([...BACKUP_AUDIT_CONTROL_NAMES].sort());
    const b = config().backup;
    expect(controls.BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK.params).toEqual({
      requiredFrequencyUnit: 'hours',
      requiredFrequencyValue: '1',
      requiredRetentionDays: String(b.tiers.hourly.deleteAfterDays),
    });
    expect(controls.BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK.params).toEqual({
      requiredRetentionDays: String(Math.min(...Object.values(b.tiers).map((t) => t.deleteAfterDays))),
    });
    expect(controls.BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK.params).toEqual({
      minRetentionDays: String(b.vaultLock.minRetentionDays),
      maxRetentionDays: String(b.vaultLock.maxRetentionDays),
    });
    expect(controls.BACKUP_LAST_RECOVERY_POINT_CREATED.params).toEqual({ recoveryPointAgeUnit: 'hours', recoveryPointAgeValue: '25' });
    expect(controls.RESTORE_TIME_FOR_RESOURCES_MEET_TARGET.params).toEqual({ maxRestoreTime: '720' });
    for (const name of ['BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'BACKUP_LAST_RECOVERY_POINT_CREATED', 'RESTORE_TIME_FOR_RESOURCES_MEET_TARGET']) {
      expect(controls[name].scope).toEqual({ Tags: [{ Key: 'saas-security-baseline:backup', Value: 'tiered' }] });
    }
  });

  test('BAK-RESTORE-TESTING, BAK-RESTORE-VALIDATION: report plans deliver backup, restore and control reports to the evidence bucket', () => {
    const plans = ofType(env, 'Backup', 'AWS::Backup::ReportPlan').map(([, r]) => r);
    expect(plans.map((p) => p.Properties.ReportSetting.ReportTemplate).sort()).toEqual(['BACKUP_JOB_REPORT', 'CONTROL_COMPLIANCE_REPORT', 'RESTORE_JOB_REPORT']);
    const buckets = new Set(plans.map((p) => p.Properties.ReportDeliveryChannel.S3BucketName.Ref));
    expect(buckets.size).toBe(1);
    for (const p of plans) {
      expect(p.Properties.ReportDeliveryChannel.Formats).toEqual(['CSV', 'JSON']);
      expect(p.Properties.ReportDeliveryChannel.S3KeyPrefix).toBe('backup-reports');
    }
    const compliance = plans.find((p) => p.Properties.ReportSetting.ReportTemplate === 'CONTROL_COMPLIANCE_REPORT');
    expect(compliance.Properties.ReportSetting.FrameworkArns).toEqual([{ 'Fn::GetAtt': [expect.stringMatching(/^Audit/), 'FrameworkArn'] }]);
  });

  test('AUD-TRAIL-BUCKET: the evidence bucket is KMS-encrypted, versioned, Object-Locked for the audit period, TLS-only and access-logged', () => {
    const resources = templateJson(env, 'Backup').Resources;
    const [[bucketId]] = ofType(env, 'Backup', 'AWS::Backup::ReportPlan').map(([, r]) => [r.Properties.ReportDeliveryChannel.S3BucketName.Ref]);
    const bucket = resources[bucketId].Properties;
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(bucket.VersioningConfiguration.Status).toBe('Enabled');
    expect(bucket.ObjectLockEnabled).toBe(true);
    const trail = config().accountBaseline.trail;
    expect(bucket.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: trail.objectLockMode, Days: trail.retentionDays });
    expect(bucket.LoggingConfiguration.DestinationBucketName).toBeDefined();
    const policy = Object.values<any>(resources).find((r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket.Ref === bucketId);
    const statements = policy.Properties.PolicyDocument.Statement;
    expect(statements.some((s: any) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
    expect(bucket.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
  });

  test('BAK-RESTORE-TESTING: report delivery grants the reports service-linked role itself, in the bucket and the key policy, after the framework made it', () => {
    const resources = templateJson(env, 'Backup').Resources;
    const [[bucketId]] = ofType(env, 'Backup', 'AWS::Backup::ReportPlan').map(([, r]) => [r.Properties.ReportDeliveryChannel.S3BucketName.Ref]);
    const role = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports']] };
    // The bucket policy: the documented sample (the role as principal, the ACL condition), under the report prefix only.
    const policy = Object.values<any>(resources).find((r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket.Ref === bucketId);
    const delivery = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Sid === 'AllowBackupReportsDelivery');
    expect(delivery).toEqual([
      {
        Sid: 'AllowBackupReportsDelivery',
        Effect: 'Allow',
        Principal: { AWS: role },
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/backup-reports/*']] },
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      },
    ]);
    // The key policy: the role as principal with kms:GenerateDataKey and kms:Decrypt, as the report-plan page requires.
    const keyId = resources[bucketId].Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID['Fn::GetAtt'][0];
    const key = resources[keyId];
    const grant = key.Properties.KeyPolicy.Statement.filter((s: any) => s.Sid === 'AllowBackupReportsDelivery');
    expect(grant).toEqual([{ Sid: 'AllowBackupReportsDelivery', Effect: 'Allow', Principal: { AWS: role }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' }]);
    // No statement relies on the account principal for the role: that would need the role's own policy to grant, and it does not.
    expect(JSON.stringify([...key.Properties.KeyPolicy.Statement, ...policy.Properties.PolicyDocument.Statement].filter((s: any) => JSON.stringify(s).includes('AWSServiceRoleForBackupReports')).map((s: any) => s.Principal))).not.toContain(':root');
    // The role exists only once AWS Backup made it for the framework: the key, so the bucket and its policy, come after.
    const [[frameworkId]] = ofType(env, 'Backup', 'AWS::Backup::Framework');
    expect([key.DependsOn].flat()).toContain(frameworkId);
    for (const [, plan] of ofType(env, 'Backup', 'AWS::Backup::ReportPlan')) expect([plan.DependsOn].flat().some((d: string) => resources[d]?.Type === 'AWS::S3::BucketPolicy')).toBe(true);
  });

  test('BAK-LEGAL-ARCHIVE: a Config rule checks the archive keeps its default Object Lock', () => {
    const rules = ofType(env, 'Backup', 'AWS::Config::ConfigRule').map(([, r]) => r.Properties).filter((p) => p.Source.SourceIdentifier === 'S3_BUCKET_DEFAULT_LOCK_ENABLED');
    expect(rules).toHaveLength(1);
    expect(rules[0].InputParameters).toEqual({ mode: config().backup.legalArchive.mode });
    expect(rules[0].Scope.ComplianceResourceId).toEqual({ Ref: expect.stringMatching(/^LegalArchive/) });
  });
});
