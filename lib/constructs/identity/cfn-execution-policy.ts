/**
 * The CloudFormation execution policy to bootstrap each environment with (docs/identity.md,
 * "What the operator can deploy"): one source for the JSON an administrator creates and for the
 * test that checks it covers every resource type the stacks synthesize.
 *
 *   npm run --silent cfn-execution-policy -- production          > cfn-execution-policy.json
 *   npm run --silent cfn-execution-policy -- production global   > cfn-execution-policy-global-events.json
 */
import { GLOBAL_SERVICE_ACTIONS } from './staff-policies';

/**
 * The IAM service prefixes the home-region stacks create resources with. A deployment that adds
 * a resource type of another service fails with AccessDenied until its prefix is added here
 * (test/identity.test.ts derives the prefixes from every synthesized template).
 */
export const CFN_EXECUTION_SERVICES: readonly string[] = [
  'access-analyzer',
  'backup',
  'cloudformation',
  'cloudtrail',
  'cloudwatch',
  'cognito-idp',
  'config',
  'ec2',
  'ecs',
  'elasticloadbalancing',
  'events',
  'guardduty',
  'iam',
  'kms',
  'lambda',
  'logs',
  'rds',
  's3',
  'secretsmanager', // RDS-managed master credentials
  'securityhub',
  'shield',
  'sns',
  'sqs',
  'ssm',
  'wafv2',
];

/**
 * Single actions of other services that creating a resource needs:
 * - `backup-storage:MountCapsule`, which `backup:*` does not include: AWS Backup lists it among
 *   the permissions to create a vault ("Backup vault creation and deletion",
 *   https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault.html);
 * - ACM reads, for the Client VPN endpoint and the HTTPS listener that name certificates (a
 *   precaution: read-only, and no AWS page we found says whether the caller needs them).
 */
export const CFN_EXECUTION_EXTRA_ACTIONS: readonly string[] = ['backup-storage:MountCapsule', 'acm:DescribeCertificate', 'acm:GetCertificate'];

/**
 * What the us-east-1 `GlobalEvents` stack creates: two EventBridge rules and their role, the
 * dead-letter queue of their undelivered events with its key and alarm, and the alert topics that
 * alarm notifies (INC-ALERT-DELIVERY).
 */
export const GLOBAL_EVENTS_EXECUTION_SERVICES: readonly string[] = ['cloudformation', 'cloudwatch', 'events', 'iam', 'kms', 'sns', 'sqs'];

/** Actions no stack needs and an execution role must never have. */
export const CFN_EXECUTION_DENIED_ACTIONS: readonly string[] = ['iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'organizations:*', 'account:*'];

/** An IAM policy document, as `aws iam create-policy --policy-document` takes it. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: ReadonlyArray<Record<string, unknown>>;
}

/**
 * The execution policy of one region: allow the services (and single actions) the stacks there
 * use, deny user and key creation, and keep every non-global action inside `allowedRegions`.
 * @param kind `home` for the environment's own region, `global` for the us-east-1 GlobalEvents stack
 */
export function cfnExecutionPolicy(allowedRegions: readonly string[], kind: 'home' | 'global' = 'home'): PolicyDocument {
  const services = kind === 'home' ? CFN_EXECUTION_SERVICES : GLOBAL_EVENTS_EXECUTION_SERVICES;
  const regions = kind === 'home' ? [...allowedRegions] : ['us-east-1'];
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'StackServices', Effect: 'Allow', Action: services.map((s) => `${s}:*`), Resource: '*' },
      ...(kind === 'home' ? [{ Sid: 'ResourceCreationExtras', Effect: 'Allow', Action: [...CFN_EXECUTION_EXTRA_ACTIONS], Resource: '*' }] : []),
      { Sid: 'NoStackNeedsThese', Effect: 'Deny', Action: [...CFN_EXECUTION_DENIED_ACTIONS], Resource: '*' },
      {
        Sid: 'DenyOutsideAllowedRegions',
        Effect: 'Deny',
        NotAction: [...GLOBAL_SERVICE_ACTIONS],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } },
      },
    ],
  };
}
