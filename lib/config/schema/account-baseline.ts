/**
 * `accountBaseline`: the account-wide security services (CloudTrail and its locked bucket, AWS
 * Config, GuardDuty, Security Hub and its standards, Access Analyzer, the IAM password policy).
 * Which standards a partition offers is checked in `validate/account-baseline.ts`.
 */
import { z } from 'zod';
import { SECURITY_HUB_STANDARDS, type SecurityHubStandard } from '../../aws-facts/security-hub';

const securityHubStandardIds = Object.keys(SECURITY_HUB_STANDARDS) as [SecurityHubStandard, ...SecurityHubStandard[]];

/** The account-wide security services of the environment's account and region. */
export const AccountBaselineSchema = z.strictObject({
  /**
   * Deploy the account baseline (CloudTrail, AWS Config, GuardDuty, Security Hub, Access
   * Analyzer, the password policy, the CIS alarms) in this environment's account and region.
   * Turn it off where the organisation already runs these centrally (Control Tower, a delegated
   * administrator): the controls are then reported as inherited. Only one environment per
   * account and region may own it.
   * @default true
   */
  enabled: z.boolean().default(true),
  /** The CloudTrail trail bucket. */
  trail: z
    .strictObject({
      /**
       * Days every log file is kept, locked and then expired. Logs move to Glacier Instant
       * Retrieval after 90 days, which bills 90 days at least, hence the 180-day minimum.
       * Production keeps at least a year (`floors.ts`).
       * @default 365
       */
      retentionDays: z
        .number()
        .int()
        .min(180, { error: 'expected at least 180 days (logs move to Glacier Instant Retrieval after 90 days)' })
        .max(3653, { error: 'expected at most 3653 days (ten years)' })
        .default(365),
      /**
       * S3 Object Lock mode of the trail bucket. `COMPLIANCE`: nobody, not even the root user,
       * can delete or shorten the lock of a log file before `retentionDays`. `GOVERNANCE`: a
       * principal with `s3:BypassGovernanceRetention` can (useful while trying the baseline).
       * CAUTION: compliance-mode locks cannot be undone; the bucket stays until they expire.
       * @default 'GOVERNANCE'
       */
      objectLockMode: z
        .enum(['GOVERNANCE', 'COMPLIANCE'], { error: 'expected "GOVERNANCE" or "COMPLIANCE"' })
        .default('GOVERNANCE'),
    })
    .prefault({}),
  /**
   * Security Hub standards to subscribe to (ARN paths; see `SECURITY_HUB_STANDARDS`).
   * @default FSBP 1.0.0, CIS 3.0.0, PCI DSS 4.0.1 and NIST 800-53 rev 5
   */
  securityHubStandards: z
    .array(z.enum(securityHubStandardIds, { error: `expected one of ${securityHubStandardIds.join(', ')}` }))
    .min(1, { error: 'expected at least one standard' })
    .default([
      'aws-foundational-security-best-practices/v/1.0.0',
      'cis-aws-foundations-benchmark/v/3.0.0',
      'pci-dss/v/4.0.1',
      'nist-800-53/v/5.0.0',
    ]),
  /**
   * Days after which an IAM user's console password expires (PCI DSS 8.3.9 asks for 90 at most
   * where passwords are the only factor). IAM accepts 1 to 1095.
   * @default 90
   */
  passwordMaxAgeDays: z
    .number()
    .int()
    .min(1, { error: 'expected 1 to 1095 days' })
    .max(1095, { error: 'expected 1 to 1095 days (the IAM maximum)' })
    .default(90),
  /**
   * Also run an IAM Access Analyzer unused-access analyzer that reports roles, users, keys and
   * permissions unused for this many days (billed per IAM role and user analysed).
   * @default - external-access analyzer only
   */
  unusedAccessAgeDays: z.number().int().min(1, { error: 'expected 1 to 365 days' }).max(365, { error: 'expected 1 to 365 days' }).optional(),
});
