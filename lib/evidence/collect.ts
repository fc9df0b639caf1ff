/**
 * Collects live evidence per control and environment, read-only: AWS Config compliance now and its
 * timeline over the period (`compliance-history.ts`), Security Hub control status and the live
 * membership of each named control in the enabled standards, the AWS Backup Audit Manager
 * framework, the rules Backup created for its controls and the period's report jobs, the period's
 * restore tests with their validation status, the trail's logging status and the GuardDuty detector.
 * Each observation names its source and when it was read; a source that cannot be read makes the
 * control "not observable" with the reason (a missing permission names the IAM action), never a
 * silent pass. This file holds the evidence's types and the run over environments and controls;
 * each source is read in `readings.ts`, and judged per detector in `observations.ts`.
 */
import type { EnvironmentConfig } from '../config/schema';
import { detectorsOf, hasNoDetector } from '../controls/detectors';
import type { Control } from '../controls/types';
import type { CallOptions, EvidenceClients } from './aws';
import type { RuleHistory } from './compliance-history';
import { observe, reportDelivery, statusOf } from './observations';
import { readCallerAccount, readEnvironment } from './readings';

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

/** Collects the evidence of every enforced control in every environment. */
export async function collectEvidence(envs: readonly EnvironmentConfig[], catalog: readonly Control[], o: CollectOptions): Promise<EvidenceReport> {
  const now = o.now ?? (() => new Date());
  const enforced = catalog.filter((c) => c.kind === 'enforced');
  const controls: ControlEvidenceRecord[] = [];
  const environments = [];
  for (const env of envs) {
    const clients = o.clientsFor(env);
    const problems: string[] = [];
    const context = { clients, now, since: o.since, callOptions: o.callOptions };
    const account = await readCallerAccount(context);
    if (!account.ok) problems.push(`credentials: ${account.reason}`);
    else if (account.value !== env.account) problems.push(`credentials are for account ${account.value}, not ${env.account}: run with the ${env.name} auditor role`);
    environments.push({ name: env.name, account: env.account, region: env.region, problems });
    if (problems.length > 0) {
      for (const c of enforced) {
        controls.push({ control: c.id, env: env.name, status: 'not observable', reason: problems.join('; '), observations: [], failedInPeriod: false });
      }
      continue;
    }
    const readings = await readEnvironment(env, enforced, context);
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
