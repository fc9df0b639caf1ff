/**
 * The compliance timeline of AWS Config rules over a period, read from the configuration items
 * AWS Config records for compliance changes.
 *
 * What AWS documents, and this module relies on:
 * - Config records each evaluated resource's compliance as configuration items of the resource
 *   type `AWS::Config::ResourceCompliance`, whose resourceId is `<resource type>/<resource id>`
 *   (`AWS::S3::Bucket/configrules-bucket`) and whose `configuration` is a JSON string with the
 *   resource's `complianceType` and a `configRuleList` of `{ configRuleName, complianceType, ... }`,
 *   one entry per rule that evaluated it:
 *   https://docs.aws.amazon.com/config/latest/developerguide/quering-resource-compliance-history.html
 * - Config records that type only when the recorder records it (all supported types, or the type
 *   named): https://docs.aws.amazon.com/config/latest/developerguide/view-compliance-history.html,
 *   and "For accurate reporting on the compliance status, you must record the
 *   AWS::Config::ResourceCompliance resource type" (GetResourceConfigHistory).
 * - GetResourceConfigHistory returns the items of one resource between `earlierTime` and
 *   `laterTime` (`chronologicalOrder` Forward or, by default, Reverse), at most `limit` (1 to 100,
 *   default 10) per page; "Each call to the API is limited to span a duration of seven days", so
 *   a page may hold fewer items than `limit` and the caller follows `nextToken` to cover the rest;
 *   Config returns items only within the retention period (30 to 2557 days):
 *   https://docs.aws.amazon.com/config/latest/APIReference/API_GetResourceConfigHistory.html
 * - The retention period is the account's retention configuration (30 to 2557 days,
 *   https://docs.aws.amazon.com/config/latest/APIReference/API_RetentionConfiguration.html), the
 *   default seven years (2557 days) when there is none; and "When recording is switched on, the
 *   current state of a resource always exists and can't be deleted irrespective of the date the
 *   ConfigurationItem is recorded", so the newest item before the period gives its starting state:
 *   https://docs.aws.amazon.com/config/latest/developerguide/delete-config-data-with-retention-period.html
 */
import { call, paginate, type CallOptions } from './aws';

/** A rule's compliance on one resource from a moment on. */
export type ComplianceState = 'COMPLIANT' | 'NON_COMPLIANT' | 'UNKNOWN';

/** One configuration item of `AWS::Config::ResourceCompliance`, as far as the timeline reads it. */
export interface ComplianceItem {
  readonly capturedAt: Date;
  /** Compliance per rule name, from `configuration.configRuleList`. */
  readonly rules: ReadonlyMap<string, string>;
}

/** A compliance change of one resource under one rule. */
export interface ComplianceTransition {
  /** `<resource type> <resource id>`. */
  readonly resource: string;
  /** When Config captured the change (ISO 8601). */
  readonly at: string;
  readonly from: ComplianceState;
  readonly to: ComplianceState;
}

/** One rule's compliance over the period. */
export interface RuleHistory {
  /** Start of the timeline (ISO 8601): the period's start, or the retention's where that is later. */
  readonly from: string;
  readonly to: string;
  /** Seconds the rule was compliant (at least one resource compliant, none non-compliant). */
  readonly compliantSeconds: number;
  /** Seconds at least one resource was non-compliant. */
  readonly nonCompliantSeconds: number;
  /** Seconds with no recorded evaluation. */
  readonly unknownSeconds: number;
  /** Every change of a resource's compliance under this rule within the period, oldest first. */
  readonly transitions: readonly ComplianceTransition[];
  /** A resource was non-compliant under this rule at some time in the period. */
  readonly everFailing: boolean;
  /** The resources whose timelines were read. */
  readonly resources: number;
  /** Why the timeline starts after the requested period, if it does. */
  readonly limitedBy?: string;
}

/** The resource type of compliance configuration items. */
export const RESOURCE_COMPLIANCE_TYPE = 'AWS::Config::ResourceCompliance';

