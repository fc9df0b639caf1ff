/**
 * The us-east-1 forwarding of root console sign-ins and break-glass assumptions to the home
 * region's default bus (GlobalEvents stack): where it lives, what it forwards, what its role may
 * do, and when it is absent.
 */
import { ALL_MANAGEMENT_EVENTS_STATE } from '../lib/constructs/common/management-event-rule';
import { App } from 'aws-cdk-lib';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { GLOBAL_EVENTS_REGION } from '../lib/aws-facts/global-events';
import { EnvironmentStage } from '../lib/stages/environment-stage';
import { issuesOf, withChange } from './support/config-cases';
import { resourcesOfType } from './support/stack-resources';
import { allStacks, ENV_NAMES, grantsOfRole, templateJson } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const STACK = 'GlobalEvents';

/** An `Fn::Join` ARN with the partition resolved to `aws`, for comparison with a literal. */
const resolveArn = (arn: any): string =>
  typeof arn === 'string' ? arn : (arn['Fn::Join'][1] as any[]).map((p) => (typeof p === 'string' ? p : p.Ref === 'AWS::Partition' ? 'aws' : `\${${JSON.stringify(p)}}`)).join('');

describe.each(ENV_NAMES)('global event forwarding of %s', (env) => {
  const config = CONFIGS[env];
  const homeBus = `arn:aws:events:${config.region}:${config.account}:event-bus/default`;
  const rules = () => resourcesOfType(env, STACK, 'AWS::Events::Rule').map(([, r]) => r.Properties);
  const forwardRule = (source: string) => {
    const found = rules().filter((r) => r.EventPattern.source?.[0] === source);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const homeRule = (stackId: string, source: string) => {
    const found = resourcesOfType(env, stackId, 'AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern.source?.[0] === source);
    expect(found).toHaveLength(1);
    return found[0][1].Properties;
  };
  const roleId = () => resourcesOfType(env, STACK, 'AWS::IAM::Role')[0][0];

  test('INC-FINDING-ROUTING: the environment has a GlobalEvents stack in us-east-1, in its own account, holding two rules, their role and what keeps their undelivered events', () => {
    const stack = allStacks().find((s) => s.env === env && s.stackId === STACK);
    expect(stack).toEqual(expect.objectContaining({ region: 'us-east-1', account: config.account, terminationProtection: config.tier === 'production' }));
    expect(GLOBAL_EVENTS_REGION).toBe('us-east-1');
    // No data store and nothing zonal: only account sign-in metadata passes through. Besides the
    // rules and their role: the dead-letter queue of undelivered events and the us-east-1 alert
    // topics its alarm notifies (INC-ALERT-DELIVERY, test/alert-delivery.test.ts).
    const types = Object.values<any>(templateJson(env, STACK).Resources).map((r) => r.Type);
    expect(types.filter((t) => t === 'AWS::Events::Rule')).toHaveLength(2);
    expect(new Set(types)).toEqual(
      new Set([
        'AWS::Events::Rule',
        'AWS::IAM::ManagedPolicy',
        'AWS::IAM::Role',
        'AWS::SQS::Queue',
        'AWS::SQS::QueuePolicy',
        'AWS::KMS::Key',
        'AWS::CloudWatch::Alarm',
        'AWS::SNS::Topic',
        'AWS::SNS::TopicPolicy',
        'AWS::SNS::Subscription',
      ]),
    );
  });

  test('INC-FINDING-ROUTING: root console sign-ins recorded in us-east-1 go to the home region default bus, with the home rule\'s own pattern', () => {
    const r = forwardRule('aws.signin');
    expect(r.State).toBe('ENABLED');
    expect(r.EventPattern).toEqual({ source: ['aws.signin'], 'detail-type': ['AWS Console Sign In via CloudTrail'], detail: { userIdentity: { type: ['Root'] } } });
    expect(r.EventPattern).toEqual(homeRule('Alerting', 'aws.signin').EventPattern);
    expect(r.Targets).toHaveLength(1);
    expect(resolveArn(r.Targets[0].Arn)).toBe(homeBus);
    expect(r.Targets[0].RoleArn).toEqual({ 'Fn::GetAtt': [roleId(), 'Arn'] });
  });

  test('IAM-BREAK-GLASS-ALERT: AssumeRole and AssumeRoleWithSAML of the break-glass role recorded in us-east-1 go to the home region default bus, with the home rule\'s own pattern', () => {
    const r = forwardRule('aws.sts');
    // AssumeRole* are read-only management events, delivered only in this state.
    expect(r.State).toBe(ALL_MANAGEMENT_EVENTS_STATE);
    expect(r.EventPattern).toEqual({
      source: ['aws.sts'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: { eventSource: ['sts.amazonaws.com'], eventName: ['AssumeRole', 'AssumeRoleWithSAML'], requestParameters: { roleArn: [expect.anything()] } },
    });
    expect(resolveArn(r.EventPattern.detail.requestParameters.roleArn[0])).toBe(`arn:aws:iam::${config.account}:role/${env}-break-glass`);
    expect(r.EventPattern).toEqual(homeRule('Identity', 'aws.sts').EventPattern);
    expect(r.Targets).toHaveLength(1);
    expect(resolveArn(r.Targets[0].Arn)).toBe(homeBus);
    expect(r.Targets[0].RoleArn).toEqual({ 'Fn::GetAtt': [roleId(), 'Arn'] });
  });

  test('IAM-BREAK-GLASS-ALERT: the forwarding role trusts only EventBridge and may only events:PutEvents to the home default bus, through a managed policy', () => {
    const roles = resourcesOfType(env, STACK, 'AWS::IAM::Role');
    expect(roles).toHaveLength(1);
    const role = roles[0][1].Properties;
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' } }]);
    expect(role.Policies).toBeUndefined();
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(resourcesOfType(env, STACK, 'AWS::IAM::Policy')).toEqual([]);
    const statements = grantsOfRole(env, STACK, roleId());
    expect(statements).toHaveLength(1);
    expect(statements[0]).toEqual({ Effect: 'Allow', Action: 'events:PutEvents', Resource: expect.anything() });
    expect(resolveArn(statements[0].Resource)).toBe(homeBus);
  });

  test('INC-FINDING-ROUTING: the home rules constrain only source, detail-type and detail, which forwarding keeps (the event\'s region stays us-east-1)', () => {
    for (const pattern of [homeRule('Alerting', 'aws.signin').EventPattern, homeRule('Identity', 'aws.sts').EventPattern]) {
      expect(Object.keys(pattern).sort()).toEqual(['detail', 'detail-type', 'source']);
    }
  });
});

describe('INC-FINDING-ROUTING and IAM-BREAK-GLASS-ALERT: when there is no GlobalEvents stack', () => {
  test('INC-FINDING-ROUTING: alerts.forwardGlobalEvents defaults to true', () => {
    const table = withChange('staging', (e) => delete e.alerts.forwardGlobalEvents);
    expect(loadEnvironments(table, ['staging'])[0].alerts.forwardGlobalEvents).toBe(true);
  });

  test('INC-FINDING-ROUTING: with alerts.forwardGlobalEvents false the stage has no GlobalEvents stack', () => {
    const table = withChange('staging', (e) => (e.alerts.forwardGlobalEvents = false));
    const [config] = loadEnvironments(table, ['staging']);
    const stage = new EnvironmentStage(new App({ builtinCloudFormationValidation: false }), { config });
    expect(stage.globalEvents).toBeUndefined();
    expect(stage.node.tryFindChild(STACK)).toBeUndefined();
    expect(stage.alerting.findingRouting.rootSignIn).toBeDefined();
  });

  test('IAM-BREAK-GLASS-ALERT: with the home region us-east-1 no forwarding stack is created (the home rules see the events)', () => {
    const table = withChange('staging', (e) => Object.assign(e, JSON.parse(JSON.stringify(e).replaceAll('ap-southeast-1', 'us-east-1'))));
    const [config] = loadEnvironments(table, ['staging']);
    expect(config.region).toBe('us-east-1');
    expect(config.alerts.forwardGlobalEvents).toBe(true);
    const stage = new EnvironmentStage(new App({ builtinCloudFormationValidation: false }), { config });
    expect(stage.globalEvents).toBeUndefined();
    expect(stage.node.tryFindChild(STACK)).toBeUndefined();
  });

  test.each<[string, (e: any) => void, RegExp]>([
    ['INC-FINDING-ROUTING: fails on a forwardGlobalEvents that is no boolean', (e) => (e.alerts.forwardGlobalEvents = 'yes'), /^staging\.alerts\.forwardGlobalEvents: got "yes", expected true or false$/],
    [
      'IAM-BREAK-GLASS-ALERT: fails on forwarding in a partition whose global endpoints do not deliver to us-east-1',
      (e) => Object.assign(e, JSON.parse(JSON.stringify(e).replaceAll('arn:aws:', 'arn:aws-cn:').replaceAll('ap-southeast-1', 'cn-north-1'))),
      /^staging\.alerts\.forwardGlobalEvents: got true, forwarding from us-east-1 exists only in the aws partition, not aws-cn \(cn-north-1\); set it to false$/,
    ],
  ])('%s', (_name, change, message) => {
    expect(issuesOf(withChange('staging', change))).toContainEqual(expect.stringMatching(message));
  });
});
