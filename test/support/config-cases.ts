/**
 * Helpers of the config validation tables (`test/config-<area>.test.ts`): copy the sample
 * environments with one change, and read the error lines of a configuration that must fail.
 */
import { ENVIRONMENTS } from './fixture';
import { ConfigError, loadEnvironments } from '../../lib/config/load';
import type { EnvironmentInput } from '../../lib/config/schema';

/** A deep copy of the sample environments with `change` applied to one of them. */
export function withChange(env: 'staging' | 'production', change: (e: any) => void): Record<string, EnvironmentInput> {
  const copy = structuredClone(ENVIRONMENTS);
  change(copy[env]);
  return copy;
}

/** The error lines of a config that must fail; throws when it loads. */
export function issuesOf(table: Record<string, unknown>): readonly string[] {
  try {
    loadEnvironments(table);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected the configuration to fail');
}
