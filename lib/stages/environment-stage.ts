import { Aspects, Stage, Tags, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RetainStatefulResources } from '../aspects/retain-stateful';
import { dataStackId } from '../config/data-layout';
import type { EnvironmentConfig } from '../config/schema';
import { AccountBaselineStack } from '../stacks/account-baseline-stack';
import { AlertingStack } from '../stacks/alerting-stack';
import { DataStack } from '../stacks/data-stack';
import { GlobalEventsStack } from '../stacks/global-events-stack';
import { GLOBAL_EVENTS_REGION } from '../aws-facts/global-events';
import { BackupDrStack, drVaultName } from '../stacks/backup-dr-stack';
import { BackupStack } from '../stacks/backup-stack';
import { IdentityStack } from '../stacks/identity-stack';
import { NetworkStack } from '../stacks/network-stack';
import { WorkloadStack } from '../stacks/workload-stack';

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
  /** The validated environment this stage deploys. */
  public readonly config: EnvironmentConfig;
  public readonly alerting: AlertingStack;
  public readonly network: NetworkStack;
  /** The account-wide security services; absent where the organisation runs them. */
  public readonly accountBaseline?: AccountBaselineStack;
  public readonly workload: WorkloadStack;
  /** The data stacks (`Data1`, `Data2`, ...), one per shard named in `config.data.tenants`. */
  public readonly data: readonly DataStack[];
  public readonly backup: BackupStack;
  /** The disaster-recovery vault's stack, when the environment names a `backup.drRegion`. */
  public readonly backupDr?: BackupDrStack;
  public readonly identity: IdentityStack;
  /**
   * The us-east-1 rules forwarding root sign-ins and break-glass assumptions home; absent when
   * `alerts.forwardGlobalEvents` is off or the home region is us-east-1 itself.
   */
  public readonly globalEvents?: GlobalEventsStack;

  constructor(scope: Construct, props: EnvironmentStageProps) {
    const { config, ...rest } = props;
    super(scope, config.name, { ...rest, env: { account: config.account, region: config.region } });
    this.config = config;

    this.alerting = new AlertingStack(this, 'Alerting', { config });
    this.network = new NetworkStack(this, 'Network', { config });
    if (config.accountBaseline.enabled) {
      this.accountBaseline = new AccountBaselineStack(this, 'AccountBaseline', {
        config,
        securityTopic: this.alerting.topics.security,
        operationsTopic: this.alerting.topics.operations,
      });
    }
    this.workload = new WorkloadStack(this, 'Workload', {
      config,
      vpc: this.network.network.vpc,
      workloadSecurityGroup: this.network.workloadSecurityGroup,
      topics: this.alerting.topics,
    });
    if (this.accountBaseline) {
      // GuardDuty injects its runtime agent (ECS_FARGATE_AGENT_MANAGEMENT) only into tasks
      // started after Runtime Monitoring is on; tasks started before it run unmonitored until
      // they are replaced. "Adding Runtime Monitoring to existing Amazon ECS Fargate tasks",
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-guard-duty-configure-automatic-existing-tasks.html
      this.workload.addStackDependency(this.accountBaseline, 'GuardDuty Runtime Monitoring must be on before the first tasks start');
    }
    const shards = [...new Set(config.data.tenants.map((t) => t.shard))].sort((a, b) => a - b);
    this.data = shards.map(
      (shard) =>
        new DataStack(this, dataStackId(shard), {
          config,
          shard,
          tenants: config.data.tenants.filter((t) => t.shard === shard),
          vpc: this.network.network.vpc,
          workloadSecurityGroup: this.network.workloadSecurityGroup,
          operationsTopic: this.alerting.topics.operations,
        }),
    );
    const { drRegion } = config.backup;
    if (drRegion) this.backupDr = new BackupDrStack(this, 'BackupDr', { config, region: drRegion });
    this.backup = new BackupStack(this, 'Backup', {
      config,
      alerts: this.alerting.topics,
      vpc: this.network.network.vpc,
      drVault: drRegion ? { region: drRegion, vaultName: drVaultName(config.name) } : undefined,
    });
    // The recovery-point Config rules need the configuration recorder of the account baseline.
    if (this.accountBaseline) this.backup.addStackDependency(this.accountBaseline, 'the recovery-point AWS Config rules need the configuration recorder');
    if (this.backupDr) this.backup.addStackDependency(this.backupDr, 'the plan copies to the DR vault, addressed by name');
    this.identity = new IdentityStack(this, 'Identity', { config, alerting: this.alerting });
    if (config.alerts.forwardGlobalEvents && config.region !== GLOBAL_EVENTS_REGION) {
      this.globalEvents = new GlobalEventsStack(this, 'GlobalEvents', { config });
    }

    // Listeners stay untagged: the CloudFormation schema cfn-lint 1.51 validates against has no
    // Tags on AWS::ElasticLoadBalancingV2::Listener (E3002), no control reads listener tags, and
    // the load balancer that owns them carries both (docs/checks.md).
    const untagged = { excludeResourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'] };
    Tags.of(this).add('Environment', config.name, untagged);
    Tags.of(this).add('Project', 'saas-security-baseline', untagged);
    Aspects.of(this).add(new RetainStatefulResources());
  }
}
