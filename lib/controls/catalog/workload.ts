import { FargateWorkload } from '../../constructs/workload/fargate-workload';
import { ranked } from '../diff-builders';
import { WL_LEAST_PRIVILEGE_RULES, WL_MANAGED_COMPUTE_RULES, WL_MULTI_AZ_RULES } from '../diff-rules-area-a';
import { DATA_STACK, isTenant, props } from '../evidence-predicates';
import type { Control } from '../types';

/*
 * Workload controls (area 'workload'): the ECS Fargate tier behind the load balancer: private
 * tasks, spread across zones, least-privilege roles, no self-managed servers. The workload
 * stack builds them.
 */
export const WORKLOAD_CONTROLS: readonly Control[] = [
  // Workload tier.
  {
    id: 'WL-PRIVATE-TASKS',
    statement:
      'Workload tasks run in private subnets without public IPs and accept traffic only from the load balancer.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All of our servers are within our own virtual private cloud (VPC)',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Only a small number of production servers and network protocols are accessible from the internet.',
      },
    ],
    kind: 'enforced',
    area: 'workload',
    status: 'implemented',
    enforcement:
      "FargateWorkload: ECS Fargate service in PRIVATE_WITH_EGRESS subnets with AssignPublicIp DISABLED and the network stack's workload security group, whose only ingress is the container port from the ALB security group (rule in the workload stack); egress only TCP 443 (image pull and AWS APIs, rule in the workload stack) and DATABASE_PORT to each data stack's database security group (rule in that data stack).",
    detectors: {
      securityHub: ['ECS.2'],
    },
    enforcedBy: [FargateWorkload],
    evidence: {
      what: 'ECS services without public IPs',
      select: [{ types: ['AWS::ECS::Service'], where: (r) => props(r).NetworkConfiguration?.AwsvpcConfiguration?.AssignPublicIp === 'DISABLED' }],
    },
    diff: {
      rules: [
        ranked(['AWS::ECS::Service'], ['Properties', 'NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'], 'AssignPublicIp', ['ENABLED', 'DISABLED'], 'DISABLED'),
      ],
    },
  },
  {
    id: 'WL-MULTI-AZ',
    statement:
      'The workload service runs several tasks spread across the configured availability zones and survives the loss of one zone or one task.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'tolerant to failures of individual servers as well as entire data centers',
      },
    ],
    kind: 'enforced',
    area: 'workload',
    status: 'implemented',
    enforcement:
      'FargateWorkload: DesiredCount from config workload.desiredCount (at least one per zone in production, validated) over private subnets in every zone, deployment circuit breaker with rollback, minimum healthy 100 %, and the ALB target group health check on workload.healthCheckPath.',
    detectors: {
      none: 'No managed detector checks the zones of running tasks; the RunningTaskCount and UnHealthyHostCount alarms (MON-OPERATIONAL-ALARMS) page when tasks are lost.',
    },
    enforcedBy: [FargateWorkload],
    evidence: { what: 'the ECS service and its health-checked target group', select: [{ types: ['AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::TargetGroup'] }] },
    diff: { rules: WL_MULTI_AZ_RULES },
  },
  {
    id: 'WL-LEAST-PRIVILEGE',
    statement:
      'The task and execution roles grant only the actions and resources the service needs, and neither grants * on *.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All access to our infrastructure is based on the principle of least privilege.',
      },
    ],
    kind: 'enforced',
    area: 'workload',
    status: 'implemented',
    enforcement:
      'FargateWorkload: task and execution roles are ManagedPolicyRoles trusted only by ecs-tasks.amazonaws.com with aws:SourceAccount and aws:SourceArn conditions; the task role has no permissions until the application is granted some, the execution role may only logs:CreateLogStream/PutLogEvents on the application log group and pull GuardDuty\'s Fargate runtime agent (ecr:BatchCheckLayerAvailability/GetDownloadUrlForLayer/BatchGetImage on that one repository, plus ecr:GetAuthorizationToken, which has no resource type); the container runs with a read-only root filesystem, dropped capabilities and no environment variables. A test fails on Action "*" in the workload stack\'s policies, and on Resource "*" anywhere but ecr:GetAuthorizationToken.',
    detectors: {
      configRules: ['ECS_CONTAINERS_READONLY_ACCESS', 'ECS_CONTAINERS_NONPRIVILEGED'],
      securityHub: ['ECS.5', 'ECS.4'],
    },
    enforcedBy: [FargateWorkload],
    evidence: {
      what: 'the workload\'s task definition and its roles trusted only by ECS tasks',
      select: [
        { types: ['AWS::ECS::TaskDefinition'] },
        {
          types: ['AWS::IAM::Role'],
          where: (r, c) => !isTenant(r) && !DATA_STACK.test(c.stack) && JSON.stringify(props(r).AssumeRolePolicyDocument ?? {}).includes('ecs-tasks.amazonaws.com'),
        },
      ],
    },
    diff: { rules: WL_LEAST_PRIVILEGE_RULES },
  },
  {
    id: 'WL-MANAGED-COMPUTE',
    statement:
      'The deployment runs no self-managed servers: compute is Fargate on the latest platform version, whose hosts and platform AWS patches; the application image is not patched, scanned or rebuilt by this code.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'All of our services run in the cloud.' },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Lexagle does not run our own routers, load balancers, DNS servers, or physical servers.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security patches and critical updates are applied on an ongoing basis.',
      },
    ],
    kind: 'enforced',
    area: 'workload',
    status: 'partial',
    missing:
      '"Security patches and critical updates are applied on an ongoing basis" (004) for the application\'s container image: this code neither builds, scans nor rebuilds it on a schedule (workload.containerImage is any registry\'s image, by tag or digest), so the operating-system packages and libraries inside it are as current as the adopter keeps them. The remainder is ORG-APP-IMAGE-PATCHING.',
    enforcement:
      'No AWS::EC2::Instance, LaunchTemplate, Auto Scaling group or ECS capacity provider in any template; the ECS service uses LaunchType FARGATE with PlatformVersion LATEST, so each new task starts on the latest, patched platform revision, and AWS retires tasks on a revision with a security issue (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html).',
    detectors: {
      configRules: ['ECS_FARGATE_LATEST_PLATFORM_VERSION'],
      securityHub: ['ECS.10'],
    },
    enforcedBy: [FargateWorkload],
    evidence: { what: 'ECS services on Fargate', select: [{ types: ['AWS::ECS::Service'], where: (r) => props(r).LaunchType === 'FARGATE' }] },
    diff: { rules: WL_MANAGED_COMPUTE_RULES },
  },
];
