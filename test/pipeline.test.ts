/**
 * The optional delivery pipeline, synthesized with `enabled: true` (the samples keep it off): it
 * must gate every deploy on the whole test suite, deploy staging first and production only after
 * an approval, and pass every compliance pack like the rest of the app.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildBaseline } from '../lib/app';
import { ENVIRONMENTS } from './support/fixture';
import { ConfigError, loadEnvironments } from '../lib/config/load';
import { loadPipeline } from '../lib/config/pipeline';
import { PIPELINE } from './support/fixture';
import { PIPELINE_NODE_VERSION } from '../lib/constructs/delivery/delivery-pipeline';
import { ACKNOWLEDGEMENTS } from '../lib/nag/acknowledgements';
import { CONTROL_TOWER_CACHE_DIR, checkControlTower } from '../lib/nag/control-tower';
import { collectAcknowledgements, readFindings } from '../lib/report/findings';
import { synthIndex, templateJson } from './support/synth';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-pipeline-'));
const app = new App({ outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
buildBaseline(app, loadEnvironments(ENVIRONMENTS), { pipeline: loadPipeline({ ...PIPELINE, enabled: true }) });
const assembly = app.synth();
const template = Template.fromJSON(assembly.getStackArtifact('Pipeline').template);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function stageNames(): string[] {
  const pipeline = Object.values<any>(template.findResources('AWS::CodePipeline::Pipeline'))[0];
  return pipeline.Properties.Stages.map((s: any) => `${s.Name}: ${s.Actions.map((a: any) => a.Name).join(', ')}`);
}

describe('delivery pipeline (enabled)', () => {
  test('DEL-STAGED-ROLLOUT: source, build, self-update, then staging, then an approval before production', () => {
    const stages = stageNames();
    expect(stages.map((s) => s.split(':')[0])).toEqual(['Source', 'Build', 'UpdatePipeline', 'Assets', 'staging', 'production']);
    expect(stages[5]).toMatch(/^production: Approve-production, /);
    expect(stages[4]).not.toMatch(/Approve/);
  });

  test('DEL-CI-TESTS: the synth step runs the whole test suite before anything deploys', () => {
    const projects = Object.values<any>(template.findResources('AWS::CodeBuild::Project'));
    const synth = projects.find((p) => JSON.stringify(p.Properties.Source.BuildSpec).includes('npx cdk synth'));
    const spec = JSON.parse(synth.Properties.Source.BuildSpec);
    expect(spec.phases.build.commands).toEqual(['npm ci', 'npm test', 'npx cdk synth']);
  });

  test('DEL-CI-TESTS: every CodeBuild project of the pipeline pins the Node.js version CI uses, so tests run on the same runtime', () => {
    const projects = Object.values<any>(template.findResources('AWS::CodeBuild::Project'));
    expect(projects.length).toBeGreaterThan(0);
    for (const p of projects) {
      const spec = JSON.parse(p.Properties.Source.BuildSpec);
      expect({ project: p.Properties.Description, nodejs: spec.phases?.install?.['runtime-versions']?.nodejs }).toEqual({ project: p.Properties.Description, nodejs: PIPELINE_NODE_VERSION });
    }
    // One of the major versions the CI workflow tests (its Node.js matrix).
    const ci = fs.readFileSync(path.join(__dirname, '..', '.github', 'workflows', 'ci.yml'), 'utf8');
    const matrix = /^\s+node: \[([\d, ]+)\]/m.exec(ci)?.[1].split(',').map((v) => Number(v.trim())) ?? [];
    expect(matrix).toEqual(expect.arrayContaining([PIPELINE_NODE_VERSION]));
  });

  test('DEL-STAGED-ROLLOUT: artifacts are KMS-encrypted in a versioned bucket with access logging, and the stack is termination-protected', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    expect(assembly.getStackArtifact('Pipeline').terminationProtection).toBe(true);
  });

  test('DEL-COMPLIANCE-PACKS: the pipeline stack passes every pack', () => {
    const open = readFindings(assembly.directory).filter((f) => f.constructPath.startsWith('Pipeline/'));
    expect(open.map((f) => `${f.rule} at ${f.constructPath}`)).toEqual([]);
  });

  test('DEL-STAGED-ROLLOUT: every acknowledgement the pipeline needs is in use on its own constructs', () => {
    const acks = collectAcknowledgements(app);
    for (const key of ['pipelineGeneratedRole', 'pipelineGeneratedPolicyWildcards', 'pipelineBuildProject', 'accessLogBucket', 'bucketWithoutReplication'] as const) {
      for (const entry of ACKNOWLEDGEMENTS[key]) {
        const uses = acks.filter((a) => a.rule.replace(/\[.*\]$/, '') === entry.rule && a.reason === `[${entry.control}] ${entry.reason}`);
        expect({ key, rule: entry.rule, used: uses.some((u) => u.constructPath.startsWith('Pipeline/Delivery/')) }).toEqual({ key, rule: entry.rule, used: true });
      }
    }
  });

  test('the environment stages are the same with or without the pipeline (same stacks, same templates)', () => {
    for (const env of ['staging', 'production']) {
      const withPipeline = assembly.getNestedAssembly(`assembly-${env}`).stacks;
      const without = synthIndex().environments.find((e) => e.name === env)!.stacks;
      expect(withPipeline.map((s) => s.hierarchicalId.split('/').pop())).toEqual(without.map((s) => s.id));
      for (const stack of withPipeline) expect(stack.template).toEqual(templateJson(env, stack.hierarchicalId.split('/').pop()!));
    }
  });

  test('DEL-COMPLIANCE-PACKS: with the pipeline on, the Control Tower rules still check every environment template, and name the stacks outside them they do not check', async () => {
    // The environment templates equal the fixture's (the test above), which the global setup
    // checked into the cache: cfn-guard's results come from there (keyed by template content and
    // rule set) instead of 8 s of CPU spent to find the same; the acknowledgements are still
    // judged against this app's tree.
    const { report, summary } = await checkControlTower(app, assembly, collectAcknowledgements(app), { cacheDir: CONTROL_TOWER_CACHE_DIR });
    expect(report.findings).toEqual([]);
    expect(report.templates).toBe(synthIndex().environments.flatMap((e) => e.stacks).length);
    expect([...report.notChecked].sort()).toEqual(['Pipeline', expect.stringMatching(/^cross-region-stack-\d{12}:us-east-1$/)]);
    expect(summary).toMatch(/not checked \(outside the environments\): .*Pipeline/);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['a malformed connection ARN', { connectionArn: 'arn:aws:codestar:x' }, /^pipeline\.connectionArn: got "arn:aws:codestar:x", expected a CodeConnections connection ARN/],
    ['a connection in another region', { connectionArn: PIPELINE.connectionArn.replace('ap-southeast-1', 'us-east-1') }, /^pipeline\.connectionArn: got .*, expected a connection in the pipeline's region ap-southeast-1$/],
    ['a malformed repository', { repository: 'just-a-name' }, /^pipeline\.repository: got "just-a-name", expected owner\/name$/],
    ['a malformed account', { account: '42' }, /^pipeline\.account: got "42", expected a 12-digit AWS account ID$/],
  ])('fails on %s', (_name, change, message) => {
    try {
      loadPipeline({ ...PIPELINE, ...change });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues).toContainEqual(expect.stringMatching(message));
    }
  });
});
