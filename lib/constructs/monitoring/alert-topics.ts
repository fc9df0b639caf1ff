import { type SecretValue, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { EncryptionKey } from '../common/encryption-key';
import { AlertDeadLetterQueue } from './alert-dead-letter-queue';

/** Props of {@link AlertTopics}. */
export interface AlertTopicsProps {
  /** The environment's name, used in topic names and descriptions. */
  readonly envName: string;
  /** Addresses subscribed to both topics; each must confirm its subscription once. */
  readonly emails: readonly string[];
  /**
   * An HTTPS endpoint (chat webhook, incident-management integration) subscribed to both topics.
   * A secret, because such URLs carry their integration key: it reaches the template only as a
   * dynamic reference (`SecretValue.secretsManager(name)`), resolved by CloudFormation at deploy
   * time, and never names a construct (FND-NO-PLAINTEXT-SECRETS).
   * @default - e-mail subscriptions only
   */
  readonly httpsEndpoint?: SecretValue;
}

/**
 * Where every alarm and finding of the environment goes: a security topic (findings, guardrail
 * breaches, break-glass use) and an operations topic (errors, health, backup failures), both
 * encrypted with a customer-managed key and refusing publishers without TLS (INC-ALERT-TOPICS).
 * CloudWatch alarms of this account and region may publish to both (INC-ALARM-ACTIONS); each
 * EventBridge rule that targets a topic adds its own grant. Every subscription has a redrive
 * policy to one dead-letter queue whose depth alarm notifies both topics (INC-ALERT-DELIVERY): a
 * message SNS gives up on for one address (a bouncing mailbox, a failing endpoint) is kept, and
 * the other subscribers hear about it.
 */
export class AlertTopics extends Construct {
  /** Security alerts: pages the security on-call. */
  public readonly security: sns.Topic;
  /** Operational alerts: pages the platform on-call. */
  public readonly operations: sns.Topic;
  /** The key both topics are encrypted with. */
  public readonly key: EncryptionKey;
  /** Where SNS keeps messages it could not deliver to a subscriber. */
  public readonly deadLetters: AlertDeadLetterQueue;

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    this.key = new EncryptionKey(this, 'Key', { description: `${props.envName} alert topics` });
    const { account, region, partition } = Stack.of(this);
    // Only alarms of this account and region may publish as CloudWatch (confused-deputy
    // protection); the same conditions hold on the key, since CloudWatch's KMS calls carry them.
    // https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger
    const fromOwnAlarms = {
      StringEquals: { 'aws:SourceAccount': account },
      ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
    };
    // The AWS services that publish alerts must be able to encrypt messages with the key.
    // https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
    this.key.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: fromOwnAlarms,
      }),
    );
    // EventBridge gets its key grant (and its topic-policy statement) from each rule's SnsTopic
    // target, without conditions: its calls to KMS on behalf of an SNS target carry neither
    // aws:SourceAccount nor aws:SourceArn (the SNS guide: "not supported for EventBridge-to-
    // encrypted topics"), so a condition would drop every finding silently. Nothing else
    // publishes here: AWS Backup's failures arrive through EventBridge rules, not vault
    // notifications.
    const topic = (topicId: string, purpose: string) => {
      const t = new sns.Topic(this, topicId, {
        displayName: `${props.envName} ${purpose} alerts`,
        masterKey: this.key.key,
        enforceSSL: true,
      });
      // `enforceSSL` creates the topic policy, which replaces SNS's default one: without this
      // statement CloudWatch alarms could not publish (INC-ALARM-ACTIONS).
      t.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowCloudWatchAlarmsOfThisAccount',
          principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
          actions: ['sns:Publish'],
          resources: [t.topicArn],
          conditions: fromOwnAlarms,
        }),
      );
      return t;
    };
    this.security = topic('Security', 'security');
    this.operations = topic('Operations', 'operations');
    this.deadLetters = new AlertDeadLetterQueue(this, 'DeadLetters', {
      purpose: `${props.envName} alert notifications to a subscriber`,
      alarmTopics: [this.security, this.operations],
      sources: ['sns'],
      encryptionKey: this.key.key,
    });
    // https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html: every protocol may
    // have a redrive policy; the queue must be in the topic's account and region.
    const deadLetterQueue = this.deadLetters.queue;
    for (const [topicId, t] of [['Security', this.security], ['Operations', this.operations]] as const) {
      // Fixed construct IDs: the subscriptions' default IDs are their endpoints, which would put
      // addresses (and a webhook's key) into logical IDs.
      props.emails.forEach(
        (email, i) => new sns.Subscription(this, `${topicId}Email${i}`, { topic: t, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: email, deadLetterQueue }),
      );
      if (props.httpsEndpoint) {
        // A dynamic reference may sit in any resource property but a primary identifier; a
        // subscription's identifier is its ARN, not its endpoint.
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html
        new sns.Subscription(this, `${topicId}Https`, { topic: t, protocol: sns.SubscriptionProtocol.HTTPS, endpoint: props.httpsEndpoint.unsafeUnwrap(), deadLetterQueue });
      }
    }
  }
}
