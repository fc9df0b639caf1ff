/**
 * Continuous monitoring (AWS Config, GuardDuty, Security Hub, CIS alarms) and incident routing,
 * read from the synthesized templates.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { CIS_ALARMS } from '../lib/constructs/audit/cis-alarms';
import { FINDING_RUNBOOKS } from '../lib/constructs/monitoring/finding-routing';
import { runbookEntryOf } from '../lib/report/alarm-table';
import { allResources, allStacks, ENV_NAMES, template, templateJson } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const STACK = 'AccountBaseline';

function ofType(env: string, stackId: string, type: string): Array<[string, any]> {
  return Object.entries<any>(templateJson(env, stackId).Resources).filter(([, r]) => r.Type === type);
}

/** The AWS Config managed rules the seeds need, by AWS identifier. */
const REQUIRED_CONFIG_RULES = [
  'ENCRYPTED_VOLUMES',
  'RDS_STORAGE_ENCRYPTED',
  'S3_BUCKET_SSL_REQUESTS_ONLY',
  'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED',
  'IAM_USER_MFA_ENABLED',
  'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS',
  'ROOT_ACCOUNT_MFA_ENABLED',
  'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  'S3_BUCKET_PUBLIC_WRITE_PROHIBITED',
  'VPC_FLOW_LOGS_ENABLED',
  'DB_INSTANCE_BACKUP_ENABLED',
  'AURORA_RESOURCES_PROTECTED_BY_BACKUP_PLAN',
  'SECRETSMANAGER_ROTATION_ENABLED_CHECK',
  'CLOUD_TRAIL_ENABLED',
  'MULTI_REGION_CLOUD_TRAIL_ENABLED',
  'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED',
  'INCOMING_SSH_DISABLED',
  'ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK',
  'ELB_TLS_HTTPS_LISTENERS_ONLY',
  'CMK_BACKING_KEY_ROTATION_ENABLED',
];

