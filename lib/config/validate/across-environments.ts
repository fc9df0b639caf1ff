/**
 * Rules across the environments of one file: staging never in production's account, one owner of
 * the account baseline per account and region, and VPC ranges that do not overlap.
 */
import { cidrsOverlap } from '../../aws-facts/cidr';
import type { EnvironmentConfig } from '../schema';
import { quoted, type ConfigIssue } from './common';

/** Rules across environments: separation of staging and production, non-overlapping networks. */
export function validateAcrossEnvironments(envs: readonly EnvironmentConfig[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const production = envs.filter((e) => e.tier === 'production');
  for (const prod of production) {
    for (const other of envs) {
      if (other.tier !== 'production' && other.account === prod.account) {
        // 004 "separate staging/production environments"; 001 staging holds no production data.
        // Separate accounts are the boundary IAM cannot blur.
        issues.push({
          env: other.name,
          path: 'account',
          got: quoted(other.account),
          expected: `a ${other.tier} environment must not share production's account (${prod.name})`,
        });
      }
    }
  }
  envs.forEach((a, i) => {
    envs.slice(i + 1).forEach((b) => {
      if (a.accountBaseline.enabled && b.accountBaseline.enabled && a.account === b.account && a.region === b.region) {
        // CloudTrail, the Config recorder, GuardDuty and Security Hub exist once per account and
        // region: a second owner would fail to deploy, or take them over from the first.
        issues.push({
          env: b.name,
          path: 'accountBaseline.enabled',
          got: 'true',
          expected: `${a.name} already owns the account baseline of ${b.account} in ${b.region}; turn it off in all but one environment`,
        });
      }
      if (cidrsOverlap(a.network.vpcCidr, b.network.vpcCidr)) {
        issues.push({
          env: b.name,
          path: 'network.vpcCidr',
          got: quoted(b.network.vpcCidr),
          expected: `must not overlap ${a.name}'s ${a.network.vpcCidr}, so the networks can later be peered or joined by VPN`,
        });
      }
    });
  });
  return issues;
}
