import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { SaasBaselineChecks } from './saas-baseline-checks';

/**
 * Registers the compliance packs every environment must pass. Findings fail synthesis; the only
 * way past one is a per-construct acknowledgement from `acknowledgements.ts`.
 *
 * On the app:
 * - AwsSolutions: AWS Solutions' security matrix, the broadest general pack.
 * - NIST 800-53 rev 5 and HIPAA Security: the control frameworks customers' auditors ask for.
 * - PCI DSS 3.2.1: seed 000 names PCI DSS.
 * - Serverless: dead-letter queues on EventBridge targets and SNS subscriptions, Lambda runtime,
 *   tracing and failure destinations; an alert whose delivery fails must not vanish
 *   (INC-ALERT-DELIVERY).
 *
 * On each environment's stage, because some of its rules follow the environment's config:
 * - SaasBaseline: this project's own rules for the seed controls no published pack checks
 *   (see `saas-baseline-checks.ts` and docs/rule-pack.md).
 */
/** An environment's stage, and the setting of the own pack that follows its configuration. */
export interface PackedStage {
  readonly stage: Construct;
  /** The environment subscribes to AWS Shield Advanced (`edge.shieldAdvanced`). */
  readonly shieldAdvanced: boolean;
}

export function registerCompliancePacks(app: Construct, stages: readonly PackedStage[]): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new NIST80053R5Checks(app),
    new PCIDSS321Checks(app),
    new HIPAASecurityChecks(app),
    new ServerlessChecks(app),
  );
  for (const { stage, shieldAdvanced } of stages) {
    Validations.of(stage).addPlugins(new SaasBaselineChecks(stage, { shieldAdvanced }));
  }
}
