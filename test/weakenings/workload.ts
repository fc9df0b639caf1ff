/**
 * Weakening fixtures of the workload controls (lib/controls/catalog/edge.ts, area 'workload'),
 * run by test/controls-diff-weakenings.test.ts.
 */
import { add, first } from './edit';
import type { Templates, Weakening } from './types';

const service = (t: Templates) => first(t, 'AWS::ECS::Service', (p) => p.LaunchType === 'FARGATE', 'Fargate service');

/** A customer-managed policy of a role that ECS tasks assume, in the stack of the task definition. */
function taskRolePolicy(t: Templates) {
  const taskDefinition = first(t, 'AWS::ECS::TaskDefinition');
  const roles = Object.entries<any>(t[taskDefinition.stack].Resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r.Properties?.AssumeRolePolicyDocument ?? {}).includes('ecs-tasks.amazonaws.com'))
    .map(([id]) => id);
  return first(t, 'AWS::IAM::ManagedPolicy', (p) => (p.Roles ?? []).some((r: any) => roles.includes(r?.Ref)), 'policy of a role for ECS tasks');
}

const readOnlyContainer = (t: Templates) => {
  const container = first(t, 'AWS::ECS::TaskDefinition').props.ContainerDefinitions.find((c: any) => c.ReadonlyRootFilesystem === true);
  if (!container) throw new Error('no container with a read-only root filesystem');
  return container;
};

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'WL-PRIVATE-TASKS',
    title: 'gives the tasks public IP addresses',
    weaken: (t) => {
      service(t).props.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp = 'ENABLED';
    },
    neutral: (t) => {
      service(t).props.HealthCheckGracePeriodSeconds = 90;
    },
  },
  {
    control: 'WL-MULTI-AZ',
    title: 'runs a single task',
    weaken: (t) => {
      service(t).props.DesiredCount = 1;
    },
    neutral: (t) => {
      service(t).props.HealthCheckGracePeriodSeconds = 90;
    },
  },
  {
    control: 'WL-LEAST-PRIVILEGE',
    title: 'grants a task role every action on every resource',
    weaken: (t) => {
      taskRolePolicy(t).props.PolicyDocument.Statement.push({ Effect: 'Allow', Action: '*', Resource: '*' });
    },
    neutral: (t) => {
      taskRolePolicy(t).props.PolicyDocument.Statement.push({ Effect: 'Allow', Action: 'logs:DescribeLogStreams', Resource: 'arn:aws:logs:ap-southeast-1:222222222222:log-group:app' });
    },
  },
  {
    control: 'WL-LEAST-PRIVILEGE',
    title: "makes a container's root filesystem writable",
    weaken: (t) => {
      readOnlyContainer(t).ReadonlyRootFilesystem = false;
    },
    neutral: (t) => {
      readOnlyContainer(t).Memory = Number(readOnlyContainer(t).Memory ?? 512) * 2;
    },
  },
  {
    control: 'WL-MANAGED-COMPUTE',
    title: 'moves the service from Fargate to EC2 capacity',
    weaken: (t) => {
      service(t).props.LaunchType = 'EC2';
    },
    neutral: (t) => {
      service(t).props.HealthCheckGracePeriodSeconds = 90;
    },
  },
  {
    control: 'WL-MANAGED-COMPUTE',
    title: 'adds an EC2 instance',
    weaken: (t) => {
      const s = service(t);
      add(t, s.stack, 'BastionHost', { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro' } });
    },
    neutral: (t) => {
      service(t).props.DeploymentConfiguration.MaximumPercent = 150;
    },
  },
];
