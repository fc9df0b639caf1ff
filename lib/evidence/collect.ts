/**
 * Collects live evidence per control and environment, read-only: AWS Config compliance now and its
 * timeline over the period (`compliance-history.ts`), Security Hub control status and the live
 * membership of each named control in the enabled standards, the AWS Backup Audit Manager
 * framework, the rules Backup created for its controls and the period's report jobs, the period's
 * restore tests with their validation status, the trail's logging status and the GuardDuty detector. Each observation names its
 * source and when it was read; a source that cannot be read makes the control "not observable"
 * with the reason (a missing permission names the IAM action), never a silent pass.
 */
import type { EnvironmentConfig } from '../config/schema';
import { detectorLabel, detectorsOf, hasNoDetector, type NamedDetector } from '../controls/detectors';
import type { Control } from '../controls/types';
import { backupFrameworkName } from '../constructs/backup/backup-audit';
import { call, EvidenceError, paginate, type CallOptions, type EvidenceClients } from './aws';
import { historyLine, readComplianceHistory, RESOURCE_COMPLIANCE_TYPE as RESOURCE_COMPLIANCE, type RuleHistory } from './compliance-history';

/** One reading of one detector. */
export interface Observation {
  /** The detector, as the controls report names it (`Config RDS_STORAGE_ENCRYPTED`). */
  readonly detector: string;
  /** Where it was read: the API call and, where one, the rule or resource. */
  readonly source: string;
  /** When it was read (ISO 8601). */
  readonly observedAt: string;
  readonly status: 'ok' | 'failing' | 'not observable';
  /** One line: what was found. */
  readonly detail: string;
  /** For a Config rule: its compliance timeline over the period. */
  readonly history?: RuleHistory;
}

/** A control's status in one environment. */
export type ControlStatus = 'operating' | 'failing' | 'not observable';

/** The evidence of one control in one environment. */
export interface ControlEvidenceRecord {
  readonly control: string;
  readonly env: string;
  readonly status: ControlStatus;
  /** For a control without detectors: why nothing in the account observes it. */
  readonly reason?: string;
  readonly observations: readonly Observation[];
  /** A detector of the control was failing at some time in the period (now, or in its history). */
  readonly failedInPeriod: boolean;
}

/** The evidence of a run. */
export interface EvidenceReport {
  readonly generatedAt: string;
  readonly since: string;
  readonly environments: ReadonlyArray<{ readonly name: string; readonly account: string; readonly region: string; readonly problems: readonly string[] }>;
  readonly controls: readonly ControlEvidenceRecord[];
  readonly summary: Readonly<Record<ControlStatus, number>>;
}

/** A rule's compliance now, and the resources found non-compliant in the period. */
interface RuleCompliance {
  readonly compliance: string;
  readonly nonCompliantInPeriod: string[];
}

/** A source's result, or the reason it could not be read. */
type Read<T> = { readonly ok: true; readonly value: T; readonly at: string } | { readonly ok: false; readonly reason: string; readonly at: string };

/** Everything read from one environment, once. */
interface EnvironmentReadings {
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

/** Options of {@link collectEvidence}. */
export interface CollectOptions {
  /** Start of the period (restore tests, non-compliant evaluations). */
  readonly since: Date;
  /** Clients per environment (tests pass mocked ones). */
  readonly clientsFor: (env: EnvironmentConfig) => EvidenceClients;
  /** The clock. @default now */
  readonly now?: () => Date;
  readonly callOptions?: CallOptions;
}

const BACKUP_SERVICE = 'backup.amazonaws.com';
/** Prefix of the rules map's keys for rules AWS Backup Audit Manager created. */
const BACKUP_RULE_KEY = 'backup:';
/** The rules a detector is read from: an Audit Manager control only from Backup's own rules. */
const ruleKey = (d: NamedDetector) => (d.kind === 'backup-audit' ? `${BACKUP_RULE_KEY}${d.name}` : d.name);

const SECURITY_HUB_OFF = (e: { name?: string; message?: string }) =>
  e.name === 'InvalidAccessException' || /not subscribed/i.test(e.message ?? '') ? 'Security Hub is not enabled in this account and region' : undefined;
const CONFIG_OFF = (e: { name?: string }) =>
  e.name === 'NoSuchConfigurationRecorderException' || e.name === 'NoAvailableConfigurationRecorderException' ? 'AWS Config has no configuration recorder in this account and region' : undefined;

async function read<T>(now: () => Date, f: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await f(), at: now().toISOString() };
  } catch (e) {
    if (e instanceof EvidenceError) return { ok: false, reason: e.message, at: now().toISOString() };
    throw e;
  }
}

