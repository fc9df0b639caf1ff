import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';

/** Props of {@link MfaRequiredGroup}. */
export interface MfaRequiredGroupProps {
  /** The group's name; administrators add every IAM user to it. */
  readonly groupName: string;
}

/** What a user may do before signing in with MFA: see and set up their own MFA device and password. */
const ALLOWED_WITHOUT_MFA = [
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetUser',
  'iam:GetMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'sts:GetSessionToken',
];

/**
 * The MFA requirement for IAM users (IAM-MFA-USERS): AWS's documented policy "allows
 * MFA-authenticated IAM users to manage their own credentials" as a managed policy on a group.
 * Until a user signs in with MFA (`BoolIfExists aws:MultiFactorAuthPresent false`, which also
 * catches long-term access keys, whose requests carry no MFA key) every action is denied except
 * managing their own MFA device and password. Staff normally have no IAM users at all (they
 * assume the staff roles); this group catches any that must exist.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
 */
export class MfaRequiredGroup extends Construct {
  /** The group. */
  public readonly group: iam.Group;
  /** The policy, attached to the group; attach it to any other group of users too. */
  public readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: MfaRequiredGroupProps) {
    super(scope, id);
    // Tokens, not the config's account: the policy reads the same in every account.
    const { ACCOUNT_ID: account, PARTITION: partition } = Aws;
    const self = `arn:${partition}:iam::${account}:user/\${aws:username}`;
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: 'Deny everything but managing one\'s own MFA device and password until signed in with MFA',
      statements: [
        new iam.PolicyStatement({
          sid: 'AllowViewAccountInfo',
          // Account-level reads without resource-level permissions.
          actions: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'AllowManageOwnPasswords',
          actions: ['iam:ChangePassword', 'iam:GetUser'],
          resources: [self],
        }),
        new iam.PolicyStatement({
          sid: 'AllowManageOwnVirtualMFADevice',
          actions: ['iam:CreateVirtualMFADevice'],
          // Any device name: the user names their device when creating it.
          resources: [`arn:${partition}:iam::${account}:mfa/*`],
        }),
        new iam.PolicyStatement({
          sid: 'AllowManageOwnUserMFA',
          actions: ['iam:DeactivateMFADevice', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
          resources: [self],
        }),
        new iam.PolicyStatement({
          sid: 'DenyAllExceptListedIfNoMFA',
          effect: iam.Effect.DENY,
          notActions: ALLOWED_WITHOUT_MFA,
          resources: ['*'],
          conditions: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ],
    });
    acknowledge(this.policy, 'mfaSelfManagement');
    this.group = new iam.Group(this, 'Resource', { groupName: props.groupName, managedPolicies: [this.policy] });
    acknowledge(this.group, 'mfaGroupWithoutUsers');
  }
}
