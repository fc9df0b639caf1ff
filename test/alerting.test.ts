import { Match } from 'aws-cdk-lib/assertions';
import { ENVIRONMENTS } from '../lib/config/environments';
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

  test('INC-ALERT-TOPICS: CloudWatch, EventBridge and AWS Backup may encrypt alerts with the key', () => {
    t().hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowAlertPublishingServices',
            Principal: { Service: Match.arrayWith(['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'backup.amazonaws.com'].sort()) },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });
});
