/**
 * `workload`: the Fargate service behind the load balancer (image, user, port, size, count and
 * writable paths). Fargate's CPU and memory pairs and production's task count are checked in
 * `validate/workload.ts`.
 */
import { z } from 'zod';

/** The container service behind the load balancer. */
export const WorkloadSchema = z.strictObject({
  /**
   * The container image the Fargate service runs. The default serves a static page, so that the
   * whole path (DNS, TLS, WAF, ALB, tasks) can be proven before the real application exists.
   * The default is NGINX's unprivileged image: it runs as UID 101, listens on 8080 and writes
   * only below `/tmp` (https://github.com/nginx/docker-nginx-unprivileged).
   * @default 'public.ecr.aws/nginx/nginx-unprivileged:stable-alpine'
   */
  containerImage: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._\-/:]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[0-9a-f]{64})?$/, {
      error: 'expected an image reference such as public.ecr.aws/nginx/nginx-unprivileged:stable-alpine',
    })
    .default('public.ecr.aws/nginx/nginx-unprivileged:stable-alpine'),
  /**
   * The user the container runs as: a UID (`101`), `UID:GID` or a user name the image defines.
   * Never root (CT.ECS.PR.3): an unprivileged user cannot bind ports below 1024, so the port is a
   * high one. Every path in `writablePaths` must be writable by this user.
   * @default '101' - the nginx user of the default image
   */
  containerUser: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/, { error: 'expected a user such as 101, 101:101 or nginx' })
    .refine((u) => !/^(0|root)(:.*)?$/.test(u), { error: 'expected a user other than root (0, root, 0:<gid>, root:<group>); containers never run as root (CT.ECS.PR.3)' })
    .default('101'),
  /** The port the container listens on for HTTP from the load balancer. @default 8080 */
  containerPort: z.number().int().min(1, { error: 'expected a port from 1 to 65535' }).max(65535, { error: 'expected a port from 1 to 65535' }).default(8080),
  /** Path the load balancer probes for a 200 to decide a task is healthy. @default '/' */
  healthCheckPath: z.string().regex(/^\/[\x21-\x7e]*$/, { error: 'expected an absolute path such as /health' }).default('/'),
  /**
   * Task CPU units (256 = 0.25 vCPU). Must form a combination with `memoryMiB` that Fargate
   * supports. @default 256
   */
  cpu: z.number().int().default(256),
  /** Task memory in MiB. @default 512 */
  memoryMiB: z.number().int().default(512),
  /**
   * Number of tasks. Production needs at least one per availability zone, so a zone's loss
   * leaves tasks running in the others. @default 2
   */
  desiredCount: z.number().int().min(1, { error: 'expected at least 1 task' }).default(2),
  /**
   * Paths that stay writable (task ephemeral storage) while the root filesystem is read-only.
   * The default image keeps its pid file and temp files below `/tmp`. ECS creates an empty
   * ephemeral volume owned by root with mode 0755 unless the image declares the path as a
   * `VOLUME` (then it copies the image's directory, owner included): for a non-root user, declare
   * each writable path as a `VOLUME` owned by that user in the image
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html).
   * @default ['/tmp']
   */
  writablePaths: z
    .array(z.string().regex(/^\/[A-Za-z0-9._\-/]*$/, { error: 'expected an absolute path' }))
    .default(['/tmp']),
});
