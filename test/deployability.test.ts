/**
 * What a first deployment needs to succeed and what each alert needs to be able to fire, checked
 * on every template of every environment (issue #13, the deploy review). Each test covers a
 * class of defect, not only the instance that was found.
 */
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { ALL_MANAGEMENT_EVENTS_STATE, isReadOnlyManagementEvent } from '../lib/constructs/common/management-event-rule';
import { cfnExecutionPolicy } from '../lib/constructs/identity/cfn-execution-policy';
import { DATABASE_LOG_GROUP_PREFIX } from '../lib/constructs/identity/staff-policies';
import { GLOBAL_EVENTS_REGION } from '../lib/aws-facts/global-events';
import { ENV_NAMES, allResources, allStacks, templateJson } from './support/synth';

const asList = (x: any): any[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const where = (r: { env: string; stackId: string; logicalId: string }) => `${r.env}/${r.stackId}/${r.logicalId}`;
const refOf = (x: any): string | undefined => x?.Ref ?? x?.['Fn::GetAtt']?.[0];

describe('alerts that can fire', () => {
  test('BAK-FAILURE-NOTICE, MON-CIS-ALARMS: every JSON metric filter reads a log group whose every writer logs JSON', () => {
    // A JSON filter pattern ({ $.field = ... }) only matches events that are JSON as a whole:
    // on a Text-format Lambda log it never matches, and its alarm can never fire.
    const filters = allResources().filter((r) => r.type === 'AWS::Logs::MetricFilter' && String(r.props.FilterPattern).trim().startsWith('{'));
    expect(filters.length).toBeGreaterThan(0);
    for (const f of filters) {
      const group = refOf(f.props.LogGroupName);
      const resources = templateJson(f.env, f.stackId).Resources;
      expect({ filter: where(f), group: group !== undefined && resources[group]?.Type === 'AWS::Logs::LogGroup' }).toEqual({ filter: where(f), group: true });
      const writers = Object.entries<any>(resources).flatMap(([id, r]) => {
        if (r.Type === 'AWS::Lambda::Function' && refOf(r.Properties.LoggingConfig?.LogGroup) === group) return [{ id, json: r.Properties.LoggingConfig.LogFormat === 'JSON' }];
        // CloudTrail delivers each event to CloudWatch Logs as one JSON object.
        if (r.Type === 'AWS::CloudTrail::Trail' && refOf(r.Properties.CloudWatchLogsLogGroupArn) === group) return [{ id, json: true }];
        if (r.Type === 'AWS::ECS::TaskDefinition' && JSON.stringify(r.Properties.ContainerDefinitions).includes(`"Ref":"${group}"`)) return [{ id, json: false }];
        return [];
      });
      // A group nobody known writes to is a filter that cannot be proved: name its writer above.
      expect({ filter: where(f), writers: writers.length > 0 }).toEqual({ filter: where(f), writers: true });
      expect({ filter: where(f), textWriters: writers.filter((w) => !w.json).map((w) => w.id) }).toEqual({ filter: where(f), textWriters: [] });
    }
  });

  test('IAM-BREAK-GLASS-ALERT, INC-FINDING-ROUTING: every rule matching a read-only CloudTrail management event is in the state that receives it', () => {
    // EventBridge delivers read-only management events (AssumeRole*, Describe*, Get*, List*) only to
    // rules in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.
    const apiRules = allResources().filter((r) => r.type === 'AWS::Events::Rule' && asList(r.props.EventPattern?.['detail-type']).includes('AWS API Call via CloudTrail'));
    const readOnly = apiRules.filter((r) => {
      const names = r.props.EventPattern.detail?.eventName;
      // No eventName: the rule matches every call, read-only ones included.
      if (names === undefined) return true;
      const sources = asList(r.props.EventPattern.detail?.eventSource);
      return asList(names).some((n) => typeof n !== 'string' || sources.length === 0 || sources.some((s: string) => isReadOnlyManagementEvent(s, n)));
    });
    // The break-glass alert and its us-east-1 forwarding rule of both environments at least.
    for (const env of ENV_NAMES) {
      expect(readOnly.filter((r) => r.env === env).map((r) => r.stackId).sort()).toEqual(expect.arrayContaining(['GlobalEvents', 'Identity']));
    }
    expect(readOnly.filter((r) => r.props.State !== ALL_MANAGEMENT_EVENTS_STATE).map(where)).toEqual([]);
    // The table the test relies on knows the calls it is about.
    expect(['AssumeRole', 'AssumeRoleWithSAML'].map((n) => isReadOnlyManagementEvent('sts.amazonaws.com', n))).toEqual([true, true]);
    expect(isReadOnlyManagementEvent('backup.amazonaws.com', 'DeleteRecoveryPoint')).toBe(false);
  });
});

describe('a first deployment that succeeds in a new account', () => {
  test('BAK-RESTORE-VALIDATION: no function reserves concurrency (new accounts have too little to reserve any)', () => {
    const functions = allResources().filter((r) => r.type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(0);
    expect(functions.filter((r) => r.props.ReservedConcurrentExecutions !== undefined).map(where)).toEqual([]);
  });

  test('MON-GUARDDUTY: where an environment runs GuardDuty Runtime Monitoring, the workload deploys after it (tasks started before it run without the agent)', () => {
    let checked = 0;
    for (const env of ENV_NAMES) {
      const stacks = allStacks().filter((s) => s.env === env);
      const withRuntimeMonitoring = stacks.filter((s) =>
        Object.values<any>(templateJson(env, s.stackId).Resources).some(
          (r) => r.Type === 'AWS::GuardDuty::Detector' && asList(r.Properties.Features).some((f: any) => f.Name === 'RUNTIME_MONITORING' && f.Status === 'ENABLED'),
        ),
      );
      const withTasks = stacks.filter((s) => Object.values<any>(templateJson(env, s.stackId).Resources).some((r) => r.Type === 'AWS::ECS::Service'));
      expect(withTasks.length).toBeGreaterThan(0);
      for (const gd of withRuntimeMonitoring) {
        for (const w of withTasks) {
          expect({ env, stack: w.stackId, dependsOn: w.dependencies.includes(gd.stackId) }).toEqual({ env, stack: w.stackId, dependsOn: true });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('BAK-SELECTIONS: stacks with AWS Config rules deploy after the stack with the configuration recorder', () => {
    for (const env of ENV_NAMES) {
      const stacks = allStacks().filter((s) => s.env === env);
      const has = (stackId: string, type: string) => Object.values<any>(templateJson(env, stackId).Resources).some((r) => r.Type === type);
      const recorders = stacks.filter((s) => has(s.stackId, 'AWS::Config::ConfigurationRecorder'));
      expect(recorders.length).toBe(1);
      for (const s of stacks.filter((x) => has(x.stackId, 'AWS::Config::ConfigRule') && x.stackId !== recorders[0].stackId)) {
        expect({ env, stack: s.stackId, dependsOn: s.dependencies.includes(recorders[0].stackId) }).toEqual({ env, stack: s.stackId, dependsOn: true });
      }
    }
  });

  /** IAM service prefix of each CloudFormation namespace (`AWS::<namespace>::<type>`). */
  const PREFIX_OF_NAMESPACE: Record<string, string> = {
    AccessAnalyzer: 'access-analyzer',
    Backup: 'backup',
    CloudTrail: 'cloudtrail',
    CloudWatch: 'cloudwatch',
    Cognito: 'cognito-idp',
    Config: 'config',
    EC2: 'ec2',
    ECS: 'ecs',
    ElasticLoadBalancingV2: 'elasticloadbalancing',
    Events: 'events',
    GuardDuty: 'guardduty',
    IAM: 'iam',
    KMS: 'kms',
    Lambda: 'lambda',
    Logs: 'logs',
    RDS: 'rds',
    S3: 's3',
    SNS: 'sns',
    SQS: 'sqs',
    SecretsManager: 'secretsmanager',
    SecurityHub: 'securityhub',
    Shield: 'shield',
    SSM: 'ssm',
    WAFv2: 'wafv2',
  };
  /** Actions of other services that creating a resource type needs, by type (with the AWS page saying so). */
  const EXTRA_ACTIONS_OF_TYPE: Record<string, string[]> = {
    // "Backup vault creation and deletion": https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault.html
    'AWS::Backup::BackupVault': ['backup-storage:MountCapsule', 'kms:CreateGrant', 'kms:DescribeKey'],
    // RDS creates the managed master secret (ManageMasterUserPassword) under the caller's rights.
    'AWS::RDS::DBCluster': ['secretsmanager:CreateSecret', 'kms:CreateGrant'],
    // Custom resources invoke their provider function.
    'Custom::*': ['lambda:InvokeFunction'],
  };
  const allows = (policy: ReturnType<typeof cfnExecutionPolicy>, action: string): boolean => {
    const matches = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(action);
    const allowed = policy.Statement.some((s) => s.Effect === 'Allow' && asList(s.Action).some((a: string) => matches(a)));
    const denied = policy.Statement.some((s) => s.Effect === 'Deny' && s.Condition === undefined && asList(s.Action).some((a: string) => matches(a)));
    return allowed && !denied;
  };

  test('IAM-STAFF-ROLES: the CloudFormation execution policy allows the service of every resource type every stack synthesizes, and the actions creating them needs', () => {
    const envs = loadEnvironments(ENVIRONMENTS);
    let checked = 0;
    for (const s of allStacks()) {
      const config = envs.find((e) => e.name === s.env)!;
      const policy = cfnExecutionPolicy(config.allowedRegions, s.region === GLOBAL_EVENTS_REGION && s.region !== config.region ? 'global' : 'home');
      const types = [...new Set(Object.values<any>(templateJson(s.env, s.stackId).Resources).map((r) => r.Type as string))];
      const missing: string[] = [];
      for (const type of types) {
        const [vendor, namespace] = type.split('::');
        const needed = vendor === 'Custom' ? [...EXTRA_ACTIONS_OF_TYPE['Custom::*']] : [`${PREFIX_OF_NAMESPACE[namespace] ?? `<unmapped ${namespace}>`}:Create`, ...(EXTRA_ACTIONS_OF_TYPE[type] ?? [])];
        for (const action of needed) {
          checked++;
          if (!allows(policy, action)) missing.push(`${type} needs ${action}`);
        }
      }
      expect({ stack: `${s.env}/${s.stackId}`, missing }).toEqual({ stack: `${s.env}/${s.stackId}`, missing: [] });
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('log deliveries that can write', () => {
  test('SIGNIN-AUTH-LOGGING: every key the log delivery service may use grants the actions CloudWatch Logs documents for SSE-KMS destinations', () => {
    // "Logs sent to Amazon S3", section "Amazon S3 bucket server-side encryption":
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html
    const documented = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];
    const statements = allResources()
      .filter((r) => r.type === 'AWS::KMS::Key')
      .flatMap((k) => (k.props.KeyPolicy?.Statement ?? []).map((st: any) => ({ key: where(k), st })))
      .filter(({ st }) => st.Effect === 'Allow' && asList(st.Principal?.Service).includes('delivery.logs.amazonaws.com'));
    expect(statements.length).toBeGreaterThan(0);
    for (const { key, st } of statements) {
      expect({ key, missing: documented.filter((a) => !asList(st.Action).includes(a)) }).toEqual({ key, missing: [] });
      // Still only for deliveries of this account.
      expect({ key, sourceAccount: st.Condition?.StringEquals?.['aws:SourceAccount'] !== undefined }).toEqual({ key, sourceAccount: true });
    }
  });
});

describe('LOG-NO-CLIENT-CONTENT in the database and edge logs', () => {
  test('LOG-NO-CLIENT-CONTENT: no PostgreSQL parameter group logs statement text, bound values or error details outside pgaudit', () => {
    const groups = allResources().filter((r) => (r.type === 'AWS::RDS::DBClusterParameterGroup' || r.type === 'AWS::RDS::DBParameterGroup') && /postgres/.test(String(r.props.Family)));
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      const p = g.props.Parameters ?? {};
      // Restore-testing groups carry only the TLS settings; every group that sets pgaudit or logging must be terse.
      if (!Object.keys(p).some((k) => k.startsWith('log_') || k.startsWith('pgaudit'))) continue;
      const got = {
        where: where(g),
        log_error_verbosity: p.log_error_verbosity,
        log_min_error_statement: p.log_min_error_statement,
        log_min_duration_statement: p.log_min_duration_statement ?? '-1',
        log_statement: p.log_statement ?? 'none',
        pgaudit_log_parameter: p['pgaudit.log_parameter'] ?? '0',
      };
      expect(got).toEqual({
        where: where(g),
        log_error_verbosity: 'terse',
        log_min_error_statement: 'panic',
        log_min_duration_statement: '-1',
        log_statement: 'none',
        pgaudit_log_parameter: '0',
      });
    }
  });

  test('LOG-NO-CLIENT-CONTENT: every WAF logging configuration redacts the query string and credential headers and logs only requests a rule acted on', () => {
    const configs = allResources().filter((r) => r.type === 'AWS::WAFv2::LoggingConfiguration');
    expect(configs.length).toBe(ENV_NAMES.length);
    for (const c of configs) {
      const redacted = c.props.RedactedFields ?? [];
      expect({ where: where(c), queryString: redacted.some((f: any) => f.QueryString !== undefined) }).toEqual({ where: where(c), queryString: true });
      expect(redacted.filter((f: any) => f.SingleHeader).map((f: any) => f.SingleHeader.Name.toLowerCase()).sort()).toEqual(['authorization', 'cookie']);
      expect(c.props.LoggingFilter?.DefaultBehavior).toBe('DROP');
      const kept = c.props.LoggingFilter.Filters.filter((f: any) => f.Behavior === 'KEEP').flatMap((f: any) => f.Conditions.map((x: any) => x.ActionCondition?.Action));
      expect(kept).not.toContain('ALLOW');
      expect(kept).toEqual(expect.arrayContaining(['BLOCK', 'COUNT']));
    }
  });

  test('LOG-NO-CLIENT-CONTENT: every database log group masks personal data, and every staff role below administrator is denied reading it', () => {
    for (const env of ENV_NAMES) {
      const resources = allResources().filter((r) => r.env === env);
      const clusters = resources.filter((r) => r.type === 'AWS::RDS::DBCluster');
      expect(clusters.length).toBeGreaterThan(0);
      // RDS exports to /aws/rds/cluster/<id>/<log>: each exported log needs its group, created beforehand with a policy.
      for (const c of clusters) {
        for (const log of asList(c.props.EnableCloudwatchLogsExports)) {
          const name = `/aws/rds/cluster/${c.props.DBClusterIdentifier}/${log}`;
          const groups = resources.filter((r) => r.type === 'AWS::Logs::LogGroup' && r.props.LogGroupName === name);
          expect({ name, groups: groups.length }).toEqual({ name, groups: 1 });
          const statements = groups[0].props.DataProtectionPolicy?.Statement ?? [];
          expect({ name, masks: statements.some((s: any) => s.Operation?.Deidentify?.MaskConfig !== undefined) }).toEqual({ name, masks: true });
        }
      }
      const dbGroups = resources.filter((r) => r.type === 'AWS::Logs::LogGroup' && String(r.props.LogGroupName ?? '').startsWith(DATABASE_LOG_GROUP_PREFIX));
      expect(dbGroups.length).toBeGreaterThan(0);
      // Staff roles: <env>-<level>; administrator and break-glass may read (a support case).
      const roles = resources.filter((r) => r.type === 'AWS::IAM::Role' && typeof r.props.RoleName === 'string' && r.props.RoleName.startsWith(`${env}-`) && r.stackId === 'Identity');
      const below = roles.filter((r) => ![`${env}-administrator`, `${env}-break-glass`].includes(r.props.RoleName));
      expect(below.length).toBeGreaterThan(0);
      for (const role of below) {
        const policies = resources.filter(
          (p) => p.type === 'AWS::IAM::ManagedPolicy' && p.stackId === role.stackId && (asList(p.props.Roles).some((x: any) => x.Ref === role.logicalId) || asList(role.props.ManagedPolicyArns).some((a: any) => a?.Ref === p.logicalId)),
        );
        const denies = policies.flatMap((p) => p.props.PolicyDocument.Statement).filter((s: any) => s.Effect === 'Deny' && s.Condition === undefined);
        const denied = (action: string) =>
          denies.some(
            (s: any) =>
              asList(s.Action).includes(action) &&
              asList(s.Resource).some((res: any) => JSON.stringify(res).includes(`log-group:${DATABASE_LOG_GROUP_PREFIX}*`) || res === '*'),
          );
        const reads = ['logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:StartQuery', 'logs:StartLiveTail'];
        expect({ role: role.props.RoleName, notDenied: reads.filter((a) => !denied(a)) }).toEqual({ role: role.props.RoleName, notDenied: [] });
      }
    }
  });
});
