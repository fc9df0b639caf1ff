/**
 * Small helpers the weakening fixtures edit templates with: resources are found by type and
 * property, never by logical ID, so a fixture survives a rename; every finder throws when it
 * finds nothing, so a fixture never passes by editing nothing.
 */
import type { Templates } from './types';

/** One resource of the template set, edited in place through `resource`. */
export interface Found {
  /** `stage/stack`. */
  readonly stack: string;
  readonly logicalId: string;
  readonly resource: Record<string, any>;
  /** The resource's Properties (created when absent, so a fixture can set one). */
  readonly props: Record<string, any>;
}

/**
 * Where a template set may say which resource types each stack holds (`Map<stack, Set<type>>`),
 * so that finding a type reads only the stacks that hold it: the harness copies a stack only when
 * a fixture reads it. A set without it is searched whole.
 */
export const STACK_TYPES: unique symbol = Symbol('stack resource types');

type Where = (props: Record<string, any>, resource: Record<string, any>) => boolean;

/** The resources of `type` that `where` accepts, stack by stack (production first, as a reviewer reads a diff). */
function* scan(templates: Templates, type: string, where: Where): Generator<Found> {
  const index = (templates as { [STACK_TYPES]?: ReadonlyMap<string, ReadonlySet<string>> })[STACK_TYPES];
  const stacks = Object.keys(templates).sort((a, b) => Number(b.startsWith('production/')) - Number(a.startsWith('production/')) || a.localeCompare(b));
  for (const stack of stacks) {
    if (index?.get(stack)?.has(type) === false) continue;
    for (const [logicalId, resource] of Object.entries<Record<string, any>>(templates[stack].Resources ?? {})) {
      if (resource.Type !== type) continue;
      const props = resource.Properties ?? {};
      if (!where(props, resource)) continue;
      resource.Properties = props;
      yield { stack, logicalId, resource, props };
    }
  }
}

/** Every resource of `type` that `where` accepts. Throws when there is none, naming what was looked for. */
export function resources(templates: Templates, type: string, where: Where = () => true, what = type): Found[] {
  const found = [...scan(templates, type, where)];
  if (found.length === 0) throw new Error(`no ${what} in the templates to edit`);
  return found;
}

/** The first resource {@link resources} would find (reading no stack after it). */
export function first(templates: Templates, type: string, where: Where = () => true, what = type): Found {
  for (const found of scan(templates, type, where)) return found;
  throw new Error(`no ${what} in the templates to edit`);
}

/** Removes a resource from its template. */
export function remove(templates: Templates, found: Found): void {
  delete templates[found.stack].Resources[found.logicalId];
}

/** Adds a resource to the template of `stack` under a logical ID no resource has yet. */
export function add(templates: Templates, stack: string, logicalId: string, resource: Record<string, any>): void {
  const existing = templates[stack].Resources;
  if (logicalId in existing) throw new Error(`${stack} already has a resource ${logicalId}`);
  existing[logicalId] = resource;
}

/** Adds or replaces one tag of a resource: a change no control reads. */
export function tag(found: Found, key = 'review', value = 'weakening-fixture'): void {
  const tags: Array<{ Key: string; Value: string }> = (found.props.Tags ??= []);
  const existing = tags.find((t) => t.Key === key);
  if (existing) existing.Value = value;
  else tags.push({ Key: key, Value: value });
}

/** Removes a property, throwing when it was not there. */
export function unset(found: Found, key: string): void {
  if (!(key in found.props)) throw new Error(`${found.stack}/${found.logicalId} has no ${key} to remove`);
  delete found.props[key];
}

/** A load balancer attribute entry (`access_logs.s3.enabled`), throwing when absent. */
export function lbAttribute(found: Found, key: string): { Key: string; Value: string } {
  const entry = (found.props.LoadBalancerAttributes ?? []).find((a: { Key: string }) => a.Key === key);
  if (!entry) throw new Error(`${found.stack}/${found.logicalId} has no load balancer attribute ${key}`);
  return entry;
}

/** Removes one tag of a resource, throwing when it has none by that key. */
export function untag(found: Found, key: string): void {
  const tags: Array<{ Key: string }> = found.props.Tags ?? [];
  const index = tags.findIndex((t) => t.Key === key);
  if (index < 0) throw new Error(`${found.stack}/${found.logicalId} has no tag ${key}`);
  tags.splice(index, 1);
}

/** The value of one tag of a resource, if it has it. */
export function tagValue(props: Record<string, any>, key: string): string | undefined {
  return Array.isArray(props.Tags) ? props.Tags.find((t: { Key: string }) => t.Key === key)?.Value : undefined;
}

/** `true` for CloudFormation's spellings of true in a template. */
export const isTrueish = (v: unknown) => v === true || v === 'true';
