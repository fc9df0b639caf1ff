import { parse } from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { APP_LOG_TAG } from '../../constants/tags';
import { tagsOf } from '../utils/references';

/**
 * Application log groups mask personal data (LOG-NO-CLIENT-CONTENT): every
 * `AWS::Logs::LogGroup` tagged with `APP_LOG_TAG` has a `DataProtectionPolicy` with a
 * `Deidentify` statement that masks at least one data identifier. Untagged log groups (flow
 * logs, audit trails, platform logs) are not application logs and are not checked. cdk-nag's
 * packs check log group encryption and retention, not data protection.
 * @param node the CfnResource to check
 */
export default Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    if (!(node instanceof CfnLogGroup) || tagsOf(node)[APP_LOG_TAG.key] !== APP_LOG_TAG.value) return NagRuleCompliance.NOT_APPLICABLE;
    const policy = Stack.of(node).resolve(node.dataProtectionPolicy) as { Statement?: unknown } | undefined;
    const statements = (Array.isArray(policy?.Statement) ? policy.Statement : []) as Array<{ DataIdentifier?: unknown; Operation?: { Deidentify?: { MaskConfig?: unknown } } }>;
    const masks = statements.some(
      (s) => s.Operation?.Deidentify?.MaskConfig !== undefined && Array.isArray(s.DataIdentifier) && s.DataIdentifier.length > 0,
    );
    return masks ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
  'name',
  { value: parse(__filename).name },
);
