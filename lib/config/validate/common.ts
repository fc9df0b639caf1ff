/**
 * What every area validator shares: the issue it reports, how a value is shown in a message, and
 * the two checks several areas make (an ARN of this region and account, the partition of a
 * region). Each validator returns every problem it finds and never throws, so the loader can
 * report them all at once.
 */
import type { EnvironmentConfig } from '../schema';

/** One problem with one field. The loader renders it as `<env>.<path>: got <got>, <expected>`. */
export interface ConfigIssue {
  /** The environment's name, or `environments` for rules across environments. */
  readonly env: string;
  /** Dotted path of the field inside the environment, e.g. `network.vpcCidr`. */
  readonly path: string;
  /** The bad value, as the reader should see it. */
  readonly got: string;
  /** What is allowed instead. */
  readonly expected: string;
}

/** Renders a configured value for a message: strings quoted, arrays and objects as JSON (`show` in diff-builders.ts renders template values instead). */
export function quoted(value: unknown): string {
  if (value === undefined) return 'no value';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** A rule over one environment: every problem it finds, none when the environment keeps it. */
export type Validator = (env: EnvironmentConfig) => ConfigIssue[];

/**
 * An ACM certificate (or other ARN) must live in the environment's region and account: load
 * balancers and Client VPN endpoints use only certificates of their own region and account.
 */
export function regionalArnIssues(env: EnvironmentConfig, path: string, arn: string, what: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const [, , , arnRegion, arnAccount] = arn.split(':');
  if (arnRegion !== env.region) {
    issues.push({ env: env.name, path, got: quoted(arn), expected: `expected a ${what} in the home region ${env.region}, not ${arnRegion}` });
  }
  if (arnAccount !== env.account) {
    issues.push({ env: env.name, path, got: quoted(arn), expected: `expected a ${what} of the environment's account ${env.account}, not ${arnAccount}` });
  }
  return issues;
}

/** The partition of a region: the Security Hub standards AWS offers differ by partition. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}
