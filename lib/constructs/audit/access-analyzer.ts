import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import { Construct } from 'constructs';

/** Props of {@link AccessAnalyzer}. */
export interface AccessAnalyzerProps {
  /** Prefix of the analyzers' names, e.g. the environment's name. */
  readonly namePrefix: string;
  /**
   * Also report roles, users, access keys, passwords and permissions unused for this many days
   * (an unused-access analyzer, billed per IAM role and user analysed each month).
   * @default - external-access analyzer only
   */
  readonly unusedAccessAgeDays?: number;
}

/**
 * IAM Access Analyzer for the account (IAM-ACCESS-ANALYZER): the external-access analyzer (free)
 * reports every bucket, key, role, queue or secret shared outside the account; the optional
 * unused-access analyzer reports permissions nobody uses (001 "least privilege").
 */
export class AccessAnalyzer extends Construct {
  /** The external-access analyzer. */
  public readonly analyzer: accessanalyzer.CfnAnalyzer;
  /** The unused-access analyzer, when configured. */
  public readonly unusedAccessAnalyzer?: accessanalyzer.CfnAnalyzer;

  constructor(scope: Construct, id: string, props: AccessAnalyzerProps) {
    super(scope, id);
    const age = props.unusedAccessAgeDays;
    if (age !== undefined && (!Number.isInteger(age) || age < 1 || age > 365)) {
      throw new Error(`AccessAnalyzer ${id}: unusedAccessAgeDays: got ${age}, expected 1 to 365`);
    }
    this.analyzer = new accessanalyzer.CfnAnalyzer(this, 'Resource', {
      analyzerName: `${props.namePrefix}-external-access`,
      type: 'ACCOUNT',
    });
    if (age !== undefined) {
      this.unusedAccessAnalyzer = new accessanalyzer.CfnAnalyzer(this, 'UnusedAccess', {
        analyzerName: `${props.namePrefix}-unused-access`,
        type: 'ACCOUNT_UNUSED_ACCESS',
        analyzerConfiguration: { unusedAccessConfiguration: { unusedAccessAge: age } },
      });
    }
  }
}
