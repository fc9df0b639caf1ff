/**
 * Acknowledgements of the account baseline (lib/constructs/audit/ and its stack): the AWS Config
 * recorder and its bucket, the password policy handler and its role, and the GuardDuty detector.
 */
import type { Acknowledgement } from './entry';

export const AUDIT_ACKNOWLEDGEMENTS = {
  /** The AWS Config recorder's role (ConfigRecorder). */
  configRecorderRole: [
    {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
      control: 'MON-CONFIG-RULES',
      reason:
        'AWS_ConfigRole is the policy AWS maintains for the recorder: it grants read access to every resource type Config records and AWS extends it with each new type; a copy of ours would fall behind and recording would silently miss new types.',
    },
    {
      // The bucket's logical ID is pinned (test/stateful-logical-ids.json), so this ID is stable.
      rule: 'AwsSolutions-IAM5[Resource::<ConfigBucketE7CC15D9.Arn>/config/AWSLogs/<AWS::AccountId>/Config/*]',
      control: 'MON-CONFIG-RULES',
      reason:
        'The only wildcard is the object key under the delivery prefix <bucket>/config/AWSLogs/<account>/Config/*: Config names each history and snapshot file by date and ID, so no narrower resource exists.',
    },
  ],
  /** The password policy handler's role (AccountPasswordPolicy). */
  passwordPolicyRole: [
    {
      rule: 'AwsSolutions-IAM5[Resource::*]',
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'iam:Get/Update/DeleteAccountPasswordPolicy have no resource type (the password policy is an account setting), so IAM accepts only "*"; the role holds these three actions and log writes to its own log group, nothing else.',
    },
  ],
  /** The password policy custom resource handler (AccountPasswordPolicy). */
  passwordPolicyHandler: [
    {
      rule: 'Serverless-LambdaDLQ',
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'CloudFormation waits for the handler\'s answer: a failed invocation fails (and rolls back) the deployment visibly, so there is no lost event a dead-letter queue could keep.',
    },
    {
      rule: 'Serverless-LambdaTracing',
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'The handler runs once per deployment of the account baseline and makes one IAM call; CloudFormation records the outcome in the stack events and the handler logs to its encrypted log group. ' +
        'X-Ray would need xray:PutTraceSegments on "*" (X-Ray defines no resource types) for a trace of a single call.',
    },
    ...['NIST.800.53.R5', 'HIPAA.Security'].flatMap((pack): Acknowledgement[] => [
      {
        rule: `${pack}-LambdaConcurrency`,
        control: 'IAM-PASSWORD-POLICY',
        reason:
          'Only CloudFormation invokes the handler, once per deployment of the stack; reserving concurrency would fail in new accounts whose quota is 10 (Lambda keeps 10 unreserved) and protects nothing.',
      },
      {
        rule: `${pack}-LambdaDLQ`,
        control: 'IAM-PASSWORD-POLICY',
        reason:
          'CloudFormation waits for the handler\'s answer: a failed invocation fails (and rolls back) the deployment visibly, so there is no lost event a dead-letter queue could keep.',
      },
    ]),
    ...['NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC', 'HIPAA.Security-LambdaInsideVPC', 'CT.LAMBDA.PR.3'].map((rule): Acknowledgement => ({
      rule,
      control: 'IAM-PASSWORD-POLICY',
      reason:
        'The account baseline deploys without (and before) any VPC, and the handler holds no data: it only calls the global IAM endpoint with a role limited to the password-policy actions.',
    })),
  ],
  /** The AWS Config delivery bucket (ConfigBucket). */
  controlTowerConfigBucketObjectLock: [
    {
      rule: 'CT.S3.PR.9',
      control: 'MON-CONFIG-RULES',
      reason:
        'The bucket holds copies of configuration history and snapshots; the record itself is kept by AWS Config (configuration items, seven years by default), ' +
        'and every change that produced it is in CloudTrail, whose bucket carries Object Lock (AUD-TRAIL-BUCKET). The bucket is versioned, KMS-encrypted and retained.',
    },
  ],
  /** The GuardDuty detector (its protection plans are set through Features). */
  controlTowerGuardDutyFeatures: [
    {
      // The rule reads the legacy DataSources.S3Logs; the detector sets S3_DATA_EVENTS in Features.
      rule: 'CT.GUARDDUTY.PR.1',
      control: 'MON-GUARDDUTY',
      reason:
        'S3 protection is on: the detector enables S3_DATA_EVENTS in Features, which supersedes DataSources. The rule reads only DataSources.S3Logs, and CloudFormation ' +
        'takes "either DataSources or Features in a one request, and not both" (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-guardduty-detector.html). A test asserts S3_DATA_EVENTS is ENABLED.',
    },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;
