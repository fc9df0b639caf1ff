/**
 * The evidence command (`npm run evidence`) against recorded responses (aws-sdk-client-mock):
 * read-only by construction, pagination, throttling, a missing permission, a service that is
 * off, and the per-control summary of a recorded account.
 */
import { BackupClient, DescribeFrameworkCommand, ListFrameworksCommand, ListReportJobsCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeRetentionConfigurationsCommand,
  GetComplianceDetailsByConfigRuleCommand,
  GetResourceConfigHistoryCommand,
} from '@aws-sdk/client-config-service';
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetEnabledStandardsCommand, GetFindingsCommand, ListStandardsControlAssociationsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { CATALOG } from '../lib/controls/catalog';
import { detectorsOf } from '../lib/controls/detectors';
import { EVIDENCE_COMMAND_ACTIONS, EVIDENCE_READ_ACTIONS } from '../lib/evidence/actions';
import { call, EvidenceError, READ_ONLY_COMMANDS, type EvidenceClients } from '../lib/evidence/aws';
import { collectEvidence, type EvidenceReport } from '../lib/evidence/collect';
import { renderEvidenceMarkdown, summaryLines } from '../lib/evidence/render';
import { ENV_NAMES, grantsOfRole, templateJson } from './support/synth';

const [ENV] = loadEnvironments(ENVIRONMENTS).filter((e) => e.name === 'production');
const SINCE = new Date('2026-11-07T00:00:00Z');
const NOW = new Date('2026-12-07T12:00:00Z');
const noSleep = async () => undefined;

const config = mockClient(ConfigServiceClient);
const securityHub = mockClient(SecurityHubClient);
const backup = mockClient(BackupClient);
const cloudTrail = mockClient(CloudTrailClient);
const guardDuty = mockClient(GuardDutyClient);
const sts = mockClient(STSClient);
const clients = (): EvidenceClients => ({
  config: new ConfigServiceClient({}),
  securityHub: new SecurityHubClient({}),
  backup: new BackupClient({}),
  cloudTrail: new CloudTrailClient({}),
  guardDuty: new GuardDutyClient({}),
  sts: new STSClient({}),
});
const error = (name: string, message = name) => Object.assign(new Error(message), { name });

/** Every managed rule identifier the catalog names, deployed once as `<id>-rule`. */
const RULE_IDS = [...new Set(CATALOG.flatMap((c) => detectorsOf(c)).filter((d) => d.kind === 'config-rule').map((d) => d.name))];
const AUDIT = [...new Set(CATALOG.flatMap((c) => detectorsOf(c)).filter((d) => d.kind === 'backup-audit').map((d) => d.name))];

