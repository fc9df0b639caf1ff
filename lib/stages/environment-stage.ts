import { Aspects, Stage, Tags, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RetainStatefulResources } from '../aspects/retain-stateful';
import type { EnvironmentConfig } from '../config/schema';
import { AlertingStack } from '../stacks/alerting-stack';
import { IdentityStack } from '../stacks/identity-stack';
import { NetworkStack } from '../stacks/network-stack';

/** Props of {@link EnvironmentStage}. */
export interface EnvironmentStageProps extends Omit<StageProps, 'env'> {
  /** The validated environment. */
  readonly config: EnvironmentConfig;
}

/**
 * One environment (staging or production): every stack of the baseline, in dependency order.
 * The stage composes and wires; constructs carry the controls.
 */
export class EnvironmentStage extends Stage {
  public readonly alerting: AlertingStack;
  public readonly network: NetworkStack;
  public readonly identity: IdentityStack;

  constructor(scope: Construct, props: EnvironmentStageProps) {
    const { config, ...rest } = props;
    super(scope, config.name, { ...rest, env: { account: config.account, region: config.region } });

    this.alerting = new AlertingStack(this, 'Alerting', { config });
    this.network = new NetworkStack(this, 'Network', { config });
    this.identity = new IdentityStack(this, 'Identity', { config, alerting: this.alerting });

    Tags.of(this).add('Environment', config.name);
    Tags.of(this).add('Project', 'saas-security-baseline');
    Aspects.of(this).add(new RetainStatefulResources());
  }
}
