/**
 * The workload tier behind the load balancer: an ECS Fargate service in the private subnets.
 * Every assertion reads the synthesized templates.
 */
import { ENVIRONMENTS } from './support/fixture';
import { DATABASE_PORT } from '../lib/constants/ports';
import { loadEnvironments } from '../lib/config/load';
import { onlyResourceOfType, resourcesOfType } from './support/stack-resources';
import { allResources, ENV_NAMES, templateJson, crossStackRef, grantsOfRole } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const STACK = 'Workload';

const resources = (env: string, type: string) => resourcesOfType(env, STACK, type);
const only = (env: string, type: string) => onlyResourceOfType(env, STACK, type);
const importOf = crossStackRef;
/** GuardDuty's Fargate agent repository in ap-southeast-1, the sample environments' region. */
const GUARDDUTY_AGENT_REPOSITORY = 'arn:aws:ecr:ap-southeast-1:174946120834:repository/aws-guardduty-agent-fargate';

describe.each(ENV_NAMES)('workload of %s', (env) => {
  const config = CONFIGS[env];
  const service = () => only(env, 'AWS::ECS::Service')[1].Properties;
  const taskDefinition = () => only(env, 'AWS::ECS::TaskDefinition')[1].Properties;
  // The application container; the task's other one only hands the writable volumes to its user
  // (test/control-tower.test.ts, CT.ECS.PR.3).
  const container = () => {
    expect(taskDefinition().ContainerDefinitions.map((c: any) => c.Name)).toEqual(['App', 'PrepareWritablePaths']);
    return taskDefinition().ContainerDefinitions[0];
  };

  test('WL-PRIVATE-TASKS: tasks run in the private subnets of every zone without public IPs, in the workload security group', () => {
    const net = service().NetworkConfiguration.AwsvpcConfiguration;
    expect(net.AssignPublicIp).toBe('DISABLED');
    expect(net.Subnets).toHaveLength(config.availabilityZones.length);
    for (const s of net.Subnets) expect(importOf(s)).toMatch(/VpcPrivateSubnet\dSubnet/);
    expect(net.SecurityGroups.map(importOf)).toEqual([expect.stringMatching(/WorkloadSecurityGroup/)]);
  });

  test('WL-PRIVATE-TASKS: the workload security group admits only the load balancer, on the container port', () => {
    const lbSg = only(env, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[1].Properties.SecurityGroups[0]['Fn::GetAtt'][0];
    const ingress = allResources().filter((r) => r.env === env && r.type === 'AWS::EC2::SecurityGroupIngress' && /WorkloadSecurityGroup/.test(JSON.stringify(r.props.GroupId)));
    expect(ingress.map((r) => r.props)).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: config.workload.containerPort,
        ToPort: config.workload.containerPort,
        SourceSecurityGroupId: { 'Fn::GetAtt': [lbSg, 'GroupId'] },
      }),
    ]);
    expect(ingress[0].stackId).toBe(STACK);
    const group = allResources().find((r) => r.env === env && r.stackId === 'Network' && r.type === 'AWS::EC2::SecurityGroup' && /^WorkloadSecurityGroup/.test(r.logicalId));
    expect(group?.props.SecurityGroupIngress).toBeUndefined();
  });

  test('WL-PRIVATE-TASKS: the tasks send only HTTPS beyond the VPC, and the database port to each data stack\'s database group', () => {
    const egress = allResources().filter((r) => r.env === env && r.type === 'AWS::EC2::SecurityGroupEgress' && /WorkloadSecurityGroup/.test(importOf(r.props.GroupId)));
    const rules = egress.map((r) => ({
      stack: r.stackId,
      protocol: r.props.IpProtocol,
      ports: [r.props.FromPort, r.props.ToPort],
      to: r.props.CidrIp ?? r.props.DestinationSecurityGroupId?.['Fn::GetAtt']?.[0],
    }));
    const dataStacks = [...new Set(allResources().filter((r) => r.env === env && /^Data\d+$/.test(r.stackId)).map((r) => r.stackId))].sort();
    expect(dataStacks.length).toBeGreaterThan(0);
    expect(rules.filter((r) => r.stack === STACK)).toEqual([{ stack: STACK, protocol: 'tcp', ports: [443, 443], to: '0.0.0.0/0' }]);
    const toData = rules.filter((r) => r.stack !== STACK).sort((a, b) => a.stack.localeCompare(b.stack));
    expect(toData).toEqual(dataStacks.map((stack) => ({ stack, protocol: 'tcp', ports: [DATABASE_PORT, DATABASE_PORT], to: expect.stringMatching(/^DatabaseSecurityGroup/) })));
  });

  test('WL-PRIVATE-TASKS: the load balancer reaches the tasks over HTTP on the container port, probing the health check path', () => {
    const [, tg] = only(env, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    expect(tg.Properties).toEqual(
      expect.objectContaining({
        TargetType: 'ip',
        Protocol: 'HTTP',
        Port: config.workload.containerPort,
        HealthCheckEnabled: true,
        HealthCheckPath: config.workload.healthCheckPath,
        Matcher: { HttpCode: '200-399' },
      }),
    );
    expect(service().LoadBalancers).toEqual([{ ContainerName: 'App', ContainerPort: config.workload.containerPort, TargetGroupArn: { Ref: expect.stringMatching(/^WorkloadTargetGroup/) } }]);
  });

  test('WL-MULTI-AZ: the service runs the configured number of tasks, at least one per zone in production, and rolls back failed deployments', () => {
    const s = service();
    expect(s.DesiredCount).toBe(config.workload.desiredCount);
    if (config.tier === 'production') expect(s.DesiredCount).toBeGreaterThanOrEqual(config.availabilityZones.length);
    expect(s.DeploymentConfiguration).toEqual(
      expect.objectContaining({ DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200 }),
    );
    expect(s.HealthCheckGracePeriodSeconds).toBe(60);
  });

  test('WL-MANAGED-COMPUTE: the service is Fargate on the latest platform version, sized from config', () => {
    expect(service().LaunchType).toBe('FARGATE');
    expect(service().PlatformVersion).toBe('LATEST');
    const td = taskDefinition();
    expect(td.RequiresCompatibilities).toEqual(['FARGATE']);
    expect(td.NetworkMode).toBe('awsvpc');
    expect([td.Cpu, td.Memory]).toEqual([String(config.workload.cpu), String(config.workload.memoryMiB)]);
    expect(taskDefinition().ContainerDefinitions[0].Image).toBe(config.workload.containerImage);
  });

  test('WL-LEAST-PRIVILEGE: task and execution roles are assumable only by ECS tasks of this account, without inline policies', () => {
    const td = taskDefinition();
    const roles = resources(env, 'AWS::IAM::Role');
    const ids = [td.TaskRoleArn['Fn::GetAtt'][0], td.ExecutionRoleArn['Fn::GetAtt'][0]];
    for (const id of ids) {
      const role = roles.find(([rid]) => rid === id)![1].Properties;
      expect(role.Policies).toBeUndefined();
      expect(role.AssumeRolePolicyDocument.Statement).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Condition: expect.objectContaining({ StringEquals: { 'aws:SourceAccount': config.account } }),
        }),
      ]);
      for (const arn of role.ManagedPolicyArns ?? []) expect(arn).toEqual({ Ref: expect.stringMatching(/GrantsPolicy/) });
    }
    expect(resources(env, 'AWS::IAM::Policy')).toEqual([]);
  });

  test('WL-LEAST-PRIVILEGE: the task role holds no permissions; the execution role may only write to the application log group and pull the GuardDuty agent', () => {
    const td = taskDefinition();
    const roles = Object.fromEntries(resources(env, 'AWS::IAM::Role'));
    expect(roles[td.TaskRoleArn['Fn::GetAtt'][0]].Properties.ManagedPolicyArns).toBeUndefined();
    const statements = grantsOfRole(env, STACK, td.ExecutionRoleArn['Fn::GetAtt'][0]);
    const logGroupId = container().LogConfiguration.Options['awslogs-group'].Ref;
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      { Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: GUARDDUTY_AGENT_REPOSITORY },
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
    ]);
  });

  test('MON-GUARDDUTY: the execution role can pull the runtime-monitoring agent from GuardDuty\'s repository of the region, and only that repository', () => {
    const td = taskDefinition();
    const statements = grantsOfRole(env, STACK, td.ExecutionRoleArn['Fn::GetAtt'][0]);
    const reads = statements.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('ecr:') && a !== 'ecr:GetAuthorizationToken'));
    expect(reads).toEqual([expect.objectContaining({ Resource: `arn:aws:ecr:${config.region}:174946120834:repository/aws-guardduty-agent-fargate` })]);
    expect([reads[0].Action].flat().sort()).toEqual(['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']);
  });

  test('WL-LEAST-PRIVILEGE: no policy of the workload stack allows * actions or * resources, except ecr:GetAuthorizationToken (no resource type)', () => {
    for (const [id, p] of resources(env, 'AWS::IAM::ManagedPolicy')) {
      for (const s of p.Properties.PolicyDocument.Statement.filter((x: any) => x.Effect === 'Allow')) {
        const actions = [s.Action].flat();
        const res = [s.Resource].flat();
        expect({ id, actions: actions.filter((a: string) => a === '*' || a.endsWith(':*')) }).toEqual({ id, actions: [] });
        if (actions.length === 1 && actions[0] === 'ecr:GetAuthorizationToken') continue;
        expect({ id, resources: res.filter((r: any) => r === '*') }).toEqual({ id, resources: [] });
      }
    }
  });

  test('WL-LEAST-PRIVILEGE: the container runs read-only with dropped capabilities, unprivileged, and writes only to ephemeral mounts', () => {
    const c = container();
    expect(c.ReadonlyRootFilesystem).toBe(true);
    expect(c.Privileged).toBe(false);
    expect(c.User).toBe(config.workload.containerUser);
    expect(c.LinuxParameters.Capabilities.Drop).toEqual(expect.arrayContaining(['NET_RAW', 'SYS_CHROOT', 'MKNOD']));
    expect(c.LinuxParameters.Capabilities.Add).toBeUndefined();
    expect(c.MountPoints.map((m: any) => m.ContainerPath)).toEqual(config.workload.writablePaths);
    // Volumes without a host path or EFS configuration are task ephemeral storage.
    for (const v of taskDefinition().Volumes) expect(Object.keys(v)).toEqual(['Name']);
  });

  test('FND-NO-PLAINTEXT-SECRETS: no container gets environment variables (secrets belong in Secrets Manager references)', () => {
    for (const c of taskDefinition().ContainerDefinitions) {
      expect({ name: c.Name, env: c.Environment, files: c.EnvironmentFiles }).toEqual({ name: c.Name, env: undefined, files: undefined });
    }
  });

  test('LOG-NO-CLIENT-CONTENT: the application log group is KMS-encrypted, retained per config, and masks personal data and credentials', () => {
    const logGroupId = container().LogConfiguration.Options['awslogs-group'].Ref;
    expect(container().LogConfiguration.LogDriver).toBe('awslogs');
    const group = templateJson(env, STACK).Resources[logGroupId].Properties;
    expect(group.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^LogKey/), 'Arn'] });
    expect(group.RetentionInDays).toBe(config.logs.retentionDays);
    const policy = group.DataProtectionPolicy;
    const identifiers = (op: string) => {
      const st = policy.Statement.find((s: any) => s.Operation[op] !== undefined);
      expect(st).toBeDefined();
      return JSON.stringify(st.DataIdentifier);
    };
    for (const op of ['Audit', 'Deidentify']) {
      for (const id of ['EmailAddress', 'Name', 'Address', 'CreditCardNumber', 'AwsSecretKey', 'PhoneNumber-US', 'OpenSshPrivateKey']) {
        expect(identifiers(op)).toContain(`data-identifier/${id}"`);
      }
    }
    expect(policy.Statement.find((s: any) => s.Operation.Deidentify).Operation.Deidentify).toEqual({ MaskConfig: {} });
  });

  test('MON-OPERATIONAL-ALARMS: the cluster records enhanced Container Insights', () => {
    expect(only(env, 'AWS::ECS::Cluster')[1].Properties.ClusterSettings).toEqual([{ Name: 'containerInsights', Value: 'enhanced' }]);
  });

  test('MON-OPERATIONAL-ALARMS: load balancer 5xx, target 5xx, unhealthy targets and running tasks below desired notify the operations topic', () => {
    const alarms = Object.fromEntries(resources(env, 'AWS::CloudWatch::Alarm').map(([, a]) => [a.Properties.MetricName, a.Properties]));
    expect(Object.keys(alarms).sort()).toEqual(['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count', 'RunningTaskCount', 'UnHealthyHostCount']);
    for (const a of Object.values<any>(alarms)) {
      expect(a.AlarmActions.map(importOf)).toEqual([expect.stringMatching(/AlertsOperations/)]);
      expect(a.AlarmActions[0]['Fn::GetStackOutput'].StackName).toBe(`${env}-Alerting`);
      expect(a.OKActions).toEqual(a.AlarmActions);
      expect(a.AlarmDescription).toMatch(/Runbook: docs\/edge\.md#/);
    }
    expect(alarms.RunningTaskCount).toEqual(
      expect.objectContaining({ Namespace: 'ECS/ContainerInsights', ComparisonOperator: 'LessThanThreshold', Threshold: config.workload.desiredCount, TreatMissingData: 'breaching' }),
    );
    expect(alarms.UnHealthyHostCount).toEqual(expect.objectContaining({ ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 1, Statistic: 'Maximum' }));
  });
});

describe('workload across the deployment', () => {
  test('WL-MANAGED-COMPUTE: no template holds an EC2 instance, launch template, Auto Scaling group or EC2 capacity provider', () => {
    const servers = allResources().filter((r) =>
      ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::ECS::CapacityProvider'].includes(r.type),
    );
    expect(servers.map((r) => `${r.env}/${r.stackId}/${r.logicalId}`)).toEqual([]);
    for (const s of allResources().filter((r) => r.type === 'AWS::ECS::Service')) expect(s.props.LaunchType).toBe('FARGATE');
  });
});
