/**
 * `edge`: the public HTTPS endpoint (domain, certificate, Shield Advanced, the WAF rate limit and
 * the load balancer's access logs). Region and account of the certificate, and the Shield floor of
 * production, are checked in `validate/`.
 */
import { z } from 'zod';
import { WAF_RATE_LIMIT } from '../../aws-facts/waf';
import { acmCertificateArn } from './fields';

/** The internet-facing HTTPS endpoint. */
export const EdgeSchema = z.strictObject({
  /** The public DNS name of the HTTPS endpoint. */
  domainName: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: 'expected a lower-case DNS name such as app.example.com',
  }),
  /** ARN of the ACM certificate for `domainName`, in the environment's region. */
  certificateArn: acmCertificateArn,
  /**
   * Protect the load balancer with AWS Shield Advanced (EDGE-DDOS-SHIELD). Required, with no
   * default and none derived from `tier`: `true` needs the organisation's Shield Advanced
   * subscription (USD 3,000 a month, one-year commitment) before the stack deploys, and `false`
   * leaves only Shield Standard, so each environment states its choice. The sample production
   * environment sets `true`, staging `false` (see docs/edge.md).
   */
  shieldAdvanced: z.boolean(),
  /**
   * ARN of a Route 53 health check that Shield Advanced uses for health-based detection (faster,
   * more accurate DDoS detection and proactive engagement). Only with `shieldAdvanced`.
   * @default - no health check is associated
   */
  healthCheckArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:route53:::healthcheck\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
      error: 'expected a Route 53 health check ARN (arn:aws:route53:::healthcheck/<uuid>)',
    })
    .optional(),
  /**
   * Requests one client IP may send in 5 minutes before the WAF rate-based rule blocks it.
   * WAF accepts 10 to 2,000,000,000.
   * @default 2000
   */
  wafRateLimit: z
    .number()
    .int({ error: 'expected a whole number of requests per 5 minutes' })
    .min(WAF_RATE_LIMIT.min, { error: `expected ${WAF_RATE_LIMIT.min} to ${WAF_RATE_LIMIT.max} requests per 5 minutes (WAF's range)` })
    .max(WAF_RATE_LIMIT.max, { error: `expected ${WAF_RATE_LIMIT.min} to ${WAF_RATE_LIMIT.max} requests per 5 minutes (WAF's range)` })
    .default(2000),
  /**
   * Days the load balancer's access logs are kept before the bucket's lifecycle expires them.
   * @default 365
   */
  accessLogRetentionDays: z.number().int().min(1, { error: 'expected at least 1 day' }).default(365),
});
