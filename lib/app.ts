import type { App } from 'aws-cdk-lib';
import type { EnvironmentConfig } from './config/schema';
import { registerCompliancePacks } from './nag/packs';
import { EnvironmentStage } from './stages/environment-stage';

/** Options of {@link buildBaseline}. */
export interface BuildOptions {
  /**
   * Run the compliance packs on synthesis.
   * @default true - only the benchmark's floor measurement turns them off
   */
  readonly compliancePacks?: boolean;
}

/**
 * Adds one stage per environment to the app, and the compliance packs. The only entry point of
 * the construct tree: `bin/app.ts`, the tests and the benchmark all build the app through it.
 */
export function buildBaseline(app: App, envs: readonly EnvironmentConfig[], options: BuildOptions = {}): EnvironmentStage[] {
  const stages = envs.map((config) => new EnvironmentStage(app, { config }));
  if (options.compliancePacks ?? true) registerCompliancePacks(app, stages);
  return stages;
}
