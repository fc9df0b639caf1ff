/**
 * The SaasBaseline pack's rules, tested the way cdk-nag tests its own: per rule, minimal L1/L2
 * fixtures in a fresh App and Stack, one `Noncompliance N` test per way to break the rule and a
 * `Compliance` test, validated with the pack's `validateScope` and asserted on the violations.
 * The last block proves the registration: a finding of the pack lands in the validation report
 * and fails synthesis, and a stage's pack walks that stage only.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack, Stage, Tags, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as shield from 'aws-cdk-lib/aws-shield';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { APP_LOG_TAG, BACKUP_TAG } from '../lib/constants/tags';
import { registerCompliancePacks, type PackedStage } from '../lib/nag/packs';
import { SAAS_BASELINE_RULES, SaasBaselineChecks, type SaasBaselineChecksProps } from '../lib/nag/saas-baseline-checks';
import { maxIntervalHours, frequencyOf } from '../lib/aws-facts/schedule-expressions';
import { readFindings } from '../lib/report/findings';

/**
 * Synthesizes the fixture's app (as `cdk synth` does before any validation plugin runs, so that
 * aspects such as `Tags.of()` have applied) and returns the construct paths the pack flags
 * under `rule`, with the finding suffix where the rule reports findings (`[monthly]`).
 */
function flagged(stack: Stack, rule: string, props?: SaasBaselineChecksProps): string[] {
  const app = stack.node.root as App;
  app.synth();
  const report = new SaasBaselineChecks(app, props).validateScope(stack);
  return report.violations
    .filter((v) => v.ruleName === `SaasBaseline-${rule}` || v.ruleName.startsWith(`SaasBaseline-${rule}[`))
    .flatMap((v) => v.violatingResources.map((r) => `${r.constructPath}${v.ruleName.slice(`SaasBaseline-${rule}`.length)}`))
    .sort();
}

function fixture(): Stack {
  return new Stack(new App({ builtinCloudFormationValidation: false }), 'Fixture');
}

function vpcOf(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
}

/** An L2 Aurora PostgreSQL cluster with one serverless writer. */
function auroraL2(stack: Stack, props: Partial<rds.DatabaseClusterProps> = {}): rds.DatabaseCluster {
  return new rds.DatabaseCluster(stack, 'Db', {
    engine: AURORA_POSTGRES,
    vpc: vpcOf(stack),
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    writer: rds.ClusterInstance.serverlessV2('Writer'),
    ...props,
  });
}

const WEB_ACL_ARN = 'arn:aws:wafv2:ap-southeast-1:111111111111:regional/webacl/edge/0000';

const AURORA_POSTGRES = rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 });

function auroraPostgres(stack: Stack, id: string, props: Partial<rds.CfnDBClusterProps> = {}): rds.CfnDBCluster {
  return new rds.CfnDBCluster(stack, id, { engine: 'aurora-postgresql', engineVersion: '16.4', storageEncrypted: true, ...props });
}

describe('SaasBaseline pack', () => {
  test('every rule of the composition table has a file of its own name and cites a control', () => {
    const dir = path.join(__dirname, '..', 'lib', 'nag', 'rules');
    for (const entry of SAAS_BASELINE_RULES) {
      expect(fs.existsSync(path.join(dir, `${entry.rule.name}.ts`))).toBe(true);
      expect(entry.info).toContain(`[${entry.control}]`);
    }
    expect(new SaasBaselineChecks().name).toBe('SaasBaseline');
  });
});

