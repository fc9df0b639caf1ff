/**
 * `edge`: the load balancer's certificate of this region and account, a health check only with
 * Shield Advanced, and production's access-log retention.
 */
import { PRODUCTION_FLOORS } from '../floors';
import { regionalArnIssues, quoted, type ConfigIssue, type Validator } from './common';

export const edge: Validator = (env) => regionalArnIssues(env, 'edge.certificateArn', env.edge.certificateArn, 'certificate');

export const edgeProtection: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { healthCheckArn, shieldAdvanced, accessLogRetentionDays } = env.edge;
  if (healthCheckArn !== undefined && !shieldAdvanced) {
    // The health check only feeds Shield Advanced's detection; without the protection it does nothing.
    issues.push({
      env: env.name,
      path: 'edge.healthCheckArn',
      got: quoted(healthCheckArn),
      expected: 'a health check is only used by Shield Advanced: set edge.shieldAdvanced to true or remove it',
    });
  }
  if (env.tier === 'production' && accessLogRetentionDays < PRODUCTION_FLOORS.logRetentionDays) {
    issues.push({
      env: env.name,
      path: 'edge.accessLogRetentionDays',
      got: String(accessLogRetentionDays),
      expected: `production keeps load balancer access logs at least ${PRODUCTION_FLOORS.logRetentionDays} days`,
    });
  }
  return issues;
};
