/**
 * Builders of the controls diff's rules, for the shapes most controls share (a boolean that
 * enforces, a number where more is stronger, a reference whose presence enforces, a setting on
 * an ordered scale, a resource whose presence enforces, security group ingress, a load balancer
 * attribute), and the value renderers their verdicts use. The catalog entries compose them.
 */
import type { DiffRule, Direction, Verdict } from './diff-rule';
import { adminPorts, isTrue, lbAttribute, type SgRule, type TemplateResource } from './template-readers';

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
 * @param absent the effective value when the property is left out (`Infinity` for "forever")
 */
export function atLeast(resourceTypes: readonly string[], path: readonly string[], label: string, absent: number): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => {
      const num = (v: unknown) => (v === undefined ? absent : Number(v));
      const [b, a] = [num(before), num(after)];
      // A token (Ref to a parameter) cannot be compared; a reviewer must look.
      if (Number.isNaN(b) || Number.isNaN(a)) return { direction: 'neutral', detail: `${arrow(label, before, after)} (not comparable)` };
      return { direction: byRank(b, a), detail: arrow(label, before, after) };
    },
  };
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

/**
 * The two rules that watch security group ingress for one control: inline rules of an
 * `AWS::EC2::SecurityGroup` and standalone `AWS::EC2::SecurityGroupIngress` resources. Adding a
 * rule that `matches` weakens the control, removing one strengthens it.
 * @param describe the rule in the reviewer's words, before "added"/"removed"
 */
export function ingressRules(matches: (rule: SgRule) => boolean, describe: (rule: SgRule) => string): DiffRule[] {
  return [
    {
      resourceTypes: ['AWS::EC2::SecurityGroup'],
      path: ['Properties', 'SecurityGroupIngress'],
      assess: (before: SgRule[] | undefined, after: SgRule[] | undefined) => {
        const [b, a] = [(before ?? []).filter(matches), (after ?? []).filter(matches)];
        return [
          ...a.filter((r) => !b.some((x) => same(x, r))).map((r) => ({ direction: 'weakened' as const, detail: `${describe(r)} added` })),
          ...b.filter((r) => !a.some((x) => same(x, r))).map((r) => ({ direction: 'strengthened' as const, detail: `${describe(r)} removed` })),
        ];
      },
    },
    {
      resourceTypes: ['AWS::EC2::SecurityGroupIngress'],
      assess: (before: TemplateResource | undefined, after: TemplateResource | undefined): Verdict | undefined => {
        const b = before?.Properties as SgRule | undefined;
        const a = after?.Properties as SgRule | undefined;
        if (same(b, a)) return undefined;
        if (a !== undefined && matches(a)) return { direction: 'weakened', detail: `${describe(a)} added` };
        if (b !== undefined && matches(b)) return { direction: 'strengthened', detail: `${describe(b)} removed` };
        return undefined;
      },
    },
  ];
}

/** Where a security group rule admits traffic from, for a diff line. */
export function sgRuleSource(rule: SgRule): string {
  return show(rule.CidrIp ?? rule.CidrIpv6 ?? rule.SourceSecurityGroupId ?? rule.SourcePrefixListId);
}

/** A rule for a load balancer attribute whose `true` enforces the control (`access_logs.s3.enabled`). */
export function loadBalancerFlag(key: string): DiffRule {
  return {
    resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    path: ['Properties', 'LoadBalancerAttributes'],
    assess: (before, after) => {
      const [b, a] = [lbAttribute({ LoadBalancerAttributes: before }, key), lbAttribute({ LoadBalancerAttributes: after }, key)];
      if (String(b) === String(a)) return undefined;
      return { direction: byRank(Number(isTrue(b)), Number(isTrue(a))), detail: arrow(key, b, a) };
    },
  };
}

/** A NACL entry in the reviewer's words (`ingress rule 100 allow 0.0.0.0/0 ports 443-443`). */
export function naclEntryDescription(p: Record<string, any>): string {
  const range = p.PortRange ? ` ports ${p.PortRange.From}-${p.PortRange.To}` : '';
  return `${p.Egress ? 'egress' : 'ingress'} rule ${p.RuleNumber} ${p.RuleAction} ${show(p.CidrBlock ?? p.Ipv6CidrBlock)}${range}`;
}

/** An ingress rule that opens an administrative port, for a diff line (`ingress 22 from 0.0.0.0/0`). */
export function describeAdminRule(rule: SgRule): string {
  return `ingress ${adminPorts(rule).join('/')} from ${sgRuleSource(rule)}`;
}