describe.each(ENV_NAMES)('continuous monitoring of %s', (env) => {
  const config = CONFIGS[env];
  const t = () => template(env, STACK);

  test('MON-CONFIG-RULES: the recorder records every supported resource type, global ones included', () => {
    t().resourceCountIs('AWS::Config::ConfigurationRecorder', 1);
    t().hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
    });
  });

  test('MON-CONFIG-RULES: the delivery channel writes daily snapshots to a KMS-encrypted, versioned, TLS-only bucket', () => {
    const [[, channel]] = ofType(env, STACK, 'AWS::Config::DeliveryChannel');
    expect(channel.Properties.ConfigSnapshotDeliveryProperties).toEqual({ DeliveryFrequency: 'TwentyFour_Hours' });
    expect(channel.Properties.S3KmsKeyArn).toBeDefined();
    const bucket = templateJson(env, STACK).Resources[channel.Properties.S3BucketName.Ref].Properties;
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    // A delivery channel needs its recorder first.
    expect(channel.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^Config[0-9A-F]{8}$/)]));
  });

  test('MON-CONFIG-RULES: the recorder role carries AWS_ConfigRole and may write only under the delivery prefix', () => {
    const [[, recorder]] = ofType(env, STACK, 'AWS::Config::ConfigurationRecorder');
    const role = templateJson(env, STACK).Resources[recorder.Properties.RoleARN['Fn::GetAtt'][0]].Properties;
    expect(role.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'config.amazonaws.com' });
    expect(JSON.stringify(role.ManagedPolicyArns)).toContain('service-role/AWS_ConfigRole');
    expect(role.Policies).toBeUndefined();
  });

  test('MON-CONFIG-RULES: managed rules cover encryption at rest, TLS, MFA, public access, flow logs, backups and CloudTrail', () => {
    const rules = ofType(env, STACK, 'AWS::Config::ConfigRule');
    const identifiers = rules.map(([, r]) => r.Properties.Source.SourceIdentifier);
    for (const r of rules) expect(r[1].Properties.Source.Owner).toBe('AWS');
    expect(identifiers).toEqual(expect.arrayContaining(REQUIRED_CONFIG_RULES));
    // Rules evaluate only once the recorder and the channel exist.
    for (const [, r] of rules) expect(r.DependsOn?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  test('BAK-SELECTIONS: AWS Config reports any Aurora cluster that no backup plan protects', () => {
    const rules = ofType(env, STACK, 'AWS::Config::ConfigRule').map(([, r]) => r.Properties);
    const aurora = rules.filter((r) => r.Source.SourceIdentifier === 'AURORA_RESOURCES_PROTECTED_BY_BACKUP_PLAN');
    expect(aurora).toHaveLength(1);
    // No tag or ID filter: every cluster of the account and region is checked, not only tagged ones.
    expect(aurora[0].InputParameters).toBeUndefined();
  });

  test('DB-CREDENTIAL-ROTATION: AWS Config reports any secret without rotation or rotated less often than data.rotationDays', () => {
    const rules = ofType(env, STACK, 'AWS::Config::ConfigRule').map(([, r]) => r.Properties);
    const rotation = rules.filter((r) => r.Source.SourceIdentifier === 'SECRETSMANAGER_ROTATION_ENABLED_CHECK');
    expect(rotation).toHaveLength(1);
    expect(rotation[0].InputParameters).toEqual({ maximumAllowedRotationFrequency: config.data.rotationDays });
  });

  test('MON-GUARDDUTY: the detector protects S3, RDS logins, EBS (malware) and Lambda, and monitors Fargate runtime with a managed agent', () => {
    t().resourceCountIs('AWS::GuardDuty::Detector', 1);
    const [[, detector]] = ofType(env, STACK, 'AWS::GuardDuty::Detector');
    expect(detector.Properties.Enable).toBe(true);
    expect(detector.Properties.DataSources).toBeUndefined();
    const features = Object.fromEntries(detector.Properties.Features.map((f: any) => [f.Name, f]));
    for (const name of ['S3_DATA_EVENTS', 'RDS_LOGIN_EVENTS', 'EBS_MALWARE_PROTECTION', 'LAMBDA_NETWORK_LOGS', 'RUNTIME_MONITORING']) {
      expect({ name, status: features[name]?.Status }).toEqual({ name, status: 'ENABLED' });
    }
    expect(features.EKS_AUDIT_LOGS.Status).toBe('DISABLED');
    expect(features.RUNTIME_MONITORING.AdditionalConfiguration).toContainEqual({ Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'ENABLED' });
    expect(features.RUNTIME_MONITORING.AdditionalConfiguration).toContainEqual({ Name: 'EKS_ADDON_MANAGEMENT', Status: 'DISABLED' });
  });

  test('MON-SECURITY-HUB: the hub subscribes exactly the configured standards (FSBP, CIS, PCI DSS, NIST 800-53 r5), no implicit defaults', () => {
    t().hasResourceProperties('AWS::SecurityHub::Hub', { EnableDefaultStandards: false, ControlFindingGenerator: 'SECURITY_CONTROL' });
    const arns = ofType(env, STACK, 'AWS::SecurityHub::Standard').map(([, r]) => r.Properties.StandardsArn);
    const paths = arns.map((a) => {
      expect(a).toMatch(new RegExp(`^arn:aws:securityhub:${config.region}::standards/`));
      return a.split('::standards/')[1];
    });
    expect(paths.sort()).toEqual([...config.accountBaseline.securityHubStandards].sort());
    for (const family of ['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark', 'pci-dss', 'nist-800-53']) {
      expect(paths.some((p) => p.startsWith(`${family}/`))).toBe(true);
    }
  });

  test('MON-SECURITY-HUB: each standard waits for the hub, and the hub for AWS Config', () => {
    const resources = templateJson(env, STACK).Resources;
    const [[hubId, hub]] = ofType(env, STACK, 'AWS::SecurityHub::Hub');
    for (const [, s] of ofType(env, STACK, 'AWS::SecurityHub::Standard')) expect(s.DependsOn).toContain(hubId);
    const recorderId = ofType(env, STACK, 'AWS::Config::ConfigurationRecorder')[0][0];
    expect(hub.DependsOn).toContain(recorderId);
    expect(resources[recorderId]).toBeDefined();
  });

  test('MON-CIS-ALARMS: one metric filter per CIS recommendation (and break-glass use) on the trail log group', () => {
    const [[, trail]] = ofType(env, STACK, 'AWS::CloudTrail::Trail');
    const groupId = trail.Properties.CloudWatchLogsLogGroupArn['Fn::GetAtt'][0];
    const filters = ofType(env, STACK, 'AWS::Logs::MetricFilter').map(([, f]) => f.Properties);
    expect(filters).toHaveLength(CIS_ALARMS.length);
    for (const f of filters) expect(f.LogGroupName).toEqual({ Ref: groupId });
    const byName = Object.fromEntries(filters.map((f) => [f.MetricTransformations[0].MetricName, f]));
    const expectations: Array<[string, RegExp]> = [
      ['UnauthorizedApiCalls', /\$\.errorCode = "\*UnauthorizedOperation"\) \|\| \(\$\.errorCode = "AccessDenied\*"/],
      ['ConsoleSignInWithoutMfa', /\$\.additionalEventData\.MFAUsed != "Yes"/],
      ['RootAccountUse', /\$\.userIdentity\.type = "Root" && \$\.userIdentity\.invokedBy NOT EXISTS/],
      ['IamPolicyChanges', /\$\.eventName = AttachRolePolicy/],
      ['CloudTrailChanges', /\$\.eventName = StopLogging/],
      ['ConsoleAuthenticationFailures', /\$\.errorMessage = "Failed authentication"/],
      ['CmkDisabledOrScheduledForDeletion', /\$\.eventName = ScheduleKeyDeletion/],
      ['S3BucketPolicyChanges', /\$\.eventName = PutBucketPolicy/],
      ['ConfigChanges', /\$\.eventName = StopConfigurationRecorder/],
      ['SecurityGroupChanges', /\$\.eventName = AuthorizeSecurityGroupIngress/],
      ['NaclChanges', /\$\.eventName = CreateNetworkAclEntry/],
      ['NetworkGatewayChanges', /\$\.eventName = AttachInternetGateway/],
      ['RouteTableChanges', /\$\.eventName = CreateRoute\)/],
      ['VpcChanges', /\$\.eventName = CreateVpcPeeringConnection/],
      // IAM-BREAK-GLASS-ALERT: the role name the identity area gives its break-glass role, by account or SAML assumption.
      ['BreakGlassRoleUse', /\(\(\$\.eventName = "AssumeRole"\) \|\| \(\$\.eventName = "AssumeRoleWithSAML"\)\) && \(\$\.requestParameters\.roleArn = "\*-break-glass"\)/],
    ];
    for (const [name, pattern] of expectations) {
      expect({ name, pattern: byName[name]?.FilterPattern }).toEqual({ name, pattern: expect.stringMatching(pattern) });
      expect(byName[name].MetricTransformations[0]).toEqual(expect.objectContaining({ MetricNamespace: 'SaasSecurityBaseline/CIS', MetricValue: '1' }));
    }
  });

  test('MON-CIS-ALARMS: every CIS metric has an alarm that notifies the security topic', () => {
    const alarms = ofType(env, STACK, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const securityTopic = JSON.stringify(alarms[0]?.AlarmActions);
    expect(securityTopic).toMatch(/AlertsSecurity/);
    for (const def of CIS_ALARMS) {
      const alarm = alarms.find((a) => a.MetricName === def.id);
      expect({ id: def.id, found: Boolean(alarm) }).toEqual({ id: def.id, found: true });
      expect(alarm).toEqual(
        expect.objectContaining({
          Namespace: 'SaasSecurityBaseline/CIS',
          Statistic: 'Sum',
          Period: 300,
          Threshold: def.threshold,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching',
        }),
      );
      expect(JSON.stringify(alarm.AlarmActions)).toBe(securityTopic);
    }
  });
});

describe.each(ENV_NAMES)('incident routing of %s', (env) => {
  const config = CONFIGS[env];
  const rules = () => ofType(env, 'Alerting', 'AWS::Events::Rule').map(([, r]) => r.Properties);
  const securityTopicId = () => ofType(env, 'Alerting', 'AWS::SNS::Topic').find(([id]) => id.startsWith('AlertsSecurity'))![0];
  const rule = (source: string) => {
    // The detector drift rule (test/detection.test.ts) also matches Security Hub findings.
    const found = rules().filter((r) => r.EventPattern.source?.[0] === source && !String(r.Description ?? '').includes('docs/audit.md#detector-drift'));
    expect(found).toHaveLength(1);
    return found[0];
  };
  const floor = { LOW: 1, MEDIUM: 4, HIGH: 7, CRITICAL: 9 }[config.alerts.guardDutyMinSeverity];

  test('INC-FINDING-ROUTING: GuardDuty findings at or above the configured severity page the security topic', () => {
    const r = rule('aws.guardduty');
    expect(r.State).toBe('ENABLED');
    expect(r.EventPattern).toEqual({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', floor] }] } });
    expect(r.Targets).toEqual([expect.objectContaining({ Arn: { Ref: securityTopicId() } })]);
  });

  test('INC-FINDING-ROUTING: new, active Security Hub findings labelled HIGH or CRITICAL page the security topic', () => {
    const r = rule('aws.securityhub');
    expect(r.EventPattern).toEqual({
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Imported'],
      detail: { findings: { Severity: { Label: ['HIGH', 'CRITICAL'] }, Workflow: { Status: ['NEW'] }, RecordState: ['ACTIVE'] } },
    });
    expect(r.Targets).toEqual([expect.objectContaining({ Arn: { Ref: securityTopicId() } })]);
  });

  test('INC-FINDING-ROUTING: every root console sign-in pages the security topic', () => {
    const r = rule('aws.signin');
    expect(r.EventPattern).toEqual({ source: ['aws.signin'], 'detail-type': ['AWS Console Sign In via CloudTrail'], detail: { userIdentity: { type: ['Root'] } } });
    expect(r.Targets).toEqual([expect.objectContaining({ Arn: { Ref: securityTopicId() } })]);
  });

  test('INC-FINDING-ROUTING: EventBridge may publish to the security topic', () => {
    const policies = ofType(env, 'Alerting', 'AWS::SNS::TopicPolicy').map(([, p]) => p.Properties);
    const policy = policies.find((p) => p.Topics.some((t: any) => t.Ref === securityTopicId()))!;
    expect(policy.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: securityTopicId() } }),
    );
  });

  test('INC-ALERT-TOPICS, FND-NO-PLAINTEXT-SECRETS: the optional HTTPS endpoint is subscribed to both topics where configured, read from Secrets Manager at deploy time', () => {
    const https = ofType(env, 'Alerting', 'AWS::SNS::Subscription').filter(([, s]) => s.Properties.Protocol === 'https');
    if (config.alerts.httpsEndpointSecret === undefined) {
      expect(https).toHaveLength(0);
    } else {
      const reference = `{{resolve:secretsmanager:${config.alerts.httpsEndpointSecret}:SecretString:::}}`;
      expect(https.map(([, s]) => s.Properties.Endpoint)).toEqual([reference, reference]);
    }
  });

  test('FND-NO-PLAINTEXT-SECRETS: subscriptions are named by topic and position, never by their endpoint', () => {
    const subscriptions = ofType(env, 'Alerting', 'AWS::SNS::Subscription');
    expect(subscriptions.length).toBeGreaterThan(0);
    for (const [logicalId, s] of subscriptions) {
      const endpoint = String(s.Properties.Endpoint).replace(/[^A-Za-z0-9]/g, '');
      expect({ logicalId, named: /^Alerts(Security|Operations)(Email\d+|Https)[0-9A-F]{8}$/.test(logicalId), carriesEndpoint: logicalId.includes(endpoint.slice(0, 12)) }).toEqual({ logicalId, named: true, carriesEndpoint: false });
    }
  });
});

