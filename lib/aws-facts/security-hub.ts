/**
 * Security Hub standards this baseline knows, by the path of their ARN
 * (`arn:<partition>:securityhub:<region>::standards/<path>`). `partitions` lists where AWS
 * offers the standard; `validate.ts` rejects a standard its environment's region lacks.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html
 */
export const SECURITY_HUB_STANDARDS = {
  'aws-foundational-security-best-practices/v/1.0.0': { partitions: ['aws', 'aws-cn', 'aws-us-gov'] },
  'cis-aws-foundations-benchmark/v/1.4.0': { partitions: ['aws', 'aws-cn', 'aws-us-gov'] },
  'cis-aws-foundations-benchmark/v/3.0.0': { partitions: ['aws'] },
  'pci-dss/v/3.2.1': { partitions: ['aws', 'aws-cn', 'aws-us-gov'] },
  'pci-dss/v/4.0.1': { partitions: ['aws'] },
  'nist-800-53/v/5.0.0': { partitions: ['aws', 'aws-us-gov'] },
} as const satisfies Record<string, { partitions: readonly string[] }>;

/** A Security Hub standard's ARN path, e.g. `pci-dss/v/4.0.1`. */
export type SecurityHubStandard = keyof typeof SECURITY_HUB_STANDARDS;
