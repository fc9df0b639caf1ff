import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { FARGATE_TASK_SIZES } from '../../aws-facts/fargate';
import { acknowledge } from '../../nag/acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { SecureLogGroup } from '../common/secure-log-group';
import { personalDataProtectionPolicy } from './personal-data-policy';

/** Props of {@link FargateWorkload}. */
export interface FargateWorkloadProps {
  /** The VPC; tasks run in its private (egress-only) subnets, in every zone. */
  readonly vpc: ec2.IVpc;
  /** The tasks' security group; the load balancer's access is added by its target group. */
  readonly securityGroup: ec2.ISecurityGroup;
  /** Image reference, e.g. `public.ecr.aws/nginx/nginx-unprivileged:stable-alpine`. */
  readonly containerImage: string;
  /**
   * The user the container runs as (`user` of the container definition): a UID, `UID:GID` or a
   * name the image knows. Never root (`0`, `root`, `0:<gid>`, `root:<group>`): a process that
   * escapes the application then holds no root in the container (CT.ECS.PR.3).
   */
  readonly containerUser: string;
  /** Port the container serves HTTP on. */
  readonly containerPort: number;
  /** Path the load balancer's health check requests. */
  readonly healthCheckPath: string;
  /** Task CPU units; with `memoryMiB`, a combination Fargate supports. */
  readonly cpu: number;
  /** Task memory in MiB. */
  readonly memoryMiB: number;
  /** Number of tasks. */
  readonly desiredCount: number;
  /**
   * Paths mounted from task ephemeral storage, the only writable places: the root filesystem
   * is read-only.
   * @default - none; the container cannot write anywhere
   */
  readonly writablePaths?: readonly string[];
  /** Key of the application log group; its policy must let CloudWatch Logs use it. */
  readonly logKey: kms.IKey;
  /** Days to keep application logs. */
  readonly logRetentionDays: number;
  /**
   * Name of the ECS cluster. Fixed, so that the Container Insights performance log group
   * (`/aws/ecs/containerinsights/<name>/performance`) can be created, encrypted and retained here
   * before ECS would create it unencrypted. **CAUTION**: changing it replaces the cluster and the
   * service.
   * @default - `<stack name>-<construct id>`
   */
  readonly clusterName?: string;
}

/**
 * Accounts that host the GuardDuty runtime agent for Fargate (`aws-guardduty-agent-fargate`), by
 * region. https://docs.aws.amazon.com/guardduty/latest/ug/ecs-runtime-agent-ecr-image-uri.html
 */
export const GUARDDUTY_FARGATE_AGENT_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '593207742271',
  'us-east-2': '307168627858',
  'us-west-1': '684579721401',
  'us-west-2': '733349766148',
  'ca-central-1': '354763396469',
  'sa-east-1': '758426053663',
  'eu-west-1': '694911143906',
  'eu-west-2': '892757235363',
  'eu-west-3': '665651866788',
  'eu-central-1': '323658145986',
  'eu-central-2': '529164026651',
  'eu-north-1': '591436053604',
  'me-central-1': '000014521398',
  'ap-south-1': '251508486986',
  'ap-south-2': '950823858135',
  'ap-southeast-1': '174946120834',
  'ap-southeast-2': '005257825471',
};

/** The ECR repository GuardDuty's Fargate agent sidecar is pulled from in `region`. */
export function guardDutyAgentRepositoryArn(partition: string, region: string): string {
  const account = GUARDDUTY_FARGATE_AGENT_ACCOUNTS[region];
  if (account === undefined) {
    throw new Error(
      `GuardDuty Fargate agent: no repository account known for region "${region}"; add it to GUARDDUTY_FARGATE_AGENT_ACCOUNTS from https://docs.aws.amazon.com/guardduty/latest/ug/ecs-runtime-agent-ecr-image-uri.html`,
    );
  }
  return `arn:${partition}:ecr:${region}:${account}:repository/aws-guardduty-agent-fargate`;
}

/**
 * Linux capabilities the container does not need: raw sockets, device files, chroot, audit
 * writes and capability changes. Fargate can only drop capabilities (never add beyond
 * SYS_PTRACE), and nginx's master needs SETUID/SETGID/CHOWN/KILL to run its workers, so the set is
 * not `ALL`. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html
 */
