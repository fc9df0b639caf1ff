/**
 * The readings of one environment: one function per source the evidence command reads (Config
 * rules, their compliance and its timeline, the configuration recorder, Security Hub standards,
 * findings and control memberships, the Backup Audit Manager framework and report jobs, restore
 * tests, CloudTrail trails, GuardDuty detectors), each read once, read-only, and kept as its value
 * or as the reason it could not be read. What each reading means for a control is
 * `observations.ts`.
 */
import type { EnvironmentConfig } from '../config/schema';
import { detectorsOf, type NamedDetector } from '../controls/detectors';
import type { Control } from '../controls/types';
import { backupFrameworkName } from '../constructs/backup/backup-audit';
import { call, EvidenceError, paginate, type CallOptions, type EvidenceClients } from './aws';
import { readComplianceHistory, type RuleHistory } from './compliance-history';

/** A source's result, or the reason it could not be read. */
export type Read<T> = { readonly ok: true; readonly value: T; readonly at: string } | { readonly ok: false; readonly reason: string; readonly at: string };

/** A rule's compliance now, and the resources found non-compliant in the period. */
export interface RuleCompliance {
  readonly compliance: string;
  readonly nonCompliantInPeriod: string[];
}

/** Everything read from one environment, once. */
export interface EnvironmentReadings {
  /** Config rules by managed identifier (or, for Backup's service-linked rules, by control name). */
  readonly rules: Read<ReadonlyMap<string, readonly string[]>>;
  /** Compliance per rule name, with the non-compliant resources recorded in the period. */
  readonly compliance: Map<string, Read<RuleCompliance>>;
  /** The compliance timeline of each rule over the period (AWS::Config::ResourceCompliance items). */
  readonly history: Read<ReadonlyMap<string, RuleHistory>>;
  readonly recorder: Read<{ recording: boolean; lastStatus?: string }>;
  readonly standards: Read<readonly string[]>;
  readonly findings: Read<ReadonlyMap<string, { failed: number; passed: number }>>;
  /** The enabled standards each named Security Hub control is enabled (or disabled) in. */
  readonly memberships: Read<ReadonlyMap<string, { readonly enabled: readonly string[]; readonly disabled: readonly string[] }>>;
  readonly framework: Read<{ name: string; deploymentStatus?: string; frameworkStatus?: string; controls: readonly string[] } | undefined>;
  /** The Backup Audit Manager report jobs of the period. */
  readonly reportJobs: Read<ReadonlyArray<{ id: string; template: string; status: string; message?: string; created?: string; keys: readonly string[] }>>;
  readonly restoreTests: Read<ReadonlyArray<{ id: string; status?: string; validation?: string; created?: string }>>;
  readonly trail: Read<ReadonlyArray<{ name: string; logging: boolean; latestDelivery?: string }>>;
  readonly guardDuty: Read<ReadonlyArray<{ id: string; status?: string }>>;
}

/** What every reading of an environment reads with. */
export interface ReadContext {
  readonly clients: EvidenceClients;
  /** The clock: each reading is stamped with when it was read. */
  readonly now: () => Date;
  /** Start of the period (restore tests, report jobs, non-compliant evaluations, history). */
  readonly since: Date;
  readonly callOptions?: CallOptions;
}

export const BACKUP_SERVICE = 'backup.amazonaws.com';
/** Prefix of the rules map's keys for rules AWS Backup Audit Manager created. */
const BACKUP_RULE_KEY = 'backup:';
/** The rules a detector is read from: an Audit Manager control only from Backup's own rules. */
export const ruleKey = (d: NamedDetector) => (d.kind === 'backup-audit' ? `${BACKUP_RULE_KEY}${d.name}` : d.name);

const SECURITY_HUB_OFF = (e: { name?: string; message?: string }) =>
  e.name === 'InvalidAccessException' || /not subscribed/i.test(e.message ?? '') ? 'Security Hub is not enabled in this account and region' : undefined;
const CONFIG_OFF = (e: { name?: string }) =>
  e.name === 'NoSuchConfigurationRecorderException' || e.name === 'NoAvailableConfigurationRecorderException' ? 'AWS Config has no configuration recorder in this account and region' : undefined;

/** Runs one reading: its value, or the reason an {@link EvidenceError} gave; any other error is a bug and is thrown. */
export async function read<T>(now: () => Date, f: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await f(), at: now().toISOString() };
  } catch (e) {
    if (e instanceof EvidenceError) return { ok: false, reason: e.message, at: now().toISOString() };
    throw e;
  }
}

