import { parse } from 'path';
import type { CfnResource } from 'aws-cdk-lib';
import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isInternetFacingAlb, isReferencedBy } from '../utils/references';

/**
 * Every internet-facing Application Load Balancer has a WAFv2 web ACL association (EDGE-WAF).
 *
 * cdk-nag's ALBWAFEnabled (NIST 800-53 R5, PCI DSS) looks for the association in the load
 * balancer's own stack only, and also flags internal load balancers. This rule searches the
 * whole environment stage, so the web ACL may live in an edge stack of its own, and leaves
 * internal load balancers alone: only what the internet can reach needs the web ACL.
 * @param node the CfnResource to check
 */
export default Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    if (!(node instanceof CfnLoadBalancer) || !isInternetFacingAlb(node)) return NagRuleCompliance.NOT_APPLICABLE;
    return isReferencedBy(node, CfnWebACLAssociation, (r) => r.resourceArn) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
  'name',
  { value: parse(__filename).name },
);
