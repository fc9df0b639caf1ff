import { Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { receiveReadOnlyManagementEvents } from '../common/management-event-rule';
import { AlertDeadLetterQueue } from '../monitoring/alert-dead-letter-queue';

/**
 * The last part of the break-glass role's name: {@link StaffRoles} names it
 * `<env>-break-glass`, and the account-wide CIS alarm matches every role name ending in it.
 * One constant, so that the role and both alerts cannot drift apart (IAM-BREAK-GLASS-ALERT).
 */
export const BREAK_GLASS_ROLE_SUFFIX = 'break-glass';

/** The name of the break-glass role of an environment, e.g. `production-break-glass`. */
export function breakGlassRoleName(namePrefix: string): string {
  return `${namePrefix}-${BREAK_GLASS_ROLE_SUFFIX}`;
}

/**
 * A CloudWatch Logs glob matching the ARN of every break-glass role, whatever the environment
 * or account: the account baseline's CIS alarm uses it, as it does not know the environment.
 * One leading wildcard only, the form the CIS benchmark's own patterns use
 * (`"*UnauthorizedOperation"`).
 */
export const BREAK_GLASS_ROLE_ARN_GLOB = `*-${BREAK_GLASS_ROLE_SUFFIX}`;

/**
 * The STS calls that assume a role: staff trusted through an account call `AssumeRole`, staff
 * federated through a SAML provider (an external IdP, IAM Identity Center) `AssumeRoleWithSAML`.
 */
export const ASSUME_ROLE_EVENTS: readonly string[] = ['AssumeRole', 'AssumeRoleWithSAML'];

/**
 * The ARN of an environment's break-glass role, from its fixed name rather than a GetAtt: stacks
 * other than the one creating the role (the alert, the us-east-1 forwarding) can name it without
 * a cross-stack reference that would pin the identity stack.
 */
export function breakGlassRoleArn(scope: Construct, namePrefix: string): string {
  return Arn.format(
    { service: 'iam', region: '', resource: 'role', resourceName: breakGlassRoleName(namePrefix), arnFormat: ArnFormat.SLASH_RESOURCE_NAME },
    Stack.of(scope),
  );
}

/**
 * The CloudTrail management events of an assumption (account or SAML) of `roleArn`. The
 * home-region rule of {@link BreakGlassAlert} matches it, and so does the us-east-1 rule of
 * `GlobalEventForwarding`, which forwards matching events unchanged to the home region's bus.
 */
export function breakGlassEventPattern(roleArn: string): events.EventPattern {
  return {
    source: ['aws.sts'],
    detailType: ['AWS API Call via CloudTrail'],
    detail: { eventSource: ['sts.amazonaws.com'], eventName: [...ASSUME_ROLE_EVENTS], requestParameters: { roleArn: [roleArn] } },
  };
}

/** Props of {@link BreakGlassAlert}. */
export interface BreakGlassAlertProps {
  /** ARN of the break-glass role. */
  readonly roleArn: string;
  /** The security alert topic that pages the on-call. */
  readonly topic: sns.ITopic;
  /**
   * Topics the dead-letter alarm notifies (INC-ALERT-DELIVERY).
   * @default - the security topic only
   */
  readonly deadLetterAlarmTopics?: readonly sns.ITopic[];
}

/**
 * Raises a security alert on every assumption of the break-glass role (IAM-BREAK-GLASS-ALERT):
 * an EventBridge rule on CloudTrail's `AssumeRole` and `AssumeRoleWithSAML` management events
 * naming the role, delivered to the security topic. CloudTrail delivers management events to
 * EventBridge in the region of the STS endpoint called; assumptions through the global endpoint
 * land in us-east-1, from where the `GlobalEvents` stack forwards them to this rule (unless
 * `alerts.forwardGlobalEvents` is off). The account baseline's CIS alarm `BreakGlassRoleUse` watches the
 * account trail's log group (which records every region) with
 * {@link BreakGlassAlert.filterPattern}`(`{@link BREAK_GLASS_ROLE_ARN_GLOB}`)`;
 * {@link BreakGlassAlert.metricFilterPattern} is the same filter for this one role.
 */
export class BreakGlassAlert extends Construct {
  /** The event pattern, for other rules (for example in us-east-1) that watch the same role. */
  public readonly eventPattern: events.EventPattern;
  /** The CloudWatch Logs filter pattern for a metric filter on the CloudTrail log group. */
  public readonly metricFilterPattern: logs.IFilterPattern;
  /** The rule. */
  public readonly rule: events.Rule;
  /** Where EventBridge keeps alerts it could not deliver to the topic. */
  public readonly deadLetters: AlertDeadLetterQueue;

  constructor(scope: Construct, id: string, props: BreakGlassAlertProps) {
    super(scope, id);
    this.eventPattern = breakGlassEventPattern(props.roleArn);
    this.metricFilterPattern = BreakGlassAlert.filterPattern(props.roleArn);
    this.rule = new events.Rule(this, 'Resource', {
      description: 'Break-glass role assumed: page security (IAM-BREAK-GLASS-ALERT)',
      eventPattern: this.eventPattern,
    });
    // AssumeRole and AssumeRoleWithSAML are read-only management events: a rule in state ENABLED
    // never receives them, and the alert would stay silent.
    receiveReadOnlyManagementEvents(this.rule);
    this.deadLetters = new AlertDeadLetterQueue(this, 'DeadLetters', {
      purpose: 'Break-glass alerts',
      alarmTopics: props.deadLetterAlarmTopics ?? [props.topic],
      sources: ['eventbridge'],
    });
    this.deadLetters.watch(this.rule);
    this.rule.addTarget(
      new targets.SnsTopic(props.topic, {
        ...this.deadLetters.targetProps,
        message: events.RuleTargetInput.fromText(
          `Break-glass role ${props.roleArn} assumed by ${events.EventField.fromPath('$.detail.userIdentity.arn')} ` +
            `from ${events.EventField.fromPath('$.detail.sourceIPAddress')} at ${events.EventField.time}. ` +
            'Confirm the emergency with the person named, then follow the break-glass runbook in docs/identity.md.',
        ),
      }),
    );
  }

  /**
   * The metric filter pattern matching an assumption (account or SAML) of `roleArn` in CloudTrail
   * logs. `roleArn` may be a CloudWatch Logs glob such as {@link BREAK_GLASS_ROLE_ARN_GLOB}.
   * Refused attempts match too: someone trying the break-glass role is as worth a page as
   * someone using it.
   */
  public static filterPattern(roleArn: string): logs.IFilterPattern {
    return logs.FilterPattern.all(
      logs.FilterPattern.stringValue('$.eventSource', '=', 'sts.amazonaws.com'),
      logs.FilterPattern.any(...ASSUME_ROLE_EVENTS.map((name) => logs.FilterPattern.stringValue('$.eventName', '=', name))),
      logs.FilterPattern.stringValue('$.requestParameters.roleArn', '=', roleArn),
    );
  }
}
