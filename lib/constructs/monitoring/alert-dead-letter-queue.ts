import { Duration, Stack, Tags } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_DEAD_LETTERS_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';
import { EncryptionKey } from '../common/encryption-key';

/** The runbook entry of every dead-letter alarm (docs/audit.md). */
export const DEAD_LETTER_RUNBOOK = 'docs/audit.md#dead-lettered-alert-inc-alert-delivery';

/**
 * How long EventBridge keeps retrying an alert before it dead-letters it. Its default is 24 hours
 * (185 attempts, https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html): an
 * alert held back by a throttled topic for a day is as good as lost, so after an hour it goes to
 * the queue, whose alarm pages within minutes. Errors no retry can fix (a missing permission, a
 * deleted topic) go to the queue at once either way.
 */
export const ALERT_MAX_EVENT_AGE = Duration.hours(1);

/** Who writes undelivered alerts to the queue. */
export type AlertDeadLetterSource = 'eventbridge' | 'sns';

/** Props of {@link AlertDeadLetterQueue}. */
export interface AlertDeadLetterQueueProps {
  /** What is delivered through the protected targets, for the alarm's description ("security findings"). */
  readonly purpose: string;
  /**
   * Topics the depth alarm notifies. Give the environment's other alert topic too where there is
   * one: if the topic a delivery failed on is itself broken (its key disabled, its policy
   * changed), the other topic still reaches a person.
   */
  readonly alarmTopics: readonly sns.ITopic[];
  /** The services that write undelivered messages here; each gets use of the key, for this account and region only. */
  readonly sources: readonly AlertDeadLetterSource[];
  /**
   * The customer-managed key the queue is encrypted with. It must be a key of this stack: the
   * construct adds the statements EventBridge or SNS need to its policy.
   * @default - a new EncryptionKey
   */
  readonly encryptionKey?: kms.Key;
}

/**
 * A dead-letter queue for alert deliveries (INC-ALERT-DELIVERY): an EventBridge target or an
 * SNS subscription that cannot deliver an alert (a key policy or topic policy that refuses it,
 * a throttled or deleted topic, a bouncing endpoint) writes it here instead of dropping it, and an
 * alarm on the queue's depth notifies the alert topics within five minutes. So no alert is lost
 * without a trace: the queue keeps the undelivered message 14 days (SQS's maximum) for the
 * on-call to read and redrive.
 *
 * The queue is encrypted with a customer-managed key (SQS's AWS-managed key cannot be used by
 * service principals) and refuses requests without TLS. EventBridge and SNS get the key actions
 * they need for sources in this account and region; the queue policy CDK adds per rule or
 * subscription admits exactly that rule or topic (`aws:SourceArn`).
 * - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 * - https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html
 * - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/dead-letter-queues-alarms-cloudwatch.html
 */
export class AlertDeadLetterQueue extends Construct {
  /** The queue: pass it as `deadLetterQueue` of an EventBridge target or an SNS subscription. */
  public readonly queue: sqs.Queue;
  /** The key the queue is encrypted with. */
  public readonly key: kms.Key;
  /** Fires when one message or more waits in the queue. */
  public readonly alarm: cloudwatch.Alarm;
  /**
   * The dead-letter settings of an EventBridge target that carries an alert: this queue, and
   * retries for at most {@link ALERT_MAX_EVENT_AGE}. Spread into the target's props.
   */
  public readonly targetProps: { readonly deadLetterQueue: sqs.IQueue; readonly maxEventAge: Duration };
  private readonly alarmTopics: readonly sns.ITopic[];
  private readonly purpose: string;

  constructor(scope: Construct, id: string, props: AlertDeadLetterQueueProps) {
    super(scope, id);
    if (props.alarmTopics.length === 0) {
      throw new Error(`AlertDeadLetterQueue ${id}: alarmTopics: got none, expected at least one topic for the depth alarm`);
    }
    if (props.sources.length === 0) {
      throw new Error(`AlertDeadLetterQueue ${id}: sources: got none, expected 'eventbridge' and/or 'sns'`);
    }
    this.key = props.encryptionKey ?? new EncryptionKey(this, 'Key', { description: `dead letters of ${props.purpose}` }).key;
    this.queue = new sqs.Queue(this, 'Resource', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Tags.of(this.queue).add(ALERT_DEAD_LETTERS_TAG.key, ALERT_DEAD_LETTERS_TAG.value);
    this.targetProps = { deadLetterQueue: this.queue, maxEventAge: ALERT_MAX_EVENT_AGE };
    this.alarmTopics = props.alarmTopics;
    this.purpose = props.purpose;
    acknowledge(this.queue, 'alertDeadLetterQueue');

    const { account, region, partition } = Stack.of(this);
    // The conditions name the account and region, not the one rule or topic: the rule and topic
    // reference the queue, and the queue its key, so naming them here would be a cycle. The
    // queue policy, which CDK writes per rule or subscription, names each one exactly.
    const principals: Record<AlertDeadLetterSource, [string, string]> = {
      eventbridge: ['events.amazonaws.com', `arn:${partition}:events:${region}:${account}:rule/*`],
      sns: ['sns.amazonaws.com', `arn:${partition}:sns:${region}:${account}:*`],
    };
    // The construct's path below its stack, alike in every environment (the key is in the same stack).
    const pathInStack = this.node.scopes.slice(this.node.scopes.indexOf(Stack.of(this)) + 1).map((c) => c.node.id.replace(/[^A-Za-z0-9]/g, '')).join('');
    for (const source of new Set(props.sources)) {
      const [principal, sourceArn] = principals[source];
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          // Unique per queue: two queues may share one key (the alert topics' key in the Alerting stack).
          sid: `Allow${source === 'sns' ? 'Sns' : 'EventBridge'}DeadLetters${pathInStack}`,
          principals: [new iam.ServicePrincipal(principal)],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': account }, ArnLike: { 'aws:SourceArn': sourceArn } },
        }),
      );
    }

    this.alarm = new cloudwatch.Alarm(this, 'DepthAlarm', {
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `INC-ALERT-DELIVERY: ${props.purpose} could not be delivered and wait in a dead-letter queue. Runbook: ${DEAD_LETTER_RUNBOOK}`,
    });
    for (const topic of props.alarmTopics) this.alarm.addAlarmAction(new actions.SnsAction(topic));
  }

  /**
   * Alarms when EventBridge could not even write an event of `rule` to this queue (a permission
   * error, the queue or its key unusable): the one way left to lose an alert. Call it for every
   * rule whose targets use {@link targetProps}.
   * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html (InvocationsFailedToBeSentToDlq)
   */
  public watch(rule: events.IRule): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, `${rule.node.id}NotDeadLettered`, {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Events',
        metricName: 'InvocationsFailedToBeSentToDlq',
        dimensionsMap: { RuleName: rule.ruleName },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `INC-ALERT-DELIVERY: ${this.purpose} could be neither delivered nor dead-lettered and are lost. Runbook: ${DEAD_LETTER_RUNBOOK}`,
    });
    for (const topic of this.alarmTopics) alarm.addAlarmAction(new actions.SnsAction(topic));
    return alarm;
  }
}