const chunks = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

async function readEnvironment(env: EnvironmentConfig, catalog: readonly Control[], c: EvidenceClients, o: CollectOptions): Promise<EnvironmentReadings> {
  const now = o.now ?? (() => new Date());
  const opt = o.callOptions;
  const named = catalog.flatMap((x) => detectorsOf(x));
  const shIds = [...new Set(named.filter((d) => d.kind === 'security-hub').map((d) => d.name))];

  const rules = await read(now, async () => {
    const all = await paginate(
      (NextToken) => call<any>(c.config, 'DescribeConfigRulesCommand', { NextToken }, CONFIG_OFF, opt),
      (p: any) => p.ConfigRules as any[],
    );
    // Rules by managed identifier; AWS Backup Audit Manager's own rules apart, by the markers AWS
    // documents (never by rule name): `CreatedBy`, "Service principal name of the service that
    // created the rule ... populated only if the service-linked rule is created by a service"
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

  const compliance = new Map<string, Read<RuleCompliance>>();
  /** Resources each rule evaluated (`<type>\u0000<id>`), for the history. */
  const evaluated = new Map<string, string[]>();
  if (rules.ok) {
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
          .filter((r: any) => r.ComplianceType === 'NON_COMPLIANT' && (!r.ResultRecordedTime || new Date(r.ResultRecordedTime) >= o.since))
          .map((r: any) => `${qualifier(r).ResourceType} ${qualifier(r).ResourceId}`);
        compliance.set(name, { ok: true, value: { compliance: type, nonCompliantInPeriod: resources }, at: details.at });
      }
    }
  }
  const history = await read(now, () => readComplianceHistory(c.config, evaluated, { since: o.since, until: now(), callOptions: opt }));

  const recorder = await read(now, async () => {
    const r = await call<any>(c.config, 'DescribeConfigurationRecorderStatusCommand', {}, CONFIG_OFF, opt);
    const s = (r.ConfigurationRecordersStatus ?? [])[0];
    return { recording: Boolean(s?.recording), lastStatus: s?.lastStatus };
  });

  const standards = await read(now, () =>
    paginate(
      (NextToken) => call<any>(c.securityHub, 'GetEnabledStandardsCommand', { NextToken }, SECURITY_HUB_OFF, opt),
      (p: any) => (p.StandardsSubscriptions as any[]).filter((s) => s.StandardsStatus === 'READY').map((s) => String(s.StandardsArn).replace(/^.*:standards\//, '')),
    ),
  );
  const findings = await read(now, async () => {
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

  // Live memberships: the standards each named control is enabled in. The API lists only the
  // account's enabled standards, 25 associations a page by default (MaxResults 1 to 100):
  // https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_ListStandardsControlAssociations.html
  const memberships = await read(now, async () => {
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

  // The framework (by the name the stack gives it) and its deployment: DescribeFramework gives its
  // controls, DeploymentStatus and FrameworkStatus:
  // https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DescribeFramework.html
  const framework = await read(now, async () => {
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

  // The reports of the period: each report job, its template, status (a FAILED delivery with its
  // message) and the S3 keys it wrote (ListReportJobs, ReportJob):
  // https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ReportJob.html
  const reportJobs = await read(now, () =>
    paginate(
      (NextToken) => call<any>(c.backup, 'ListReportJobsCommand', { ByCreationAfter: o.since, NextToken }, undefined, opt),
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

  const restoreTests = await read(now, async () => {
    const jobs = await paginate(
      (NextToken) => call<any>(c.backup, 'ListRestoreJobsCommand', { ByCreatedAfter: o.since, NextToken }, undefined, opt),
      (p: any) => p.RestoreJobs as any[],
    );
    return jobs
      .filter((j) => j.CreatedBy?.RestoreTestingPlanArn)
      .map((j) => ({ id: String(j.RestoreJobId), status: j.Status, validation: j.ValidationStatus, created: j.CreationDate ? new Date(j.CreationDate).toISOString() : undefined }));
  });

  const trail = await read(now, async () => {
    const r = await call<any>(c.cloudTrail, 'DescribeTrailsCommand', { includeShadowTrails: true }, undefined, opt);
    const out = [];
    for (const t of (r.trailList ?? []).filter((x: any) => x.IsMultiRegionTrail)) {
      const s = await call<any>(c.cloudTrail, 'GetTrailStatusCommand', { Name: t.TrailARN ?? t.Name }, undefined, opt);
      out.push({ name: String(t.Name), logging: Boolean(s.IsLogging), latestDelivery: s.LatestDeliveryTime ? new Date(s.LatestDeliveryTime).toISOString() : undefined });
    }
    return out;
  });

  const guardDuty = await read(now, async () => {
    const ids = await paginate(
      (NextToken) => call<any>(c.guardDuty, 'ListDetectorsCommand', { NextToken }, undefined, opt),
      (p: any) => p.DetectorIds as string[],
    );
    const out = [];
    for (const id of ids) out.push({ id, status: (await call<any>(c.guardDuty, 'GetDetectorCommand', { DetectorId: id }, undefined, opt)).Status });
    return out;
  });

  return { rules, compliance, history, recorder, standards, findings, memberships, framework, reportJobs, restoreTests, trail, guardDuty };
}

/** One observation of a detector in an environment's readings. */
function observe(d: NamedDetector, env: EnvironmentConfig, r: EnvironmentReadings): Observation[] {
  const detector = detectorLabel(d);
  const no = (reason: string, at: string, source: string): Observation => ({ detector, source, observedAt: at, status: 'not observable', detail: `not observable: ${reason}` });
  if (d.kind === 'config-rule' || d.kind === 'backup-audit') {
    const source = 'config:DescribeComplianceByConfigRule';
    if (!r.rules.ok) return [no(r.rules.reason, r.rules.at, 'config:DescribeConfigRules')];
    if (d.kind === 'backup-audit') {
      if (!r.framework.ok) return [no(r.framework.reason, r.framework.at, 'backup:DescribeFramework')];
      const f = r.framework.value;
      if (!f) return [{ detector, source: 'backup:ListFrameworks', observedAt: r.framework.at, status: 'failing', detail: `no AWS Backup Audit Manager framework ${backupFrameworkName(env.name)} in the account` }];
      if (!f.controls.includes(d.name)) return [{ detector, source: `backup:DescribeFramework ${f.name}`, observedAt: r.framework.at, status: 'failing', detail: `not a control of the framework ${f.name}` }];
      if (f.deploymentStatus !== 'COMPLETED' || f.frameworkStatus !== 'ACTIVE') {
        return [{ detector, source: `backup:DescribeFramework ${f.name}`, observedAt: r.framework.at, status: 'failing', detail: `framework ${f.name} is ${f.deploymentStatus ?? 'not deployed'}/${f.frameworkStatus ?? 'no status'}, not COMPLETED/ACTIVE (PARTIALLY_ACTIVE or INACTIVE: AWS Config does not record every resource type its controls govern)` }];
      }
    }
    const names = r.rules.value.get(ruleKey(d)) ?? [];
    if (names.length === 0) {
      const detail =
        d.kind === 'backup-audit'
          ? `no Config rule that AWS Backup created (CreatedBy ${BACKUP_SERVICE}) with source identifier ${d.name}: read the control in the latest control compliance report`
          : 'no Config rule with this identifier in the account and region';
      return [{ detector, source: 'config:DescribeConfigRules', observedAt: r.rules.at, status: d.kind === 'backup-audit' ? 'not observable' : 'failing', detail }];
    }
    return names.map((name) => {
      const c = r.compliance.get(name);
      if (!c) return no('compliance not read', r.rules.at, source);
      if (!c.ok) return no(c.reason, c.at, `${source} ${name}`);
      const failing = c.value.compliance === 'NON_COMPLIANT';
      const now = failing
        ? `NON_COMPLIANT: ${c.value.nonCompliantInPeriod.length} resource(s) non-compliant in the period${c.value.nonCompliantInPeriod.length ? `: ${c.value.nonCompliantInPeriod.slice(0, 5).join(', ')}` : ''}`
        : c.value.compliance;
      // The timeline is evidence of its own: a history that cannot be read leaves today's status standing.
      const h = r.history.ok ? r.history.value.get(name) : undefined;
      const past = r.history.ok ? (h ? historyLine(h) : 'no history read') : `history not read: ${r.history.reason}`;
      const status = failing ? 'failing' : c.value.compliance === 'COMPLIANT' ? 'ok' : 'not observable';
      return { detector, source: `${source} ${name}; config:GetResourceConfigHistory ${RESOURCE_COMPLIANCE}`, observedAt: c.at, status, detail: `${now}; ${past}`, ...(h ? { history: h } : {}) };
    });
  }
  if (d.kind === 'security-hub') return [membershipOf(d, detector, r), findingsOf(d, detector, r)];
  // Service statuses.
  switch (d.name) {
    case 'cloudtrail-logging':
      if (!r.trail.ok) return [no(r.trail.reason, r.trail.at, 'cloudtrail:GetTrailStatus')];
      if (r.trail.value.length === 0) return [{ detector, source: 'cloudtrail:DescribeTrails', observedAt: r.trail.at, status: 'failing', detail: 'no multi-region trail' }];
      return r.trail.value.map((t) => ({
        detector,
        source: `cloudtrail:GetTrailStatus ${t.name}`,
        observedAt: r.trail.at,
        status: t.logging ? 'ok' : 'failing',
        detail: `${t.logging ? 'logging' : 'NOT logging'}${t.latestDelivery ? `, last delivery ${t.latestDelivery}` : ''}`,
      }));
    case 'guardduty-enabled':
      if (!r.guardDuty.ok) return [no(r.guardDuty.reason, r.guardDuty.at, 'guardduty:GetDetector')];
      if (r.guardDuty.value.length === 0) return [{ detector, source: 'guardduty:ListDetectors', observedAt: r.guardDuty.at, status: 'failing', detail: 'GuardDuty is not enabled in this account and region (no detector)' }];
      return r.guardDuty.value.map((g) => ({ detector, source: `guardduty:GetDetector ${g.id}`, observedAt: r.guardDuty.at, status: g.status === 'ENABLED' ? 'ok' : 'failing', detail: `detector ${g.status}` }));
    case 'config-recording':
      if (!r.recorder.ok) return [no(r.recorder.reason, r.recorder.at, 'config:DescribeConfigurationRecorderStatus')];
      return [{
        detector,
        source: 'config:DescribeConfigurationRecorderStatus',
        observedAt: r.recorder.at,
        status: r.recorder.value.recording ? 'ok' : 'failing',
        detail: `${r.recorder.value.recording ? 'recording' : 'NOT recording'}${r.recorder.value.lastStatus ? `, last status ${r.recorder.value.lastStatus}` : ''}`,
      }];
    case 'securityhub-standards': {
      if (!r.standards.ok) return [no(r.standards.reason, r.standards.at, 'securityhub:GetEnabledStandards')];
      const expected = env.accountBaseline.enabled ? env.accountBaseline.securityHubStandards : [];
      const missing = expected.filter((s) => !r.standards.ok || !(r.standards.value as readonly string[]).includes(s));
      return [{
        detector,
        source: 'securityhub:GetEnabledStandards',
        observedAt: r.standards.at,
        status: missing.length === 0 && r.standards.value.length > 0 ? 'ok' : 'failing',
        detail: missing.length ? `standards not enabled: ${missing.join(', ')}` : `enabled: ${r.standards.value.join(', ') || 'none'}`,
      }];
    }
    case 'restore-tests': {
      if (!r.restoreTests.ok) return [no(r.restoreTests.reason, r.restoreTests.at, 'backup:ListRestoreJobs')];
      const jobs = r.restoreTests.value;
      const bad = jobs.filter((j) => j.status !== 'COMPLETED' || j.validation !== 'SUCCESSFUL');
      const pending = bad.filter((j) => j.status === 'RUNNING' || j.status === 'PENDING' || j.validation === 'VALIDATING');
      const failed = bad.filter((j) => !pending.includes(j));
      return [{
        detector,
        source: 'backup:ListRestoreJobs (restore testing plan jobs)',
        observedAt: r.restoreTests.at,
        status: jobs.length === 0 || failed.length > 0 ? 'failing' : 'ok',
        detail:
          jobs.length === 0
            ? 'no restore test in the period'
            : `${jobs.length} restore test(s), ${jobs.length - bad.length} completed and validated SUCCESSFUL${failed.length ? `, failed: ${failed.map((j) => `${j.id} ${j.status}/${j.validation ?? 'no validation'}`).join(', ')}` : ''}${pending.length ? `, ${pending.length} still running or validating` : ''}`,
      }];
    }
    default:
      return [no(`unknown status check ${d.name}`, new Date().toISOString(), 'evidence')];
  }
}

/** Whether a named Security Hub control is enabled in an enabled standard: a detector that is not watches nothing. */
function membershipOf(d: NamedDetector, detector: string, r: EnvironmentReadings): Observation {
  const source = `securityhub:ListStandardsControlAssociations SecurityControlId=${d.name}`;
  if (!r.memberships.ok) return { detector, source, observedAt: r.memberships.at, status: 'not observable', detail: `not observable: ${r.memberships.reason}` };
  const m = r.memberships.value.get(d.name);
  if (m && m.enabled.length > 0) return { detector, source, observedAt: r.memberships.at, status: 'ok', detail: `enabled in ${m.enabled.join(', ')}` };
  const why = m && m.disabled.length > 0 ? `disabled in ${m.disabled.join(', ')}` : 'in none of the enabled standards';
  return { detector, source, observedAt: r.memberships.at, status: 'failing', detail: `not watched: ${d.name} is ${why}, so Security Hub does not evaluate it` };
}

/** The active findings of a named Security Hub control. */
function findingsOf(d: NamedDetector, detector: string, r: EnvironmentReadings): Observation {
  const source = `securityhub:GetFindings ComplianceSecurityControlId=${d.name}`;
  if (!r.findings.ok) return { detector, source, observedAt: r.findings.at, status: 'not observable', detail: `not observable: ${r.findings.reason}` };
  const f = r.findings.value.get(d.name);
  if (!f) return { detector, source, observedAt: r.findings.at, status: 'not observable', detail: 'not observable: no active finding for this control yet' };
  return { detector, source, observedAt: r.findings.at, status: f.failed > 0 ? 'failing' : 'ok', detail: `${f.failed} FAILED, ${f.passed} PASSED active findings` };
}

/**
 * Delivery of the Backup Audit Manager reports in the period: a report job that FAILED (with its
 * message) fails; the newest control compliance report is named for the auditor, whose rows give
 * each control's compliance ("controlName", "controlComplianceStatus", CONTROL_COMPLIANCE_REPORT:
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/choosing-report-template.html).
 */
function reportDelivery(r: EnvironmentReadings): Observation {
  const detector = 'Backup Audit Manager reports';
  const source = 'backup:ListReportJobs';
  if (!r.reportJobs.ok) return { detector, source, observedAt: r.reportJobs.at, status: 'not observable', detail: `not observable: ${r.reportJobs.reason}` };
  const jobs = r.reportJobs.value;
  const failed = jobs.filter((j) => j.status === 'FAILED');
  const compliance = jobs.filter((j) => j.template === 'CONTROL_COMPLIANCE_REPORT' && j.status === 'COMPLETED').sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''));
  const latest = compliance[0] ? `; latest control compliance report ${compliance[0].created}: ${compliance[0].keys.join(', ')}` : '';
  if (failed.length > 0) {
    return { detector, source, observedAt: r.reportJobs.at, status: 'failing', detail: `${failed.length} report job(s) FAILED: ${failed.map((j) => `${j.template} ${j.created ?? ''} ${j.message ?? 'no message'}`.replace(/ +/g, ' ')).join('; ')}${latest}` };
  }
  if (compliance.length === 0) return { detector, source, observedAt: r.reportJobs.at, status: 'failing', detail: 'no control compliance report delivered in the period' };
  return { detector, source, observedAt: r.reportJobs.at, status: 'ok', detail: `${jobs.filter((j) => j.status === 'COMPLETED').length} report(s) delivered in the period${latest}` };
}

function statusOf(observations: readonly Observation[]): ControlStatus {
  if (observations.some((o) => o.status === 'failing')) return 'failing';
  if (observations.length === 0 || observations.some((o) => o.status === 'not observable')) return 'not observable';
  return 'operating';
}

/** Collects the evidence of every enforced control in every environment. */
export async function collectEvidence(envs: readonly EnvironmentConfig[], catalog: readonly Control[], o: CollectOptions): Promise<EvidenceReport> {
  const now = o.now ?? (() => new Date());
  const enforced = catalog.filter((c) => c.kind === 'enforced');
  const controls: ControlEvidenceRecord[] = [];
  const environments = [];
  for (const env of envs) {
    const clients = o.clientsFor(env);
    const problems: string[] = [];
    const identity = await read(now, () => call<any>(clients.sts, 'GetCallerIdentityCommand', {}, undefined, o.callOptions));
    if (!identity.ok) problems.push(`credentials: ${identity.reason}`);
    else if (identity.value.Account !== env.account) problems.push(`credentials are for account ${identity.value.Account}, not ${env.account}: run with the ${env.name} auditor role`);
    environments.push({ name: env.name, account: env.account, region: env.region, problems });
    if (problems.length > 0) {
      for (const c of enforced) {
        controls.push({ control: c.id, env: env.name, status: 'not observable', reason: problems.join('; '), observations: [], failedInPeriod: false });
      }
      continue;
    }
    const readings = await readEnvironment(env, enforced, clients, o);
    for (const c of enforced) {
      if (!c.detectors || hasNoDetector(c.detectors)) {
        controls.push({ control: c.id, env: env.name, status: 'not observable', reason: c.detectors ? c.detectors.none : 'no detectors named', observations: [], failedInPeriod: false });
        continue;
      }
      const named = detectorsOf(c);
      const observations = [...named.flatMap((d) => observe(d, env, readings)), ...(named.some((d) => d.kind === 'backup-audit') ? [reportDelivery(readings)] : [])];
      const failedInPeriod = observations.some((x) => x.status === 'failing' || x.history?.everFailing === true);
      controls.push({ control: c.id, env: env.name, status: statusOf(observations), observations, failedInPeriod });
    }
  }
  const summary = { operating: 0, failing: 0, 'not observable': 0 } as Record<ControlStatus, number>;
  for (const c of controls) summary[c.status]++;
  return { generatedAt: now().toISOString(), since: o.since.toISOString(), environments, controls, summary };
}
