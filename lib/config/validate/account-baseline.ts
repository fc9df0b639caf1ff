/**
 * `accountBaseline`: production's trail retention, and Security Hub standards that the region's
 * partition offers, each named once.
 */
import { SECURITY_HUB_STANDARDS } from '../../aws-facts/security-hub';
import { PRODUCTION_FLOORS } from '../floors';
import { partitionOf, quoted, type ConfigIssue, type Validator } from './common';

export const accountBaseline: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { trail, securityHubStandards } = env.accountBaseline;
  if (env.tier === 'production' && trail.retentionDays < PRODUCTION_FLOORS.trailRetentionDays) {
    issues.push({
      env: env.name,
      path: 'accountBaseline.trail.retentionDays',
      got: String(trail.retentionDays),
      expected: `production keeps the audit trail at least ${PRODUCTION_FLOORS.trailRetentionDays} days`,
    });
  }
  const partition = partitionOf(env.region);
  securityHubStandards.forEach((standard, i) => {
    const offered: readonly string[] = SECURITY_HUB_STANDARDS[standard].partitions;
    if (!offered.includes(partition)) {
      issues.push({
        env: env.name,
        path: `accountBaseline.securityHubStandards[${i}]`,
        got: quoted(standard),
        expected: `Security Hub does not offer this standard in ${env.region} (partition ${partition}); it exists in ${offered.join(', ')}`,
      });
    }
    if (securityHubStandards.indexOf(standard) !== i) {
      issues.push({
        env: env.name,
        path: `accountBaseline.securityHubStandards[${i}]`,
        got: quoted(standard),
        expected: 'each standard may appear once',
      });
    }
  });
  return issues;
};