describe('PostgresForceSsl: PostgreSQL databases use a parameter group that sets rds.force_ssl to 1 (DB-TLS)', () => {
  test('Noncompliance 1: an Aurora PostgreSQL cluster on the default parameter group', () => {
    const stack = fixture();
    auroraPostgres(stack, 'Cluster');
    expect(flagged(stack, 'PostgresForceSsl')).toEqual(['Fixture/Cluster']);
  });

  test('Noncompliance 2: a cluster parameter group with rds.force_ssl 0, and the cluster using it', () => {
    const stack = fixture();
    const group = new rds.CfnDBClusterParameterGroup(stack, 'Params', { family: 'aurora-postgresql16', description: 'x', parameters: { 'rds.force_ssl': '0' } });
    auroraPostgres(stack, 'Cluster', { dbClusterParameterGroupName: group.ref });
    expect(flagged(stack, 'PostgresForceSsl')).toEqual(['Fixture/Cluster', 'Fixture/Params']);
  });

  test('Noncompliance 3: an RDS for PostgreSQL instance whose parameter group does not set rds.force_ssl', () => {
    const stack = fixture();
    const group = new rds.CfnDBParameterGroup(stack, 'Params', { family: 'postgres16', description: 'x', parameters: { log_connections: '1' } });
    new rds.CfnDBInstance(stack, 'Instance', { engine: 'postgres', dbInstanceClass: 'db.t4g.micro', dbParameterGroupName: group.ref });
    expect(flagged(stack, 'PostgresForceSsl')).toEqual(['Fixture/Instance', 'Fixture/Params']);
  });

  test('Noncompliance 4: a cluster naming a parameter group that is not in its environment', () => {
    const stack = fixture();
    auroraPostgres(stack, 'Cluster', { dbClusterParameterGroupName: 'created-by-hand' });
    expect(flagged(stack, 'PostgresForceSsl')).toEqual(['Fixture/Cluster']);
  });

  test('Noncompliance 5: an L2 Aurora PostgreSQL cluster without a parameter group', () => {
    const stack = fixture();
    auroraL2(stack);
    expect(flagged(stack, 'PostgresForceSsl')).toEqual(['Fixture/Db/Resource']);
  });

  test('Compliance', () => {
    const stack = fixture();
    auroraL2(stack, { parameterGroup: new rds.ParameterGroup(stack, 'DbParams', { engine: AURORA_POSTGRES, parameters: { 'rds.force_ssl': '1' } }) });
    const group = new rds.CfnDBParameterGroup(stack, 'InstanceParams', { family: 'postgres16', description: 'x', parameters: { 'rds.force_ssl': 1 } });
    new rds.CfnDBInstance(stack, 'Instance', { engine: 'postgres', dbInstanceClass: 'db.t4g.micro', dbParameterGroupName: group.ref });
    // Not PostgreSQL: out of scope.
    new rds.CfnDBCluster(stack, 'MySql', { engine: 'aurora-mysql' });
    new rds.CfnDBParameterGroup(stack, 'MySqlParams', { family: 'mysql8.0', description: 'x' });
    expect(flagged(stack, 'PostgresForceSsl')).toEqual([]);
  });
});

describe('DatabaseSecretRotation: database credentials rotate automatically at least every 30 days (DB-CREDENTIAL-ROTATION)', () => {
  function attachedSecret(stack: Stack, rules?: secretsmanager.CfnRotationSchedule.RotationRulesProperty, withFunction = true): void {
    const cluster = auroraPostgres(stack, 'Cluster');
    const secret = new secretsmanager.CfnSecret(stack, 'Secret', { generateSecretString: { excludePunctuation: true } });
    const attachment = new secretsmanager.CfnSecretTargetAttachment(stack, 'Attachment', { secretId: secret.ref, targetId: cluster.ref, targetType: 'AWS::RDS::DBCluster' });
    if (rules) {
      new secretsmanager.CfnRotationSchedule(stack, 'Schedule', {
        secretId: attachment.ref,
        rotationRules: rules,
        ...(withFunction ? { rotationLambdaArn: 'arn:aws:lambda:ap-southeast-1:111111111111:function:rotate' } : {}),
      });
    }
  }

  test('Noncompliance 1: an L2 cluster whose generated secret has no rotation schedule', () => {
    const stack = fixture();
    auroraL2(stack, { credentials: rds.Credentials.fromGeneratedSecret('postgres') });
    expect(flagged(stack, 'DatabaseSecretRotation')).toEqual(['Fixture/Db/Secret/Resource']);
  });

  test('Noncompliance 2: rotation every 90 days', () => {
    const stack = fixture();
    attachedSecret(stack, { automaticallyAfterDays: 90 });
    expect(flagged(stack, 'DatabaseSecretRotation')).toEqual(['Fixture/Secret']);
  });

  test('Noncompliance 3: a monthly cron schedule (runs up to 31 days apart)', () => {
    const stack = fixture();
    attachedSecret(stack, { scheduleExpression: 'cron(0 4 1 * ? *)' });
    expect(flagged(stack, 'DatabaseSecretRotation')).toEqual(['Fixture/Secret']);
  });

  test('Noncompliance 4: a schedule without a rotation function', () => {
    const stack = fixture();
    attachedSecret(stack, { automaticallyAfterDays: 7 }, false);
    expect(flagged(stack, 'DatabaseSecretRotation')).toEqual(['Fixture/Secret']);
  });

  test('Noncompliance 5: a cluster with a master password that nothing rotates', () => {
    const stack = fixture();
    auroraPostgres(stack, 'Cluster', { masterUsername: 'postgres', masterUserPassword: 'not-a-good-idea' });
    expect(flagged(stack, 'DatabaseSecretRotation')).toEqual(['Fixture/Cluster']);
  });

  test('Compliance', () => {
    const stack = fixture();
    const db = auroraL2(stack, { credentials: rds.Credentials.fromGeneratedSecret('postgres') });
    db.addRotationSingleUser({ automaticallyAfter: Duration.days(30) });
    auroraPostgres(stack, 'Managed', { masterUsername: 'postgres', manageMasterUserPassword: true });
    new rds.CfnDBInstance(stack, 'ManagedInstance', { engine: 'postgres', dbInstanceClass: 'db.t4g.micro', manageMasterUserPassword: true });
    attachedSecret(stack, { scheduleExpression: 'rate(7 days)' });
    // A secret that no database uses is out of scope.
    new secretsmanager.CfnSecret(stack, 'ApiKey', { generateSecretString: {} });
    expect(flagged(stack, 'DatabaseSecretRotation')).toEqual([]);
  });
});

