import { parse } from 'path';
import type { CfnResource } from 'aws-cdk-lib';
import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CfnProtection } from 'aws-cdk-lib/aws-shield';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isInternetFacingAlb, isReferencedBy } from '../utils/references';

/**
 * Every internet-facing Application Load Balancer has an `AWS::Shield::Protection`
 * (EDGE-DDOS-SHIELD). Shield Advanced is a subscription of the account, switched on per
 * environment (`edge.shieldAdvanced`): the SaasBaseline pack applies this rule only to the
 * stages whose environment enables it. No cdk-nag pack checks Shield protections.
 * @param node the CfnResource to check
 */
export default Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    if (!(node instanceof CfnLoadBalancer) || !isInternetFacingAlb(node)) return NagRuleCompliance.NOT_APPLICABLE;
    return isReferencedBy(node, CfnProtection, (r) => r.resourceArn) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
  'name',
  { value: parse(__filename).name },
);
