/**
 * The one in-process synthesis recipe shared by the scripts and the tests: the feature flags of
 * cdk.json (as the CLI would pass them), no CDK template validation (cdk-nag is the gate), no
 * stack traces in the metadata, and
 * findings kept in the assembly's validation report instead of stopping the synthesis, so the
 * caller decides what an open finding means.
 */
import { App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildBaseline, type BuildOptions } from './app';
import { useCdkJsonContext } from './cdk-json-context';
import type { EnvironmentConfig } from './config/schema';
import type { EnvironmentStage } from './stages/environment-stage';

/** Options of {@link synthesize}. */
export interface SynthesisOptions extends BuildOptions {
  /** Where the assembly is written. */
  readonly outdir: string;
  /**
   * Stop the synthesis on an open finding, as `cdk synth` does.
   * @default false - findings are left in the assembly's validation-report.json
   */
  readonly failOnFindings?: boolean;
}

/** A synthesized app. */
export interface Synthesis {
  readonly app: App;
  readonly stages: EnvironmentStage[];
  readonly assembly: CloudAssembly;
}

/** Builds the baseline for `envs` and synthesizes it into `options.outdir`. */
export function synthesize(envs: readonly EnvironmentConfig[], options: SynthesisOptions): Synthesis {
  useCdkJsonContext();
  const app = new App({
    outdir: options.outdir,
    builtinCloudFormationValidation: false,
    context: {
      '@aws-cdk/core:failSynthOnValidationErrors': options.failOnFindings ?? false,
      // No creation or annotation stack traces in the assembly's metadata, as `npx cdk synth`
      // without --debug (bin/run.cjs): nothing reads them, and each costs a stack walk.
      'aws:cdk:disable-creation-stack-traces': true,
      'aws:cdk:disable-stack-trace': true,
    },
  });
  const stages = buildBaseline(app, envs, options);
  return { app, stages, assembly: app.synth() };
}
