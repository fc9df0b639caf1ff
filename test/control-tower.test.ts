/**
 * The AWS Control Tower proactive controls (CT.*.PR.*, the cfn-guard rules of
 * @cdklabs/cdk-validator-cfnguard) over every template of both environments, as the test setup
 * ran them (lib/nag/control-tower.ts), and the fixes they asked for.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ACKNOWLEDGEMENTS, acknowledge } from '../lib/nag/acknowledgements';
import {
  checkControlTower,
  controlTowerFindings,
  controlTowerRuleSet,
  failingResources,
  judgeControlTower,
  rulesFor,
  runControlTowerRules,
  typesNamedIn,
  type ControlTowerReport,
} from '../lib/nag/control-tower';
import { WorkloadSchema } from '../lib/config/schema';
import { isRootUser } from '../lib/constructs/workload/fargate-workload';
import { collectAcknowledgements, CONTROL_TOWER_REPORT_FILE, failOnOpenFindings, readOpenFindings } from '../lib/report/findings';
import { buildControlsReport, renderControlsMarkdown } from '../lib/report/controls-report';
import { CATALOG } from '../lib/controls/catalog';
import { acknowledgements, allResources, allStacks, ENV_NAMES, findings, templateJson } from './support/synth';

function report(): ControlTowerReport {
  return JSON.parse(fs.readFileSync(path.join(process.env.SSB_SYNTH_DIR!, CONTROL_TOWER_REPORT_FILE), 'utf8')) as ControlTowerReport;
}

const ctAcks = () => acknowledgements().filter((a) => a.rule.startsWith('CT.'));

describe('AWS Control Tower proactive controls in the gate (DEL-COMPLIANCE-PACKS)', () => {
  test('DEL-COMPLIANCE-PACKS: no open Control Tower finding and no stale acknowledgement in any environment', () => {
    expect(report().findings.map((f) => `${f.rule} at ${f.constructPath}: ${f.description}`)).toEqual([]);
    expect(findings().filter((f) => f.pack === 'ControlTower')).toEqual([]);
  });

  test('DEL-COMPLIANCE-PACKS: every template of both environments was checked with the whole rule set', () => {
    const r = report();
    expect(r.templates).toBe(allStacks().length);
    expect(r.notChecked).toEqual([]);
    expect(r.rules).toBe(controlTowerRuleSet().rules.length);
    expect(r.rules).toBeGreaterThanOrEqual(237);
    for (const env of ENV_NAMES) expect({ env, acknowledged: r.acknowledged.some((a) => a.constructPath.startsWith(`${env}/`)) }).toEqual({ env, acknowledged: true });
  });

  test('DEL-COMPLIANCE-PACKS: every Control Tower acknowledgement covers a finding, and every acknowledged finding has one on its construct or an ancestor', () => {
    const acks = ctAcks();
    expect(acks.length).toBeGreaterThan(0);
    const r = report();
    for (const a of acks) {
      const covers = r.acknowledged.some((x) => x.rule === a.rule && (x.constructPath === a.constructPath || x.constructPath.startsWith(`${a.constructPath}/`)));
      expect({ ack: `${a.rule} on ${a.constructPath}`, covers }).toEqual({ ack: `${a.rule} on ${a.constructPath}`, covers: true });
    }
  });

  test('DEL-COMPLIANCE-PACKS: every Control Tower entry of the acknowledgement table names a rule of the rule set', () => {
    const ids = new Set(controlTowerRuleSet().rules.map((r) => r.id));
    const entries = Object.values(ACKNOWLEDGEMENTS)
      .flat()
      .filter((e) => e.rule.startsWith('CT.'));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect({ rule: e.rule, known: ids.has(e.rule) }).toEqual({ rule: e.rule, known: true });
  });
});

describe('the controls report shows Control Tower results', () => {
  test('DEL-COMPLIANCE-PACKS: Control Tower acknowledgements are listed under the control their reason cites', () => {
    const report = buildControlsReport(CATALOG, [], acknowledgements());
    const ecs = report.find((e) => e.id === 'WL-LEAST-PRIVILEGE')!;
    expect(ecs.acknowledgements).toEqual(expect.arrayContaining([{ rule: 'CT.ECS.PR.3', constructPath: 'production/Workload/Workload/TaskDefinition' }]));
    expect(renderControlsMarkdown(report)).toContain('`CT.ECS.PR.3` at `production/Workload/Workload/TaskDefinition`');
  });

  test('DEL-COMPLIANCE-PACKS: an open Control Tower finding puts the controls its rule is acknowledged for at "open findings", listed with the rule and construct', () => {
    const open = { pack: 'ControlTower', rule: 'CT.S3.PR.9', severity: 'error', constructPath: 'production/Data1/TenantAcme/Files/Resource/Resource', description: '' };
    const report = buildControlsReport(CATALOG, [], [], [], [open]);
    const flagged = report.filter((e) => e.status === 'open findings').map((e) => e.id);
    expect(flagged).toEqual(expect.arrayContaining(['DATA-VERSIONED-RETENTION', 'MON-CONFIG-RULES']));
    expect(renderControlsMarkdown(report)).toContain('ControlTower `CT.S3.PR.9` at `production/Data1/TenantAcme/Files/Resource/Resource`');
  });
});

describe('judging hits against acknowledgements', () => {
  const hit = (rule: string, constructPath: string) => ({ rule, template: 't.json', logicalId: 'X', constructPath, description: '' });
  const ack = (rule: string, constructPath: string) => ({ rule, constructPath, reason: '[DEL-COMPLIANCE-PACKS] r' });

  test('DEL-COMPLIANCE-PACKS: an acknowledgement on the construct or an ancestor covers the hit; another rule or a sibling does not', () => {
    const v = judgeControlTower(
      [hit('CT.S3.PR.2', 'production/Data1/Logs/Resource/Resource'), hit('CT.S3.PR.9', 'production/Data1/Logs/Resource/Resource'), hit('CT.S3.PR.2', 'production/Data1/Other/Resource')],
      [ack('CT.S3.PR.2', 'production/Data1/Logs/Resource')],
    );
    expect(v.acknowledged.map((a) => a.hit.rule)).toEqual(['CT.S3.PR.2']);
    expect(v.open.map((f) => `${f.rule} ${f.constructPath}`)).toEqual(['CT.S3.PR.9 production/Data1/Logs/Resource/Resource', 'CT.S3.PR.2 production/Data1/Other/Resource']);
    expect(v.stale).toEqual([]);
  });

  test('DEL-COMPLIANCE-PACKS: fails on a stale acknowledgement: one whose rule reports nothing on its construct or below', () => {
    const v = judgeControlTower([], [ack('CT.SQS.PR.1', 'staging/Backup/Queue'), ack('AwsSolutions-SQS3', 'staging/Backup/Queue')]);
    expect(v.stale.map((a) => a.rule)).toEqual(['CT.SQS.PR.1']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-ct-'));
    fs.writeFileSync(path.join(dir, CONTROL_TOWER_REPORT_FILE), JSON.stringify({ findings: controlTowerFindings(v) }));
    expect(readOpenFindings(dir).map((f) => `${f.pack} ${f.rule} at ${f.constructPath}`)).toEqual(['ControlTower CT.SQS.PR.1 at staging/Backup/Queue']);
    expect(() => failOnOpenFindings(dir)).toThrow(/1 open compliance finding\(s\)[\s\S]*ControlTower CT\.SQS\.PR\.1 at staging\/Backup\/Queue/);
  });

  describe('end to end with cfn-guard, on a one-stage, one-stack app', () => {
    function synth(build: (stack: Stack) => void): { app: App; assembly: ReturnType<App['synth']> } {
      const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-ct-app-')) });
      // Only stacks inside stages (the environments) are checked.
      build(new Stack(new Stage(app, 'probe'), 'Probe', { env: { account: '123456789012', region: 'ap-southeast-1' } }));
      return { app, assembly: app.synth() };
    }

    test('DEL-COMPLIANCE-PACKS: a queue without a dead-letter queue (CT.SQS.PR.1) is an open finding at its construct path', async () => {
      const { app, assembly } = synth((stack) => new sqs.Queue(stack, 'Orders', { encryption: sqs.QueueEncryption.SQS_MANAGED }));
      const { report: r } = await checkControlTower(app, assembly, collectAcknowledgements(app));
      expect(r.findings.map((f) => `${f.rule} at ${f.constructPath}`)).toContain('CT.SQS.PR.1 at probe/Probe/Orders/Resource');
      expect(() => failOnOpenFindings(assembly.directory)).toThrow(/ControlTower CT\.SQS\.PR\.1 at probe\/Probe\/Orders\/Resource/);
    });

    test('DEL-COMPLIANCE-PACKS: an acknowledgement from the table on a queue that has a dead-letter queue is stale and fails the gate', async () => {
      const { app, assembly } = synth((stack) => {
        const dlq = new sqs.Queue(stack, 'DeadLetters', { encryption: sqs.QueueEncryption.SQS_MANAGED });
        acknowledge(dlq, 'deadLetterQueue');
        const queue = new sqs.Queue(stack, 'Orders', { encryption: sqs.QueueEncryption.SQS_MANAGED, deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } });
        // Acknowledging a rule that does not fire on this queue: nothing to cover.
        acknowledge(queue, 'deadLetterQueue');
      });
      const { report: r } = await checkControlTower(app, assembly, collectAcknowledgements(app));
      const stale = r.findings.filter((f) => f.description.startsWith('stale acknowledgement'));
      expect(stale.map((f) => `${f.rule} at ${f.constructPath}`)).toEqual(['CT.SQS.PR.1 at probe/Probe/Orders']);
      expect(r.acknowledged.map((a) => `${a.rule} at ${a.constructPath}`)).toEqual(['CT.SQS.PR.1 at probe/Probe/DeadLetters/Resource']);
    });
  });
});

describe('running cfn-guard: rule selection and the cache', () => {
  test('every rule names at least one resource type, read from its metadata or its text (single or double quotes)', () => {
    const rules = controlTowerRuleSet().rules;
    expect(rules.length).toBeGreaterThanOrEqual(237);
    for (const r of rules) expect({ rule: r.id, types: r.types.length > 0 }).toEqual({ rule: r.id, types: true });
    expect(typesNamedIn(`let A = 'AWS::AutoScaling::LaunchConfiguration'\nlet B = "AWS::KMS::Key"`)).toEqual(['AWS::AutoScaling::LaunchConfiguration', 'AWS::KMS::Key']);
  });

  test('a template gets exactly the rules that name one of its resource types', () => {
    const rules = controlTowerRuleSet().rules;
    const selected = rulesFor({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }, rules).map((r) => r.id);
    expect(selected).toEqual(expect.arrayContaining(['CT.SQS.PR.1']));
    expect(selected.every((id) => rules.find((r) => r.id === id)!.types.includes('AWS::SQS::Queue'))).toBe(true);
    expect(rulesFor({ Resources: {} }, rules)).toEqual([]);
  });

  test('the failing resources of a cfn-guard result are the logical IDs its checks traversed to', () => {
    const entry = { checks: [{ Clause: { check: { Resolved: { from: { path: '/Resources/Bucket1/Properties/X' } } } } }, { path: '/Resources/Bucket2' }, { path: '' }] };
    expect(failingResources(entry)).toEqual(['Bucket1', 'Bucket2']);
  });

  test('the rules a template is not given, which name none of its resource types, find nothing on it: selecting rules by type loses no finding (production Workload template)', async () => {
    const stack = allStacks().find((s) => s.env === 'production' && s.stackId === 'Workload')!;
    const set = controlTowerRuleSet();
    const selected = rulesFor(templateJson('production', 'Workload'), set.rules);
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.length).toBeLessThan(set.rules.length);
    // cfn-guard evaluates each rule file on its own (the 237 files define same-named helper rules,
    // which works only that way), so the whole set finds what the selected rules find plus what
    // these find: nothing.
    const unselected = await runControlTowerRules([{ file: stack.templateFile }], { rules: 'unselected' });
    expect(unselected.hits.map((h) => `${h.rule} ${h.logicalId}`)).toEqual([]);
  });

  test('templates with the same rule set share a cfn-guard process, and each gets the hits it gets alone, whether its path is relative or absolute', async () => {
    const rules = controlTowerRuleSet().rules;
    const ids = (env: string, stackId: string) => rulesFor(templateJson(env, stackId), rules).map((r) => r.id).join(',');
    // The smallest stack of the fixture whose two environments have the same rules.
    const stack = allStacks().find((s) => s.env === 'staging' && s.stackId === 'GlobalEvents')!;
    const other = allStacks().find((s) => s.env === 'production' && s.stackId === 'GlobalEvents')!;
    expect(ids('staging', 'GlobalEvents')).toBe(ids('production', 'GlobalEvents'));
    // One path relative: cfn-guard names results by absolute path, and `npx cdk synth -o out` gives relative ones.
    const together = await runControlTowerRules([{ file: path.relative(process.cwd(), stack.templateFile) }, { file: other.templateFile }]);
    const alone = [...(await runControlTowerRules([{ file: stack.templateFile }])).hits, ...(await runControlTowerRules([{ file: other.templateFile }])).hits];
    const show = (hits: readonly { template: string; rule: string; logicalId: string }[]) => hits.map((h) => `${path.basename(h.template)} ${h.rule} ${h.logicalId}`).sort();
    expect(alone.length).toBeGreaterThan(0);
    expect(show(together.hits)).toEqual(show(alone));
    expect(together.templates).toBe(2);
  });

  test('a second run over the same template comes from the cache, with the same hits', async () => {
    const stack = allStacks().find((s) => s.env === 'staging' && s.stackId === 'Alerting')!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-ct-cache-'));
    const first = await runControlTowerRules([{ file: stack.templateFile }], { cacheDir: dir });
    const second = await runControlTowerRules([{ file: stack.templateFile }], { cacheDir: dir });
    expect([first.cached, second.cached]).toEqual([0, 1]);
    expect(second.hits).toEqual(first.hits);
  });
});

describe('fixes for Control Tower findings', () => {
  test.each(ENV_NAMES)('CT.KMS.PR.3 / FND-ENCRYPTION-AT-REST: every KMS key policy in %s denies kms:CreateGrant unless an AWS service asks', (env) => {
    const keys = allResources().filter((r) => r.env === env && r.type === 'AWS::KMS::Key');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect({ key: key.logicalId, statements: key.props.KeyPolicy.Statement }).toEqual({
        key: key.logicalId,
        statements: expect.arrayContaining([
          {
            Sid: 'DenyGrantsExceptForAwsServices',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'kms:CreateGrant',
            Resource: '*',
            Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
          },
        ]),
      });
    }
  });

  test.each(ENV_NAMES)('CT.ECS.PR.3 / WL-LEAST-PRIVILEGE: the application container in %s runs as a non-root user; the only root container is the non-essential chown step', (env) => {
    const tasks = allResources().filter((r) => r.env === env && r.type === 'AWS::ECS::TaskDefinition');
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      const containers: any[] = task.props.ContainerDefinitions;
      const app = containers.find((c) => c.Name === 'App');
      expect(app.User).toBe('101');
      expect(isRootUser(app.User)).toBe(false);
      const root = containers.filter((c) => isRootUser(String(c.User ?? '0')));
      expect(root.map((c) => ({ name: c.Name, essential: c.Essential, entryPoint: c.EntryPoint, readOnly: c.ReadonlyRootFilesystem, ports: c.PortMappings }))).toEqual([
        { name: 'PrepareWritablePaths', essential: false, entryPoint: ['chown'], readOnly: true, ports: undefined },
      ]);
      expect(app.DependsOn).toEqual([{ ContainerName: 'PrepareWritablePaths', Condition: 'SUCCESS' }]);
      // The step hands every writable path of the application to its user, and nothing else.
      const prepare = root[0];
      expect(prepare.Command).toEqual(['101', ...app.MountPoints.map((m: any) => m.ContainerPath)]);
      expect(prepare.MountPoints).toEqual(app.MountPoints);
      expect(prepare.LinuxParameters.Capabilities.Drop).not.toContain('CHOWN');
      expect(prepare.LinuxParameters.Capabilities.Drop).toHaveLength(13);
    }
  });

  test('CT.ECS.PR.3: config and construct refuse a root container user', () => {
    for (const user of ['0', 'root', '0:0', 'root:root', '0:101']) {
      expect({ user, root: isRootUser(user), accepted: WorkloadSchema.safeParse({ containerUser: user }).success }).toEqual({ user, root: true, accepted: false });
    }
    for (const user of ['101', '101:101', 'nginx', '1000:0']) {
      expect({ user, root: isRootUser(user), accepted: WorkloadSchema.safeParse({ containerUser: user }).success }).toEqual({ user, root: false, accepted: true });
    }
  });

  test('CT.ECS.PR.3 / NET-NACLS: the default container serves on an unprivileged port (8080), and the target group follows it', () => {
    expect(WorkloadSchema.parse({}).containerPort).toBe(8080);
    for (const env of ENV_NAMES) {
      const groups = allResources().filter((r) => r.env === env && r.type === 'AWS::ElasticLoadBalancingV2::TargetGroup');
      expect(groups.map((g) => g.props.Port)).toEqual([8080]);
    }
  });

  test.each(ENV_NAMES)('CT.ECS.PR.7: every container in %s has a hard memory limit', (env) => {
    const containers = allResources()
      .filter((r) => r.env === env && r.type === 'AWS::ECS::TaskDefinition')
      .flatMap((t) => t.props.ContainerDefinitions.map((c: any) => ({ task: Number(t.props.Memory), name: c.Name, memory: c.Memory })));
    expect(containers.length).toBeGreaterThan(1);
    for (const c of containers) expect({ name: c.name, limited: c.memory >= 4 && c.memory <= c.task }).toEqual({ name: c.name, limited: true });
  });

  test.each(ENV_NAMES)('CT.S3.PR.4: every bucket in %s sends its events to EventBridge, without a notification custom resource', (env) => {
    const buckets = allResources().filter((r) => r.env === env && r.type === 'AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) expect({ bucket: b.logicalId, n: b.props.NotificationConfiguration }).toEqual({ bucket: b.logicalId, n: { EventBridgeConfiguration: { EventBridgeEnabled: true } } });
    expect(allResources().filter((r) => r.env === env && r.type === 'Custom::S3BucketNotifications')).toEqual([]);
  });

  test.each(ENV_NAMES)('CT.GUARDDUTY.PR.1 / MON-GUARDDUTY: S3 protection in %s is on through Features (S3_DATA_EVENTS), without the legacy DataSources', (env) => {
    const detectors = allResources().filter((r) => r.env === env && r.type === 'AWS::GuardDuty::Detector');
    expect(detectors.length).toBe(1);
    expect(detectors[0].props.Features).toEqual(expect.arrayContaining([{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }]));
    expect(detectors[0].props.DataSources).toBeUndefined();
  });

  test('CT.CLOUDWATCH.PR.2 / LOG-ENCRYPTED-RETAINED: production keeps every log group a year or more; the short-retention acknowledgement sits only on groups kept less', () => {
    const groups = allResources().filter((r) => r.type === 'AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups.filter((x) => x.env === 'production')) expect({ group: g.logicalId, days: g.props.RetentionInDays >= 365 }).toEqual({ group: g.logicalId, days: true });
    const short = ctAcks().filter((a) => a.rule === 'CT.CLOUDWATCH.PR.2');
    expect(short.length).toBeGreaterThan(0);
    for (const a of short) expect(a.constructPath.startsWith('staging/')).toBe(true);
  });
});
