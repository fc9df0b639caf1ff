/**
 * The observations: what the readings of an environment (`readings.ts`) say about each detector
 * of a control, as "ok", "failing" or "not observable" with the source, when it was read and one
 * line of detail, and the status of a control from its observations.
 */
import type { EnvironmentConfig } from '../config/schema';
import { detectorLabel, type NamedDetector } from '../controls/detectors';
import { backupFrameworkName } from '../constructs/backup/backup-audit';
import type { ControlStatus, Observation } from './collect';
import { historyLine, RESOURCE_COMPLIANCE_TYPE as RESOURCE_COMPLIANCE } from './compliance-history';
import { BACKUP_SERVICE, ruleKey, type EnvironmentReadings } from './readings';

/** One observation of a detector in an environment's readings. */
export function observe(d: NamedDetector, env: EnvironmentConfig, r: EnvironmentReadings): Observation[] {
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
export function reportDelivery(r: EnvironmentReadings): Observation {
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

/** A control's status: failing when any detector fails; not observable when one cannot be read, or none was read. */
export function statusOf(observations: readonly Observation[]): ControlStatus {
  if (observations.some((o) => o.status === 'failing')) return 'failing';
  if (observations.length === 0 || observations.some((o) => o.status === 'not observable')) return 'not observable';
  return 'operating';
}