/** Every capability Docker grants a container by default. */
const ALL_CAPABILITIES: readonly ecs.Capability[] = [
  ecs.Capability.AUDIT_WRITE,
  ecs.Capability.CHOWN,
  ecs.Capability.DAC_OVERRIDE,
  ecs.Capability.FOWNER,
  ecs.Capability.FSETID,
  ecs.Capability.KILL,
  ecs.Capability.MKNOD,
  ecs.Capability.NET_BIND_SERVICE,
  ecs.Capability.NET_RAW,
  ecs.Capability.SETFCAP,
  ecs.Capability.SETGID,
  ecs.Capability.SETPCAP,
  ecs.Capability.SETUID,
  ecs.Capability.SYS_CHROOT,
];

/** Hard memory limit of the volume-preparing container: `chown` needs a few MiB. */
const PREPARE_MEMORY_MIB = 32;

export const DROPPED_CAPABILITIES: readonly ecs.Capability[] = [
  ecs.Capability.NET_RAW,
  ecs.Capability.MKNOD,
  ecs.Capability.SYS_CHROOT,
  ecs.Capability.AUDIT_WRITE,
  ecs.Capability.SETFCAP,
  ecs.Capability.SETPCAP,
  ecs.Capability.FSETID,
];

/**
 * The workload tier (WL-PRIVATE-TASKS, WL-MULTI-AZ, WL-LEAST-PRIVILEGE, WL-MANAGED-COMPUTE,
 * LOG-NO-CLIENT-CONTENT): an ECS cluster with enhanced Container Insights and a Fargate service
 *
 * - in the private subnets of every zone, without public IPs, in the given security group;
 * - on the latest Fargate platform version (patched by AWS), with a deployment circuit breaker
 *   that rolls a failing deployment back;
 * - whose task and execution roles are {@link ManagedPolicyRole}s that only ECS tasks of this
 *   account can assume: the task role has no permissions until the application is granted some,
 *   the execution role may only write to the application log group and pull GuardDuty's runtime
 *   agent (public images need no registry permissions);
 * - with a read-only root filesystem, dropped capabilities, no environment variables (secrets
 *   belong in `secrets` from Secrets Manager), and logs in a KMS-encrypted log group that masks
 *   personal data;
 * - registered in an HTTP target group with a health check; the load balancer terminates TLS.
 */
export class FargateWorkload extends Construct {
  /** The service. */
  public readonly service: ecs.FargateService;
  /** The cluster. */
  public readonly cluster: ecs.Cluster;
  /** The target group the load balancer forwards to. */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The task definition. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The application log group. */
  public readonly logGroup: SecureLogGroup;
  /** Where Container Insights writes the cluster's performance events. */
  public readonly containerInsightsLogGroup: SecureLogGroup;