describe('StaffRoleMfa: roles that people assume require MFA in their trust policy (IAM-MFA-ROLES)', () => {
  const MFA = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
  const samlProvider = (stack: Stack) =>
    new iam.SamlProvider(stack, 'Idp', { metadataDocument: iam.SamlMetadataDocument.fromXml('<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>') });

  test('Noncompliance 1: an account principal without an MFA condition', () => {
    const stack = fixture();
    new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountPrincipal('111111111111') });
    expect(flagged(stack, 'StaffRoleMfa')).toEqual(['Fixture/Admin/Resource']);
  });

  test('Noncompliance 2: BoolIfExists, which lets long-term access keys through', () => {
    const stack = fixture();
    new iam.Role(stack, 'Operator', {
      assumedBy: new iam.ArnPrincipal('arn:aws:iam::111111111111:user/alice').withConditions({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }),
    });
    expect(flagged(stack, 'StaffRoleMfa')).toEqual(['Fixture/Operator/Resource']);
  });

  test('Noncompliance 3: a SAML principal that does not pin the MFA authentication context', () => {
    const stack = fixture();
    new iam.Role(stack, 'Federated', { assumedBy: new iam.SamlConsolePrincipal(samlProvider(stack)) });
    expect(flagged(stack, 'StaffRoleMfa')).toEqual(['Fixture/Federated/Resource']);
  });

  test('Noncompliance 4: one statement with MFA, another for an account without it', () => {
    const stack = fixture();
    new iam.Role(stack, 'Mixed', {
      assumedBy: new iam.CompositePrincipal(new iam.AccountPrincipal('111111111111').withConditions(MFA), new iam.AccountPrincipal('222222222222')),
    });
    expect(flagged(stack, 'StaffRoleMfa')).toEqual(['Fixture/Mixed/Resource']);
  });

  test('Compliance', () => {
    const stack = fixture();
    new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountPrincipal('111111111111').withConditions(MFA) });
    new iam.Role(stack, 'Federated', {
      // SamlConsolePrincipal would overwrite a StringEquals of ours with its SAML:aud condition.
      assumedBy: new iam.SamlPrincipal(samlProvider(stack), {
        StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml', 'saml:AuthnContextClassRef': 'http://schemas.microsoft.com/claims/multipleauthn' },
      }),
    });
    // Workloads: a service principal, and OIDC federation for CI.
    new iam.Role(stack, 'FlowLogs', { assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com') });
    new iam.Role(stack, 'Ci', {
      assumedBy: new iam.WebIdentityPrincipal('arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com', {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      }),
    });
    expect(flagged(stack, 'StaffRoleMfa')).toEqual([]);
  });

  test('Compliance: a SAML role acknowledged on that one role because the IdP enforces MFA on every sign-in', () => {
    const stack = fixture();
    const role = new iam.Role(stack, 'IdentityCenter', { assumedBy: new iam.SamlConsolePrincipal(samlProvider(stack)) });
    Validations.of(role).acknowledge({ id: 'SaasBaseline-StaffRoleMfa', reason: '[IAM-MFA-ROLES] IAM Identity Center requires MFA on every sign-in' });
    expect(flagged(stack, 'StaffRoleMfa')).toEqual([]);
  });
});

