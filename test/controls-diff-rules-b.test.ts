/**
 * The controls-diff rules of the identity, audit, monitoring and backup controls (their catalog
 * entries' `diff.rules`) one change at a time, for the branches the weakening fixtures
 * (test/weakenings/{identity,audit,monitoring,backup}.ts, run through the CLI by
 * test/controls-diff-weakening.test.ts) do not reach.
 */
import { CIS_METRIC_NAMESPACE } from '../lib/constants/metric-namespaces';
import { ALERT_DEAD_LETTERS_TAG, BACKUP_TAG } from '../lib/constants/tags';
import { changesOf, diffOneResource } from './support/one-resource-diff';

/** The changes of one control when one resource goes from `before` to `after` (undefined: absent). */
const changesOfControl = (control: string, before: Record<string, any> | undefined, after: Record<string, any> | undefined) => changesOf(diffOneResource(before, after), control);

const role = (props: Record<string, any>): Record<string, any> => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] },
    ...props,
  },
});
const alarm = (props: Record<string, any>) => ({ Type: 'AWS::CloudWatch::Alarm', Properties: { ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 1, EvaluationPeriods: 1, AlarmActions: ['arn:topic'], ...props } });
const lockedBucket = (retention: Record<string, any>, tags: Array<{ Key: string; Value: string }> = []) => ({
  Type: 'AWS::S3::Bucket',
  Properties: { ObjectLockEnabled: true, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: retention } }, Tags: tags },
});

