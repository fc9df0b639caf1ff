import { Aspects, Stage, Tags, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RetainStatefulResources } from '../aspects/retain-stateful';
import type { EnvironmentConfig } from '../config/schema';
import { AlertingStack } from '../stacks/alerting-stack';
import { BackupDrStack, drVaultName } from '../stacks/backup-dr-stack';
import { BackupStack } from '../stacks/backup-stack';
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
  public readonly backup: BackupStack;
  /** The disaster-recovery vault's stack, when the environment names a `backup.drRegion`. */
  public readonly backupDr?: BackupDrStack;

  constructor(scope: Construct, props: EnvironmentStageProps) {
    const { config, ...rest } = props;
    super(scope, config.name, { ...rest, env: { account: config.account, region: config.region } });

    this.alerting = new AlertingStack(this, 'Alerting', { config });
    this.network = new NetworkStack(this, 'Network', { config });
    const { drRegion } = config.backup;
    if (drRegion) this.backupDr = new BackupDrStack(this, 'BackupDr', { config, region: drRegion });
    this.backup = new BackupStack(this, 'Backup', {
      config,
      alerts: this.alerting.topics,
      vpc: this.network.network.vpc,
      drVault: drRegion ? { region: drRegion, vaultName: drVaultName(config.name) } : undefined,
    });
    if (this.backupDr) this.backup.addDependency(this.backupDr, 'the plan copies to the DR vault, addressed by name');

    Tags.of(this).add('Environment', config.name);
    Tags.of(this).add('Project', 'saas-security-baseline');
    Aspects.of(this).add(new RetainStatefulResources());
  }
}