/** The recorded account: everything compliant except the bucket logging rule and RDS.9, one failed restore test. */
function recordAccount(): void {
  for (const m of [config, securityHub, backup, cloudTrail, guardDuty, sts]) m.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ENV.account });
  const rules: any[] = [
    ...RULE_IDS.map((id) => ({ ConfigRuleName: `${id}-rule`, Source: { Owner: 'AWS', SourceIdentifier: id } })),
    // AWS Backup Audit Manager's rules: service-linked, created by Backup (the names are Backup's own business).
    ...AUDIT.map((id, i) => ({
      ConfigRuleName: `${id}-backup-rule`,
      ConfigRuleArn: `arn:aws:config:${ENV.region}:${ENV.account}:config-rule/aws-service-rule/backup.amazonaws.com/config-rule-b${i}`,
      CreatedBy: 'backup.amazonaws.com',
      Source: { Owner: 'AWS', SourceIdentifier: id },
    })),
  ];
  // Two pages, to prove pagination.
  const half = Math.ceil(rules.length / 2);
  config.on(DescribeConfigRulesCommand, { NextToken: undefined }).resolves({ ConfigRules: rules.slice(0, half), NextToken: 'page2' });
  config.on(DescribeConfigRulesCommand, { NextToken: 'page2' }).resolves({ ConfigRules: rules.slice(half) });
  config.on(DescribeComplianceByConfigRuleCommand).callsFake((input: any) => ({
    ComplianceByConfigRules: input.ConfigRuleNames.map((n: string) => ({
      ConfigRuleName: n,
      Compliance: { ComplianceType: n === 'S3_BUCKET_LOGGING_ENABLED-rule' ? 'NON_COMPLIANT' : 'COMPLIANT' },
    })),
  }));
  // The logging rule evaluates two tenant buckets; every other rule one compliant VPC.
  const LOGGING = 'S3_BUCKET_LOGGING_ENABLED-rule';
  const evaluation = (type: string, id: string, compliance: string, at: string) => ({
    EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName: 'x', ResourceType: type, ResourceId: id } },
    ComplianceType: compliance,
    ResultRecordedTime: new Date(at),
  });
  config.on(GetComplianceDetailsByConfigRuleCommand).callsFake((input: any) => ({
    EvaluationResults:
      input.ConfigRuleName === LOGGING
        ? [evaluation('AWS::S3::Bucket', 'tenant-a-files', 'NON_COMPLIANT', '2026-12-01T08:00:00Z'), evaluation('AWS::S3::Bucket', 'tenant-b-files', 'COMPLIANT', '2026-11-21T10:00:00Z')]
        : [evaluation('AWS::EC2::VPC', 'vpc-1', 'COMPLIANT', '2026-10-01T00:00:00Z')],
  }));
  config.on(DescribeRetentionConfigurationsCommand).resolves({ RetentionConfigurations: [] });
  // Compliance items (AWS::Config::ResourceCompliance), as the AWS Config guide shows them.
  const item = (resourceId: string, at: string, rules: Record<string, string>) => ({
    resourceType: 'AWS::Config::ResourceCompliance',
    resourceId,
    configurationItemCaptureTime: new Date(at),
    configurationItemStatus: 'OK',
    configuration: JSON.stringify({
      complianceType: Object.values(rules).includes('NON_COMPLIANT') ? 'NON_COMPLIANT' : 'COMPLIANT',
      targetResourceId: resourceId.split('/')[1],
      targetResourceType: resourceId.split('/')[0],
      configRuleList: Object.entries(rules).map(([configRuleName, complianceType]) => ({ configRuleName, complianceType, configRuleId: `config-rule-${configRuleName.length}` })),
    }),
  });
  const allCompliant = Object.fromEntries(rules.map((r) => [r.ConfigRuleName, 'COMPLIANT']));
  const history = config.on(GetResourceConfigHistoryCommand);
  // Before the period: each resource's newest item.
  history.callsFake((input: any) => {
    const before = !input.earlierTime;
    switch (input.resourceId) {
      case 'AWS::EC2::VPC/vpc-1':
        return { configurationItems: before ? [item(input.resourceId, '2026-10-01T00:00:00Z', allCompliant)] : [] };
      case 'AWS::S3::Bucket/tenant-a-files':
        return { configurationItems: before ? [item(input.resourceId, '2026-11-01T00:00:00Z', { [LOGGING]: 'COMPLIANT' })] : [item(input.resourceId, '2026-12-01T08:00:00Z', { [LOGGING]: 'NON_COMPLIANT' })] };
      case 'AWS::S3::Bucket/tenant-b-files':
        if (before) return { configurationItems: [item(input.resourceId, '2026-10-15T00:00:00Z', { [LOGGING]: 'COMPLIANT' })] };
        // Two pages: a day without logging, then logging again.
        return input.nextToken === 'next'
          ? { configurationItems: [item(input.resourceId, '2026-11-21T10:00:00Z', { [LOGGING]: 'COMPLIANT' })] }
          : { configurationItems: [item(input.resourceId, '2026-11-20T10:00:00Z', { [LOGGING]: 'NON_COMPLIANT' })], nextToken: 'next' };
      default:
        throw new Error(`no recorded history for ${input.resourceId}`);
    }
  });
  config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success' }] });
  securityHub.on(GetEnabledStandardsCommand).resolves({
    StandardsSubscriptions: ENV.accountBaseline.securityHubStandards.map((s) => ({
      StandardsArn: `arn:aws:securityhub:${ENV.region}::standards/${s}`,
      StandardsStatus: 'READY',
      StandardsSubscriptionArn: 'x',
      StandardsInput: {},
    })),
  });
  securityHub.on(GetFindingsCommand).callsFake((input: any) => ({
    Findings: input.Filters.ComplianceSecurityControlId.map((f: any) => ({ Compliance: { SecurityControlId: f.Value, Status: f.Value === 'RDS.9' ? 'FAILED' : 'PASSED' } })),
  }));
  securityHub.on(ListStandardsControlAssociationsCommand).callsFake((input: any) => ({
    StandardsControlAssociationSummaries: [
      {
        StandardsArn: `arn:aws:securityhub:${ENV.region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
        SecurityControlId: input.SecurityControlId,
        AssociationStatus: 'ENABLED',
      },
    ],
  }));
  backup.on(ListFrameworksCommand).resolves({ Frameworks: [{ FrameworkName: 'production_backup_evidence', FrameworkArn: 'arn:fw' }] });
  backup.on(DescribeFrameworkCommand).resolves({
    FrameworkName: 'production_backup_evidence',
    DeploymentStatus: 'COMPLETED',
    FrameworkStatus: 'ACTIVE',
    FrameworkControls: AUDIT.map((ControlName) => ({ ControlName })),
  });
  const reportJob = (id: string, template: string, status: string, at: string, extra: Record<string, unknown> = {}) => ({
    ReportJobId: id,
    ReportTemplate: template,
    Status: status,
    CreationTime: new Date(at),
    ReportDestination: { S3BucketName: 'evidence-bucket', S3Keys: [`backup-reports/Backup/${ENV.account}/${ENV.region}/2026/12/0${id.slice(-1)}/${template}.json`] },
    ...extra,
  });
  backup.on(ListReportJobsCommand).resolves({
    ReportJobs: [
      reportJob('j-1', 'CONTROL_COMPLIANCE_REPORT', 'COMPLETED', '2026-12-05T03:00:00Z'),
      reportJob('j-2', 'CONTROL_COMPLIANCE_REPORT', 'COMPLETED', '2026-12-06T03:00:00Z'),
      reportJob('j-3', 'RESTORE_JOB_REPORT', 'COMPLETED', '2026-12-06T03:10:00Z'),
    ],
  });
  backup.on(ListRestoreJobsCommand).resolves({
    RestoreJobs: [
      { RestoreJobId: 'r-1', Status: 'COMPLETED', ValidationStatus: 'SUCCESSFUL', CreationDate: new Date('2026-11-20T03:00:00Z'), CreatedBy: { RestoreTestingPlanArn: 'arn:plan' } },
      { RestoreJobId: 'r-2', Status: 'COMPLETED', ValidationStatus: 'FAILED', CreationDate: new Date('2026-11-27T03:00:00Z'), CreatedBy: { RestoreTestingPlanArn: 'arn:plan' } },
      { RestoreJobId: 'manual', Status: 'COMPLETED', CreationDate: new Date('2026-11-28T03:00:00Z') },
    ],
  });
  cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [{ Name: 'production-account-trail', TrailARN: 'arn:trail', IsMultiRegionTrail: true }] });
  cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true, LatestDeliveryTime: new Date('2026-12-07T11:55:00Z') });
  guardDuty.on(ListDetectorsCommand).resolves({ DetectorIds: ['d-1'] });
  guardDuty.on(GetDetectorCommand).resolves({ Status: 'ENABLED', ServiceRole: 'x', UpdatedAt: 'x' } as any);
}

const collect = () => collectEvidence([ENV], CATALOG, { since: SINCE, now: () => NOW, clientsFor: clients, callOptions: { sleep: noSleep } });
const recordOf = (r: EvidenceReport, id: string) => r.controls.find((c) => c.control === id && c.env === ENV.name)!;

describe('evidence command: read-only by construction', () => {
  test('every SDK command it can send is a Describe, Get or List call', () => {
    const names = Object.keys(READ_ONLY_COMMANDS);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !/^(Describe|Get|List)[A-Za-z]+Command$/.test(n))).toEqual([]);
    for (const [name, { command, action }] of Object.entries(READ_ONLY_COMMANDS)) {
      expect(command.name).toBe(name);
      expect(action).toMatch(/^[a-z]+:(Describe|Get|List)[A-Za-z]+$/);
    }
  });

  test('the library imports no other SDK command than those', () => {
    const dir = path.join(__dirname, '..', 'lib', 'evidence');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    const imported = files.flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/\b([A-Z][A-Za-z]+Command)\b/g)].map((m) => m[1]));
    expect(imported.length).toBeGreaterThan(0);
    expect([...new Set(imported)].filter((n) => !(n in READ_ONLY_COMMANDS))).toEqual([]);
  });

  test('every command has exactly one IAM action, and the auditor grant is those actions', () => {
    expect(Object.keys(READ_ONLY_COMMANDS).sort()).toEqual(Object.keys(EVIDENCE_COMMAND_ACTIONS).sort());
    expect(EVIDENCE_READ_ACTIONS.length).toBe(Object.keys(EVIDENCE_COMMAND_ACTIONS).length - 1);
    expect(EVIDENCE_READ_ACTIONS.every((a) => /^[a-z]+:(Describe|Get|List)[A-Za-z]+$/.test(a))).toBe(true);
  });
});

describe.each(ENV_NAMES)('the security-auditor role of %s', (env) => {
  test('IAM-STAFF-ROLES: may make every read the evidence command makes, and its data deny still holds', () => {
    const resources = templateJson(env, 'Identity').Resources;
    const [roleId] = Object.entries<any>(resources).find(([, r]) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r.Properties.RoleName ?? '').includes('security-auditor'))!;
    const allowed = grantsOfRole(env, 'Identity', roleId)
      .filter((s: any) => s.Effect === 'Allow')
      .flatMap((s: any) => [s.Action].flat());
    expect(EVIDENCE_READ_ACTIONS.length).toBeGreaterThan(0);
    expect(EVIDENCE_READ_ACTIONS.filter((a) => !allowed.includes(a))).toEqual([]);
    expect(allowed.filter((a: string) => !/^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*$/.test(a))).toEqual([]);
    const denies = grantsOfRole(env, 'Identity', roleId).filter((s: any) => s.Effect === 'Deny');
    expect(denies.length).toBeGreaterThan(0);
  });
});

describe('evidence command: a recorded account', () => {
  beforeEach(recordAccount);

  test('summarises controls operating, failing and not observable, and names the failing ones', async () => {
    const r = await collect();
    const enforced = CATALOG.filter((c) => c.kind === 'enforced');
    expect(r.controls).toHaveLength(enforced.length);
    expect(r.summary.operating + r.summary.failing + r.summary['not observable']).toBe(enforced.length);
    expect(r.summary.failing).toBe(4);
    // Every control that names no detector, and no other, is not observable in a fully readable account.
    const unwatched = enforced.filter((c) => detectorsOf(c).length === 0).map((c) => c.id);
    expect(unwatched.length).toBeGreaterThan(0);
    expect(r.controls.filter((c) => c.status === 'not observable').map((c) => c.control)).toEqual(unwatched);
    expect(r.summary.operating).toBe(enforced.length - unwatched.length - 4);
    expect(r.controls.filter((c) => c.status === 'failing').map((c) => c.control).sort()).toEqual(['BAK-RESTORE-TESTING', 'BAK-RESTORE-VALIDATION', 'DATA-BUCKET-ACCESS-LOGS', 'DB-AUDIT-LOGGING']);
    expect(recordOf(r, 'DATA-BUCKET-ACCESS-LOGS').observations[0].detail).toMatch(/^NON_COMPLIANT: 1 resource\(s\) non-compliant in the period: AWS::S3::Bucket tenant-a-files; history from /);
    expect(recordOf(r, 'DB-AUDIT-LOGGING')).toMatchObject({
      status: 'failing',
      observations: [
        { detector: 'Security Hub RDS.9', status: 'ok', detail: 'enabled in aws-foundational-security-best-practices/v/1.0.0' },
        { detector: 'Security Hub RDS.9', status: 'failing', detail: '1 FAILED, 0 PASSED active findings' },
      ],
    });
    expect(recordOf(r, 'BAK-RESTORE-VALIDATION').observations[0].detail).toBe('2 restore test(s), 1 completed and validated SUCCESSFUL, failed: r-2 COMPLETED/FAILED');
    expect(recordOf(r, 'AUD-CLOUDTRAIL').status).toBe('operating');
    expect(recordOf(r, 'MON-GUARDDUTY')).toMatchObject({ status: 'operating' });
    expect(recordOf(r, 'BAK-VAULT-LOCK').observations.map((o) => o.source)).toEqual([
      'config:DescribeComplianceByConfigRule BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED-backup-rule; config:GetResourceConfigHistory AWS::Config::ResourceCompliance',
      'config:DescribeComplianceByConfigRule BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK-backup-rule; config:GetResourceConfigHistory AWS::Config::ResourceCompliance',
      'backup:ListReportJobs',
    ]);
    expect(recordOf(r, 'BAK-VAULT-LOCK').observations[2]).toMatchObject({
      status: 'ok',
      detail: `3 report(s) delivered in the period; latest control compliance report 2026-12-06T03:00:00.000Z: s3://evidence-bucket/backup-reports/Backup/${ENV.account}/${ENV.region}/2026/12/02/CONTROL_COMPLIANCE_REPORT.json`,
    });
    expect(recordOf(r, 'DB-TLS')).toMatchObject({ status: 'not observable', reason: expect.stringMatching(/rds.force_ssl/) });
    for (const c of r.controls) for (const o of c.observations) expect(o.observedAt).toBe(NOW.toISOString());
    expect(config.commandCalls(DescribeConfigRulesCommand)).toHaveLength(2);
    expect(backup.commandCalls(ListRestoreJobsCommand)[0].args[0].input).toMatchObject({ ByCreatedAfter: SINCE });
    const md = renderEvidenceMarkdown(r);
    expect(md).toContain(`Summary: ${r.summary.operating} controls operating, ${r.summary.failing} failing`);
    expect(md).toContain('| DB-AUDIT-LOGGING | production | failing | Security Hub RDS.9 | securityhub:GetFindings ComplianceSecurityControlId=RDS.9 |');
    expect(r.controls.filter((c) => c.failedInPeriod).map((c) => c.control).sort()).toEqual(['BAK-RESTORE-TESTING', 'BAK-RESTORE-VALIDATION', 'DATA-BUCKET-ACCESS-LOGS', 'DB-AUDIT-LOGGING']);
  });

  test('IAM-STAFF-ROLES: every call a run sends is a read-only command whose action the security-auditor role is granted', async () => {
    await collect();
    const sent = [config, securityHub, backup, cloudTrail, guardDuty, sts].flatMap((m) => m.calls().map((c) => (c.args[0] as any).constructor.name as string));
    expect(sent.length).toBeGreaterThan(50);
    const names = [...new Set(sent)];
    expect(names.filter((n) => !(n in READ_ONLY_COMMANDS))).toEqual([]);
    const actions = names.map((n) => READ_ONLY_COMMANDS[n as keyof typeof READ_ONLY_COMMANDS].action);
    expect(actions.filter((a) => a !== 'sts:GetCallerIdentity' && !EVIDENCE_READ_ACTIONS.includes(a))).toEqual([]);
    const granted = grantsOfRole('production', 'Identity', Object.entries<any>(templateJson('production', 'Identity').Resources).find(([, r]) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r.Properties.RoleName ?? '').includes('security-auditor'))![0])
      .filter((x: any) => x.Effect === 'Allow')
      .flatMap((x: any) => [x.Action].flat());
    expect(actions.filter((a) => a !== 'sts:GetCallerIdentity' && !granted.includes(a))).toEqual([]);
    // The new reads of this period's evidence are among them.
    expect(actions).toEqual(expect.arrayContaining(['config:GetResourceConfigHistory', 'config:DescribeRetentionConfigurations', 'securityhub:ListStandardsControlAssociations', 'backup:ListReportJobs']));
  });

  test('retries throttling, then succeeds', async () => {
    cloudTrail.on(GetTrailStatusCommand).rejectsOnce(error('ThrottlingException', 'Rate exceeded')).rejectsOnce(error('ThrottlingException')).resolves({ IsLogging: true });
    const r = await collect();
    expect(recordOf(r, 'AUD-DATA-EVENTS').observations.find((o) => o.detector === 'status cloudtrail-logging')!.status).toBe('ok');
    expect(cloudTrail.commandCalls(GetTrailStatusCommand)).toHaveLength(3);
  });

  test('throttled beyond its retries: the control is not observable, with a clear line', async () => {
    guardDuty.on(ListDetectorsCommand).rejects(error('TooManyRequestsException'));
    const r = await collect();
    expect(guardDuty.commandCalls(ListDetectorsCommand)).toHaveLength(5);
    const o = recordOf(r, 'MON-GUARDDUTY').observations.find((x) => x.detector === 'status guardduty-enabled')!;
    expect(o).toMatchObject({ status: 'not observable', detail: 'not observable: throttled: guardduty:ListDetectors still throttled after 5 attempts; run again later or with fewer environments' });
  });

  test('a missing permission: not observable, naming the IAM action', async () => {
    backup.on(ListRestoreJobsCommand).rejects(error('AccessDeniedException', 'User is not authorized'));
    const r = await collect();
    expect(recordOf(r, 'BAK-RESTORE-VALIDATION')).toMatchObject({ status: 'not observable', observations: [{ detail: 'not observable: missing permission backup:ListRestoreJobs' }] });
    expect(summaryLines(r)).toContain('production: not observable: missing permission backup:ListRestoreJobs');
  });

  test('Security Hub off in the region: its detectors are not observable, with a clear message', async () => {
    securityHub.on(GetEnabledStandardsCommand).rejects(error('InvalidAccessException', 'Account 111 is not subscribed to AWS Security Hub'));
    const r = await collect();
    expect(recordOf(r, 'MON-SECURITY-HUB').observations.find((o) => o.detector === 'status securityhub-standards')!.detail).toBe(
      'not observable: Security Hub is not enabled in this account and region',
    );
    expect(recordOf(r, 'FND-NO-PLAINTEXT-SECRETS')).toMatchObject({
      status: 'not observable',
      observations: [
        { detector: 'Security Hub ECS.8', source: 'securityhub:ListStandardsControlAssociations SecurityControlId=ECS.8' },
        { detector: 'Security Hub ECS.8', source: 'securityhub:GetFindings ComplianceSecurityControlId=ECS.8' },
      ],
    });
    expect(securityHub.commandCalls(ListStandardsControlAssociationsCommand)).toHaveLength(0);
    expect(securityHub.commandCalls(GetFindingsCommand)).toHaveLength(0);
  });

  test('credentials of another account: every control is not observable, and says which role to use', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '000000000000' });
    const r = await collect();
    expect(r.summary['not observable']).toBe(r.controls.length);
    expect(r.environments[0].problems).toEqual([`credentials are for account 000000000000, not ${ENV.account}: run with the production auditor role`]);
  });

  test('Security Hub: a named control that no enabled standard runs is a finding of its own', async () => {
    securityHub.on(ListStandardsControlAssociationsCommand, { SecurityControlId: 'ECS.8' }).resolves({
      StandardsControlAssociationSummaries: [
        { StandardsArn: `arn:aws:securityhub:${ENV.region}::standards/aws-foundational-security-best-practices/v/1.0.0`, SecurityControlId: 'ECS.8', SecurityControlArn: 'arn:ecs8', AssociationStatus: 'DISABLED' },
      ],
    });
    securityHub.on(ListStandardsControlAssociationsCommand, { SecurityControlId: 'WAF.11' }).resolves({ StandardsControlAssociationSummaries: [] });
    const r = await collect();
    expect(recordOf(r, 'FND-NO-PLAINTEXT-SECRETS')).toMatchObject({
      status: 'failing',
      observations: [{ status: 'failing', detail: 'not watched: ECS.8 is disabled in aws-foundational-security-best-practices/v/1.0.0, so Security Hub does not evaluate it' }, { status: 'ok' }],
    });
    const waf = CATALOG.find((c) => detectorsOf(c).some((d) => d.name === 'WAF.11'))!;
    expect(recordOf(r, waf.id).observations.find((o) => o.source.includes('ListStandardsControlAssociations SecurityControlId=WAF.11'))!.detail).toBe(
      'not watched: WAF.11 is in none of the enabled standards, so Security Hub does not evaluate it',
    );
  });

  test('Security Hub memberships: every page of associations is read', async () => {
    const arn = (s: string) => `arn:aws:securityhub:${ENV.region}::standards/${s}`;
    securityHub.on(ListStandardsControlAssociationsCommand, { SecurityControlId: 'RDS.9', NextToken: undefined }).resolves({
      StandardsControlAssociationSummaries: [{ StandardsArn: arn('nist-800-53/v/5.0.0'), SecurityControlId: 'RDS.9', SecurityControlArn: 'arn:rds9', AssociationStatus: 'DISABLED' }],
      NextToken: 'more',
    });
    securityHub.on(ListStandardsControlAssociationsCommand, { SecurityControlId: 'RDS.9', NextToken: 'more' }).resolves({
      StandardsControlAssociationSummaries: [{ StandardsArn: arn('aws-foundational-security-best-practices/v/1.0.0'), SecurityControlId: 'RDS.9', SecurityControlArn: 'arn:rds9', AssociationStatus: 'ENABLED' }],
    });
    const r = await collect();
    expect(recordOf(r, 'DB-AUDIT-LOGGING').observations[0]).toMatchObject({ status: 'ok', detail: 'enabled in aws-foundational-security-best-practices/v/1.0.0' });
  });

  test('BAK-VAULT-LOCK: an Audit Manager control is read only from a rule AWS Backup created, never by rule name', async () => {
    // A rule of the same identifier that someone else created, and Backup's own rule renamed: only Backup's counts.
    const id = 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED';
    config.on(DescribeConfigRulesCommand).resolves({
      ConfigRules: [
        { ConfigRuleName: `${id}-backup-rule`, ConfigRuleArn: 'arn:aws:config:r:a:config-rule/config-rule-own', Source: { Owner: 'AWS', SourceIdentifier: id } },
        {
          ConfigRuleName: 'renamed-by-backup',
          ConfigRuleArn: `arn:aws:config:${ENV.region}:${ENV.account}:config-rule/aws-service-rule/backup.amazonaws.com/config-rule-x`,
          CreatedBy: 'backup.amazonaws.com',
          Source: { Owner: 'AWS', SourceIdentifier: id },
        },
      ],
    });
    const r = await collect();
    const vault = recordOf(r, 'BAK-VAULT-LOCK').observations;
    expect(vault[0].source).toMatch(/^config:DescribeComplianceByConfigRule renamed-by-backup;/);
    expect(vault[1]).toMatchObject({
      status: 'not observable',
      detail: 'no Config rule that AWS Backup created (CreatedBy backup.amazonaws.com) with source identifier BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK: read the control in the latest control compliance report',
    });
  });

  test('BAK-TIERS: a framework that does not hold the control, or is not fully active, fails its Audit Manager detectors', async () => {
    backup.on(DescribeFrameworkCommand).resolves({
      FrameworkName: 'production_backup_evidence',
      DeploymentStatus: 'COMPLETED',
      FrameworkStatus: 'PARTIALLY_ACTIVE',
      FrameworkControls: [{ ControlName: 'BACKUP_RECOVERY_POINT_ENCRYPTED' }],
    });
    const r = await collect();
    const tiers = recordOf(r, 'BAK-TIERS');
    expect(tiers.status).toBe('failing');
    expect(tiers.observations.find((o) => o.detector === 'Backup Audit Manager BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK')!.detail).toBe('not a control of the framework production_backup_evidence');
    const encrypted = r.controls.flatMap((c) => c.observations).find((o) => o.detector === 'Backup Audit Manager BACKUP_RECOVERY_POINT_ENCRYPTED')!;
    expect(encrypted.detail).toMatch(/^framework production_backup_evidence is COMPLETED\/PARTIALLY_ACTIVE, not COMPLETED\/ACTIVE/);
  });

  test('BAK-RESTORE-TESTING: a report job that FAILED to deliver fails the Audit Manager evidence, with its message', async () => {
    backup.on(ListReportJobsCommand).resolves({
      ReportJobs: [{ ReportJobId: 'j-9', ReportTemplate: 'CONTROL_COMPLIANCE_REPORT', Status: 'FAILED', StatusMessage: 'Access Denied', CreationTime: new Date('2026-12-06T03:00:00Z') }],
    });
    const r = await collect();
    expect(recordOf(r, 'BAK-RESTORE-TESTING').observations.find((o) => o.source === 'backup:ListReportJobs')).toMatchObject({
      status: 'failing',
      detail: '1 report job(s) FAILED: CONTROL_COMPLIANCE_REPORT 2026-12-06T03:00:00.000Z Access Denied',
    });
    expect(backup.commandCalls(ListReportJobsCommand)[0].args[0].input).toMatchObject({ ByCreationAfter: SINCE });
  });

  test('call: an unknown error names the call', async () => {
    sts.on(GetCallerIdentityCommand).rejects(error('InternalFailure', 'boom'));
    await expect(call(new STSClient({}), 'GetCallerIdentityCommand', {}, undefined, { sleep: noSleep })).rejects.toEqual(new EvidenceError('error', 'sts:GetCallerIdentity failed: InternalFailure: boom'));
  });
});

