/**
 * No alert is lost silently (INC-ALERT-DELIVERY): every EventBridge rule target and every SNS
 * subscription of every template has a dead-letter queue, each such queue is encrypted, TLS-only,
 * kept 14 days and watched by an alarm that notifies alert topics.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ALERT_DEAD_LETTERS_TAG } from '../lib/constants/tags';
import { AlertDeadLetterQueue } from '../lib/constructs/monitoring/alert-dead-letter-queue';
import { allResources, allStacks, templateJson } from './support/synth';

/** The logical ID a `Fn::GetAtt [id, Arn]` or `Ref` points at, or undefined. */
const refTo = (value: any): string | undefined => value?.['Fn::GetAtt']?.[0] ?? value?.Ref;

/** What a reviewer needs to know about the dead-letter queue `queueId` of one stack. */
function queueFacts(env: string, stackId: string, queueId: string) {
  const resources = templateJson(env, stackId).Resources as Record<string, any>;
  const queue = resources[queueId];
  const policies = Object.values<any>(resources).filter(
    (r) => r.Type === 'AWS::SQS::QueuePolicy' && (r.Properties.Queues ?? []).some((q: any) => refTo(q) === queueId),
  );
  const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
  const alarms = Object.values<any>(resources).filter(
    (r) =>
      r.Type === 'AWS::CloudWatch::Alarm' &&
      r.Properties.Namespace === 'AWS/SQS' &&
      r.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
      (r.Properties.Dimensions ?? []).some((d: any) => d.Name === 'QueueName' && refTo(d.Value) === queueId),
  );
  const topics = new Set(
    Object.entries<any>(resources)
      .filter(([, r]) => r.Type === 'AWS::SNS::Topic')
      .map(([id]) => id),
  );
  const notifiesTopic = (action: any) =>
    // A topic of the same stack (Ref) or the Alerting stack's topic read across stacks.
    (action.Ref !== undefined && topics.has(action.Ref)) || /Alerts(Security|Operations)/.test(JSON.stringify(action['Fn::GetStackOutput'] ?? action['Fn::ImportValue'] ?? ''));
  return {
    type: queue?.Type,
    kmsKey: refTo(queue?.Properties?.KmsMasterKeyId) !== undefined && resources[refTo(queue.Properties.KmsMasterKeyId)!]?.Type === 'AWS::KMS::Key',
    retentionSeconds: queue?.Properties?.MessageRetentionPeriod,
    tagged: (queue?.Properties?.Tags ?? []).some((t: any) => t.Key === ALERT_DEAD_LETTERS_TAG.key && t.Value === ALERT_DEAD_LETTERS_TAG.value),
    tlsOnly: statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false'),
    alarmed: alarms.some(
      (a) => a.Properties.Threshold === 1 && a.Properties.ComparisonOperator === 'GreaterThanOrEqualToThreshold' && (a.Properties.AlarmActions ?? []).some(notifiesTopic),
    ),
    statements,
  };
}

const GOOD_QUEUE = { type: 'AWS::SQS::Queue', kmsKey: true, retentionSeconds: 14 * 24 * 3600, tagged: true, tlsOnly: true, alarmed: true };

