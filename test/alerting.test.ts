import { Match } from 'aws-cdk-lib/assertions';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { ENV_NAMES, template } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));

describe.each(ENV_NAMES)('alert topics of %s', (env) => {
  const t = () => template(env, 'Alerting');

  test('INC-ALERT-TOPICS: a security and an operations topic, each encrypted with the customer-managed key', () => {
    t().resourceCountIs('AWS::SNS::Topic', 2);
    t().allResourcesProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlertsKey'), 'Arn'] },
    });
  });

  test('INC-ALERT-TOPICS: both topics deny publishing without TLS', () => {
    const policies = t().findResources('AWS::SNS::TopicPolicy');
    const topics = Object.keys(t().findResources('AWS::SNS::Topic'));
    const covered = new Set<string>();
    for (const p of Object.values<any>(policies)) {
      const deniesPlain = p.Properties.PolicyDocument.Statement.some(
        (s: any) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      );
      if (deniesPlain) for (const ref of p.Properties.Topics) covered.add(ref.Ref);
    }
    expect([...covered].sort()).toEqual(topics.sort());
  });

  test('INC-ALERT-TOPICS: every alert address is subscribed to both topics', () => {
    const subs = Object.values<any>(t().findResources('AWS::SNS::Subscription'));
    for (const email of CONFIGS[env].alerts.emails) {
      expect(subs.filter((s) => s.Properties.Protocol === 'email' && s.Properties.Endpoint === email)).toHaveLength(2);
    }
  });

  test('INC-ALERT-TOPICS: CloudWatch alarms of this account and region, and EventBridge, may encrypt alerts with the key; no other service', () => {
    const config = CONFIGS[env];
    const [key] = Object.values<any>(t().findResources('AWS::KMS::Key'));
    expect(key.Properties.EnableKeyRotation).toBe(true);
    // The dead-letter statements (Sid *DeadLetters*) are INC-ALERT-DELIVERY's, checked in test/alert-delivery.test.ts.
    const services = key.Properties.KeyPolicy.Statement.filter((s: any) => s.Principal?.Service !== undefined && !/DeadLetters/.test(s.Sid ?? ''));
    expect(services.map((s: any) => s.Principal.Service).sort()).toEqual(['cloudwatch.amazonaws.com', 'events.amazonaws.com']);
    const cloudwatch = services.find((s: any) => s.Principal.Service === 'cloudwatch.amazonaws.com');
    expect(cloudwatch).toEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Condition: {
          StringEquals: { 'aws:SourceAccount': config.account },
          ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:${config.region}:${config.account}:alarm:*` },
        },
      }),
    );
    // SNS does not support source conditions in the key policy for EventBridge deliveries.
    const events = services.find((s: any) => s.Principal.Service === 'events.amazonaws.com');
    expect(events).toEqual(expect.objectContaining({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }));
    expect(events.Condition).toBeUndefined();
  });

  /** Each topic's logical ID with the statements of every topic policy attached to it. */
  const topicStatements = (): Array<[string, any[]]> => {
    const policies = Object.values<any>(t().findResources('AWS::SNS::TopicPolicy'));
    return Object.keys(t().findResources('AWS::SNS::Topic')).map((topic) => [
      topic,
      policies.filter((p) => p.Properties.Topics.some((x: any) => x.Ref === topic)).flatMap((p) => p.Properties.PolicyDocument.Statement),
    ]);
  };

  test('INC-ALARM-ACTIONS: both topic policies let CloudWatch alarms of this account and region publish', () => {
    const config = CONFIGS[env];
    for (const [topic, statements] of topicStatements()) {
      expect({ topic, statements }).toEqual({
        topic,
        statements: expect.arrayContaining([
          {
            Sid: 'AllowCloudWatchAlarmsOfThisAccount',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: topic },
            Condition: {
              StringEquals: { 'aws:SourceAccount': config.account },
              ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:${config.region}:${config.account}:alarm:*` },
            },
          },
        ]),
      });
    }
  });

  test('INC-FINDING-ROUTING: both topic policies let EventBridge publish (the finding, backup and break-glass rules target them)', () => {
    for (const [topic, statements] of topicStatements()) {
      expect({ topic, statements }).toEqual({
        topic,
        statements: expect.arrayContaining([expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: topic } })]),
      });
    }
  });
});