describe('evidence command: AWS Config compliance history over the period', () => {
  beforeEach(recordAccount);
  const LOGGING = 'S3_BUCKET_LOGGING_ENABLED-rule';
  const loggingOf = (r: EvidenceReport) => recordOf(r, 'DATA-BUCKET-ACCESS-LOGS').observations.find((o) => o.source.includes(LOGGING))!;

  test('DATA-BUCKET-ACCESS-LOGS: each transition with its time, compliant and non-compliant time, and that the rule failed in the period', async () => {
    const r = await collect();
    // 2026-11-07T00:00 to 2026-12-07T12:00 is 30.5 days; tenant-b-files failed a day, tenant-a-files since 12-01 08:00.
    expect(loggingOf(r).history).toEqual({
      from: SINCE.toISOString(),
      to: NOW.toISOString(),
      compliantSeconds: (23 * 24 + 8) * 3600,
      nonCompliantSeconds: (7 * 24 + 4) * 3600,
      unknownSeconds: 0,
      transitions: [
        { resource: 'AWS::S3::Bucket tenant-b-files', at: '2026-11-20T10:00:00.000Z', from: 'COMPLIANT', to: 'NON_COMPLIANT' },
        { resource: 'AWS::S3::Bucket tenant-b-files', at: '2026-11-21T10:00:00.000Z', from: 'NON_COMPLIANT', to: 'COMPLIANT' },
        { resource: 'AWS::S3::Bucket tenant-a-files', at: '2026-12-01T08:00:00.000Z', from: 'COMPLIANT', to: 'NON_COMPLIANT' },
      ],
      everFailing: true,
      resources: 2,
    });
    expect(loggingOf(r).detail).toContain('compliant 23d 8h, non-compliant 7d 4h; 3 change(s): 2026-11-20T10:00:00.000Z AWS::S3::Bucket tenant-b-files COMPLIANT → NON_COMPLIANT');
    // A rule that never changed was compliant the whole period.
    const versioning = recordOf(r, 'DATA-VERSIONED-RETENTION').observations.find((o) => o.source.includes('S3_BUCKET_VERSIONING_ENABLED-rule'))!;
    expect(versioning.history).toMatchObject({ compliantSeconds: (30 * 24 + 12) * 3600, nonCompliantSeconds: 0, transitions: [], everFailing: false });
    // The documented resourceId, the state before the period, then the period itself in order.
    const calls = config.commandCalls(GetResourceConfigHistoryCommand).map((c) => c.args[0].input as any);
    expect(calls.filter((i) => i.resourceId === 'AWS::S3::Bucket/tenant-a-files')).toEqual([
      { resourceType: 'AWS::Config::ResourceCompliance', resourceId: 'AWS::S3::Bucket/tenant-a-files', laterTime: SINCE, limit: 1, nextToken: undefined },
      { resourceType: 'AWS::Config::ResourceCompliance', resourceId: 'AWS::S3::Bucket/tenant-a-files', earlierTime: SINCE, laterTime: NOW, chronologicalOrder: 'Forward', limit: 100, nextToken: undefined },
    ]);
    // Each resource is read once for every rule that evaluated it.
    expect(calls.filter((i) => i.resourceId === 'AWS::EC2::VPC/vpc-1').length).toBe(2);
  });

  test('a rule compliant today that failed during the period: the control is operating, and failed in the period', async () => {
    config.on(DescribeComplianceByConfigRuleCommand).callsFake((input: any) => ({
      ComplianceByConfigRules: input.ConfigRuleNames.map((n: string) => ({ ConfigRuleName: n, Compliance: { ComplianceType: 'COMPLIANT' } })),
    }));
    const r = await collect();
    expect(recordOf(r, 'DATA-BUCKET-ACCESS-LOGS')).toMatchObject({ status: 'operating', failedInPeriod: true });
    expect(loggingOf(r).detail).toMatch(/^COMPLIANT; history from .*; failing at some time in the period$/);
  });

  test('pagination: the pages of the period are followed by their nextToken', async () => {
    const r = await collect();
    const b = config.commandCalls(GetResourceConfigHistoryCommand).map((c) => c.args[0].input as any).filter((i) => i.resourceId === 'AWS::S3::Bucket/tenant-b-files' && i.earlierTime);
    expect(b.map((i) => i.nextToken)).toEqual([undefined, 'next']);
    expect(loggingOf(r).history!.transitions.filter((t) => t.resource.includes('tenant-b'))).toHaveLength(2);
  });

  test('throttled history calls are retried', async () => {
    config.on(GetResourceConfigHistoryCommand, { resourceId: 'AWS::S3::Bucket/tenant-a-files', limit: 100 }).rejectsOnce(error('ThrottlingException', 'Rate exceeded')).resolves({
      configurationItems: [],
    });
    const r = await collect();
    expect(config.commandCalls(GetResourceConfigHistoryCommand, { resourceId: 'AWS::S3::Bucket/tenant-a-files', limit: 100 })).toHaveLength(2);
    expect(loggingOf(r).history).toMatchObject({ transitions: [expect.objectContaining({ resource: 'AWS::S3::Bucket tenant-b-files' }), expect.anything()] });
  });

  test('AccessDenied on the history: a clear line, today\'s status stands, and the rest of the report is produced', async () => {
    config.on(GetResourceConfigHistoryCommand).rejects(error('AccessDeniedException', 'not authorized to perform config:GetResourceConfigHistory'));
    const r = await collect();
    expect(loggingOf(r)).toMatchObject({ status: 'failing', detail: 'NON_COMPLIANT: 1 resource(s) non-compliant in the period: AWS::S3::Bucket tenant-a-files; history not read: missing permission config:GetResourceConfigHistory' });
    expect(loggingOf(r).history).toBeUndefined();
    expect(r.summary.failing).toBe(4);
    expect(recordOf(r, 'AUD-CLOUDTRAIL').status).toBe('operating');
  });

  test('a period longer than AWS Config keeps items: the timeline starts at the retention, and says so', async () => {
    config.on(DescribeRetentionConfigurationsCommand).resolves({ RetentionConfigurations: [{ Name: 'default', RetentionPeriodInDays: 30 }] });
    const since = new Date('2026-09-01T00:00:00Z');
    const r = await collectEvidence([ENV], CATALOG, { since, now: () => NOW, clientsFor: clients, callOptions: { sleep: noSleep } });
    const kept = new Date(NOW.getTime() - 30 * 86_400_000);
    expect(loggingOf(r).history).toMatchObject({ from: kept.toISOString(), limitedBy: `AWS Config keeps configuration items 30 days, so the period from ${since.toISOString()} is cut to its retention` });
    expect(loggingOf(r).detail).toContain(`history from ${kept.toISOString()} (AWS Config keeps configuration items 30 days`);
    expect(config.commandCalls(GetResourceConfigHistoryCommand).every((c) => ((c.args[0].input as any).earlierTime ?? kept).getTime() === kept.getTime())).toBe(true);
  });
});

describe.each(ENV_NAMES)('the AWS Config recorder of %s', (env) => {
  test('MON-CONFIG-RULES: records AWS::Config::ResourceCompliance, which the compliance history is read from', () => {
    const recorders = Object.values<any>(templateJson(env, 'AccountBaseline').Resources).filter((r) => r.Type === 'AWS::Config::ConfigurationRecorder');
    expect(recorders).toHaveLength(1);
    const group = recorders[0].Properties.RecordingGroup;
    // Recording every supported type records the compliance items (AWS Config developer guide, view-compliance-history).
    const recordsIt = group.AllSupported === true || (group.ResourceTypes ?? []).includes('AWS::Config::ResourceCompliance');
    expect(recordsIt).toBe(true);
    expect(group.ExclusionByResourceTypes?.ResourceTypes ?? []).not.toContain('AWS::Config::ResourceCompliance');
  });
});
