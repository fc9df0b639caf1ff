/** `logs`: production keeps its log groups at least as long as its floor. */
import { PRODUCTION_FLOORS } from '../floors';
import type { ConfigIssue, Validator } from './common';

export const logs: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  if (env.tier === 'production' && env.logs.retentionDays < PRODUCTION_FLOORS.logRetentionDays) {
    issues.push({
      env: env.name,
      path: 'logs.retentionDays',
      got: String(env.logs.retentionDays),
      expected: `production keeps logs at least ${PRODUCTION_FLOORS.logRetentionDays} days`,
    });
  }
  return issues;
};