describe('AlbWebAcl: internet-facing Application Load Balancers have a WAFv2 web ACL (EDGE-WAF)', () => {
  const alb = (stack: Stack, id: string, internetFacing = true, vpc = vpcOf(stack)) => new elbv2.ApplicationLoadBalancer(stack, id, { vpc, internetFacing });

  test('Noncompliance 1: an internet-facing ALB without a web ACL', () => {
    const stack = fixture();
    alb(stack, 'Alb');
    expect(flagged(stack, 'AlbWebAcl')).toEqual(['Fixture/Alb/Resource']);
  });

  test('Noncompliance 2: the web ACL is associated with another load balancer', () => {
    const stack = fixture();
    const vpc = vpcOf(stack);
    alb(stack, 'Alb', true, vpc);
    const other = alb(stack, 'Other', true, vpc);
    new wafv2.CfnWebACLAssociation(stack, 'Association', { resourceArn: other.loadBalancerArn, webAclArn: WEB_ACL_ARN });
    expect(flagged(stack, 'AlbWebAcl')).toEqual(['Fixture/Alb/Resource']);
  });

  test('Noncompliance 3: an L1 load balancer without Scheme (internet-facing by default)', () => {
    const stack = fixture();
    new elbv2.CfnLoadBalancer(stack, 'Lb', { subnets: ['subnet-1', 'subnet-2'] });
    expect(flagged(stack, 'AlbWebAcl')).toEqual(['Fixture/Lb']);
  });

  test('Compliance', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const network = new Stack(app, 'Workload');
    const vpc = vpcOf(network);
    const lb = alb(network, 'Alb', true, vpc);
    // The web ACL lives in an edge stack of the same environment.
    const edge = new Stack(app, 'Edge');
    new wafv2.CfnWebACLAssociation(edge, 'Association', { resourceArn: lb.loadBalancerArn, webAclArn: WEB_ACL_ARN });
    alb(network, 'Internal', false, vpc);
    new elbv2.NetworkLoadBalancer(network, 'Nlb', { vpc, internetFacing: true });
    expect(flagged(network, 'AlbWebAcl')).toEqual([]);
  });
});

describe('ShieldProtection: where Shield Advanced is on, internet-facing ALBs have a Shield protection (EDGE-DDOS-SHIELD)', () => {
  test('Noncompliance 1: Shield Advanced on, ALB without protection', () => {
    const stack = fixture();
    new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    expect(flagged(stack, 'ShieldProtection', { shieldAdvanced: true })).toEqual(['Fixture/Alb/Resource']);
  });

  test('Compliance', () => {
    const stack = fixture();
    const vpc = vpcOf(stack);
    const lb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: true });
    new shield.CfnProtection(stack, 'Protection', { name: 'alb', resourceArn: lb.loadBalancerArn });
    new elbv2.ApplicationLoadBalancer(stack, 'Internal', { vpc, internetFacing: false });
    expect(flagged(stack, 'ShieldProtection', { shieldAdvanced: true })).toEqual([]);
  });

  test('Compliance: Shield Advanced off, the rule is not applied', () => {
    const stack = fixture();
    new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    expect(flagged(stack, 'ShieldProtection', { shieldAdvanced: false })).toEqual([]);
    expect(flagged(stack, 'ShieldProtection')).toEqual([]);
  });
});