  constructor(scope: Construct, id: string, props: FargateWorkloadProps) {
    super(scope, id);
    validate(id, props);
    const stack = Stack.of(this);

    const clusterName = props.clusterName ?? `${stack.stackName}-${id}`;
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      clusterName,
      // Enhanced adds task- and container-level metrics to the service-level ones.
      containerInsightsV2: ecs.ContainerInsights.ENHANCED,
    });
    acknowledge(this.cluster, 'controlTowerEnhancedContainerInsights');
    // Container Insights writes its performance events to this group and creates it, unencrypted
    // and kept forever, if it does not exist (LOG-ENCRYPTED-RETAINED). It carries metrics of tasks
    // and containers, no request content.
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-reference-performance-logs-ECS.html
    this.containerInsightsLogGroup = new SecureLogGroup(this, 'ContainerInsightsLogs', {
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
      logGroupName: `/aws/ecs/containerinsights/${clusterName}/performance`,
    });
    this.cluster.node.addDependency(this.containerInsightsLogGroup);

    // Only ECS tasks of this account may assume the roles (confused-deputy protection).
    const ecsTasks = () =>
      new iam.ServicePrincipal('ecs-tasks.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'ecs', resource: '*' }) },
        },
      });
    const taskRole = new ManagedPolicyRole(this, 'TaskRole', {
      assumedBy: ecsTasks(),
      description: 'Application identity of the workload tasks: no permissions until granted',
    });
    const executionRole = new ManagedPolicyRole(this, 'ExecutionRole', {
      assumedBy: ecsTasks(),
      description: 'Starts the workload tasks: image pull and log delivery only',
    });
    // GuardDuty runtime monitoring (MON-GUARDDUTY) adds its agent as a sidecar to every new task;
    // ECS pulls it from GuardDuty's private ECR repository with the execution role, so the role
    // must be able to read that one repository. GetAuthorizationToken has no resource type.
    // https://docs.aws.amazon.com/guardduty/latest/ug/prereq-runtime-monitoring-ecs-support.html
    executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
    executionRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
        resources: [guardDutyAgentRepositoryArn(stack.partition, stack.region)],
      }),
    );
    acknowledge(executionRole.node.findChild('GrantsPolicy'), 'guardDutyAgentPull');

    // The group may live in another stack (the network stack owns it so data stacks can admit it).
    // Rules the load balancer's connection adds to a group of another stack would land in that
    // stack and point back here, a cycle; a mutable import keeps every rule in this stack.
    const securityGroup =
      Stack.of(props.securityGroup) === stack
        ? props.securityGroup
        : ec2.SecurityGroup.fromSecurityGroupId(this, 'SecurityGroup', props.securityGroup.securityGroupId, { allowAllOutbound: false, mutable: true });
    // The tasks pull their image and reach AWS APIs over HTTPS through the NAT gateways (ECR Public
    // has no VPC endpoint); nothing else leaves them unless another stack grants it.
    securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to image registries and AWS APIs');

    const writablePaths = props.writablePaths ?? [];
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      cpu: props.cpu,
      memoryLimitMiB: props.memoryMiB,
      taskRole,
      executionRole,
      runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.LINUX, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
      // A volume without a host path is task ephemeral storage: writable, private to the task,
      // encrypted by Fargate, gone when the task stops.
      volumes: writablePaths.map((_, i) => ({ name: `writable-${i}` })),
    });

    this.logGroup = new SecureLogGroup(this, 'Logs', {
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
      dataProtectionPolicy: personalDataProtectionPolicy('Masks personal data and credentials in application logs (LOG-NO-CLIENT-CONTENT)'),
    });

    // One image object for the application and its writable-path preparation, so a private
    // repository is granted once.
    const image = containerImage(this, props.containerImage, stack.partition);
    const linuxParameters = new ecs.LinuxParameters(this, 'LinuxParameters', { initProcessEnabled: true });
    linuxParameters.dropCapabilities(...DROPPED_CAPABILITIES);
    const container = this.taskDefinition.addContainer('App', {
      image,
      essential: true,
      readonlyRootFilesystem: true,
      privileged: false,
      user: props.containerUser,
      // A hard limit per container (CT.ECS.PR.7): the application may use the task's memory and no
      // more; ECS stops the container, not the host's neighbours, when it exceeds it.
      memoryLimitMiB: props.memoryMiB,
      linuxParameters,
      portMappings: [{ containerPort: props.containerPort, protocol: ecs.Protocol.TCP, name: 'http' }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup.logGroup, streamPrefix: 'app' }),
    });
    const mounts = writablePaths.map((containerPath, i) => ({ sourceVolume: `writable-${i}`, containerPath, readOnly: false }));
    container.addMountPoints(...mounts);

    // ECS creates each ephemeral volume owned by root, mode 0755, unless the image declares the
    // path as a VOLUME (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html,
    // https://github.com/aws/containers-roadmap/issues/938), so the non-root application could not
    // write to it. A short-lived container of the same image hands the volumes to the application's
    // user and exits; the application starts only after it succeeded. It is the task's only root
    // process: no port, no secrets, every capability but CHOWN dropped, read-only root filesystem.
    if (mounts.length > 0) {
      const prepareParameters = new ecs.LinuxParameters(this, 'PrepareLinuxParameters');
      prepareParameters.dropCapabilities(...ALL_CAPABILITIES.filter((c) => c !== ecs.Capability.CHOWN));
      const prepare = this.taskDefinition.addContainer('PrepareWritablePaths', {
        image,
        essential: false,
        readonlyRootFilesystem: true,
        privileged: false,
        user: '0',
        memoryLimitMiB: PREPARE_MEMORY_MIB,
        entryPoint: ['chown'],
        command: [props.containerUser, ...writablePaths],
        linuxParameters: prepareParameters,
        logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup.logGroup, streamPrefix: 'prepare' }),
      });
      prepare.addMountPoints(...mounts);
      container.addContainerDependencies({ container: prepare, condition: ecs.ContainerDependencyCondition.SUCCESS });
      acknowledge(this.taskDefinition, 'workloadVolumeOwnerInit');
    }

    this.service = new ecs.FargateService(this, 'Resource', {
      cluster: this.cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: props.desiredCount,
      platformVersion: ecs.FargatePlatformVersion.LATEST,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      securityGroups: [securityGroup],
      circuitBreaker: { enable: true, rollback: true },
      // Never fewer healthy tasks than desired during a deployment.
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(60),
      enableExecuteCommand: false,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
    });

    this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'TargetGroup', {
      vpc: props.vpc,
      targetType: elbv2.TargetType.IP,
      // TLS ends at the load balancer; the hop to the task stays inside the VPC, between two
      // security groups that only admit each other.
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: props.containerPort,
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        enabled: true,
        path: props.healthCheckPath,
        healthyHttpCodes: '200-399',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });
    // Registers the tasks and, once a listener uses the group, opens the load balancer's security
    // group to the tasks' on the container port (and only that).
    this.service.attachToApplicationTargetGroup(this.targetGroup);
  }
}

