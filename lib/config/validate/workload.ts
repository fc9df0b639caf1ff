/**
 * `workload`: no admin port as the container port, a CPU and memory pair Fargate runs, and a task
 * per zone in production.
 */
import { FARGATE_TASK_SIZES } from '../../aws-facts/fargate';
import { ADMIN_PORTS } from '../../constants/ports';
import type { ConfigIssue, Validator } from './common';

/** `512, 1024 or 2048`, or `2048 to 8192 in steps of 1024` for long lists. */
function describeSizes(sizes: readonly number[]): string {
  if (sizes.length <= 3) return `${sizes.slice(0, -1).join(', ')} or ${sizes[sizes.length - 1]}`;
  return `${sizes[0]} to ${sizes[sizes.length - 1]} in steps of ${sizes[1] - sizes[0]}`;
}

export const workload: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { cpu, memoryMiB, desiredCount, containerPort } = env.workload;
  if (ADMIN_PORTS.includes(containerPort)) {
    // The tier network ACLs admit the container port from the public subnets; they never admit an admin port (NET-NO-ADMIN-PORTS).
    issues.push({
      env: env.name,
      path: 'workload.containerPort',
      got: String(containerPort),
      expected: `expected a port other than the admin ports ${ADMIN_PORTS.join(' and ')}, which no network ACL or security group may admit (NET-NO-ADMIN-PORTS)`,
    });
  }
  const memories = FARGATE_TASK_SIZES[cpu];
  if (memories === undefined) {
    issues.push({
      env: env.name,
      path: 'workload.cpu',
      got: String(cpu),
      expected: `expected one of Fargate's CPU values: ${Object.keys(FARGATE_TASK_SIZES).join(', ')}`,
    });
  } else if (!memories.includes(memoryMiB)) {
    issues.push({
      env: env.name,
      path: 'workload.memoryMiB',
      got: String(memoryMiB),
      expected: `Fargate runs ${cpu} CPU units with ${describeSizes(memories)} MiB`,
    });
  }
  if (env.tier === 'production' && desiredCount < env.availabilityZones.length) {
    issues.push({
      env: env.name,
      path: 'workload.desiredCount',
      got: String(desiredCount),
      expected: `production runs at least one task per availability zone (${env.availabilityZones.length})`,
    });
  }
  return issues;
};
