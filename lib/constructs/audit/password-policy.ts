import * as path from 'path';
import { CustomResource, Duration, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { handlerCode } from '../common/handler-bundling';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { SecureLogGroup } from '../common/secure-log-group';

/** The floors of the account password policy (004 "strong passwords"; CIS 1.8 and 1.9). */
export const PASSWORD_POLICY_FLOORS = { minimumLength: 14, reusePrevention: 24 } as const;

/** Props of {@link AccountPasswordPolicy}. */
export interface AccountPasswordPolicyProps {
  /** Days after which a console password expires, 1 to 1095. */
  readonly maxPasswordAgeDays: number;
  /**
   * Minimum password length, at least 14.
   * @default 14
   */
  readonly minimumLength?: number;
  /** Key of the handler's log group. */
  readonly logKey: kms.IKey;
  /** Days the handler's log group keeps events. */
  readonly logRetentionDays: number;
}

/**
 * The IAM account password policy (IAM-PASSWORD-POLICY), which CloudFormation has no resource
 * for: a custom resource whose handler (`lib/lambda/password-policy`) applies at least 14
 * characters with every character class, blocks reuse of the last 24 passwords, expires
 * passwords after `maxPasswordAgeDays` without locking users out (no hard expiry), and restores
 * the policy that was in force before when the resource is deleted.
 */
export class AccountPasswordPolicy extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;
  /** The handler. */
  public readonly handler: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, props: AccountPasswordPolicyProps) {
    super(scope, id);
    const minimumLength = props.minimumLength ?? PASSWORD_POLICY_FLOORS.minimumLength;
    if (!Token.isUnresolved(minimumLength) && (minimumLength < PASSWORD_POLICY_FLOORS.minimumLength || minimumLength > 128)) {
      throw new Error(`AccountPasswordPolicy ${id}: minimumLength: got ${minimumLength}, expected ${PASSWORD_POLICY_FLOORS.minimumLength} to 128`);
    }
    const age = props.maxPasswordAgeDays;
    if (!Token.isUnresolved(age) && (!Number.isInteger(age) || age < 1 || age > 1095)) {
      throw new Error(`AccountPasswordPolicy ${id}: maxPasswordAgeDays: got ${age}, expected 1 to 1095`);
    }

    const role = new ManagedPolicyRole(this, 'HandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Applies and restores the IAM account password policy',
    });
    // The account password policy is not a resource: these actions accept only "*".
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy'],
        resources: ['*'],
      }),
    );
    acknowledge(role, 'passwordPolicyRole');
    const logGroup = new SecureLogGroup(this, 'HandlerLogs', {
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
    }).logGroup;
    logGroup.grantWrite(role);

    const entry = path.join(__dirname, '..', '..', 'lambda', 'password-policy', 'index.ts');
    this.handler = new nodejs.NodejsFunction(this, 'Handler', {
      code: handlerCode(entry),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.minutes(1),
      role,
      logGroup,
      description: 'Custom resource: IAM account password policy (IAM-PASSWORD-POLICY)',
    });
    acknowledge(this.handler, 'passwordPolicyHandler');

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.handler.functionArn,
      resourceType: 'Custom::AccountPasswordPolicy',
      properties: {
        MinimumPasswordLength: minimumLength,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        PasswordReusePrevention: PASSWORD_POLICY_FLOORS.reusePrevention,
        MaxPasswordAge: age,
        // An expired password is changed at the next sign-in instead of locking the user out
        // (which would need an administrator to reset it).
        HardExpiry: false,
      },
    });
    // The handler must be able to write its logs before CloudFormation sends the first event.
    this.resource.node.addDependency(role);
  }
}
