/**
 * Builders of the controls diff's rules for IAM: the resources that hold policy documents, their
 * statements, and guardrails (a deny of everything but some actions under a condition).
 */
import { entryVerdicts, list, show } from './diff-builders';
import type { DiffRule } from './diff-rule';
import { conditionValue, statementsOf, type TemplateResource } from './template-readers';

/** The resource types that hold IAM policy documents. */
export const POLICY_HOLDERS = ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::Group', 'AWS::IAM::User'];

/** The policy documents a resource holds: a policy's own, and the inline ones of a role, group or user. */
export function policyDocuments(r: TemplateResource | undefined): any[] {
  const p = r?.Properties ?? {};
  return [p.PolicyDocument, ...(Array.isArray(p.Policies) ? p.Policies.map((x: any) => x?.PolicyDocument) : [])].filter((d) => d !== undefined);
}

/** Every statement of the policy documents a resource holds. */
export const policyStatements = (r: TemplateResource | undefined): any[] => policyDocuments(r).flatMap(statementsOf);

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
