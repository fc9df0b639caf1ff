import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * An IAM role whose grants land in one customer-managed policy instead of an inline one.
 *
 * CDK's grants (`bucket.grantRead(role)`) normally write an inline `DefaultPolicy`; NIST 800-53,
 * PCI DSS and HIPAA packs reject inline policies (they cannot be reviewed or versioned apart from
 * the identity). This role keeps the grant API and its least-privilege statements, but every
 * statement goes into a managed policy created on the first grant. No AWS managed policy is
 * attached unless the caller passes one.
 */
export class ManagedPolicyRole extends iam.Role {
  private grantsPolicy?: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    if (props.inlinePolicies && Object.keys(props.inlinePolicies).length > 0) {
      throw new Error(`ManagedPolicyRole ${id}: inlinePolicies is not allowed; grant to the role instead`);
    }
    super(scope, id, props);
  }

  public override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    if (!this.grantsPolicy) {
      // Attached from the policy's side (its Roles list), like an inline policy, not through the
      // role's ManagedPolicyArns: the policy may name resources that themselves reference this
      // role (a role that trusts it, a key whose policy names it), and the role must not depend
      // on those or CloudFormation sees a cycle.
      this.grantsPolicy = new iam.ManagedPolicy(this, 'GrantsPolicy', {
        description: `Least-privilege grants of ${this.node.path}`,
        roles: [this],
      });
    }
    this.grantsPolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.grantsPolicy };
  }
}
