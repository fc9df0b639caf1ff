import { Aws, Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { EncryptionKey } from '../common/encryption-key';

/** The runbook entry of the depth alarm. */
export const UNDELIVERED_ALERTS_RUNBOOK = 'docs/audit.md#undelivered-alerts';

/** Props of {@link AlertDeadLetterQueue}. */
export interface AlertDeadLetterQueueProps {
  /** Receives the alarm when an event lands in the queue (the operations topic). */
  readonly alarmTopic: sns.ITopic;
  /** What the queue catches, for the alarm's description ("detector drift alerts"). */
  readonly purpose: string;
}

/**
 * Where EventBridge puts an alert it could not deliver to its SNS topic after its retries: an
 * SQS queue encrypted with its own customer-managed key, TLS-only, kept 14 days, and an alarm
 * on its depth to the operations topic, so an undelivered security alert is itself seen.
 * Each rule that uses it must be admitted by name ({@link admitRule}): EventBridge encrypts the
 * dead letter with the queue's key on that rule's behalf.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 *
 * A small stand-in for the reusable EventBridge-target dead-letter queue construct of the
 * `checkers` branch; replace it when that merges.
 */
export class AlertDeadLetterQueue extends Construct {
  /** The queue. */
  public readonly queue: sqs.Queue;
  /** Its key. */
  public readonly key: EncryptionKey;
  /** The depth alarm. */
  public readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: AlertDeadLetterQueueProps) {
    super(scope, id);
    this.key = new EncryptionKey(this, 'Key', { description: `dead letters of ${props.purpose}` });
    this.queue = new sqs.Queue(this, 'Resource', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.queue, 'alertDeadLetterQueue');
    this.alarm = new cloudwatch.Alarm(this, 'DepthAlarm', {
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `INC-FINDING-ROUTING: ${props.purpose} could not be delivered to their topic and wait in the dead-letter queue. Runbook: ${UNDELIVERED_ALERTS_RUNBOOK}`,
    });
    this.alarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));
  }

  /** Lets EventBridge encrypt dead letters of the rule named `ruleName` with the queue's key. */
  public admitRule(sid: string, ruleName: string): void {
    this.key.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid,
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { ArnEquals: { 'aws:SourceArn': `arn:${Aws.PARTITION}:events:${Aws.REGION}:${Aws.ACCOUNT_ID}:rule/${ruleName}` } },
      }),
    );
  }
}