function validate(id: string, props: FargateWorkloadProps): void {
  const fail = (prop: string, value: unknown, allowed: string) => {
    throw new Error(`FargateWorkload ${id}: ${prop} ${allowed}; got ${JSON.stringify(value)}`);
  };
  const memories = FARGATE_TASK_SIZES[props.cpu];
  if (!Token.isUnresolved(props.cpu) && memories === undefined) fail('cpu', props.cpu, `must be one of ${Object.keys(FARGATE_TASK_SIZES).join(', ')}`);
  if (memories && !Token.isUnresolved(props.memoryMiB) && !memories.includes(props.memoryMiB)) {
    fail('memoryMiB', props.memoryMiB, `must be a size Fargate runs with ${props.cpu} CPU units (${memories.join(', ')})`);
  }
  if (!Token.isUnresolved(props.desiredCount) && (!Number.isInteger(props.desiredCount) || props.desiredCount < 1)) fail('desiredCount', props.desiredCount, 'must be at least 1');
  if (!Token.isUnresolved(props.containerPort) && (props.containerPort < 1 || props.containerPort > 65535)) fail('containerPort', props.containerPort, 'must be 1 to 65535');
  for (const p of props.writablePaths ?? []) if (!p.startsWith('/')) fail('writablePaths', p, 'must hold absolute paths');
  if (!Token.isUnresolved(props.containerUser) && isRootUser(props.containerUser)) fail('containerUser', props.containerUser, 'must not be root (0, root, 0:<gid> or root:<group>)');
}

/** True for the user strings that run a container as root (the patterns of CT.ECS.PR.3). */
export function isRootUser(user: string): boolean {
  return /^(0|root)(:.*)?$/.test(user.trim());
}

/**
 * The container image of a reference: a private ECR image (`<account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag|@digest]`,
 * of this account or another whose repository policy admits it) through its repository, so the
 * execution role is granted pulls from that one repository; any other registry by name (public
 * images need no permission).
 */
function containerImage(scope: Construct, image: string, partition: string): ecs.ContainerImage {
  const m = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._\/-]+?)(?::([\w.-]+)|@(sha256:[0-9a-f]{64}))?$/.exec(image);
  if (!m) return ecs.ContainerImage.fromRegistry(image);
  const [, account, region, repositoryName, tag, digest] = m;
  const repository = ecr.Repository.fromRepositoryAttributes(scope, 'ImageRepository', {
    repositoryName,
    repositoryArn: `arn:${partition}:ecr:${region}:${account}:repository/${repositoryName}`,
  });
  return ecs.ContainerImage.fromEcrRepository(repository, digest ?? tag ?? 'latest');
}
