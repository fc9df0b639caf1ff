/**
 * Acknowledgements of the Fargate workload (lib/constructs/workload/): the GuardDuty agent pull,
 * Container Insights in its enhanced mode, and the root init container that only hands the
 * writable volumes to the application's user.
 */
import type { Acknowledgement } from './entry';

export const WORKLOAD_ACKNOWLEDGEMENTS = {
  /** The workload execution role's pull of GuardDuty's runtime agent (FargateWorkload). */
  guardDutyAgentPull: [
    {
      rule: 'AwsSolutions-IAM5[Resource::*]',
      control: 'MON-GUARDDUTY',
      reason:
        'ecr:GetAuthorizationToken has no resource type (the token is per account and region), so IAM accepts only "*"; it grants no image by itself: ' +
        'the layer and image reads are limited to GuardDuty\'s aws-guardduty-agent-fargate repository, which ECS pulls with this role to add the runtime-monitoring sidecar.',
    },
  ],
  /** The workload's ECS cluster (Container Insights with enhanced observability). */
  controlTowerEnhancedContainerInsights: [
    {
      // The rule accepts only containerInsights = "enabled"; it predates "enhanced".
      rule: 'CT.ECS.PR.2',
      control: 'MON-OPERATIONAL-ALARMS',
      reason:
        'Container Insights is on in its enhanced mode, which the rule (it reads only the value "enabled") does not know: enhanced "provides all the Container Insights metrics, ' +
        'plus additional task and container metrics" (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterSetting.html). Setting "enabled" would drop the container-level metrics.',
    },
  ],
  /** The workload task definition: its one root container only hands the writable volumes to the application's user. */
  workloadVolumeOwnerInit: [
    {
      rule: 'CT.ECS.PR.3',
      control: 'WL-LEAST-PRIVILEGE',
      reason:
        'The application container runs as workload.containerUser, never root (config and construct reject root; a test asserts it). The rule also reads the ' +
        'non-essential PrepareWritablePaths container, which must be root to chown the ephemeral volumes ECS creates root-owned 0755 ' +
        '(https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html): it runs only `chown <user> <paths>` and exits before the application starts, ' +
        'with no port, no secrets, a read-only root filesystem and every capability but CHOWN dropped.',
    },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;