describe('BackupPlanTiers: backup plans keep hourly 1 day, daily 7 days, weekly a month, monthly a year (BAK-TIERS)', () => {
  const cron = (o: events.CronOptions) => events.Schedule.cron(o);
  const tierRules = (overrides: Partial<Record<'hourly' | 'daily' | 'weekly' | 'monthly', backup.BackupPlanRuleProps>> = {}) => [
    new backup.BackupPlanRule({ ruleName: 'Hourly', scheduleExpression: cron({ minute: '0' }), deleteAfter: Duration.days(1), ...overrides.hourly }),
    new backup.BackupPlanRule({ ruleName: 'Daily', scheduleExpression: cron({ minute: '0', hour: '5' }), deleteAfter: Duration.days(7), ...overrides.daily }),
    new backup.BackupPlanRule({ ruleName: 'Weekly', scheduleExpression: cron({ minute: '0', hour: '5', weekDay: 'SUN' }), deleteAfter: Duration.days(35), ...overrides.weekly }),
    new backup.BackupPlanRule({ ruleName: 'Monthly', scheduleExpression: cron({ minute: '0', hour: '5', day: '1' }), deleteAfter: Duration.days(365), ...overrides.monthly }),
  ];

  test('Noncompliance 1: a daily plan kept 35 days has no hourly and no monthly tier', () => {
    const stack = fixture();
    backup.BackupPlan.daily35DayRetention(stack, 'Plan');
    expect(flagged(stack, 'BackupPlanTiers')).toEqual(['Fixture/Plan/Resource[hourly]', 'Fixture/Plan/Resource[monthly]']);
  });

  test('Noncompliance 2: monthly backups kept 180 days', () => {
    const stack = fixture();
    new backup.BackupPlan(stack, 'Plan', { backupPlanRules: tierRules({ monthly: { deleteAfter: Duration.days(180) } }) });
    expect(flagged(stack, 'BackupPlanTiers')).toEqual(['Fixture/Plan/Resource[monthly]']);
  });

  test('Noncompliance 3: weekly backups kept 14 days, and the "hourly" rule runs every 2 hours', () => {
    const stack = fixture();
    new backup.BackupPlan(stack, 'Plan', {
      backupPlanRules: tierRules({ weekly: { deleteAfter: Duration.days(14) }, hourly: { scheduleExpression: cron({ minute: '0', hour: '*/2' }) } }),
    });
    expect(flagged(stack, 'BackupPlanTiers')).toEqual(['Fixture/Plan/Resource[hourly]', 'Fixture/Plan/Resource[weekly]']);
  });

  test('Compliance', () => {
    const stack = fixture();
    new backup.BackupPlan(stack, 'Plan', { backupPlanRules: tierRules() });
    // A finer rule that keeps longer covers a coarser tier: daily kept a year is also the weekly and monthly tier.
    new backup.BackupPlan(stack, 'Dense', {
      backupPlanRules: [
        new backup.BackupPlanRule({ ruleName: 'Hourly', scheduleExpression: cron({ minute: '15' }), deleteAfter: Duration.days(2) }),
        new backup.BackupPlanRule({ ruleName: 'Daily', scheduleExpression: cron({ minute: '30', hour: '3' }), deleteAfter: Duration.days(365) }),
      ],
    });
    expect(flagged(stack, 'BackupPlanTiers')).toEqual([]);
  });
});

describe('schedule expressions: the longest gap between runs', () => {
  test.each([
    ['rate(1 hour)', 1],
    ['rate(30 minutes)', 0.5],
    ['rate(7 days)', 168],
    ['cron(0 * * * ? *)', 1],
    ['cron(0,30 * * * ? *)', 0.5],
    ['cron(0 */2 * * ? *)', 2],
    ['cron(0 5 * * ? *)', 24],
    ['cron(0 5,17 ? * * *)', 12],
    ['cron(0 5 ? * SUN *)', 168],
    ['cron(0 5 ? * MON,THU *)', 96],
    ['cron(0 5 1 * ? *)', 744],
    ['cron(0 5 1,15 * ? *)', 408],
    ['cron(0 5 L * ? *)', 744],
    ['cron(0 5 ? * 2#1 *)', 744],
    ['cron(0 5 1 JAN ? *)', 12 * 744],
  ])('%s runs at most %d hours apart', (expression, hours) => {
    expect(maxIntervalHours(expression)).toBe(hours);
  });

  test('classifies tiers and rejects what it cannot read', () => {
    expect(['cron(0 * * * ? *)', 'cron(0 5 * * ? *)', 'cron(0 5 ? * SUN *)', 'cron(0 5 1 * ? *)', 'cron(0 5 1 1/3 ? *)'].map(frequencyOf)).toEqual([
      'hourly',
      'daily',
      'weekly',
      'monthly',
      undefined,
    ]);
    expect(() => maxIntervalHours('at(2026-01-01T00:00:00)')).toThrow(/unsupported schedule expression/);
    expect(() => maxIntervalHours('cron(0 5 * * ?)')).toThrow(/has 5 fields, expected 6/);
    expect(() => maxIntervalHours('cron(0 25 * * ? *)')).toThrow(/outside 0-23/);
  });
});

