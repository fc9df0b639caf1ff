/**
 * Synthesizes every environment once per test run, with every compliance pack on, into a
 * temporary directory; test files read templates, findings and acknowledgements from there
 * (see `synth.ts`) instead of synthesizing again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildBaseline } from '../../lib/app';
import { useCdkJsonContext } from '../../lib/cdk-json-context';
import { ENVIRONMENTS } from '../../lib/config/environments';
import { loadEnvironments } from '../../lib/config/load';
import { checkControlTower, CONTROL_TOWER_CACHE_DIR } from '../../lib/nag/control-tower';
import { collectAcknowledgements } from '../../lib/report/findings';

export default async function globalSetup(): Promise<void> {
  useCdkJsonContext();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-synth-'));
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    // Keep synthesis going on findings: the compliance test reads them from the report and
    // names each one, instead of the whole run dying in setup.
    context: { '@aws-cdk/core:failSynthOnValidationErrors': false },
  });
  const started = Date.now();
  const stages = buildBaseline(app, loadEnvironments(ENVIRONMENTS));
  const assembly = app.synth();
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
