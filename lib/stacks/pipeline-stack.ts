import { Stack, type Stage } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { PipelineConfig } from '../config/pipeline';
import type { EnvironmentConfig } from '../config/schema';
import { DeliveryPipeline } from '../constructs/delivery/delivery-pipeline';

/** Props of {@link PipelineStack}. */
export interface PipelineStackProps {
  readonly pipeline: PipelineConfig;
  /** The environment stages, with their configs, in deployment order. */
  readonly environments: ReadonlyArray<{ readonly stage: Stage; readonly config: EnvironmentConfig }>;
}

/**
 * The delivery pipeline, in the tooling account. Deploys non-production environments first and
 * every production environment only after a manual approval.
 */
export class PipelineStack extends Stack {
  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, {
      env: { account: props.pipeline.account, region: props.pipeline.region },
      terminationProtection: true,
      description: 'Delivery pipeline: test, staging, approval, production',
    });
    const ordered = [...props.environments].sort((a, b) => Number(a.config.tier === 'production') - Number(b.config.tier === 'production'));
    const production = props.environments.find((e) => e.config.tier === 'production');
    new DeliveryPipeline(this, 'Delivery', {
      repository: props.pipeline.repository,
      branch: props.pipeline.branch,
      connectionArn: props.pipeline.connectionArn,
      targets: ordered.map((e) => ({ stage: e.stage, requireApproval: e.config.tier === 'production' })),
      logRetentionDays: production?.config.logs.retentionDays ?? 365,
    });
  }
}
