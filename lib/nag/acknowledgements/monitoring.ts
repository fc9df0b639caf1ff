/**
 * Acknowledgements of monitoring and alerting (lib/constructs/monitoring/): the dead-letter queues
 * of alert deliveries, which end the chain.
 */
import type { Acknowledgement } from './entry';

export const MONITORING_ACKNOWLEDGEMENTS = {
  /** Dead-letter queues of alert deliveries (AlertDeadLetterQueue). */
  alertDeadLetterQueue: [
    {
      rule: 'AwsSolutions-SQS3',
      control: 'INC-ALERT-DELIVERY',
      reason: 'This queue is itself the dead-letter queue of alert deliveries (EventBridge targets or SNS subscriptions); an alarm on its depth notifies the alert topics.',
    },
    {
      rule: 'Serverless-SQSRedrivePolicy',
      control: 'INC-ALERT-DELIVERY',
      reason: 'This queue is the end of the chain: it keeps undelivered alerts for 14 days for the on-call to read and redrive; nothing consumes it automatically, so no message can fail out of it, and an alarm on its depth notifies the alert topics.',
    },
    {
      // CT.SQS.PR.1 recognises a dead-letter queue only by a RedriveAllowPolicy naming SQS source
      // queues; this one receives from EventBridge and SNS, which that policy cannot express.
      rule: 'CT.SQS.PR.1',
      control: 'INC-ALERT-DELIVERY',
      reason:
        'This queue is itself the dead-letter queue of alert deliveries (EventBridge targets or SNS subscriptions): a message here has already failed delivery, ' +
        'and a queue behind it would only hide it further. It keeps messages 14 days and an alarm on its depth notifies the alert topics.',
    },
  ],
} satisfies Record<string, readonly Acknowledgement[]>;
