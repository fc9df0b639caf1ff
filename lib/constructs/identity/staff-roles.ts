import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EVIDENCE_READ_ACTIONS } from '../../evidence/actions';
import { acknowledge } from '../../nag/acknowledgements';
import { BREAK_GLASS_ROLE_SUFFIX } from './break-glass-alert';
import { StaffRole } from './staff-role';
import {
  administratorStatements,
  customerDataDenyStatements,
  deployStatements,
  operationalReadStatements,
  regionGuardrailStatement,
} from './staff-policies';

/** Props of {@link StaffRoles}. */
export interface StaffRolesProps {
  /** Prefix of the role names (the environment's name), e.g. `production` → `production-administrator`. */
  readonly namePrefix: string;
  /** Account IDs or IAM SAML provider ARNs allowed to assume the roles. */
  readonly trustedPrincipals: readonly string[];
  /** Regions staff may act in; every other region is denied except for global services. */
  readonly allowedRegions: readonly string[];
  /** Maximum session of the developer and security-auditor roles (1 to 12 hours). */
  readonly sessionDuration: Duration;
  /**
   * Maximum session of the administrator, operator and break-glass roles.
   * @default Duration.hours(1) - the IAM minimum
   */
  readonly privilegedSessionDuration?: Duration;
  /**
   * Maximum age of the MFA sign-in behind an administrator, operator or break-glass session.
   * @default Duration.hours(1)
   */
  readonly mfaMaxAge?: Duration;
  /**
   * Buckets of customer data outside the tenant datastores (the Cognito authentication events),
   * whose objects the customer-data deny names explicitly, beside its deny of object reads in
   * every bucket.
   * @default [] - the deny of object reads in every bucket only
   */
  readonly customerDataBuckets?: readonly s3.IBucket[];
  /**
   * For SAML principals: the identity provider setting that requires MFA (see {@link StaffRoleProps.samlMfaEnforcedBy}).
   * @default - none; required when a SAML provider is trusted
   */
  readonly samlMfaEnforcedBy?: string;
}

/**
 * The staff permission levels (IAM-STAFF-ROLES), each a {@link StaffRole} (MFA-only trust,
 * bounded session) carrying the region guardrail (IAM-REGION-GUARDRAIL):
 *
 * - administrator: everything, with an MFA sign-in of the last hour;
 * - operator: deploys through the CDK deploy and publishing bootstrap roles and runs day-two
 *   operations, with an MFA sign-in of the last hour (the deploy role reaches CloudFormation's
 *   execution role, so the operator is privileged);
 * - developer: reads logs, metrics, traces and service configuration;
 * - security auditor: AWS's SecurityAudit policy (configuration of every service, no data);
 * - break-glass: everything, for when the identity provider or the other roles fail; every use
 *   alerts (IAM-BREAK-GLASS-ALERT).
 *
 * Operator, developer and auditor are denied customer data (IAM-CUSTOMER-DATA-RESTRICTED).
 * No permissions boundary: none of these roles but the two administrators may create roles or
 * policies, so a boundary would constrain nobody who is not already unconstrained.
 */
export class StaffRoles extends Construct {
  public readonly administrator: iam.Role;
  public readonly operator: iam.Role;
  public readonly developer: iam.Role;
  public readonly securityAuditor: iam.Role;
  public readonly breakGlass: iam.Role;
  /** Denies actions outside the allowed regions; attached to every staff role. */
  public readonly regionGuardrail: iam.ManagedPolicy;
  /** Denies customer data; attached to the operator, developer and auditor roles. */
  public readonly customerDataDeny: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: StaffRolesProps) {
    super(scope, id);
    const privileged = props.privilegedSessionDuration ?? Duration.hours(1);
    const mfaMaxAge = props.mfaMaxAge ?? Duration.hours(1);
    if (privileged.toSeconds() > props.sessionDuration.toSeconds()) {
      throw new Error(`StaffRoles ${id}: privilegedSessionDuration got ${privileged.toHours()} hours, expected at most sessionDuration (${props.sessionDuration.toHours()} hours)`);
    }

    const policy = (policyId: string, description: string, statements: iam.PolicyStatement[]) =>
      new iam.ManagedPolicy(this, policyId, { description, statements });
    this.regionGuardrail = policy('RegionGuardrail', `Staff may act only in ${props.allowedRegions.join(', ')} (global services exempt)`, [
      regionGuardrailStatement(props.allowedRegions),
    ]);
    this.customerDataDeny = policy('CustomerDataDeny', 'Keeps customer data from staff roles below administrator', customerDataDenyStatements(props.customerDataBuckets ?? []));
    const operationalRead = policy('OperationalRead', 'Read logs, metrics, traces and service configuration', operationalReadStatements());
    acknowledge(operationalRead, 'staffReadOnlyDescribe');
    const deploy = policy('Deploy', 'Deploy through the CDK bootstrap roles and operate running services', deployStatements());
    acknowledge(deploy, 'staffDeploy');
    const administrator = policy('AdministratorAccess', 'Full access for the MFA-gated administrator and break-glass roles', administratorStatements());
    acknowledge(administrator, 'staffAdministrator');

    const role = (roleId: string, name: string, description: string, session: Duration, policies: iam.IManagedPolicy[], maxAge?: Duration) =>
      new StaffRole(this, roleId, {
        roleName: `${props.namePrefix}-${name}`,
        description,
        trustedPrincipals: props.trustedPrincipals,
        maxSessionDuration: session,
        mfaMaxAge: maxAge,
        managedPolicies: [this.regionGuardrail, ...policies],
        samlMfaEnforcedBy: props.samlMfaEnforcedBy,
      }).role;

    this.administrator = role('Administrator', 'administrator', 'Staff administrator: full access, MFA within the last hour', privileged, [administrator], mfaMaxAge);
    this.operator = role('Operator', 'operator', 'Staff operator: deploys and operates, no customer data, MFA within the last hour', privileged, [deploy, operationalRead, this.customerDataDeny], mfaMaxAge);
    this.developer = role('Developer', 'developer', 'Staff developer: reads operational data, no customer data', props.sessionDuration, [operationalRead, this.customerDataDeny]);
    // SecurityAudit is AWS-maintained: it follows every new service and API, which a hand-kept
    // copy would not; it grants configuration reads, no data reads (and the deny holds anyway).
    const securityAudit = iam.ManagedPolicy.fromAwsManagedPolicyName('SecurityAudit');
    // The reads of `npm run evidence`, named one by one (lib/evidence/aws.ts), so the auditor can
    // collect evidence whatever SecurityAudit covers at the time.
    const evidenceRead = policy('EvidenceRead', 'Read the compliance status npm run evidence collects (Describe, Get and List calls only)', [
      new iam.PolicyStatement({ actions: [...EVIDENCE_READ_ACTIONS], resources: ['*'] }),
    ]);
    acknowledge(evidenceRead, 'auditorEvidenceRead');
    this.securityAuditor = role('SecurityAuditor', 'security-auditor', 'Security auditor: configuration of every service, no customer data', props.sessionDuration, [securityAudit, evidenceRead, this.customerDataDeny]);
    acknowledge(this.securityAuditor, 'securityAuditManagedPolicy');
    // The alerts match this name (BREAK_GLASS_ROLE_SUFFIX): IAM-BREAK-GLASS-ALERT.
    this.breakGlass = role('BreakGlass', BREAK_GLASS_ROLE_SUFFIX, 'Break-glass: full access for emergencies; every use alerts security', privileged, [administrator], mfaMaxAge);
  }
}