/** The account the credentials are for: an environment is read only with its own account's credentials. */
export function readCallerAccount({ clients: c, now, callOptions: opt }: ReadContext): Promise<Read<string | undefined>> {
  return read(now, async () => (await call<any>(c.sts, 'GetCallerIdentityCommand', {}, undefined, opt)).Account);
}

const chunks = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Reads every source of one environment, once, for the detectors the catalog names. */
export async function readEnvironment(env: EnvironmentConfig, catalog: readonly Control[], x: ReadContext): Promise<EnvironmentReadings> {
  const named = catalog.flatMap((c) => detectorsOf(c));
  const shIds = [...new Set(named.filter((d) => d.kind === 'security-hub').map((d) => d.name))];

  const rules = await readConfigRules(x);
  const { compliance, evaluated } = await readRuleCompliance(x, rules, named);
  const history = await read(x.now, () => readComplianceHistory(x.clients.config, evaluated, { since: x.since, until: x.now(), callOptions: x.callOptions }));
  const recorder = await readRecorder(x);
  const standards = await readEnabledStandards(x);
  const findings = await readFindings(x, standards, shIds);
  const memberships = await readMemberships(x, standards, shIds);
  const framework = await readBackupFramework(x, env);
  const reportJobs = await readReportJobs(x);
  const restoreTests = await readRestoreTests(x);
  const trail = await readTrails(x);
  const guardDuty = await readGuardDuty(x);
  return { rules, compliance, history, recorder, standards, findings, memberships, framework, reportJobs, restoreTests, trail, guardDuty };
}

/** The account's Config rules, by managed identifier; AWS Backup Audit Manager's own rules apart. */
function readConfigRules({ clients: c, now, callOptions: opt }: ReadContext): Promise<EnvironmentReadings['rules']> {
  return read(now, async () => {
    const all = await paginate(
      (NextToken) => call<any>(c.config, 'DescribeConfigRulesCommand', { NextToken }, CONFIG_OFF, opt),
      (p: any) => p.ConfigRules as any[],
    );
    // Backup's rules are told apart by the markers AWS documents (never by rule name): `CreatedBy`,
    // "Service principal name of the service that created the rule ... populated only if the
    // service-linked rule is created by a service"
    // (https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html), and the ARN
    // under config-rule/aws-service-rule/backup.amazonaws.com, the only rules Backup's
    // service-linked role may create (AWSServiceRolePolicyForBackupReports,
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRolePolicyForBackupReports.html).
    const byId = new Map<string, string[]>();
    for (const r of all) {
      const backupOwned = r.CreatedBy === BACKUP_SERVICE && String(r.ConfigRuleArn ?? '').includes(`:config-rule/aws-service-rule/${BACKUP_SERVICE}`);
      const key = r.Source?.SourceIdentifier ? `${backupOwned ? BACKUP_RULE_KEY : ''}${r.Source.SourceIdentifier}` : undefined;
      if (key) byId.set(key, [...(byId.get(key) ?? []), r.ConfigRuleName]);
    }
    return byId as ReadonlyMap<string, readonly string[]>;
  });
}

/**
 * The compliance of each rule the detectors name, with the resources non-compliant in the period,
 * and the resources each rule evaluated (`<type>\u0000<id>`), whose timelines the history reads.
 */
