import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Props of {@link BreakGlassAlert}. */
export interface BreakGlassAlertProps {
  /** ARN of the break-glass role. */
  readonly roleArn: string;
  /** The security alert topic that pages the on-call. */
  readonly topic: sns.ITopic;
}

/**
 * Raises a security alert on every assumption of the break-glass role (IAM-BREAK-GLASS-ALERT):
 * an EventBridge rule on CloudTrail's `AssumeRole` management event naming the role, delivered to
 * the security topic. CloudTrail delivers management events to EventBridge in the region of the
 * STS endpoint called; assumptions through the global endpoint land in us-east-1, which is why
 * {@link BreakGlassAlert.metricFilterPattern} exists for the account trail's log group (the CIS
 * alarm of the monitoring stack sees every region).
 */
export class BreakGlassAlert extends Construct {
  /** The event pattern, for other rules (for example in us-east-1) that watch the same role. */
  public readonly eventPattern: events.EventPattern;
  /** The CloudWatch Logs filter pattern for a metric filter on the CloudTrail log group. */
  public readonly metricFilterPattern: logs.IFilterPattern;
  /** The rule. */
  public readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: BreakGlassAlertProps) {
    super(scope, id);
    this.eventPattern = {
      source: ['aws.sts'],
      detailType: ['AWS API Call via CloudTrail'],
      detail: { eventSource: ['sts.amazonaws.com'], eventName: ['AssumeRole'], requestParameters: { roleArn: [props.roleArn] } },
    };
    this.metricFilterPattern = BreakGlassAlert.filterPattern(props.roleArn);
    this.rule = new events.Rule(this, 'Resource', {
      description: 'Break-glass role assumed: page security (IAM-BREAK-GLASS-ALERT)',
      eventPattern: this.eventPattern,
    });
    this.rule.addTarget(
      new targets.SnsTopic(props.topic, {
        message: events.RuleTargetInput.fromText(
          `Break-glass role ${props.roleArn} assumed by ${events.EventField.fromPath('$.detail.userIdentity.arn')} ` +
            `from ${events.EventField.fromPath('$.detail.sourceIPAddress')} at ${events.EventField.time}. ` +
            'Confirm the emergency with the person named, then follow the break-glass runbook in docs/identity.md.',
        ),
      }),
    );
  }

  /** The metric filter pattern matching an assumption of `roleArn` in CloudTrail logs. */
  public static filterPattern(roleArn: string): logs.IFilterPattern {
    return logs.FilterPattern.all(
      logs.FilterPattern.stringValue('$.eventSource', '=', 'sts.amazonaws.com'),
      logs.FilterPattern.stringValue('$.eventName', '=', 'AssumeRole'),
      logs.FilterPattern.stringValue('$.requestParameters.roleArn', '=', roleArn),
    );
  }
}
