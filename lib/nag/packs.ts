import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import type { Construct } from 'constructs';

/**
 * Registers the compliance packs every environment must pass. Findings fail synthesis; the only
 * way past one is a per-construct acknowledgement from `acknowledgements.ts`.
 *
 * - AwsSolutions: AWS Solutions' security matrix, the broadest general pack.
 * - NIST 800-53 rev 5 and HIPAA Security: the control frameworks customers' auditors ask for.
 * - PCI DSS 3.2.1: seed 000 names PCI DSS.
 */
export function registerCompliancePacks(app: Construct): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new NIST80053R5Checks(app),
    new PCIDSS321Checks(app),
    new HIPAASecurityChecks(app),
  );
}
