import type { App } from 'aws-cdk-lib';
import type { PipelineConfig } from './config/pipeline';
import type { EnvironmentConfig } from './config/schema';
import { registerCompliancePacks } from './nag/packs';
import { PipelineStack } from './stacks/pipeline-stack';
import { EnvironmentStage } from './stages/environment-stage';

/** Options of {@link buildBaseline}. */
export interface BuildOptions {
  /**
   * Run the compliance packs on synthesis.
   * @default true - only the benchmark's floor measurement turns them off
   */
  readonly compliancePacks?: boolean;
  /**
   * The delivery pipeline settings.
   * @default - no pipeline: stages are deployed with `cdk deploy`
   */
  readonly pipeline?: PipelineConfig;
}

/**
 * Adds one stage per environment to the app, and the compliance packs. The only entry point of
 * the construct tree: `bin/app.ts`, the tests and the benchmark all build the app through it.
 */
export function buildBaseline(app: App, envs: readonly EnvironmentConfig[], options: BuildOptions = {}): EnvironmentStage[] {
  const stages = envs.map((config) => new EnvironmentStage(app, { config }));
  if (options.compliancePacks ?? true) registerCompliancePacks(app, stages.map((stage) => ({ stage, shieldAdvanced: stage.config.edge.shieldAdvanced })));
  if (options.pipeline?.enabled) {
    new PipelineStack(app, 'Pipeline', { pipeline: options.pipeline, environments: stages.map((stage, i) => ({ stage, config: envs[i] })) });
  }
  return stages;
}