describe('RestoreTestingCoversDatabases: a restore testing selection covers every database (BAK-RESTORE-TESTING)', () => {
  function plan(stack: Stack): backup.CfnRestoreTestingPlan {
    return new backup.CfnRestoreTestingPlan(stack, 'RestorePlan', {
      restoreTestingPlanName: 'databases',
      scheduleExpression: 'cron(0 3 ? * SAT *)',
      recoveryPointSelection: { algorithm: 'LATEST_WITHIN_WINDOW', includeVaults: ['*'], recoveryPointTypes: ['SNAPSHOT'] },
    });
  }
  function selection(stack: Stack, id: string, props: Partial<backup.CfnRestoreTestingSelectionProps>): backup.CfnRestoreTestingSelection {
    return new backup.CfnRestoreTestingSelection(stack, id, {
      iamRoleArn: 'arn:aws:iam::111111111111:role/restore-testing',
      protectedResourceType: 'Aurora',
      restoreTestingPlanName: 'databases',
      restoreTestingSelectionName: id,
      protectedResourceArns: ['*'],
      ...props,
    });
  }
  const BY_TAG = { stringEquals: [{ key: `aws:ResourceTag/${BACKUP_TAG.key}`, value: BACKUP_TAG.value }] };

  test('Noncompliance 1: a cluster and no restore testing at all', () => {
    const stack = fixture();
    auroraPostgres(stack, 'Cluster');
    expect(flagged(stack, 'RestoreTestingCoversDatabases')).toEqual(['Fixture/Cluster']);
  });

  test('Noncompliance 2: the selection restores RDS instances, not Aurora clusters', () => {
    const stack = fixture();
    auroraPostgres(stack, 'Cluster');
    selection(stack, 'Instances', { restoreTestingPlanName: plan(stack).ref, protectedResourceType: 'RDS' });
    expect(flagged(stack, 'RestoreTestingCoversDatabases')).toEqual(['Fixture/Cluster']);
  });

  test('Noncompliance 3: the selection filters on the backup tag, which the cluster lacks', () => {
    const stack = fixture();
    auroraPostgres(stack, 'Untagged');
    plan(stack);
    selection(stack, 'Tagged', { protectedResourceConditions: BY_TAG });
    expect(flagged(stack, 'RestoreTestingCoversDatabases')).toEqual(['Fixture/Untagged']);
  });

  test('Noncompliance 4: the selection names a restore testing plan that does not exist', () => {
    const stack = fixture();
    auroraPostgres(stack, 'Cluster');
    selection(stack, 'Orphan', { restoreTestingPlanName: 'elsewhere' });
    expect(flagged(stack, 'RestoreTestingCoversDatabases')).toEqual(['Fixture/Cluster']);
  });

  test('Compliance', () => {
    const stack = fixture();
    const cluster = auroraPostgres(stack, 'Cluster');
    Tags.of(cluster).add(BACKUP_TAG.key, BACKUP_TAG.value);
    const restorePlan = plan(stack);
    selection(stack, 'Clusters', { restoreTestingPlanName: restorePlan.ref, protectedResourceConditions: BY_TAG });
    const instance = new rds.CfnDBInstance(stack, 'Instance', { engine: 'postgres', dbInstanceClass: 'db.t4g.micro' });
    selection(stack, 'Instances', { protectedResourceType: 'RDS', protectedResourceArns: [instance.attrDbInstanceArn] });
    // Cluster members are restored with their cluster.
    new rds.CfnDBInstance(stack, 'Member', { engine: 'aurora-postgresql', dbInstanceClass: 'db.r6g.large', dbClusterIdentifier: cluster.ref });
    expect(flagged(stack, 'RestoreTestingCoversDatabases')).toEqual([]);
  });
});

