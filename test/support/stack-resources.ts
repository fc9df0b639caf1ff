/**
 * Lookups of resources by type inside one synthesized stack, for the assertion tests.
 */
import { templateJson } from './synth';

/** Resources of one CloudFormation type in a stack, as `[logicalId, resource]` pairs. */
export function resourcesOfType(env: string, stackId: string, type: string): Array<[string, any]> {
  return Object.entries<any>(templateJson(env, stackId).Resources ?? {}).filter(([, r]) => r.Type === type);
}

/** The one resource of a type in a stack; fails the test when there are none or several. */
export function onlyResourceOfType(env: string, stackId: string, type: string): [string, any] {
  const found = resourcesOfType(env, stackId, type);
  if (found.length !== 1) throw new Error(`expected exactly one ${type} in ${env}/${stackId}, found ${found.length}: ${found.map(([id]) => id).join(', ')}`);
  return found[0];
}
