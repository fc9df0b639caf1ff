/**
 * Synthesizes every environment of the reference fixture once per test run, with every compliance pack on, into a
 * temporary directory; test files read templates, findings and acknowledgements from there
 * (see `synth.ts`) instead of synthesizing again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { useCdkJsonContext } from '../../lib/cdk-json-context';
import { loadDeployment, readConfigFile } from '../../lib/config/deployment';
import { checkControlTower, CONTROL_TOWER_CACHE_DIR } from '../../lib/nag/control-tower';
import { collectAcknowledgements } from '../../lib/report/findings';
import { synthesize } from '../../lib/synthesis';
import { FIXTURE_FILE } from './fixture';

/** CDK's context keys that turn off the stack traces it records in the assembly's metadata. */
const NO_STACK_TRACES = { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true };

export default async function globalSetup(): Promise<void> {
  useCdkJsonContext();
  // Every App of the run (this one, and the test files' in their workers, which inherit the
  // environment) records no creation or annotation stack traces, as `npx cdk synth` without
  // --debug does (bin/run.cjs): nothing reads them, and under Jest's source maps each one costs a
  // mapped stack walk.
  process.env.CDK_CONTEXT_JSON = JSON.stringify({ ...JSON.parse(process.env.CDK_CONTEXT_JSON!), ...NO_STACK_TRACES });
  // Nor does any run CDK's built-in CloudFormation validation, which `npx cdk synth` runs only with
  // CDK_VALIDATION=true (bin/app.ts): aws-cdk-lib skips it for every App when CDK_VALIDATION is
  // "false". It only ever warns, so no test asserts on it, and it cost an App made with the
  // default (`new App()`) several seconds per synthesis.
  process.env.CDK_VALIDATION ??= 'false';
  // The AWS SDK warns once per process (each worker) on Node.js below 22 that its releases from
  // 2027 will need 22. Only the handlers' unit tests load the SDK here; the deployed handlers run
  // on Lambda's Node.js 24. The SDK's documented switch (@aws-sdk/core,
  // emitWarningIfUnsupportedVersion) keeps that notice out of every test run's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-synth-'));
  const started = Date.now();
  // Findings stay in the assembly: the compliance test reads them and names each one, instead of
  // the whole run dying in setup.
  const { app, stages, assembly } = synthesize(loadDeployment(readConfigFile(FIXTURE_FILE)).environments, { outdir });
  const index = {
    synthMs: Date.now() - started,
    environments: stages.map((stage) => ({
      name: stage.stageName,
      stacks: assembly.getNestedAssembly(stage.artifactId).stacks.map((s) => ({
        id: s.hierarchicalId.split('/').pop()!,
        templateFile: s.templateFullPath,
        terminationProtection: Boolean(s.terminationProtection),
        account: s.environment.account,
        region: s.environment.region,
        // The stacks this one deploys after (addStackDependency or references), by stack id.
        dependencies: s.dependencies.filter((d) => d.manifest.type === 'aws:cloudformation:stack').map((d) => d.hierarchicalId.split('/').pop()!),
      })),
    })),
  };
  fs.writeFileSync(path.join(outdir, 'index.json'), JSON.stringify(index, undefined, 2));
  const acks = collectAcknowledgements(app);
  fs.writeFileSync(path.join(outdir, 'acknowledgements.json'), JSON.stringify(acks, undefined, 2));
  // The AWS Control Tower rules over every template (cached by template hash; its line says how
  // many were checked and how long it took). Its findings join the packs' in findings().
  const controlTower = await checkControlTower(app, assembly, acks, { cacheDir: CONTROL_TOWER_CACHE_DIR });
  process.stderr.write(`\n${controlTower.summary}\n`);
  process.env.SSB_SYNTH_DIR = outdir;
}
