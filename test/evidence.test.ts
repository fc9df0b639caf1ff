/**
 * The evidence command (`npm run evidence`) against recorded responses (aws-sdk-client-mock):
 * read-only by construction, pagination, throttling, a missing permission, a service that is
 * off, and the per-control summary of a recorded account.
 */
import { BackupClient, DescribeFrameworkCommand, ListFrameworksCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecorderStatusCommand,
  GetComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetEnabledStandardsCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
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
    ...AUDIT.map((id) => ({ ConfigRuleName: `${id}-backup-rule`, CreatedBy: 'backup.amazonaws.com', Source: { Owner: 'AWS', SourceIdentifier: id } })),
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
  config.on(GetComplianceDetailsByConfigRuleCommand).resolves({
    EvaluationResults: [
      {
        EvaluationResultIdentifier: { EvaluationResultQualifier: { ResourceType: 'AWS::S3::Bucket', ResourceId: 'tenant-a-files' } },
        ComplianceType: 'NON_COMPLIANT',
        ResultRecordedTime: new Date('2026-12-01T08:00:00Z'),
      },
    ],
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
  backup.on(ListFrameworksCommand).resolves({ Frameworks: [{ FrameworkName: 'production_backup_evidence', FrameworkArn: 'arn:fw' }] });
  backup.on(DescribeFrameworkCommand).resolves({ FrameworkName: 'production_backup_evidence', DeploymentStatus: 'COMPLETED', FrameworkStatus: 'ACTIVE' });
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
    expect(recordOf(r, 'DATA-BUCKET-ACCESS-LOGS').observations[0].detail).toBe('NON_COMPLIANT: 1 resource(s) non-compliant in the period: AWS::S3::Bucket tenant-a-files');
    expect(recordOf(r, 'DB-AUDIT-LOGGING')).toMatchObject({ status: 'failing', observations: [{ detector: 'Security Hub RDS.9', detail: '1 FAILED, 0 PASSED active findings' }] });
    expect(recordOf(r, 'BAK-RESTORE-VALIDATION').observations[0].detail).toBe('2 restore test(s), 1 completed and validated SUCCESSFUL, failed: r-2 COMPLETED/FAILED');
    expect(recordOf(r, 'AUD-CLOUDTRAIL').status).toBe('operating');
    expect(recordOf(r, 'MON-GUARDDUTY')).toMatchObject({ status: 'operating' });
    expect(recordOf(r, 'BAK-VAULT-LOCK').observations.map((o) => o.source)).toEqual([
      'config:DescribeComplianceByConfigRule BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED-backup-rule',
      'config:DescribeComplianceByConfigRule BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK-backup-rule',
    ]);
    expect(recordOf(r, 'DB-TLS')).toMatchObject({ status: 'not observable', reason: expect.stringMatching(/rds.force_ssl/) });
    for (const c of r.controls) for (const o of c.observations) expect(o.observedAt).toBe(NOW.toISOString());
    expect(config.commandCalls(DescribeConfigRulesCommand)).toHaveLength(2);
    expect(backup.commandCalls(ListRestoreJobsCommand)[0].args[0].input).toMatchObject({ ByCreatedAfter: SINCE });
    const md = renderEvidenceMarkdown(r);
    expect(md).toContain(`Summary: ${r.summary.operating} controls operating, ${r.summary.failing} failing`);
    expect(md).toContain('| DB-AUDIT-LOGGING | production | failing | Security Hub RDS.9 | securityhub:GetFindings ComplianceSecurityControlId=RDS.9 |');
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
    expect(recordOf(r, 'FND-NO-PLAINTEXT-SECRETS')).toMatchObject({ status: 'not observable', observations: [{ detector: 'Security Hub ECS.8' }] });
    expect(securityHub.commandCalls(GetFindingsCommand)).toHaveLength(0);
  });

  test('credentials of another account: every control is not observable, and says which role to use', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '000000000000' });
    const r = await collect();
    expect(r.summary['not observable']).toBe(r.controls.length);
    expect(r.environments[0].problems).toEqual([`credentials are for account 000000000000, not ${ENV.account}: run with the production auditor role`]);
  });

  test('call: an unknown error names the call', async () => {
    sts.on(GetCallerIdentityCommand).rejects(error('InternalFailure', 'boom'));
    await expect(call(new STSClient({}), 'GetCallerIdentityCommand', {}, undefined, { sleep: noSleep })).rejects.toEqual(new EvidenceError('error', 'sts:GetCallerIdentity failed: InternalFailure: boom'));
  });
});
