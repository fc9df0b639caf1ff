import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { CIS_METRIC_NAMESPACE } from '../../constants/metric-namespaces';
import { BREAK_GLASS_ROLE_ARN_GLOB, BreakGlassAlert } from '../identity/break-glass-alert';

/**
 * ARNs of break-glass roles match this CloudWatch Logs glob: it comes from the identity area's
 * role name (`<env>-break-glass`, {@link BREAK_GLASS_ROLE_ARN_GLOB}), so a rename there moves
 * the alarm with it; any role so named is covered, whoever creates it.
 */
export const BREAK_GLASS_ROLE_PATTERN = BREAK_GLASS_ROLE_ARN_GLOB;

/** One CIS AWS Foundations metric filter and its alarm. */
export interface CisAlarmDefinition {
  /** Construct ID and metric name. */
  readonly id: string;
  /** CIS AWS Foundations Benchmark v1.4 recommendation (Security Hub control in brackets). */
  readonly cis: string;
  /** What a breach means; the alarm description, read first by whoever is paged. */
  readonly description: string;
  /** CloudWatch Logs filter pattern over CloudTrail events. */
  readonly pattern: string;
  /** Events in 5 minutes that raise the alarm. */
  readonly threshold: number;
}

const anyOf = (names: readonly string[]) => names.map((n) => `($.eventName = ${n})`).join(' || ');

/**
 * The CIS AWS Foundations Benchmark monitoring recommendations (section 4 of v1.4, section 4 of
 * v3.0 as metric filters), plus the use of the break-glass role. Patterns follow the benchmark.
 */
export const CIS_ALARMS: readonly CisAlarmDefinition[] = [
  {
    id: 'UnauthorizedApiCalls',
    cis: '4.1 [CloudWatch.2]',
    description: 'API calls were denied (UnauthorizedOperation or AccessDenied): probing, a stolen credential or a broken deployment role.',
    pattern:
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    // A few denials happen in normal work (console pages probing permissions); five in five
    // minutes is a pattern.
    threshold: 5,
  },
  {
    id: 'ConsoleSignInWithoutMfa',
    cis: '4.2 [CloudWatch.3]',
    description: 'An IAM user signed in to the console without MFA.',
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    threshold: 1,
  },
  {
    id: 'RootAccountUse',
    cis: '4.3 [CloudWatch.1]',
    description: 'The root user made a call (sign-in or API). Root is for break-glass account tasks only.',
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    threshold: 1,
  },
  {
    id: 'IamPolicyChanges',
    cis: '4.4 [CloudWatch.4]',
    description: 'An IAM policy was created, changed, attached or detached.',
    pattern: `{ ${anyOf([
      'DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy',
      'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy',
      'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy',
    ])} }`,
    threshold: 1,
  },
  {
    id: 'CloudTrailChanges',
    cis: '4.5 [CloudWatch.5]',
    description: 'A trail was created, changed, deleted, started or stopped: the audit record itself may be affected.',
    pattern: `{ ${anyOf(['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'])} }`,
    threshold: 1,
  },
  {
    id: 'ConsoleAuthenticationFailures',
    cis: '4.6 [CloudWatch.6]',
    description: 'Console sign-ins failed: password guessing or a user locked out.',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    threshold: 3,
  },
  {
    id: 'CmkDisabledOrScheduledForDeletion',
    cis: '4.7 [CloudWatch.7]',
    description: 'A customer-managed KMS key was disabled or scheduled for deletion: data encrypted with it becomes unreadable.',
    pattern: '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
    threshold: 1,
  },
  {
    id: 'S3BucketPolicyChanges',
    cis: '4.8 [CloudWatch.8]',
    description: 'A bucket policy, ACL, CORS, lifecycle or replication configuration changed.',
    pattern: `{ ($.eventSource = s3.amazonaws.com) && (${anyOf([
      'PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication',
      'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication',
    ])}) }`,
    threshold: 1,
  },
  {
    id: 'ConfigChanges',
    cis: '4.9 [CloudWatch.9]',
    description: 'The AWS Config recorder or delivery channel was stopped, changed or deleted: compliance evaluation may be blind.',
    pattern: `{ ($.eventSource = config.amazonaws.com) && (${anyOf([
      'StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder',
    ])}) }`,
    threshold: 1,
  },
  {
    id: 'SecurityGroupChanges',
    cis: '4.10 [CloudWatch.10]',
    description: 'A security group or one of its rules was created, changed or deleted.',
    pattern: `{ ${anyOf([
      'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
      'CreateSecurityGroup', 'DeleteSecurityGroup',
    ])} }`,
    threshold: 1,
  },
  {
    id: 'NaclChanges',
    cis: '4.11 [CloudWatch.11]',
    description: 'A network ACL or one of its entries or associations changed.',
    pattern: `{ ${anyOf([
      'CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation',
    ])} }`,
    threshold: 1,
  },
  {
    id: 'NetworkGatewayChanges',
    cis: '4.12 [CloudWatch.12]',
    description: 'An internet or customer gateway was created, attached, detached or deleted: a new path in or out of the network.',
    pattern: `{ ${anyOf([
      'CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway',
    ])} }`,
    threshold: 1,
  },
  {
    id: 'RouteTableChanges',
    cis: '4.13 [CloudWatch.13]',
    description: 'A route or route table was created, replaced, deleted or (dis)associated.',
    pattern: `{ ($.eventSource = ec2.amazonaws.com) && (${anyOf([
      'CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable',
    ])}) }`,
    threshold: 1,
  },
  {
    id: 'VpcChanges',
    cis: '4.14 [CloudWatch.14]',
    description: 'A VPC or VPC peering connection was created, changed or deleted.',
    pattern: `{ ${anyOf([
      'CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc',
      'DisableVpcClassicLink', 'EnableVpcClassicLink',
    ])} }`,
    threshold: 1,
  },
  {
    id: 'BreakGlassRoleUse',
    cis: 'own (IAM-BREAK-GLASS-ALERT)',
    description: `Someone assumed or tried to assume a break-glass role (role ARN matching ${BREAK_GLASS_ROLE_PATTERN}, by AssumeRole or AssumeRoleWithSAML). Every use must match an open incident.`,
    // The identity area's own filter (IAM-BREAK-GLASS-ALERT), so the two alerts match the same calls.
    pattern: BreakGlassAlert.filterPattern(BREAK_GLASS_ROLE_PATTERN).logPatternString,
    threshold: 1,
  },
];

