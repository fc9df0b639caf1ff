/**
 * Builders of the controls diff's rules for the shapes most controls share, whatever the resource
 * type (a boolean that enforces, a number where more or less is stronger, a reference whose
 * presence enforces, a setting on an ordered scale, a resource whose presence enforces, entries
 * of a list added or removed), and the value renderers their verdicts use. The catalog entries
 * compose them. Shapes of one kind of resource live beside this module: IAM policies
 * (diff-builders-iam.ts), EventBridge rules and CloudWatch alarms (diff-builders-alerting.ts),
 * security groups, network ACLs, load balancers and S3 Object Lock (diff-builders-resources.ts).
 */
import type { DiffRule, Direction, Verdict } from './diff-rule';
import { isTrue, type TemplateResource } from './template-readers';

const SHOW_MAX = 80;

/** Renders a template value for a diff line: scalars as they are, intrinsics shortened. */
export function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (value === null) return 'null';
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, any>;
  if (typeof v.Ref === 'string') return `Ref ${v.Ref}`;
  if (Array.isArray(v['Fn::GetAtt'])) return `GetAtt ${v['Fn::GetAtt'].join('.')}`;
  // Whole structures (event selectors, lock configurations) would drown the line.
  const json = JSON.stringify(value);
  return json.length > SHOW_MAX ? `${json.slice(0, SHOW_MAX - 1)}…` : json;
}

/** `label before → after`, for a verdict's detail. */
export const arrow = (label: string, before: unknown, after: unknown) => `${label} ${show(before)} → ${show(after)}`;

/** Structural equality of two template values. */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A value or list as a list (`Action: '*'` and `Action: ['*']` alike). */
export const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A value read from a dotted path of a resource's properties (`ProviderDetails.client_secret`). */
export function prop(resource: TemplateResource | undefined, path: string): unknown {
  let value: any = resource?.Properties;
  for (const key of path.split('.')) value = value?.[key];
  return value;
}

/** The entries of `after` not in `before`, and the reverse, compared as JSON, each reported once. */
export function setDiff<T>(before: readonly T[], after: readonly T[]): { added: T[]; removed: T[] } {
  const key = (v: T) => JSON.stringify(v);
  const once = (vs: readonly T[]) => [...new Map(vs.map((v) => [key(v), v])).values()];
  const [b, a] = [new Set(before.map(key)), new Set(after.map(key))];
  return { added: once(after).filter((v) => !b.has(key(v))), removed: once(before).filter((v) => !a.has(key(v))) };
}

/** One verdict per added (`addedIs`) and removed (the opposite) entry. */
export function entryVerdicts<T>(before: readonly T[], after: readonly T[], addedIs: Direction, describe: (v: T, how: 'added' | 'removed') => string): Verdict[] {
  const opposite: Direction = addedIs === 'weakened' ? 'strengthened' : 'weakened';
  const { added, removed } = setDiff(before, after);
  return [...added.map((v) => ({ direction: addedIs, detail: describe(v, 'added') })), ...removed.map((v) => ({ direction: opposite, detail: describe(v, 'removed') }))];
}

/** Direction of a move on an ordered scale where a higher rank is stronger. */
export function byRank(before: number, after: number): Direction {
  if (after < before) return 'weakened';
  if (after > before) return 'strengthened';
  return 'neutral';
}

/**
 * A property rule for a boolean whose `true` enforces the control.
 * @param absent what CloudFormation assumes when the property is left out
 */
export function flag(resourceTypes: readonly string[], path: readonly string[], label: string, absent = false): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => ({
      direction: byRank(Number(before === undefined ? absent : isTrue(before)), Number(after === undefined ? absent : isTrue(after))),
      detail: arrow(label, before, after),
    }),
  };
}

/**
 * A property rule for a number where more is stronger (retention days, backup periods).
 * @param absent the effective value when the property is left out (`Infinity` for "forever";
 *   `NaN` when absence says nothing the template can show, so it is not compared)
 */
export function atLeast(resourceTypes: readonly string[], path: readonly string[], label: string, absent: number): DiffRule {
  return numberRule(resourceTypes, path, label, absent, 1);
}

/** A property rule for a reference (a KMS key, a parameter group) whose presence enforces the control. */
export function present(resourceTypes: readonly string[], path: readonly string[], label: string): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => {
      if (before === undefined) return { direction: 'strengthened', detail: `${label} set to ${show(after)}` };
      if (after === undefined) return { direction: 'weakened', detail: `${label} removed (was ${show(before)})` };
      return { direction: 'neutral', detail: arrow(label, before, after) };
    },
  };
}

/**
 * A property rule for a value on an ordered scale, weakest first (`['OFF', 'OPTIONAL', 'ON']`).
 * A value missing from the scale ranks as weakest.
 * @param absent the effective value when the property is left out
 */
export function ranked(resourceTypes: readonly string[], path: readonly string[], label: string, scale: readonly unknown[], absent: unknown): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => ({
      direction: byRank(scale.indexOf(before ?? absent), scale.indexOf(after ?? absent)),
      detail: arrow(label, before, after),
    }),
  };
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
  return numberRule(resourceTypes, path, label, absent, -1);
}

/** {@link atLeast} (`sign` 1) and {@link atMost} (`sign` -1). */
function numberRule(resourceTypes: readonly string[], path: readonly string[], label: string, absent: number, sign: 1 | -1): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => {
      const num = (v: unknown) => (v === undefined ? absent : Number(v));
      const [b, a] = [num(before), num(after)];
      // A token (Ref to a parameter) cannot be compared; a reviewer must look.
      if (Number.isNaN(b) || Number.isNaN(a)) return { direction: 'neutral', detail: `${arrow(label, before, after)} (not comparable)` };
      return { direction: byRank(sign * b, sign * a), detail: arrow(label, before, after) };
    },
  };
}

/**
 * A resource rule for a resource the control forbids (an IAM user, self-managed compute): adding
 * one weakens the control and removing one strengthens it. Updates are not reported.
 * @param describe the resource in the reviewer's words (`IAM user (long-term credentials)`)
 */
export function forbiddenResource(resourceTypes: readonly string[], describe: (r: TemplateResource) => string): DiffRule {
  return {
    resourceTypes,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (kind === 'added') return { direction: 'weakened', detail: `${describe(after!)} added` };
      if (kind === 'removed') return { direction: 'strengthened', detail: `${describe(before!)} removed` };
      return undefined;
    },
  };
}

/**
 * A resource rule: removing an enforcing resource weakens the control and adding one strengthens
 * it. Updates are left to the property rules.
 * @param what the resource in the reviewer's words (`flow log`)
 * @param enforces whether a resource enforces the control; a removed resource that never did is
 *   not reported
 * @param missing when set, adding a resource that does not enforce the control weakens it
 *   (`bucket added without public access block`); when unset such an addition is not reported
 */
export function enforcingResource(resourceTypes: readonly string[], what: string, enforces: (r: TemplateResource) => boolean = () => true, missing?: string): DiffRule {
  return {
    resourceTypes,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (kind === 'added') {
        if (enforces(after!)) return { direction: 'strengthened', detail: `${what} added` };
        return missing === undefined ? undefined : { direction: 'weakened', detail: `${what} added without ${missing}` };
      }
      if (kind === 'removed' && enforces(before!)) return { direction: 'weakened', detail: `${what} removed` };
      return undefined;
    },
  };
}