describe('AppLogDataProtection: application log groups mask personal data (LOG-NO-CLIENT-CONTENT)', () => {
  const appLog = (stack: Stack, id: string, props: logs.LogGroupProps = {}) => {
    const group = new logs.LogGroup(stack, id, props);
    Tags.of(group).add(APP_LOG_TAG.key, APP_LOG_TAG.value);
    return group;
  };

  test('Noncompliance 1: an application log group without a data protection policy', () => {
    const stack = fixture();
    appLog(stack, 'AppLogs');
    expect(flagged(stack, 'AppLogDataProtection')).toEqual(['Fixture/AppLogs/Resource']);
  });

  test('Noncompliance 2: a policy that audits but does not mask', () => {
    const stack = fixture();
    new logs.CfnLogGroup(stack, 'AppLogs', {
      tags: [{ key: APP_LOG_TAG.key, value: APP_LOG_TAG.value }],
      dataProtectionPolicy: {
        Name: 'audit-only',
        Version: '2021-06-01',
        Statement: [{ Sid: 'audit', DataIdentifier: ['arn:aws:dataprotection::aws:data-identifier/EmailAddress'], Operation: { Audit: { FindingsDestination: {} } } }],
      },
    });
    expect(flagged(stack, 'AppLogDataProtection')).toEqual(['Fixture/AppLogs']);
  });

  test('Compliance', () => {
    const stack = fixture();
    appLog(stack, 'AppLogs', {
      dataProtectionPolicy: new logs.DataProtectionPolicy({ identifiers: [logs.DataIdentifier.EMAILADDRESS, logs.DataIdentifier.CREDITCARDNUMBER] }),
    });
    // Not an application log: flow logs, audit trails.
    new logs.LogGroup(stack, 'FlowLogs');
    expect(flagged(stack, 'AppLogDataProtection')).toEqual([]);
  });
});

describe('registration: the pack runs per environment stage on synth, and its findings fail synthesis', () => {
  /** A stage with the own pack's setting that follows an environment's configuration. */
  function stageOf(app: App, id: string, shieldAdvanced: boolean): PackedStage {
    return { stage: new Stage(app, id), shieldAdvanced };
  }
  function unprotectedAlb(stage: Stage): void {
    const stack = new Stack(stage, 'Edge');
    const lb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    new wafv2.CfnWebACLAssociation(stack, 'Association', { resourceArn: lb.loadBalancerArn, webAclArn: WEB_ACL_ARN });
  }

  test('LOG-NO-CLIENT-CONTENT: a finding of a stage-registered pack fails app.synth()', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-nag-')), builtinCloudFormationValidation: false });
    const stage = new Stage(app, 'Env');
    const group = new logs.LogGroup(new Stack(stage, 'Logs'), 'AppLogs');
    Tags.of(group).add(APP_LOG_TAG.key, APP_LOG_TAG.value);
    Validations.of(stage).addPlugins(new SaasBaselineChecks(stage));
    expect(() => app.synth()).toThrow(/SaasBaseline-AppLogDataProtection/);
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });

  test('EDGE-DDOS-SHIELD: registerCompliancePacks adds the pack to each stage with its own setting; findings land in validation-report.json once', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-nag-'));
    const app = new App({ outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
    const production = stageOf(app, 'production', true);
    const staging = stageOf(app, 'staging', false);
    unprotectedAlb(production.stage as Stage);
    unprotectedAlb(staging.stage as Stage);
    registerCompliancePacks(app, [production, staging]);
    app.synth();
    const findings = readFindings(outdir);
    expect(findings.filter((f) => f.pack === 'SaasBaseline').map((f) => `${f.rule} ${f.constructPath}`)).toEqual([
      'SaasBaseline-ShieldProtection production/Edge/Alb/Resource',
    ]);
    // The four published packs still run on the app, beside ours.
    expect(new Set(findings.map((f) => f.pack))).toEqual(new Set(['SaasBaseline', 'AwsSolutions', 'NIST.800.53.R5', 'PCI.DSS.321', 'HIPAA.Security']));
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