/** Props of {@link CisAlarms}. */
export interface CisAlarmsProps {
  /** The CloudTrail trail's log group. */
  readonly logGroup: logs.ILogGroup;
  /** Topic every alarm notifies (the security alert topic). */
  readonly alarmTopic: sns.ITopic;
  /**
   * Namespace of the metrics the filters publish.
   * @default CIS_METRIC_NAMESPACE
   */
  readonly metricNamespace?: string;
}

/**
 * One metric filter and one alarm per CIS monitoring recommendation on the trail's log group
 * (MON-CIS-ALARMS). Each alarm notifies the security topic; missing data is not a breach (no
 * matching event is the normal case).
 */
export class CisAlarms extends Construct {
  /** The alarms, by definition ID. */
  public readonly alarms: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: CisAlarmsProps) {
    super(scope, id);
    const namespace = props.metricNamespace ?? CIS_METRIC_NAMESPACE;
    const notify = new actions.SnsAction(props.alarmTopic);
    for (const def of CIS_ALARMS) {
      const group = new Construct(this, def.id);
      const filter = new logs.MetricFilter(group, 'Filter', {
        logGroup: props.logGroup,
        filterPattern: logs.FilterPattern.literal(def.pattern),
        metricNamespace: namespace,
        metricName: def.id,
        metricValue: '1',
      });
      const alarm = new cloudwatch.Alarm(group, 'Alarm', {
        alarmDescription: `CIS ${def.cis}: ${def.description} Runbook: docs/audit.md#${def.id.toLowerCase()}`,
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
        threshold: def.threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(notify);
      this.alarms[def.id] = alarm;
    }
  }
}