describe('INC-ALERT-DELIVERY: no alert is lost silently', () => {
  test('INC-ALERT-DELIVERY: every EventBridge rule target in every template has a DeadLetterConfig whose queue is KMS-encrypted, TLS-only, kept 14 days and has a depth alarm notifying an alert topic, and an alarm on events that could not be dead-lettered', () => {
    const targets = allResources()
      .filter((r) => r.type === 'AWS::Events::Rule')
      .flatMap((r) => (r.props.Targets ?? []).map((t: any) => ({ ...r, target: t })));
    expect(targets.length).toBeGreaterThanOrEqual(10);
    for (const t of targets) {
      const where = `${t.env}/${t.stackId}/${t.logicalId}/${t.target.Id}`;
      const queueId = refTo(t.target.DeadLetterConfig?.Arn);
      expect({ where, hasDeadLetterConfig: queueId !== undefined }).toEqual({ where, hasDeadLetterConfig: true });
      const { statements, ...facts } = queueFacts(t.env, t.stackId, queueId!);
      // The restore validator's own queue predates the construct: it is checked the same, but is not an alert queue.
      const expected = t.stackId === 'Backup' && /RestoreValidation/.test(queueId!) ? { ...GOOD_QUEUE, tagged: false } : GOOD_QUEUE;
      expect({ where, ...facts }).toEqual({ where, ...expected });
      // Targets that page a topic give up retrying after an hour (ALERT_MAX_EVENT_AGE), not EventBridge's default day.
      if (JSON.stringify(t.target.Arn).match(/Alerts(Security|Operations)/)) {
        expect({ where, maxAge: t.target.RetryPolicy?.MaximumEventAgeInSeconds }).toEqual({ where, maxAge: 3600 });
      }
      // An event EventBridge could not even dead-letter raises its own alarm (alert queues).
      if (expected.tagged) {
        const resources = templateJson(t.env, t.stackId).Resources as Record<string, any>;
        const lost = Object.values<any>(resources).filter(
          (r) =>
            r.Type === 'AWS::CloudWatch::Alarm' &&
            r.Properties.Namespace === 'AWS/Events' &&
            r.Properties.MetricName === 'InvocationsFailedToBeSentToDlq' &&
            (r.Properties.Dimensions ?? []).some((d: any) => d.Name === 'RuleName' && d.Value?.Ref === t.logicalId) &&
            (r.Properties.AlarmActions ?? []).length > 0,
        );
        expect({ where, notDeadLetteredAlarm: lost.length }).toEqual({ where, notDeadLetteredAlarm: 1 });
      }
      // The queue policy admits exactly this rule.
      const admitsRule = statements.some(
        (s) => s.Effect === 'Allow' && s.Principal?.Service === 'events.amazonaws.com' && refTo(s.Condition?.ArnEquals?.['aws:SourceArn']) === t.logicalId,
      );
      expect({ where, admitsRule }).toEqual({ where, admitsRule: true });
    }
  });

  test('INC-ALERT-DELIVERY: every SNS subscription in every template has a RedrivePolicy to such a queue', () => {
    const subscriptions = allResources().filter((r) => r.type === 'AWS::SNS::Subscription');
    expect(subscriptions.length).toBeGreaterThanOrEqual(4);
    for (const s of subscriptions) {
      const where = `${s.env}/${s.stackId}/${s.logicalId}`;
      const queueId = refTo(s.props.RedrivePolicy?.deadLetterTargetArn);
      expect({ where, hasRedrivePolicy: queueId !== undefined }).toEqual({ where, hasRedrivePolicy: true });
      const { statements, ...facts } = queueFacts(s.env, s.stackId, queueId!);
      expect({ where, ...facts }).toEqual({ where, ...GOOD_QUEUE });
      const admitsTopic = statements.some(
        (st) => st.Effect === 'Allow' && st.Principal?.Service === 'sns.amazonaws.com' && refTo(st.Condition?.ArnEquals?.['aws:SourceArn']) === refTo(s.props.TopicArn),
      );
      expect({ where, admitsTopic }).toEqual({ where, admitsTopic: true });
    }
  });

  test('INC-ALERT-DELIVERY: the key of each alert dead-letter queue admits EventBridge or SNS only for sources of its own account', () => {
    const queues = allResources().filter((r) => r.type === 'AWS::SQS::Queue' && (r.props.Tags ?? []).some((t: any) => t.Value === ALERT_DEAD_LETTERS_TAG.value));
    expect(queues.length).toBeGreaterThanOrEqual(5);
    for (const q of queues) {
      const where = `${q.env}/${q.stackId}/${q.logicalId}`;
      const account = allStacks().find((x) => x.env === q.env && x.stackId === q.stackId)!.account;
      const key = templateJson(q.env, q.stackId).Resources[refTo(q.props.KmsMasterKeyId)!];
      // The dead-letter statements (the alert topics' key also carries the topics' own EventBridge grant).
      const services = key.Properties.KeyPolicy.Statement.filter(
        (s: any) => ['events.amazonaws.com', 'sns.amazonaws.com'].includes(s.Principal?.Service) && /DeadLetters/.test(s.Sid ?? ''),
      );
      expect({ where, count: services.length > 0 }).toEqual({ where, count: true });
      for (const s of services) {
        expect({ where, actions: s.Action, account: s.Condition?.StringEquals?.['aws:SourceAccount'], arn: Boolean(s.Condition?.ArnLike?.['aws:SourceArn']) }).toEqual({
          where,
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          account,
          arn: true,
        });
      }
    }
  });

  test('INC-ALERT-DELIVERY: every stack that sends alerts through EventBridge is seen by the test', () => {
    const ids = new Set(allStacks().map((s) => s.stackId));
    for (const id of ['Alerting', 'Identity', 'Backup', 'GlobalEvents']) expect({ id, seen: ids.has(id) }).toEqual({ id, seen: true });
  });
});

describe('AlertDeadLetterQueue', () => {
  const stackWithTopic = () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'ap-southeast-1' } });
    return { stack, topic: new sns.Topic(stack, 'T') };
  };

  test('throws without a topic for its alarm', () => {
    const { stack } = stackWithTopic();
    expect(() => new AlertDeadLetterQueue(stack, 'D', { purpose: 'x', alarmTopics: [], sources: ['sns'] })).toThrow(/alarmTopics: got none/);
  });

  test('throws without a source', () => {
    const { stack, topic } = stackWithTopic();
    expect(() => new AlertDeadLetterQueue(stack, 'D', { purpose: 'x', alarmTopics: [topic], sources: [] })).toThrow(/sources: got none/);
  });
});
