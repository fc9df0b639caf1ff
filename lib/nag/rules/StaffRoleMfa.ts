import { parse } from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isTrue } from '../utils/references';

/** The SAML condition key that carries the authentication context class the IdP asserted. */
export const SAML_AUTHN_CONTEXT_KEY = 'saml:AuthnContextClassRef';

/**
 * Staff roles can be assumed only with MFA (IAM-MFA-ROLES).
 *
 * A role is a staff role when a statement of its trust policy allows a person to assume it:
 * an `AWS` principal (an account, a user or role ARN, or `*`), or a SAML provider
 * (`sts:AssumeRoleWithSAML`). Service principals are workloads, and web-identity (OIDC)
 * federation is used for CI and customer identities, so neither makes a staff role.
 *
 * - An `AWS` principal statement must carry `Bool: { aws:MultiFactorAuthPresent: true }`.
 *   `BoolIfExists` does not count: it lets long-term access keys, which carry no MFA context,
 *   through.
 * - STS never sets `aws:MultiFactorAuthPresent` for SAML sessions: IAM cannot see the IdP's
 *   MFA. A SAML statement must therefore pin `saml:AuthnContextClassRef` to the MFA context
 *   the IdP asserts (for example `http://schemas.microsoft.com/claims/multipleauthn`), so that
 *   a sign-in without MFA is refused by IAM itself. Where the IdP enforces MFA on every sign-in
 *   and cannot assert a context (IAM Identity Center with MFA "every time"), acknowledge this
 *   rule on that one role citing IAM-MFA-ROLES and the IdP setting that enforces it.
 * @param node the CfnResource to check
 */
export default Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    if (!(node instanceof CfnRole)) return NagRuleCompliance.NOT_APPLICABLE;
    const document = Stack.of(node).resolve(node.assumeRolePolicyDocument) as { Statement?: unknown } | undefined;
    const statements = asList(document?.Statement) as TrustStatement[];
    let staff = false;
    for (const statement of statements) {
      if (statement.Effect !== 'Allow') continue;
      const principal = statement.Principal ?? {};
      const actions = asList(statement.Action).map(String);
      const conditions = statement.Condition ?? {};
      if (principal === '*' || (typeof principal === 'object' && 'AWS' in principal)) {
        staff = true;
        if (!asList(lowerKeys(conditions.Bool ?? {})['aws:multifactorauthpresent']).some(isTrue)) return NagRuleCompliance.NON_COMPLIANT;
      } else if (isSaml(principal, actions)) {
        staff = true;
        const pinned = Object.values(conditions).some((operator) => operator !== null && typeof operator === 'object' && SAML_AUTHN_CONTEXT_KEY.toLowerCase() in lowerKeys(operator));
        if (!pinned) return NagRuleCompliance.NON_COMPLIANT;
      }
    }
    return staff ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
  },
  'name',
  { value: parse(__filename).name },
);

interface TrustStatement {
  Effect?: string;
  Principal?: '*' | Record<string, unknown>;
  Action?: unknown;
  Condition?: Record<string, Record<string, unknown> | undefined> & { Bool?: Record<string, unknown> };
}

function isSaml(principal: unknown, actions: string[]): boolean {
  if (actions.some((a) => a.toLowerCase() === 'sts:assumerolewithsaml')) return true;
  if (typeof principal !== 'object' || principal === null || !('Federated' in principal)) return false;
  return JSON.stringify((principal as { Federated: unknown }).Federated).includes(':saml-provider/');
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Condition keys are case-insensitive in IAM. */
function lowerKeys(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}
