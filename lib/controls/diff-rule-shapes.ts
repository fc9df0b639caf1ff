/**
 * Shapes of controls-diff rules beyond the helpers of `diff-rules.ts`, written against
 * CloudFormation types and properties: set-valued properties (entries added or removed), values
 * whose default is the service's and not compared, IAM guardrail denies, EventBridge rules that
 * page someone, CloudWatch alarms and S3 Object Lock retention. `diff-rules-area-b.ts` builds its
 * rules from them; any area's rules may.
 */
import { arrow, byRank, show } from './diff-builders';
import type { DiffRule, Direction, Verdict } from './diff-rule';
import { conditionValue, isTrue, statementsOf, type TemplateResource } from './template-readers';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** A value or list as a list (`Action: '*'` and `Action: ['*']` alike). */
export const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** What is in `after` and not in `before`, and the reverse, compared as JSON. */
export function setDiff<T>(before: readonly T[], after: readonly T[]): { added: T[]; removed: T[] } {
  const key = (v: T) => JSON.stringify(v);
  const [b, a] = [new Set(before.map(key)), new Set(after.map(key))];
  return { added: after.filter((v) => !b.has(key(v))), removed: before.filter((v) => !a.has(key(v))) };
}

/** One verdict per added (`addedIs`) and removed (the opposite) entry. */
export function entryVerdicts<T>(before: readonly T[], after: readonly T[], addedIs: Direction, describe: (v: T, how: 'added' | 'removed') => string): Verdict[] {
  const opposite: Direction = addedIs === 'weakened' ? 'strengthened' : 'weakened';
  const { added, removed } = setDiff(before, after);
  return [...added.map((v) => ({ direction: addedIs, detail: describe(v, 'added') })), ...removed.map((v) => ({ direction: opposite, detail: describe(v, 'removed') }))];
}

/**
 * A property rule for a value on an ordered scale, weakest first, where leaving the property out
 * (the service's default) is not compared: a reviewer must look.
 */
export function rankedSet(resourceTypes: readonly string[], path: readonly string[], label: string, scale: readonly unknown[]): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => {
      if (before === undefined || after === undefined) return { direction: 'neutral', detail: `${arrow(label, before, after)} (service default, not comparable)` };
      return { direction: byRank(scale.indexOf(before), scale.indexOf(after)), detail: arrow(label, before, after) };
    },
  };
}

/** A property rule for a boolean whose `true` enforces the control; a value left out is not compared. */
export function flagSet(resourceTypes: readonly string[], path: readonly string[], label: string): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => {
      if (before === undefined || after === undefined) return { direction: 'neutral', detail: `${arrow(label, before, after)} (service default, not comparable)` };
      return { direction: byRank(Number(isTrue(before)), Number(isTrue(after))), detail: arrow(label, before, after) };
    },
  };
}

/**
 * A property rule for a number where less is stronger (maximum password age, session length).
 * @param absent the effective value when the property is left out
 */
export function atMost(resourceTypes: readonly string[], path: readonly string[], label: string, absent: number): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => {
      const num = (v: unknown) => (v === undefined ? absent : Number(v));
      const [b, a] = [num(before), num(after)];
      if (Number.isNaN(b) || Number.isNaN(a)) return { direction: 'neutral', detail: `${arrow(label, before, after)} (not comparable)` };
      return { direction: byRank(-b, -a), detail: arrow(label, before, after) };
    },
  };
}

/** Whether a resource carries a tag (list-of-pairs or map form). */
export function hasTag(r: TemplateResource | undefined, tag: { key: string; value: string }): boolean {
  const tags = r?.Properties?.Tags;
  if (Array.isArray(tags)) return tags.some((t: any) => t?.Key === tag.key && t?.Value === tag.value);
  return tags?.[tag.key] === tag.value;
}

// ---------------------------------------------------------------------------------------------
// IAM policies
// ---------------------------------------------------------------------------------------------

/** The resource types that hold IAM policy documents. */
export const POLICY_HOLDERS = ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::Group', 'AWS::IAM::User'];