async function readRuleCompliance(
  { clients: c, now, since, callOptions: opt }: ReadContext,
  rules: EnvironmentReadings['rules'],
  named: readonly NamedDetector[],
): Promise<{ compliance: EnvironmentReadings['compliance']; evaluated: Map<string, string[]> }> {
  const compliance = new Map<string, Read<RuleCompliance>>();
  const evaluated = new Map<string, string[]>();
  if (!rules.ok) return { compliance, evaluated };
  const wanted = [...new Set(named.filter((d) => d.kind === 'config-rule' || d.kind === 'backup-audit').flatMap((d) => rules.value.get(ruleKey(d)) ?? []))];
  for (const batch of chunks(wanted, 25)) {
    const summary = await read(now, () =>
      paginate(
        (NextToken) => call<any>(c.config, 'DescribeComplianceByConfigRuleCommand', { ConfigRuleNames: batch, NextToken }, CONFIG_OFF, opt),
        (p: any) => p.ComplianceByConfigRules as any[],
      ),
    );
    for (const name of batch) {
      if (!summary.ok) {
        compliance.set(name, summary);
        continue;
      }
      const type = summary.value.find((x: any) => x.ConfigRuleName === name)?.Compliance?.ComplianceType ?? 'INSUFFICIENT_DATA';
      // Every resource the rule evaluated, compliant or not: the history reads each one's timeline.
      const details = await read(now, () =>
        paginate(
          (NextToken) =>
            call<any>(c.config, 'GetComplianceDetailsByConfigRuleCommand', { ConfigRuleName: name, ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'], NextToken }, CONFIG_OFF, opt),
          (p: any) => p.EvaluationResults as any[],
        ),
      );
      if (!details.ok) {
        compliance.set(name, details);
        continue;
      }
      const qualifier = (r: any) => r.EvaluationResultIdentifier?.EvaluationResultQualifier ?? {};
      evaluated.set(name, [...new Set(details.value.map((r: any) => `${qualifier(r).ResourceType}\u0000${qualifier(r).ResourceId}`))]);
      const resources = details.value
        .filter((r: any) => r.ComplianceType === 'NON_COMPLIANT' && (!r.ResultRecordedTime || new Date(r.ResultRecordedTime) >= since))
        .map((r: any) => `${qualifier(r).ResourceType} ${qualifier(r).ResourceId}`);
      compliance.set(name, { ok: true, value: { compliance: type, nonCompliantInPeriod: resources }, at: details.at });
    }
  }
  return { compliance, evaluated };
}

/** Whether the configuration recorder records, and its last status. */
function readRecorder({ clients: c, now, callOptions: opt }: ReadContext): Promise<EnvironmentReadings['recorder']> {
  return read(now, async () => {
    const r = await call<any>(c.config, 'DescribeConfigurationRecorderStatusCommand', {}, CONFIG_OFF, opt);
    const s = (r.ConfigurationRecordersStatus ?? [])[0];
    return { recording: Boolean(s?.recording), lastStatus: s?.lastStatus };
  });
}

/** The Security Hub standards enabled and ready, by the name after `standards/` in their ARN. */
function readEnabledStandards({ clients: c, now, callOptions: opt }: ReadContext): Promise<EnvironmentReadings['standards']> {
  return read(now, () =>
    paginate(
      (NextToken) => call<any>(c.securityHub, 'GetEnabledStandardsCommand', { NextToken }, SECURITY_HUB_OFF, opt),
      (p: any) => (p.StandardsSubscriptions as any[]).filter((s) => s.StandardsStatus === 'READY').map((s) => String(s.StandardsArn).replace(/^.*:standards\//, '')),
    ),
  );
}

/** The active, unsuppressed findings of each named Security Hub control, counted FAILED and PASSED. */
function readFindings({ clients: c, now, callOptions: opt }: ReadContext, standards: EnvironmentReadings['standards'], shIds: readonly string[]): Promise<EnvironmentReadings['findings']> {
  return read(now, async () => {
    const counts = new Map<string, { failed: number; passed: number }>();
    if (!standards.ok) throw new EvidenceError('service-off', standards.reason);
    for (const batch of chunks(shIds, 20)) {
      const all = await paginate(
        (NextToken) =>
          call<any>(
            c.securityHub,
            'GetFindingsCommand',
            {
              Filters: {
                ComplianceSecurityControlId: batch.map((Value) => ({ Value, Comparison: 'EQUALS' })),
                RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
                WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'NOT_EQUALS' }],
              },
              MaxResults: 100,
              NextToken,
            },
            SECURITY_HUB_OFF,
            opt,
          ),
        (p: any) => p.Findings as any[],
      );
      for (const f of all) {
        const id = f.Compliance?.SecurityControlId;
        if (!id) continue;
        const e = counts.get(id) ?? { failed: 0, passed: 0 };
        if (f.Compliance?.Status === 'FAILED') e.failed++;
        else if (f.Compliance?.Status === 'PASSED') e.passed++;
        counts.set(id, e);
      }
    }
    return counts as ReadonlyMap<string, { failed: number; passed: number }>;
  });
}

/**
 * Live memberships: the standards each named control is enabled in. The API lists only the
 * account's enabled standards, 25 associations a page by default (MaxResults 1 to 100):
 * https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_ListStandardsControlAssociations.html
 */
function readMemberships({ clients: c, now, callOptions: opt }: ReadContext, standards: EnvironmentReadings['standards'], shIds: readonly string[]): Promise<EnvironmentReadings['memberships']> {
  return read(now, async () => {
    if (!standards.ok) throw new EvidenceError('service-off', standards.reason);
    const out = new Map<string, { enabled: string[]; disabled: string[] }>();
    for (const id of shIds) {
      const all = await paginate(
        (NextToken) => call<any>(c.securityHub, 'ListStandardsControlAssociationsCommand', { SecurityControlId: id, MaxResults: 100, NextToken }, SECURITY_HUB_OFF, opt),
        (p: any) => p.StandardsControlAssociationSummaries as any[],
      );
      const standard = (a: any) => String(a.StandardsArn).replace(/^.*:standards\//, '');
      out.set(id, { enabled: all.filter((a) => a.AssociationStatus === 'ENABLED').map(standard), disabled: all.filter((a) => a.AssociationStatus !== 'ENABLED').map(standard) });
    }
    return out as ReadonlyMap<string, { readonly enabled: readonly string[]; readonly disabled: readonly string[] }>;
  });
}

/**
 * The framework (by the name the stack gives it) and its deployment: DescribeFramework gives its
 * controls, DeploymentStatus and FrameworkStatus:
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DescribeFramework.html
 */
function readBackupFramework({ clients: c, now, callOptions: opt }: ReadContext, env: EnvironmentConfig): Promise<EnvironmentReadings['framework']> {
  return read(now, async () => {
    const all = await paginate(
      (NextToken) => call<any>(c.backup, 'ListFrameworksCommand', { NextToken }, undefined, opt),
      (p: any) => p.Frameworks as any[],
    );
    const ours = all.find((f) => f.FrameworkName === backupFrameworkName(env.name));
    if (!ours) return undefined;
    const d = await call<any>(c.backup, 'DescribeFrameworkCommand', { FrameworkName: ours.FrameworkName }, undefined, opt);
    const controls = (d.FrameworkControls ?? []).map((x: any) => String(x.ControlName));
    return { name: String(ours.FrameworkName), deploymentStatus: d.DeploymentStatus, frameworkStatus: d.FrameworkStatus, controls };
  });
}

/**
 * The reports of the period: each report job, its template, status (a FAILED delivery with its
 * message) and the S3 keys it wrote (ListReportJobs, ReportJob):
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ReportJob.html
 */
function readReportJobs({ clients: c, now, since, callOptions: opt }: ReadContext): Promise<EnvironmentReadings['reportJobs']> {
  return read(now, () =>
    paginate(
      (NextToken) => call<any>(c.backup, 'ListReportJobsCommand', { ByCreationAfter: since, NextToken }, undefined, opt),
      (p: any) =>
        (p.ReportJobs as any[]).map((j) => ({
          id: String(j.ReportJobId),
          template: String(j.ReportTemplate),
          status: String(j.Status),
          message: j.StatusMessage as string | undefined,
          created: j.CreationTime ? new Date(j.CreationTime).toISOString() : undefined,
          keys: (j.ReportDestination?.S3Keys ?? []).map((k: string) => `s3://${j.ReportDestination?.S3BucketName}/${k}`),
        })),
    ),
  );
}

/** The restore jobs of the period that a restore testing plan started, with their validation status. */
function readRestoreTests({ clients: c, now, since, callOptions: opt }: ReadContext): Promise<EnvironmentReadings['restoreTests']> {
  return read(now, async () => {
    const jobs = await paginate(
      (NextToken) => call<any>(c.backup, 'ListRestoreJobsCommand', { ByCreatedAfter: since, NextToken }, undefined, opt),
      (p: any) => p.RestoreJobs as any[],
    );
    return jobs
      .filter((j) => j.CreatedBy?.RestoreTestingPlanArn)
      .map((j) => ({ id: String(j.RestoreJobId), status: j.Status, validation: j.ValidationStatus, created: j.CreationDate ? new Date(j.CreationDate).toISOString() : undefined }));
  });
}

/** Each multi-region trail, whether it logs and when it last delivered. */
function readTrails({ clients: c, now, callOptions: opt }: ReadContext): Promise<EnvironmentReadings['trail']> {
  return read(now, async () => {
    const r = await call<any>(c.cloudTrail, 'DescribeTrailsCommand', { includeShadowTrails: true }, undefined, opt);
    const out = [];
    for (const t of (r.trailList ?? []).filter((x: any) => x.IsMultiRegionTrail)) {
      const s = await call<any>(c.cloudTrail, 'GetTrailStatusCommand', { Name: t.TrailARN ?? t.Name }, undefined, opt);
      out.push({ name: String(t.Name), logging: Boolean(s.IsLogging), latestDelivery: s.LatestDeliveryTime ? new Date(s.LatestDeliveryTime).toISOString() : undefined });
    }
    return out;
  });
}

/** Each GuardDuty detector of the region and its status. */
function readGuardDuty({ clients: c, now, callOptions: opt }: ReadContext): Promise<EnvironmentReadings['guardDuty']> {
  return read(now, async () => {
    const ids = await paginate(
      (NextToken) => call<any>(c.guardDuty, 'ListDetectorsCommand', { NextToken }, undefined, opt),
      (p: any) => p.DetectorIds as string[],
    );
    const out = [];
    for (const id of ids) out.push({ id, status: (await call<any>(c.guardDuty, 'GetDetectorCommand', { DetectorId: id }, undefined, opt)).Status });
    return out;
  });
}
