/**
 * Builders of the controls diff's rules for the shapes of particular resource types: security
 * group ingress (inline and standalone), network ACL entries, load balancer attributes and the
 * default Object Lock retention of S3 buckets. Generic shapes are in diff-builders.ts.
 */
import { arrow, byRank, same, show } from './diff-builders';
import type { DiffRule, Verdict } from './diff-rule';
import { adminPorts, isTrue, lbAttribute, type SgRule, type TemplateResource } from './template-readers';

// ---------------------------------------------------------------------------------------------
// Security groups, network ACLs, load balancers
// ---------------------------------------------------------------------------------------------

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