/** Retention of configuration items when the account has no retention configuration (seven years). */
export const DEFAULT_RETENTION_DAYS = 2557;

/** The resourceId of a resource's compliance items: `<resource type>/<resource id>`. */
export function complianceResourceId(resourceType: string, resourceId: string): string {
  return `${resourceType}/${resourceId}`;
}

/** Parses one configuration item of `AWS::Config::ResourceCompliance`; undefined when it is not one. */
export function parseComplianceItem(item: { configurationItemCaptureTime?: Date | string; configuration?: string; configurationItemStatus?: string }): ComplianceItem | undefined {
  if (!item.configurationItemCaptureTime) return undefined;
  const capturedAt = new Date(item.configurationItemCaptureTime);
  // A deleted resource's last item carries no configuration: nothing is evaluated from then on.
  if (item.configurationItemStatus === 'ResourceDeleted' || item.configurationItemStatus === 'ResourceDeletedNotRecorded') return { capturedAt, rules: new Map() };
  let configuration: { configRuleList?: Array<{ configRuleName?: string; complianceType?: string }> };
  try {
    configuration = JSON.parse(item.configuration ?? '{}');
  } catch {
    return undefined;
  }
  const rules = new Map<string, string>();
  for (const r of configuration.configRuleList ?? []) if (r.configRuleName && r.complianceType) rules.set(r.configRuleName, r.complianceType);
  return { capturedAt, rules };
}

const stateOf = (item: ComplianceItem | undefined, rule: string): ComplianceState => {
  const t = item?.rules.get(rule);
  return t === 'COMPLIANT' || t === 'NON_COMPLIANT' ? t : 'UNKNOWN';
};

/**
 * The timeline of one rule over [from, to] from each resource's items: `before` is the newest item
 * at or before `from` (the state the period starts in), `during` the items inside the period.
 */
export function ruleHistory(
  rule: string,
  resources: ReadonlyArray<{ readonly resource: string; readonly before?: ComplianceItem; readonly during: readonly ComplianceItem[] }>,
  from: Date,
  to: Date,
  limitedBy?: string,
): RuleHistory {
  const transitions: ComplianceTransition[] = [];
  // Per resource: the state from each moment on, starting at `from`.
  const timelines = resources.map((r) => {
    const steps: Array<{ at: number; state: ComplianceState }> = [{ at: from.getTime(), state: stateOf(r.before, rule) }];
    for (const item of [...r.during].sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime())) {
      const at = item.capturedAt.getTime();
      if (at <= from.getTime() || at > to.getTime()) continue;
      const state = stateOf(item, rule);
      const previous = steps[steps.length - 1].state;
      if (state === previous) continue;
      steps.push({ at, state });
      transitions.push({ resource: r.resource, at: item.capturedAt.toISOString(), from: previous, to: state });
    }
    return steps;
  });
  const moments = [...new Set([from.getTime(), ...timelines.flatMap((s) => s.map((x) => x.at)), to.getTime()])].sort((a, b) => a - b);
  const at = (steps: ReadonlyArray<{ at: number; state: ComplianceState }>, t: number) => [...steps].reverse().find((s) => s.at <= t)!.state;
  let compliant = 0;
  let nonCompliant = 0;
  let unknown = 0;
  for (let i = 0; i + 1 < moments.length; i++) {
    const span = (moments[i + 1] - moments[i]) / 1000;
    const states = timelines.map((s) => at(s, moments[i]));
    if (states.includes('NON_COMPLIANT')) nonCompliant += span;
    else if (states.includes('COMPLIANT')) compliant += span;
    else unknown += span;
  }
  transitions.sort((a, b) => a.at.localeCompare(b.at));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    compliantSeconds: Math.round(compliant),
    nonCompliantSeconds: Math.round(nonCompliant),
    unknownSeconds: Math.round(unknown),
    transitions,
    everFailing: nonCompliant > 0,
    resources: resources.length,
    ...(limitedBy ? { limitedBy } : {}),
  };
}

/** `3d 4h`, `5h 2m`, `40s`: a duration the report shows. */
export function duration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return m > 0 ? `${m}m` : `${seconds}s`;
}

