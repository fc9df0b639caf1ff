/**
 * Predicates of the catalog's evidence selectors (`evidence.select[].where`): tags, references
 * between resources of a template, event patterns, the stack a resource is in.
 */
import { TENANT_TAG_KEY } from '../constants/tags';
import type { EvidenceTemplate, ResourceContext } from './evidence-types';
import { sourcesOf, type TemplateResource } from './template-readers';

/** A resource's properties (none: an empty object). */
export const props = (r: TemplateResource): Record<string, any> => r.Properties ?? {};

/** A tag's value on a resource whose `Tags` is CloudFormation's list of `{ Key, Value }`. */
export function tag(r: TemplateResource, key: string): unknown {
  const tags = props(r).Tags;
  return Array.isArray(tags) ? tags.find((t: any) => t?.Key === key)?.Value : tags?.[key];
}
/** A resource tagged `key` (with `value`, when given). */
export const hasTag = (key: string, value?: string) => (r: TemplateResource) => (value === undefined ? tag(r, key) !== undefined : tag(r, key) === value);
/** A resource of one tenant (it carries the tenant tag). */
export const isTenant = hasTag(TENANT_TAG_KEY);

/** The logical ID a `Ref` or `Fn::GetAtt` points to. */
export function target(value: unknown): string | undefined {
  const v = value as any;
  if (typeof v?.Ref === 'string') return v.Ref;
  if (Array.isArray(v?.['Fn::GetAtt'])) return v['Fn::GetAtt'][0];
  return undefined;
}

/** Logical IDs of the template the given resources' property points to. */
export function referenced(template: EvidenceTemplate, type: string, property: (r: TemplateResource) => unknown): Set<string> {
  const ids = new Set<string>();
  for (const r of Object.values(template.Resources ?? {})) {
    if (r.Type !== type) continue;
    const values = [property(r)].flat();
    for (const v of values) {
      const id = target(v);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/** The actions of a policy statement. */
export const actionsOf = (st: any): string[] => [st?.Action].flat().filter((a): a is string => typeof a === 'string');
/** An EventBridge rule's event pattern. */
export const eventPattern = (r: TemplateResource): any => props(r).EventPattern ?? {};
/** The event sources an EventBridge rule matches (`aws.backup`). */
export const eventSources = (r: TemplateResource): string[] => sourcesOf(eventPattern(r));
/** Log groups whose literal name matches. */
export const named = (pattern: RegExp) => (r: TemplateResource) => typeof props(r).LogGroupName === 'string' && pattern.test(props(r).LogGroupName);
/** Resources of the stacks whose ID matches. */
export const inStack = (pattern: RegExp) => (_r: TemplateResource, c: ResourceContext) => pattern.test(c.stack);
/** The IDs of the data stacks (`Data1`, one per shard). */
export const DATA_STACK = /^Data\d+$/;

/** The trail's log group and the metrics its metric filters publish (`namespace/name`). */
export function trailMetrics(template: EvidenceTemplate): { logGroups: Set<string>; metrics: Set<string> } {
  const logGroups = referenced(template, 'AWS::CloudTrail::Trail', (r) => props(r).CloudWatchLogsLogGroupArn);
  const metrics = new Set<string>();
  for (const r of Object.values(template.Resources ?? {})) {
    if (r.Type !== 'AWS::Logs::MetricFilter' || !logGroups.has(target(props(r).LogGroupName) ?? '')) continue;
    for (const m of props(r).MetricTransformations ?? []) metrics.add(`${m.MetricNamespace}/${m.MetricName}`);
  }
  return { logGroups, metrics };
}

/** CloudWatch namespaces of the operational alarms: load balancer, databases, ECS. */
export const OPERATIONAL_NAMESPACES = ['AWS/ApplicationELB', 'AWS/RDS', 'ECS/ContainerInsights'];

/** Lambda functions an EventBridge rule on completed restore jobs invokes (the restore validator). */
export function restoreValidators(template: EvidenceTemplate): Set<string> {
  const ids = new Set<string>();
  for (const r of Object.values(template.Resources ?? {})) {
    if (r.Type !== 'AWS::Events::Rule' || !isRestoreCompleted(r)) continue;
    for (const t of props(r).Targets ?? []) {
      const id = target(t.Arn);
      if (id && template.Resources?.[id]?.Type === 'AWS::Lambda::Function') ids.add(id);
    }
  }
  return ids;
}
/** An EventBridge rule on completed restore jobs. */
export const isRestoreCompleted = (r: TemplateResource) =>
  [eventPattern(r)['detail-type']].flat().includes('Restore Job State Change') && [eventPattern(r).detail?.status].flat().includes('COMPLETED');
