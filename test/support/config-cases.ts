/**
 * Helpers for the bad-input tables of `test/config-<area>.test.ts`: change one sample
 * environment, and read the error lines the loader reports.
 */
import { ENVIRONMENTS } from '../../lib/config/environments';
import { ConfigError, loadEnvironments } from '../../lib/config/load';
import type { EnvironmentInput } from '../../lib/config/schema';

/** A deep copy of the sample environments with `change` applied to one of them. */
export function withChange(env: 'staging' | 'production', change: (e: any) => void): Record<string, EnvironmentInput> {
  const copy = structuredClone(ENVIRONMENTS);
  change(copy[env]);
  return copy;
}

/** The error lines of a config that must fail. */
export function issuesOf(table: Record<string, unknown>): readonly string[] {
  try {
    loadEnvironments(table);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected the configuration to fail');
}