describe('runbook', () => {
  const runbook = fs.readFileSync(path.join(__dirname, '..', 'docs', 'audit.md'), 'utf8');
  /** Whether the runbook has a `### heading` section with numbered steps 1 to 3. */
  const hasEntry = (heading: string) => {
    const section = runbook.split(`\n### ${heading}\n`)[1]?.split('\n### ')[0] ?? '';
    return ['1. ', '2. ', '3. '].every((n) => section.includes(`\n${n}`));
  };

  test('MON-CIS-ALARMS: every CIS alarm has a runbook entry with three first steps, and its description links to it', () => {
    for (const def of CIS_ALARMS) expect({ id: def.id, entry: hasEntry(def.id) }).toEqual({ id: def.id, entry: true });
    // The CIS alarms: every alarm of the stack but the drift alerts' dead-letter alarms (INC-ALERT-DELIVERY).
    const alarms = ofType('production', STACK, 'AWS::CloudWatch::Alarm')
      .map(([, a]) => a.Properties)
      .filter((a) => !String(a.AlarmDescription).startsWith('INC-ALERT-DELIVERY'));
    expect(alarms.length).toBe(CIS_ALARMS.length);
    for (const a of alarms) expect(a.AlarmDescription).toContain(`Runbook: docs/audit.md#${a.MetricName.toLowerCase()}`);
  });

  test('INC-FINDING-ROUTING: every routed finding type has a runbook entry, and its rule description links to it', () => {
    for (const heading of ['GuardDuty finding', 'Security Hub finding', 'Root sign-in']) {
      expect({ heading, entry: hasEntry(`${heading} (INC-FINDING-ROUTING)`) }).toEqual({ heading, entry: true });
    }
    const descriptions = ofType('production', 'Alerting', 'AWS::Events::Rule').map(([, r]) => r.Properties.Description);
    for (const anchor of Object.values(FINDING_RUNBOOKS)) expect(descriptions).toContainEqual(expect.stringContaining(`Runbook: ${anchor}`));
  });

  test('INC-ALARM-ACTIONS: every alarm and paging rule of every stack links to its own runbook entry: what it means and three first steps', () => {
    const docs = new Map<string, string>();
    const read = (file: string) => {
      if (!docs.has(file)) docs.set(file, fs.readFileSync(path.join(__dirname, '..', file), 'utf8'));
      return docs.get(file)!;
    };
    const paging = allResources().filter(
      (r) => r.type === 'AWS::CloudWatch::Alarm' || (r.type === 'AWS::Events::Rule' && JSON.stringify(r.props.Targets ?? []).match(/Alerts(Security|Operations)/)),
    );
    expect(paging.length).toBeGreaterThan(0);
    for (const r of paging) {
      const where = `${r.env}/${r.stackId}/${r.logicalId}`;
      const entry = runbookEntryOf(r.stackId, r.logicalId, r.resource) ?? '';
      const [file, anchor] = entry.split('#');
      expect({ where, entry, page: /^docs\/[a-z]+\.md$/.test(file) && anchor !== undefined }).toEqual({ where, entry, page: true });
      // The entry is a "### " heading of its own (GitHub's slug), not a page-level "## " runbook
      // section; its body, up to the next heading, says what the alert means, then steps 1 to 3.
      const sections = read(file).split(/\n(?=#{2,3} )/);
      const section = sections.find((sec) => sec.startsWith('### ') && slug(sec.split('\n')[0]) === anchor) ?? '';
      const body = section.split('\n').slice(1).join('\n');
      const meaning = body.split('\n1. ')[0].trim();
      expect({ where, entry, found: section !== '', means: meaning.length > 0, steps: ['1. ', '2. ', '3. '].every((n) => body.includes(`\n${n}`)) }).toEqual({
        where,
        entry,
        found: true,
        means: true,
        steps: true,
      });
    }
  });
});

/** GitHub's anchor of a markdown heading line. */
function slug(heading: string): string {
  return heading.replace(/^#+\s*/, '').trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

describe('INC-ALARM-ACTIONS: no alarm fires unseen', () => {
  /** Names the alert topics of an environment: the Alerting stack's topics, as the alarms reference them. */
  function isTopicOf(env: string, action: any): boolean {
    const topics = ofType(env, 'Alerting', 'AWS::SNS::Topic').map(([id]) => id);
    const text = JSON.stringify(action);
    // Same stack: a Ref; other stacks: the Alerting stack's output of the topic ARN, read as a weak
    // reference (Fn::GetStackOutput, cdk.json's defaultCrossStackReferences) or an import.
    const crossStack = action['Fn::GetStackOutput']?.StackName === `${env}-Alerting` || text.includes('Fn::ImportValue');
    return topics.some((id) => text.includes(id)) && (text.includes('"Ref"') || crossStack);
  }

  test('INC-ALARM-ACTIONS: every CloudWatch alarm in every stack is enabled and notifies an alert topic of its environment', () => {
    const alarms = allResources().filter((r) => r.type === 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const a of alarms) {
      const where = `${a.env}/${a.stackId}/${a.logicalId}`;
      const actions: any[] = a.props.AlarmActions ?? [];
      expect({ where, enabled: a.props.ActionsEnabled ?? true, notifies: actions.some((x) => isTopicOf(a.env, x)) }).toEqual({ where, enabled: true, notifies: true });
    }
  });

  test('INC-ALARM-ACTIONS: the harness sees every stack of both environments', () => {
    for (const env of ENV_NAMES) expect(allStacks().filter((s) => s.env === env).map((s) => s.stackId)).toEqual(expect.arrayContaining(['Alerting', STACK]));
  });
});
