/**
 * Bad edge and workload configuration fails validation with a message naming the environment,
 * the field, the bad value and what is allowed.
 */
import { loadEnvironments } from '../lib/config/load';
import { issuesOf, withChange } from './support/config-cases';

const HEALTH_CHECK = 'arn:aws:route53:::healthcheck/abcdef01-2345-4678-9abc-def012345678';

describe('edge and workload configuration', () => {
  const defaults = () => {
    const table = withChange('staging', (e) => {
      delete e.workload;
      delete e.edge.wafRateLimit;
      delete e.edge.accessLogRetentionDays;
    });
    return loadEnvironments(table, ['staging'])[0];
  };

  test('WL-MULTI-AZ: an environment without a workload section gets the public unprivileged nginx sample image (UID 101, port 8080) and 2 tasks of 0.25 vCPU / 512 MiB', () => {
    expect(defaults().workload).toEqual({
      containerImage: 'public.ecr.aws/nginx/nginx-unprivileged:stable-alpine',
      containerUser: '101',
      containerPort: 8080,
      healthCheckPath: '/',
      cpu: 256,
      memoryMiB: 512,
      desiredCount: 2,
      writablePaths: ['/tmp'],
    });
  });

  test('EDGE-WAF-RATE-LIMIT: without a limit the rate-based rule blocks an IP above 2000 requests per 5 minutes', () => {
    expect(defaults().edge.wafRateLimit).toBe(2000);
  });

  test('EDGE-ALB-ACCESS-LOGS: without a retention the access logs are kept 365 days', () => {
    expect(defaults().edge.accessLogRetentionDays).toBe(365);
  });

  test.each(['public.ecr.aws/nginx/nginx:stable-alpine', '123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/app:Release-2.1', `registry.example.com/team/app@sha256:${'a'.repeat(64)}`])(
    'accepts the image reference %s',
    (image) => {
      const table = withChange('staging', (e) => (e.workload.containerImage = image));
      expect(loadEnvironments(table, ['staging'])[0].workload.containerImage).toBe(image);
    },
  );

  test('EDGE-DDOS-SHIELD: a health check is accepted with Shield Advanced on', () => {
    const table = withChange('production', (e) => (e.edge.healthCheckArn = HEALTH_CHECK));
    expect(loadEnvironments(table, ['production'])[0].edge.healthCheckArn).toBe(HEALTH_CHECK);
  });

  test.each<[string, 'staging' | 'production', (e: any) => void, RegExp]>([
    ['EDGE-WAF-RATE-LIMIT: a rate limit below WAF\'s minimum', 'staging', (e) => (e.edge.wafRateLimit = 9), /^staging\.edge\.wafRateLimit: got 9, expected 10 to 2000000000 requests per 5 minutes \(WAF's range\)$/],
    ['EDGE-WAF-RATE-LIMIT: a rate limit above WAF\'s maximum', 'production', (e) => (e.edge.wafRateLimit = 2_000_000_001), /^production\.edge\.wafRateLimit: got 2000000001, expected 10 to 2000000000 requests per 5 minutes \(WAF's range\)$/],
    ['EDGE-WAF-RATE-LIMIT: a fractional rate limit', 'staging', (e) => (e.edge.wafRateLimit = 100.5), /^staging\.edge\.wafRateLimit: got 100\.5, expected a whole number of requests per 5 minutes$/],
    ['EDGE-DDOS-SHIELD: a malformed health check ARN', 'production', (e) => (e.edge.healthCheckArn = 'arn:aws:route53:::hostedzone/Z123'), /^production\.edge\.healthCheckArn: got "arn:aws:route53:::hostedzone\/Z123", expected a Route 53 health check ARN/],
    ['EDGE-DDOS-SHIELD: a health check without Shield Advanced', 'staging', (e) => (e.edge.healthCheckArn = HEALTH_CHECK), /^staging\.edge\.healthCheckArn: got ".*", a health check is only used by Shield Advanced: set edge\.shieldAdvanced to true or remove it$/],
    ['EDGE-ALB-ACCESS-LOGS: production access logs kept less than a year', 'production', (e) => (e.edge.accessLogRetentionDays = 30), /^production\.edge\.accessLogRetentionDays: got 30, production keeps load balancer access logs at least 365 days$/],
    ['WL-MANAGED-COMPUTE: a task CPU value Fargate does not offer', 'staging', (e) => (e.workload.cpu = 300), /^staging\.workload\.cpu: got 300, expected one of Fargate's CPU values: 256, 512, 1024, 2048, 4096, 8192, 16384$/],
    ['WL-MANAGED-COMPUTE: a memory size Fargate does not run with 256 CPU units', 'staging', (e) => Object.assign(e.workload, { cpu: 256, memoryMiB: 4096 }), /^staging\.workload\.memoryMiB: got 4096, Fargate runs 256 CPU units with 512, 1024 or 2048 MiB$/],
    ['WL-MANAGED-COMPUTE: a memory size Fargate does not run with 1024 CPU units', 'production', (e) => Object.assign(e.workload, { cpu: 1024, memoryMiB: 1024 }), /^production\.workload\.memoryMiB: got 1024, Fargate runs 1024 CPU units with 2048 to 8192 in steps of 1024 MiB$/],
    ['WL-MULTI-AZ: fewer production tasks than zones', 'production', (e) => (e.workload.desiredCount = 2), /^production\.workload\.desiredCount: got 2, production runs at least one task per availability zone \(3\)$/],
    ['WL-MULTI-AZ: no tasks at all', 'staging', (e) => (e.workload.desiredCount = 0), /^staging\.workload\.desiredCount: got 0, expected at least 1 task$/],
    ['WL-PRIVATE-TASKS: a container port out of range', 'staging', (e) => (e.workload.containerPort = 70000), /^staging\.workload\.containerPort: got 70000, expected a port from 1 to 65535$/],
    ['NET-NO-ADMIN-PORTS: SSH as the container port', 'staging', (e) => (e.workload.containerPort = 22), /^staging\.workload\.containerPort: got 22, expected a port other than the admin ports 22 and 3389, which no network ACL or security group may admit \(NET-NO-ADMIN-PORTS\)$/],
    ['NET-NO-ADMIN-PORTS: RDP as the container port', 'production', (e) => (e.workload.containerPort = 3389), /^production\.workload\.containerPort: got 3389, expected a port other than the admin ports 22 and 3389/],
    ['WL-MULTI-AZ: a relative health check path', 'staging', (e) => (e.workload.healthCheckPath = 'health'), /^staging\.workload\.healthCheckPath: got "health", expected an absolute path such as \/health$/],
    ['WL-MANAGED-COMPUTE: a malformed image reference', 'staging', (e) => (e.workload.containerImage = 'nginx latest'), /^staging\.workload\.containerImage: got "nginx latest", expected an image reference/],
    ['an unknown workload field', 'staging', (e) => (e.workload.replicas = 3), /^staging\.workload: got unknown field\(s\) replicas, expected only the documented fields \(lib\/config\/schema\.ts\)$/],
  ])('fails on %s', (_name, env, change, message) => {
    expect(issuesOf(withChange(env, change))).toContainEqual(expect.stringMatching(message));
  });

  test('collects every cross-field edge and workload problem at once', () => {
    const issues = issuesOf(
      withChange('production', (e) => {
        e.workload.desiredCount = 1;
        e.workload.memoryMiB = 999;
        e.edge.accessLogRetentionDays = 7;
      }),
    );
    expect(issues).toEqual([
      expect.stringMatching(/^production\.edge\.accessLogRetentionDays: got 7/),
      expect.stringMatching(/^production\.workload\.memoryMiB: got 999/),
      expect.stringMatching(/^production\.workload\.desiredCount: got 1/),
    ]);
  });
});