/** Every statement of the policy documents a resource holds (its own document and inline policies). */
export function policyStatements(r: TemplateResource | undefined): any[] {
  const p = r?.Properties ?? {};
  const docs = [p.PolicyDocument, ...(Array.isArray(p.Policies) ? p.Policies.map((x: any) => x?.PolicyDocument) : [])];
  return docs.flatMap(statementsOf);
}

/** Deny statements with `NotAction` that apply when `conditionKey` says so: the guardrail shape. */
const guardrails = (r: TemplateResource | undefined, conditionKey: string) =>
  policyStatements(r).filter((s) => s.Effect === 'Deny' && s.NotAction !== undefined && conditionValue(s, conditionKey) !== undefined);

/**
 * A rule for a guardrail: a deny of everything but `NotAction` under a condition. Losing it
 * weakens the control; each action exempted (added to `NotAction`) weakens it too, and each
 * condition value let through (`letThrough`, e.g. an allowed region) as well.
 */
export function guardrailRule(conditionKey: string, what: string, letThrough?: { label: string; values: (s: any) => unknown[] }): DiffRule {
  return {
    resourceTypes: POLICY_HOLDERS,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const [b, a] = [guardrails(before, conditionKey), guardrails(after, conditionKey)];
      if (b.length === 0 && a.length === 0) return undefined;
      if (a.length === 0) return { direction: 'weakened', detail: `${what} ${after ? 'removed from the policy' : 'removed with its policy'}` };
      if (b.length === 0) return { direction: 'strengthened', detail: `${what} added` };
      const exempt = (ss: any[]) => [...new Set(ss.flatMap((s) => list(s.NotAction)))];
      const out = entryVerdicts(exempt(b), exempt(a), 'weakened', (v, how) => `${show(v)} ${how === 'added' ? 'exempted from' : 'no longer exempt from'} the ${what}`);
      if (letThrough) {
        const values = (ss: any[]) => [...new Set(ss.flatMap(letThrough.values))];
        out.push(...entryVerdicts(values(b), values(a), 'weakened', (v, how) => `${letThrough.label} ${show(v)} ${how}`));
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// EventBridge rules and CloudWatch alarms that page someone
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// S3 Object Lock
// ---------------------------------------------------------------------------------------------

/**
 * Object Lock modes, weakest first: in governance mode users with the bypass permission can
 * shorten or remove a retention; in compliance mode no one can
 * (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_s3.ObjectLockMode.html).
 */
const LOCK_MODES = ['GOVERNANCE', 'COMPLIANCE'];

const lockOf = (r?: TemplateResource) => r?.Properties?.ObjectLockConfiguration?.Rule?.DefaultRetention;
const lockDays = (d: any) => (d === undefined ? 0 : Number(d.Days ?? 0) + Number(d.Years ?? 0) * 365);
export const isLocked = (r?: TemplateResource) => r !== undefined && (isTrue(r.Properties?.ObjectLockEnabled) || r.Properties?.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled');

/**
 * A rule for the default Object Lock retention of the buckets `selects` picks: losing it, a
 * shorter retention or governance instead of compliance mode weakens the control.
 */
export function objectLockRule(what: string, selects: (r: TemplateResource) => boolean): DiffRule {
  return {
    resourceTypes: ['AWS::S3::Bucket'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      if (!isLocked(before) && !isLocked(after)) return undefined;
      if (!selects((before ?? after)!)) return undefined;
      if (!after) return { direction: 'weakened', detail: `${what} removed` };
      if (!before) return { direction: 'strengthened', detail: `${what} added` };
      const [b, a] = [lockOf(before), lockOf(after)];
      if (b !== undefined && a === undefined) return { direction: 'weakened', detail: `default Object Lock retention removed from the ${what}` };
      if (b === undefined && a !== undefined) return { direction: 'strengthened', detail: `default Object Lock retention set on the ${what}` };
      const out: Verdict[] = [];
      if (lockDays(b) !== lockDays(a)) out.push({ direction: byRank(lockDays(b), lockDays(a)), detail: arrow('Object Lock default retention (days)', lockDays(b), lockDays(a)) });
      if (b?.Mode !== a?.Mode) out.push({ direction: byRank(LOCK_MODES.indexOf(b?.Mode), LOCK_MODES.indexOf(a?.Mode)), detail: arrow('Object Lock mode', b?.Mode, a?.Mode) });
      return out;
    },
  };
}
