/**
 * Builders of the controls diff's rules for what pages someone: EventBridge rules (removed,
 * disabled, narrowed or losing a target) and CloudWatch alarms (removed or made less sensitive).
 */
import { arrow, byRank, entryVerdicts, list, show } from './diff-builders';
import type { DiffRule, Verdict } from './diff-rule';
import type { TemplateResource } from './template-readers';


/**
 * Rule states, weakest first. ENABLED matches every event but read-only management events
 * delivered through CloudTrail, which ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS also matches
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html).
 */
const RULE_STATES = ['DISABLED', 'ENABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];

/** The leaves of an event pattern: each path (`detail.state`) with the values it matches. */
function patternLeaves(pattern: any, prefix = ''): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) return out;
  for (const [k, v] of Object.entries(pattern)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) out.set(path, v);
    else for (const [p, vs] of patternLeaves(v, path)) out.set(p, vs);
  }
  return out;
}

/** The lower bound of a numeric match (`{ numeric: ['>=', 4] }`), if the values hold one. */
function numericFloor(values: readonly unknown[]): number | undefined {
  for (const v of values) {
    const n = (v as any)?.numeric;
    if (Array.isArray(n) && (n[0] === '>=' || n[0] === '>')) return Number(n[1]);
  }
  return undefined;
}

/**
 * How an event pattern changed: a value no longer matched, a filter added on a new field or a
 * raised numeric floor narrows what reaches the target (weakened); the reverse widens it.
 */
function patternVerdicts(before: any, after: any): Verdict[] {
  const [b, a] = [patternLeaves(before), patternLeaves(after)];
  const out: Verdict[] = [];
  for (const [path, values] of a) {
    const old = b.get(path);
    if (old === undefined) {
      out.push({ direction: 'weakened', detail: `event pattern now also requires ${path} ${show(values)}` });
      continue;
    }
    const [fb, fa] = [numericFloor(old), numericFloor(values)];
    if (fb !== undefined && fa !== undefined && fb !== fa) {
      out.push({ direction: byRank(-fb, -fa), detail: arrow(`event pattern ${path} at least`, fb, fa) });
      continue;
    }
    out.push(...entryVerdicts(old, values, 'strengthened', (v, how) => `event pattern ${path} ${how === 'added' ? 'now matches' : 'no longer matches'} ${show(v)}`));
  }
  for (const [path, values] of b) if (!a.has(path)) out.push({ direction: 'strengthened', detail: `event pattern no longer requires ${path} ${show(values)}` });
  return out;
}

/**
 * A rule for the EventBridge rules that carry a control (`matches` reads the event pattern):
 * removed, disabled, narrowed or losing a target is weakened; the reverse strengthened.
 */
export function eventRule(what: string, matches: (pattern: any) => boolean): DiffRule {
  const carries = (r?: TemplateResource) => r !== undefined && matches(r.Properties?.EventPattern ?? {});
  return {
    resourceTypes: ['AWS::Events::Rule'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      if (!carries(before) && !carries(after)) return undefined;
      if (!carries(after)) return { direction: 'weakened', detail: after ? `${what} rule no longer matches these events (pattern ${show(after.Properties?.EventPattern)})` : `${what} rule removed` };
      if (!carries(before)) return { direction: 'strengthened', detail: `${what} rule added` };
      const [b, a] = [before!.Properties ?? {}, after!.Properties ?? {}];
      const out: Verdict[] = [];
      if (b.State !== a.State) {
        out.push(
          b.State === undefined || a.State === undefined
            ? { direction: 'neutral', detail: `${arrow('State', b.State, a.State)} (service default, not comparable)` }
            : { direction: byRank(RULE_STATES.indexOf(b.State), RULE_STATES.indexOf(a.State)), detail: arrow('State', b.State, a.State) },
        );
      }
      const targets = (p: any) => list(p.Targets).map((t: any) => t?.Arn);
      out.push(...entryVerdicts(targets(b), targets(a), 'strengthened', (t, how) => `target ${show(t)} ${how}`));
      out.push(...patternVerdicts(b.EventPattern, a.EventPattern));
      return out;
    },
  };
}

/**
 * A rule for the CloudWatch alarms `selects` picks: removing one, or making it less sensitive
 * (a threshold moved away from the alarm side, more periods or data points to alarm, a longer
 * period), weakens the control.
 */
export function alarmRule(what: string, selects: (props: any) => boolean): DiffRule {
  return {
    resourceTypes: ['AWS::CloudWatch::Alarm'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const [b, a]: any[] = [before?.Properties ?? {}, after?.Properties ?? {}];
      if (!selects(before ? b : a)) return undefined;
      const metric = (p: any) => `${p?.Namespace ?? 'metric math'}/${p?.MetricName ?? ''}`;
      if (kind === 'removed') return { direction: 'weakened', detail: `${what} alarm on ${metric(b)} removed` };
      if (kind === 'added') return { direction: 'strengthened', detail: `${what} alarm on ${metric(a)} added` };
      const out: Verdict[] = [];
      if (b.Threshold !== a.Threshold && b.ComparisonOperator === a.ComparisonOperator) {
        // An alarm "greater than" fires later with a higher threshold; one "less than" with a lower.
        const sign = String(a.ComparisonOperator).startsWith('Less') ? 1 : -1;
        out.push({ direction: byRank(sign * Number(b.Threshold), sign * Number(a.Threshold)), detail: arrow(`${metric(a)} Threshold`, b.Threshold, a.Threshold) });
      }
      for (const key of ['EvaluationPeriods', 'DatapointsToAlarm', 'Period']) {
        if (b[key] !== a[key] && b[key] !== undefined && a[key] !== undefined) out.push({ direction: byRank(-Number(b[key]), -Number(a[key])), detail: arrow(`${metric(a)} ${key}`, b[key], a[key]) });
      }
      for (const key of ['ComparisonOperator', 'MetricName', 'Namespace', 'Statistic']) {
        if (b[key] !== a[key]) out.push({ direction: 'neutral', detail: `${arrow(key, b[key], a[key])} (not comparable)` });
      }
      return out;
    },
  };
}
