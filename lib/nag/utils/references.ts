/**
 * Cross-resource lookups for the SaasBaseline rules. cdk-nag's own cross-resource rules (for
 * example ALBWAFEnabled) search `Stack.of(node)` and match the referenced logical ID in the
 * resolved template; our controls are wired across the stacks of one environment (the web ACL
 * may live in another stack than the load balancer), so we search the node's stage and match
 * references by construct identity first, by logical ID second.
 */
import { CfnResource, Reference, Stack, Stage, TagManager, Token, Tokenization } from 'aws-cdk-lib';
import type { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagRules } from 'cdk-nag/lib/nag-rules';
import type { IConstruct } from 'constructs';

/**
 * The scope a rule searches for related resources: the environment stage the node belongs to
 * (an App is a Stage too, so a bare App/Stack fixture searches the whole app). Stacks of one
 * stage deploy into one account and region; another environment's resources never count.
 */
export function searchScope(node: IConstruct): IConstruct {
  return Stage.of(node) ?? node.node.root;
}

/** Every L1 resource of the given class in the node's stage (see {@link searchScope}). */
export function resourcesInStage<T extends CfnResource>(node: IConstruct, type: abstract new (...args: any[]) => T): T[] {
  return searchScope(node)
    .node.findAll()
    .filter((c): c is T => c instanceof type);
}

/**
 * Whether `value`, a property of `holder`, refers to `target`: through a CDK reference token
 * (`Ref`/`Fn::GetAtt`, also across stacks of the stage), or, for literal intrinsics written by
 * hand in the same stack (`{ Ref: 'LogicalId' }`), through the target's logical ID in the
 * resolved value.
 */
export function refersTo(holder: CfnResource, value: unknown, target: CfnResource): boolean {
  if (referencedConstructs(value).some((c) => c === target)) return true;
  if (Stack.of(holder) !== Stack.of(target)) return false;
  const logicalId = Stack.of(target).resolve(target.logicalId) as string;
  const resolved = JSON.stringify(Stack.of(holder).resolve(value) ?? null);
  return resolved.includes(JSON.stringify(logicalId));
}

/**
 * Whether some resource of `type` in the target's stage refers to `target` through the
 * property `property` picks (a web ACL association's `resourceArn`, a Shield protection's).
 */
export function isReferencedBy<T extends CfnResource>(target: CfnResource, type: abstract new (...args: any[]) => T, property: (resource: T) => unknown): boolean {
  return resourcesInStage(target, type).some((r) => refersTo(r, property(r), target));
}

/** The constructs that the reference tokens inside `value` (strings, lists, objects) point at. */
function referencedConstructs(value: unknown, depth = 0): IConstruct[] {
  if (value === undefined || value === null || depth > 10) return [];
  if (value instanceof Reference) return [value.target];
  if (typeof value === 'string') {
    if (!Token.isUnresolved(value)) return [];
    return Tokenization.reverseString(value).tokens.flatMap((t) => referencedConstructs(t, depth + 1));
  }
  if (Array.isArray(value)) return value.flatMap((v) => referencedConstructs(v, depth + 1));
  if (typeof value === 'object') {
    // Intrinsics such as Fn.join or Fn.select keep their arguments in `value`.
    const inner = Token.isUnresolved(value) ? [(value as { value?: unknown }).value] : Object.values(value as object);
    return inner.flatMap((v) => referencedConstructs(v, depth + 1));
  }
  return [];
}

/** The tags a resource will be deployed with (including those `Tags.of()` applied at synthesis). */
export function tagsOf(node: CfnResource): Record<string, string> {
  return TagManager.of(node)?.tagValues() ?? {};
}

/**
 * A resolved boolean-ish template value: `true`, and the string `true` in any case (IAM condition
 * values such as `aws:MultiFactorAuthPresent` are written `"true"` or `"True"`). The one reading
 * of it: the own pack, the controls diff and the evidence selectors share it.
 */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/**
 * Whether a load balancer is an internet-facing Application Load Balancer: `Type` absent or
 * `application`, `Scheme` absent (CloudFormation's default is internet-facing) or
 * `internet-facing`.
 */
export function isInternetFacingAlb(node: CfnLoadBalancer): boolean {
  const type = NagRules.resolveIfPrimitive(node, node.type) ?? 'application';
  const scheme = NagRules.resolveIfPrimitive(node, node.scheme) ?? 'internet-facing';
  return type === 'application' && scheme === 'internet-facing';
}