describe('diff rules of the identity, audit, monitoring and backup controls, one change at a time', () => {
  test('IAM-STAFF-ROLES: a new trusted account is weakened, and leaving MaxSessionDuration out means IAM\'s one hour', () => {
    const before = role({ MaxSessionDuration: 7200 });
    const after = role({});
    after.Properties.AssumeRolePolicyDocument.Statement[0].Principal.AWS = ['arn:aws:iam::111111111111:root', 'arn:aws:iam::333333333333:root'];
    expect(changesOfControl('IAM-STAFF-ROLES', before, after)).toEqual([
      ['weakened', 'trust policy principal arn:aws:iam::333333333333:root added'],
      ['strengthened', 'MaxSessionDuration 7200 → 3600'],
    ]);
  });

  test('IAM-STAFF-ROLES: an IAM access key added is weakened; a service role is not a staff role', () => {
    expect(changesOfControl('IAM-STAFF-ROLES', undefined, { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'x' } })).toEqual([['weakened', 'IAM access key (long-term credential) added']]);
    const service = (seconds: number) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] }, MaxSessionDuration: seconds } });
    expect(changesOfControl('IAM-STAFF-ROLES', service(3600), service(43200))).toEqual([]);
  });

  test('IAM-PASSWORD-POLICY: removing the expiry and a character class is weakened', () => {
    const policy = (props: Record<string, any>) => ({ Type: 'Custom::AccountPasswordPolicy', Properties: { ServiceToken: 'arn:fn', ...props } });
    expect(changesOfControl('IAM-PASSWORD-POLICY', policy({ MaxPasswordAge: 90, RequireSymbols: true }), policy({}))).toEqual([
      ['weakened', 'RequireSymbols true → (absent)'],
      ['weakened', 'MaxPasswordAge 90 → (absent)'],
    ]);
  });

  test('IAM-REGION-GUARDRAIL, IAM-MFA-USERS: an action exempted from a guardrail is weakened, the guardrail removed with its policy too', () => {
    const guard = (notAction: string[]) => ({
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: { PolicyDocument: { Statement: [{ Effect: 'Deny', NotAction: notAction, Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['ap-southeast-1'] } } }] } },
    });
    expect(changesOfControl('IAM-REGION-GUARDRAIL', guard(['iam:*']), guard(['iam:*', 's3:*']))).toEqual([['weakened', 's3:* exempted from the region guardrail']]);
    expect(changesOfControl('IAM-REGION-GUARDRAIL', guard(['iam:*']), undefined)).toEqual([['weakened', 'region guardrail removed with its policy']]);
    expect(changesOfControl('IAM-MFA-USERS', guard(['iam:*']), undefined)).toEqual([]);
  });

  test('IAM-NO-WILDCARD-ADMIN, IAM-CUSTOMER-DATA-RESTRICTED: a new inline * on * and a removed deny policy are weakened', () => {
    const admin = role({ Policies: [{ PolicyName: 'all', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] });
    expect(changesOfControl('IAM-NO-WILDCARD-ADMIN', role({}), admin)).toEqual([['weakened', '1 statement(s) allowing * on * added']]);
    const deny = { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Deny', Action: ['s3:GetObject', 'logs:Unmask'], Resource: '*' }] } } };
    expect(changesOfControl('IAM-CUSTOMER-DATA-RESTRICTED', deny, undefined)).toEqual([['weakened', 'policy with 2 explicit deny(s) removed']]);
  });

  test('INC-FINDING-ROUTING, IAM-BREAK-GLASS-ALERT: a new filter on the pattern narrows it, a removed rule is weakened, a rule of another kind is not theirs', () => {
    const rule = (pattern: Record<string, any>) => ({ Type: 'AWS::Events::Rule', Properties: { State: 'ENABLED', EventPattern: pattern, Targets: [{ Id: 'T', Arn: 'arn:topic' }] } });
    const root = { source: ['aws.signin'], detail: { userIdentity: { type: ['Root'] } } };
    expect(changesOfControl('INC-FINDING-ROUTING', rule(root), rule({ ...root, region: ['us-east-1'] }))).toEqual([['weakened', 'event pattern now also requires region ["us-east-1"]']]);
    expect(changesOfControl('INC-FINDING-ROUTING', rule(root), undefined)).toEqual([['weakened', 'finding routing rule removed']]);
    expect(changesOfControl('IAM-BREAK-GLASS-ALERT', rule(root), undefined)).toEqual([]);
  });

  test('IAM-BREAK-GLASS-ALERT: ENABLED instead of ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS misses AssumeRole and is weakened', () => {
    const rule = (state: string) => ({
      Type: 'AWS::Events::Rule',
      Properties: { State: state, EventPattern: { source: ['aws.sts'], detail: { requestParameters: { roleArn: ['arn:role/x-break-glass'] } } }, Targets: [{ Id: 'T', Arn: 'arn:topic' }] },
    });
    expect(changesOfControl('IAM-BREAK-GLASS-ALERT', rule('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'), rule('ENABLED'))).toEqual([['weakened', 'State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS → ENABLED']]);
  });

  test('SIGNIN-APP-CLIENT: a longer token lifetime in other units is weakened, an HTTP callback too', () => {
    const client = (props: Record<string, any>) => ({ Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'p', ...props } });
    expect(changesOfControl('SIGNIN-APP-CLIENT', client({ AccessTokenValidity: 15, TokenValidityUnits: { AccessToken: 'minutes' } }), client({ AccessTokenValidity: 1 }))).toEqual([
      ['weakened', 'AccessTokenValidity (seconds) 900 → 3600'],
    ]);
    expect(changesOfControl('SIGNIN-APP-CLIENT', client({ CallbackURLs: ['https://a/cb'] }), client({ CallbackURLs: ['https://a/cb', 'http://a/cb'] }))).toEqual([['weakened', 'callback URL http://a/cb without HTTPS added']]);
  });

  test('SIGNIN-FEDERATION: a client secret written into the template is weakened', () => {
    const idp = (secret: string) => ({ Type: 'AWS::Cognito::UserPoolIdentityProvider', Properties: { ProviderName: 'Google', ProviderDetails: { client_secret: secret, authorize_scopes: 'openid email' } } });
    expect(changesOfControl('SIGNIN-FEDERATION', idp('{{resolve:secretsmanager:arn:secret}}'), idp('plain-secret'))).toEqual([['weakened', 'Google secret no longer read from Secrets Manager']]);
  });

  test('SIGNIN-AUTH-LOGGING: removing the configuration is weakened', () => {
    const config = { Type: 'AWS::Cognito::LogDeliveryConfiguration', Properties: { LogConfigurations: [{ EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: 'arn:b' } }] } };
    expect(changesOfControl('SIGNIN-AUTH-LOGGING', config, undefined)).toEqual([['weakened', 'authentication event delivery removed']]);
  });

  test('AUD-TRAIL-BUCKET, BAK-LEGAL-ARCHIVE: the backup tag tells the archive from audit logs; an earlier expiry of audit logs is weakened', () => {
    const tags = [{ Key: BACKUP_TAG.key, Value: BACKUP_TAG.value }];
    expect(changesOfControl('BAK-LEGAL-ARCHIVE', lockedBucket({ Mode: 'COMPLIANCE', Years: 7 }, tags), lockedBucket({ Mode: 'COMPLIANCE', Days: 365 }, tags))).toEqual([
      ['weakened', 'Object Lock default retention (days) 2555 → 365'],
    ]);
    expect(changesOfControl('AUD-TRAIL-BUCKET', lockedBucket({ Mode: 'COMPLIANCE', Years: 7 }, tags), lockedBucket({ Mode: 'COMPLIANCE', Days: 365 }, tags))).toEqual([]);
    const expiring = (days: number) => ({ ...lockedBucket({ Mode: 'COMPLIANCE', Days: 365 }), Properties: { ...lockedBucket({ Mode: 'COMPLIANCE', Days: 365 }).Properties, LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: days }] } } });
    expect(changesOfControl('AUD-TRAIL-BUCKET', expiring(400), expiring(200))).toEqual([['weakened', 'lifecycle ExpirationInDays 400 → 200']]);
  });

  test('LOG-NO-CLIENT-CONTENT: removing a masked identifier, logging statement durations and logging every WAF request are weakened', () => {
    const group = (ids: string[]) => ({ Type: 'AWS::Logs::LogGroup', Properties: { DataProtectionPolicy: { Statement: [{ DataIdentifier: ids, Operation: { Deidentify: { MaskConfig: {} } } }] } } });
    expect(changesOfControl('LOG-NO-CLIENT-CONTENT', group(['arn:x/EmailAddress', 'arn:x/Name']), group(['arn:x/Name']))).toEqual([['weakened', 'masking of EmailAddress removed']]);
    const params = (v: string) => ({ Type: 'AWS::RDS::DBClusterParameterGroup', Properties: { Family: 'f', Parameters: { log_min_duration_statement: v } } });
    expect(changesOfControl('LOG-NO-CLIENT-CONTENT', params('-1'), params('0'))).toEqual([['weakened', 'log_min_duration_statement -1 → 0']]);
    const waf = (filter: unknown) => ({ Type: 'AWS::WAFv2::LoggingConfiguration', Properties: { ResourceArn: 'a', LogDestinationConfigs: ['d'], RedactedFields: [{ QueryString: {} }], LoggingFilter: filter } });
    expect(changesOfControl('LOG-NO-CLIENT-CONTENT', waf({ DefaultBehavior: 'DROP', Filters: [] }), waf(undefined))).toEqual([['weakened', 'WAF now logs every request']]);
  });

  test('MON-CIS-ALARMS, MON-OPERATIONAL-ALARMS, INC-ALERT-DELIVERY: each alarm belongs to one of them; a lower "less than" threshold and more periods are weakened', () => {
    const cis = alarm({ Namespace: CIS_METRIC_NAMESPACE, MetricName: 'RootAccountUse' });
    expect(changesOfControl('MON-CIS-ALARMS', cis, undefined)).toEqual([['weakened', `CIS alarm on ${CIS_METRIC_NAMESPACE}/RootAccountUse removed`]]);
    expect(changesOfControl('MON-OPERATIONAL-ALARMS', cis, undefined)).toEqual([]);
    const tasks = (threshold: number, periods: number) => alarm({ Namespace: 'ECS/ContainerInsights', MetricName: 'RunningTaskCount', ComparisonOperator: 'LessThanThreshold', Threshold: threshold, EvaluationPeriods: periods });
    expect(changesOfControl('MON-OPERATIONAL-ALARMS', tasks(3, 1), tasks(1, 3))).toEqual([
      ['weakened', 'ECS/ContainerInsights/RunningTaskCount Threshold 3 → 1'],
      ['weakened', 'ECS/ContainerInsights/RunningTaskCount EvaluationPeriods 1 → 3'],
    ]);
    const depth = alarm({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible' });
    expect(changesOfControl('INC-ALERT-DELIVERY', depth, undefined)).toEqual([['weakened', 'dead-letter alarm on AWS/SQS/ApproximateNumberOfMessagesVisible removed']]);
    expect(changesOfControl('MON-OPERATIONAL-ALARMS', depth, undefined)).toEqual([]);
  });

  test('INC-ALARM-ACTIONS: an alarm added without actions and an action removed are weakened', () => {
    expect(changesOfControl('INC-ALARM-ACTIONS', undefined, alarm({ MetricName: 'Errors', AlarmActions: [] }))).toEqual([['weakened', 'alarm on Errors added without actions']]);
    expect(changesOfControl('INC-ALARM-ACTIONS', alarm({ AlarmActions: ['arn:a', 'arn:b'] }), alarm({ AlarmActions: ['arn:a'] }))).toEqual([['weakened', 'AlarmActions arn:b removed']]);
  });

  test('INC-ALERT-DELIVERY: a subscription without a RedrivePolicy, a longer retry and a shorter dead-letter retention are weakened', () => {
    expect(changesOfControl('INC-ALERT-DELIVERY', undefined, { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'email', Endpoint: 'a@b', TopicArn: 't' } })).toEqual([
      ['weakened', 'subscription added without a RedrivePolicy'],
    ]);
    const rule = (age?: number) => ({ Type: 'AWS::Events::Rule', Properties: { Targets: [{ Id: 'T', Arn: 'arn:topic', DeadLetterConfig: { Arn: 'arn:q' }, ...(age ? { RetryPolicy: { MaximumEventAgeInSeconds: age } } : {}) }] } });
    expect(changesOfControl('INC-ALERT-DELIVERY', rule(3600), rule())).toEqual([['weakened', 'target T MaximumEventAgeInSeconds 3600 → 86400']]);
    const queue = (seconds: number, tagged: boolean) => ({ Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: seconds, Tags: tagged ? [{ Key: ALERT_DEAD_LETTERS_TAG.key, Value: ALERT_DEAD_LETTERS_TAG.value }] : [] } });
    expect(changesOfControl('INC-ALERT-DELIVERY', queue(1209600, true), queue(86400, true))).toEqual([['weakened', 'MessageRetentionPeriod 1209600 → 86400']]);
    expect(changesOfControl('INC-ALERT-DELIVERY', queue(1209600, false), queue(86400, false))).toEqual([]);
  });

  test('BAK-PITR, BAK-SELECTIONS, BAK-RESIDENCY: a shorter or unstated continuous window, a narrower selection and a removed copy', () => {
    const plan = (rules: any[]) => ({ Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: rules } } });
    const continuous = (days: number) => ({ RuleName: 'Continuous', EnableContinuousBackup: true, Lifecycle: { DeleteAfterDays: days } });
    expect(changesOfControl('BAK-PITR', plan([continuous(35)]), plan([continuous(7)]))).toEqual([['weakened', 'continuous backup DeleteAfterDays 35 → 7']]);
    const unbounded = { RuleName: 'Continuous', EnableContinuousBackup: true };
    expect(changesOfControl('BAK-PITR', plan([continuous(35)]), plan([unbounded]))).toEqual([['weakened', 'continuous backup DeleteAfterDays 35 → 0']]);
    const daily = (copies: any[]) => ({ RuleName: 'Daily', Lifecycle: { DeleteAfterDays: 7 }, CopyActions: copies });
    expect(changesOfControl('BAK-RESIDENCY', plan([daily([{ DestinationBackupVaultArn: 'arn:dr' }])]), plan([daily([])]))).toEqual([['neutral', 'copy to arn:dr removed']]);
    const selection = (resources: string[]) => ({ Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: 'p', BackupSelection: { SelectionName: 's', IamRoleArn: 'r', Resources: resources } } });
    expect(changesOfControl('BAK-SELECTIONS', selection(['arn:aws:rds:*', 'arn:aws:s3:::*']), selection(['arn:aws:rds:*']))).toEqual([['weakened', 'selected resources arn:aws:s3:::* removed']]);
  });

  test('MON-GUARDDUTY, SIGNIN-THREAT-PROTECTION: a protection plan disabled and a risk action loosened are weakened', () => {
    const detector = (status: string) => ({ Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true, Features: [{ Name: 'RDS_LOGIN_EVENTS', Status: status }] } });
    expect(changesOfControl('MON-GUARDDUTY', detector('ENABLED'), detector('DISABLED'))).toEqual([['weakened', 'feature RDS_LOGIN_EVENTS no longer enabled']]);
    const risk = (action: string) => ({ Type: 'AWS::Cognito::UserPoolRiskConfigurationAttachment', Properties: { UserPoolId: 'p', ClientId: 'ALL', CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: action } } } });
    expect(changesOfControl('SIGNIN-THREAT-PROTECTION', risk('BLOCK'), risk('NO_ACTION'))).toEqual([['weakened', 'compromised credentials EventAction BLOCK → NO_ACTION']]);
  });
});
