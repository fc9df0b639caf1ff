import { Duration, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';

/** An IAM SAML provider ARN (an external IdP, or the provider IAM Identity Center creates). */
const SAML_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[A-Za-z0-9_.+=,@-]{1,128}$/;

/** Props of {@link StaffRole}. */
export interface StaffRoleProps {
  /** The role's name: staff switch to it by name, so it is fixed. */
  readonly roleName: string;
  /** What the role is for; becomes the role's description. */
  readonly description: string;
  /**
   * Who may assume the role: 12-digit account IDs or IAM SAML provider ARNs. Each becomes one
   * trust statement. An account's principals need MFA (`aws:MultiFactorAuthPresent`); a SAML
   * provider's sessions carry no MFA context keys, so for those MFA is enforced at the identity
   * provider (see docs/identity.md) and the statement pins the AWS sign-in audience.
   */
  readonly trustedPrincipals: readonly string[];
  /** The role's maximum session, 1 to 12 hours. */
  readonly maxSessionDuration: Duration;
  /**
   * Require the MFA sign-in behind the session to be at most this old (`aws:MultiFactorAuthAge`).
   * @default - any MFA sign-in within the caller's session is accepted
   */
  readonly mfaMaxAge?: Duration;
  /** Managed policies granting the role's permissions (and the guardrails every staff role carries). */
  readonly managedPolicies: readonly iam.IManagedPolicy[];
  /**
   * The identity provider's setting that requires MFA on every sign-in, for SAML principals: STS
   * sets no MFA context for SAML sessions, so IAM cannot check it. It is appended to the role's
   * description, and the own pack's StaffRoleMfa finding is acknowledged on this role citing it.
   * @default - none; required when a trusted principal is a SAML provider
   */
  readonly samlMfaEnforcedBy?: string;
}

/**
 * A role for people (IAM-STAFF-ROLES): assumable only by the trusted principals, only with MFA
 * (IAM-MFA-ROLES), with a bounded session and permissions only from managed policies.
 */
export class StaffRole extends Construct {
  /** The role. */
  public readonly role: ManagedPolicyRole;

  constructor(scope: Construct, id: string, props: StaffRoleProps) {
    super(scope, id);
    if (props.trustedPrincipals.length === 0) throw new Error(`StaffRole ${id}: trustedPrincipals is empty; expected at least one account ID or SAML provider ARN`);
    const hours = props.maxSessionDuration.toHours({ integral: false });
    if (hours < 1 || hours > 12) throw new Error(`StaffRole ${id}: maxSessionDuration got ${hours} hours, IAM allows 1 to 12`);
    const maxAge = props.mfaMaxAge?.toSeconds();
    if (maxAge !== undefined && !Token.isUnresolved(maxAge) && (maxAge < 300 || maxAge > 43200)) {
      throw new Error(`StaffRole ${id}: mfaMaxAge got ${maxAge} seconds, expected 300 to 43200`);
    }

    const saml = props.trustedPrincipals.some((p) => SAML_PROVIDER_ARN.test(p));
    if (saml && !props.samlMfaEnforcedBy) {
      throw new Error(`StaffRole ${id}: a SAML provider is trusted; samlMfaEnforcedBy must name the identity provider setting that requires MFA (IAM-MFA-ROLES)`);
    }
    const principals = props.trustedPrincipals.map((p, i) => this.principal(id, p, i, maxAge));
    this.role = new ManagedPolicyRole(this, 'Resource', {
      roleName: props.roleName,
      description: saml ? `${props.description}. SAML sessions: MFA required by the identity provider (${props.samlMfaEnforcedBy})` : props.description,
      assumedBy: principals[0],
      maxSessionDuration: props.maxSessionDuration,
      managedPolicies: [...props.managedPolicies],
    });
    if (saml) acknowledge(this.role, 'samlIdentityProviderMfa');
    // One statement per principal: each carries its own conditions (a composite principal
    // would merge them and lose the per-statement MFA condition).
    for (const principal of principals.slice(1)) {
      this.role.assumeRolePolicy!.addStatements(
        new iam.PolicyStatement({ actions: [principal.assumeRoleAction], principals: [principal] }),
      );
    }
  }

  private principal(id: string, value: string, index: number, mfaMaxAgeSeconds?: number): iam.IPrincipal {
    if (/^\d{12}$/.test(value)) {
      // The account's administrators decide which of its users and roles may call sts:AssumeRole
      // on this role; the condition makes every such call carry MFA.
      return new iam.AccountPrincipal(value).withConditions({
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        ...(mfaMaxAgeSeconds !== undefined ? { NumericLessThan: { 'aws:MultiFactorAuthAge': String(mfaMaxAgeSeconds) } } : {}),
      });
    }
    if (SAML_PROVIDER_ARN.test(value)) {
      // Adds StringEquals SAML:aud https://signin.aws.amazon.com/saml: only console sign-ins.
      return new iam.SamlConsolePrincipal(iam.SamlProvider.fromSamlProviderArn(this, `SamlProvider${index}`, value));
    }
    throw new Error(`StaffRole ${id}: trustedPrincipals got "${value}", expected a 12-digit account ID or an IAM SAML provider ARN`);
  }
}
