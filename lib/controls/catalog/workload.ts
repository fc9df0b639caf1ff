import { arrow, atLeast, byRank, entryVerdicts, flag, forbiddenResource, list, prop, ranked, same, show } from '../diff-builders';
import { policyDocuments, POLICY_HOLDERS } from '../diff-builders-iam';
import type { Verdict } from '../diff-rule';
import { DATA_STACK, isTenant, props } from '../evidence-predicates';
import { conditionValue, isTrue, statementsOf, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const fargateWorkloadModule = () => import('../../constructs/workload/fargate-workload.js');

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
    enforcedBy: [exported(fargateWorkloadModule, 'FargateWorkload')],
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
    enforcedBy: [exported(fargateWorkloadModule, 'FargateWorkload')],
    evidence: { what: 'the ECS service and its health-checked target group', select: [{ types: ['AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::TargetGroup'] }] },
    diff: {
      rules: [
        // An absent count is not compared: what it means is the service's state, which the template does not show.
        atLeast(['AWS::ECS::Service'], ['Properties', 'DesiredCount'], 'DesiredCount', NaN),
        atLeast(['AWS::ECS::Service'], ['Properties', 'DeploymentConfiguration', 'MinimumHealthyPercent'], 'MinimumHealthyPercent', NaN),
        flag(['AWS::ECS::Service'], ['Properties', 'DeploymentConfiguration', 'DeploymentCircuitBreaker', 'Rollback'], 'DeploymentCircuitBreaker.Rollback'),
        {
          resourceTypes: ['AWS::ECS::Service'],
          path: ['Properties', 'NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets'],
          assess: (before: unknown[] | undefined, after: unknown[] | undefined) => {
            const [b, a] = [list(before).length, list(after).length];
            return b === a ? { direction: 'neutral', detail: `service subnets changed (${a})` } : { direction: byRank(b, a), detail: `service subnets ${b} → ${a}` };
          },
        },
      ],
    },
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
    enforcedBy: [exported(fargateWorkloadModule, 'FargateWorkload')],
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
    diff: {
      rules: [
        {
          resourceTypes: POLICY_HOLDERS,
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            if (after === undefined) return undefined;
            return entryVerdicts(policyDocuments(before).flatMap(wildcardGrants), policyDocuments(after).flatMap(wildcardGrants), 'weakened', (g, how) => `${how === 'added' ? 'grants' : 'no longer grants'} ${g}`);
          },
        },
        {
          resourceTypes: ['AWS::IAM::Role'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            if (!trustsEcsTasks(after)) return undefined;
            // Without them any account's ECS tasks could be handed the role (the confused deputy).
            const conditions = (r?: TemplateResource) =>
              ECS_TRUST_CONDITIONS.filter((k) => statementsOf(r?.Properties?.AssumeRolePolicyDocument).some((st) => st.Effect === 'Allow' && conditionValue(st, k) !== undefined));
            if (before === undefined) {
              const missing = ECS_TRUST_CONDITIONS.filter((k) => !conditions(after).includes(k));
              return missing.length === ECS_TRUST_CONDITIONS.length ? { direction: 'weakened', detail: `role for ECS tasks added without ${missing.join(' or ')} in its trust policy` } : undefined;
            }
            return entryVerdicts(conditions(before), conditions(after), 'strengthened', (k, how) => `ECS task role trust ${how === 'added' ? 'now requires' : 'no longer requires'} ${k}`);
          },
        },
        {
          resourceTypes: ['AWS::ECS::TaskDefinition'],
          path: ['Properties', 'ContainerDefinitions'],
          assess: (before: any[] | undefined, after: any[] | undefined) => {
            const [b, a] = [containerHardening(before), containerHardening(after)];
            const out: Verdict[] = [];
            for (const [name, now] of a) {
              const was = b.get(name);
              if (was === undefined) continue;
              if (was.readOnly !== now.readOnly) out.push({ direction: now.readOnly ? 'strengthened' : 'weakened', detail: `container ${name} ReadonlyRootFilesystem ${was.readOnly} → ${now.readOnly}` });
              if (was.privileged !== now.privileged) out.push({ direction: now.privileged ? 'weakened' : 'strengthened', detail: `container ${name} Privileged ${was.privileged} → ${now.privileged}` });
              out.push(...entryVerdicts(was.added, now.added, 'weakened', (c, how) => `container ${name} capability ${c} ${how === 'added' ? 'added' : 'no longer added'}`));
              out.push(...entryVerdicts(was.dropped, now.dropped, 'strengthened', (c, how) => `container ${name} capability ${c} ${how === 'added' ? 'dropped' : 'no longer dropped'}`));
              if (!same(was.user, now.user) && ROOT_USERS.includes(String(now.user))) out.push({ direction: 'weakened', detail: `container ${name} ${arrow('User', was.user, now.user)}` });
            }
            return out;
          },
        },
      ],
    },
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
    enforcedBy: [exported(fargateWorkloadModule, 'FargateWorkload')],
    evidence: { what: 'ECS services on Fargate', select: [{ types: ['AWS::ECS::Service'], where: (r) => props(r).LaunchType === 'FARGATE' }] },
    diff: {
      rules: [
        // Compute that a customer runs and patches itself: instances, launch templates, Auto Scaling, ECS capacity on EC2.
        forbiddenResource(
          ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::ECS::CapacityProvider'],
          (r) => `self-managed compute ${r.Type}`,
        ),
        {
          resourceTypes: ['AWS::ECS::Service'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            if (after === undefined) return undefined;
            const fargate = (r?: TemplateResource) => {
              const strategy: any[] = r?.Properties?.CapacityProviderStrategy ?? [];
              return strategy.length > 0 ? strategy.every((s) => ['FARGATE', 'FARGATE_SPOT'].includes(s?.CapacityProvider)) : r?.Properties?.LaunchType === 'FARGATE';
            };
            const out: Verdict[] = [];
            if (before !== undefined && fargate(before) !== fargate(after)) {
              out.push({ direction: fargate(after) ? 'strengthened' : 'weakened', detail: `service ${fargate(after) ? 'now runs' : 'no longer runs only'} on Fargate (LaunchType ${show(prop(after, 'LaunchType'))}, CapacityProviderStrategy ${show(prop(after, 'CapacityProviderStrategy'))})` });
            }
            if (before === undefined && !fargate(after)) out.push({ direction: 'weakened', detail: `service added outside Fargate (LaunchType ${show(prop(after, 'LaunchType'))})` });
            const [bp, ap] = [prop(before, 'PlatformVersion'), prop(after, 'PlatformVersion')];
            // Only explicit values are compared: which version an absent one means is the service's default.
            if (before !== undefined && bp !== undefined && ap !== undefined && bp !== ap && (bp === 'LATEST' || ap === 'LATEST')) {
              out.push({ direction: ap === 'LATEST' ? 'strengthened' : 'weakened', detail: `${arrow('PlatformVersion', bp, ap)}${ap === 'LATEST' ? '' : ': new tasks no longer start on the latest platform revision'}` });
            }
            return out;
          },
        },
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** Actions that grant every action, or every action of a service (`*`, `s3:*`), or NotAction. */
function wildcardGrants(doc: any): string[] {
  return statementsOf(doc)
    .filter((st) => st.Effect === 'Allow')
    .flatMap((st) => [
      ...list(st.Action)
        .filter((a): a is string => typeof a === 'string' && (a === '*' || a.endsWith(':*')))
        .map((a) => `${a} on ${show(st.Resource)}`),
      ...(st.NotAction !== undefined ? [`every action but ${show(st.NotAction)} on ${show(st.Resource)}`] : []),
    ]);
}

/** Whether a role may be assumed by ECS tasks. */
function trustsEcsTasks(r: TemplateResource | undefined): boolean {
  return statementsOf(r?.Properties?.AssumeRolePolicyDocument).some((st) => st.Effect === 'Allow' && list(st.Principal?.Service).includes('ecs-tasks.amazonaws.com'));
}

/** The trust conditions that bind a role for ECS tasks to this account's tasks. */
const ECS_TRUST_CONDITIONS = ['aws:SourceAccount', 'aws:SourceArn'];

/** Container users that are root. */
const ROOT_USERS = ['root', '0', '0:0', 'root:root'];

/** The hardening of each container of a task definition (by name), as reviewer-readable facts. */
function containerHardening(containers: any[] | undefined): Map<string, { readOnly: boolean; privileged: boolean; added: string[]; dropped: string[]; user: unknown }> {
  return new Map(
    (containers ?? []).map((c, i) => [
      String(c?.Name ?? `#${i}`),
      {
        readOnly: isTrue(c?.ReadonlyRootFilesystem),
        privileged: isTrue(c?.Privileged),
        added: (c?.LinuxParameters?.Capabilities?.Add ?? []).map(String),
        dropped: (c?.LinuxParameters?.Capabilities?.Drop ?? []).map(String),
        user: c?.User,
      },
    ]),
  );
}