/** One line of a rule's history for the report. */
export function historyLine(h: RuleHistory): string {
  const changes = h.transitions.length === 0 ? 'no compliance change' : `${h.transitions.length} change(s): ${h.transitions.slice(0, 5).map((t) => `${t.at} ${t.resource} ${t.from} → ${t.to}`).join(', ')}${h.transitions.length > 5 ? ', ...' : ''}`;
  return (
    `history from ${h.from}${h.limitedBy ? ` (${h.limitedBy})` : ''} over ${h.resources} resource(s): compliant ${duration(h.compliantSeconds)}, non-compliant ${duration(h.nonCompliantSeconds)}` +
    `${h.unknownSeconds > 0 ? `, not evaluated ${duration(h.unknownSeconds)}` : ''}; ${changes}; ${h.everFailing ? 'failing at some time in the period' : 'never failing in the period'}`
  );
}

/** Options of {@link readComplianceHistory}. */
export interface HistoryOptions {
  /** Start of the period. */
  readonly since: Date;
  /** End of the period (now). */
  readonly until: Date;
  readonly callOptions?: CallOptions;
}

/**
 * Reads the timeline of each rule over the period: the retention period (so the timeline never
 * claims days Config no longer keeps), then per evaluated resource the newest compliance item
 * before the period and every item within it. One resource's items serve every rule that
 * evaluated it. Throws an {@link EvidenceError} (a missing permission names the IAM action).
 */
export async function readComplianceHistory(
  config: { send: (command: any) => Promise<any> },
  evaluated: ReadonlyMap<string, readonly string[]>,
  o: HistoryOptions,
): Promise<ReadonlyMap<string, RuleHistory>> {
  const opt = o.callOptions;
  const retention = await call<any>(config, 'DescribeRetentionConfigurationsCommand', {}, undefined, opt);
  const days = Number(retention.RetentionConfigurations?.[0]?.RetentionPeriodInDays ?? DEFAULT_RETENTION_DAYS);
  const kept = new Date(o.until.getTime() - days * 86_400_000);
  const from = o.since < kept ? kept : o.since;
  const limitedBy = o.since < kept ? `AWS Config keeps configuration items ${days} days, so the period from ${o.since.toISOString()} is cut to its retention` : undefined;

  const items = new Map<string, { before?: ComplianceItem; during: ComplianceItem[] }>();
  for (const key of new Set([...evaluated.values()].flat())) {
    const [resourceType, resourceId] = key.split('\u0000');
    const id = complianceResourceId(resourceType, resourceId);
    const input = { resourceType: RESOURCE_COMPLIANCE_TYPE, resourceId: id };
    // The state the period starts in: the newest item at or before its start. Each page spans at
    // most seven days, so empty pages are followed by their nextToken until an item appears.
    let before: ComplianceItem | undefined;
    let token: string | undefined;
    for (let page = 0; page < 400 && !before; page++) {
      const r = await call<any>(config, 'GetResourceConfigHistoryCommand', { ...input, laterTime: from, limit: 1, nextToken: token }, undefined, opt);
      before = (r.configurationItems ?? []).map(parseComplianceItem).find(Boolean);
      token = r.nextToken;
      if (!token) break;
    }
    const during = await paginate(
      (nextToken) => call<any>(config, 'GetResourceConfigHistoryCommand', { ...input, earlierTime: from, laterTime: o.until, chronologicalOrder: 'Forward', limit: 100, nextToken }, undefined, opt),
      (p: any) => (p.configurationItems ?? []).map(parseComplianceItem).filter(Boolean) as ComplianceItem[],
      1_000,
    );
    items.set(key, { before, during });
  }

  const out = new Map<string, RuleHistory>();
  for (const [rule, keys] of evaluated) {
    const resources = keys.map((key) => ({ resource: key.replace('\u0000', ' '), ...items.get(key)! }));
    out.set(rule, ruleHistory(rule, resources, from, o.until, limitedBy));
  }
  return out;
}
