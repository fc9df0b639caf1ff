/**
 * Synthesizes every environment of the reference fixture once per test run, with every compliance pack on, into a
 * temporary directory; test files read templates, findings and acknowledgements from there
 * (see `synth.ts`) instead of synthesizing again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadDeployment, readConfigFile } from '../../lib/config/deployment';
import { checkControlTower, CONTROL_TOWER_CACHE_DIR } from '../../lib/nag/control-tower';
import { collectAcknowledgements } from '../../lib/report/findings';
import { synthesize } from '../../lib/synthesis';
import { FIXTURE_FILE } from './fixture';

export default async function globalSetup(): Promise<void> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-synth-'));
  const started = Date.now();
  // Findings stay in the assembly: the compliance test reads them and names each one, instead of
  // the whole run dying in setup.
  const { app, stages, assembly } = synthesize(loadDeployment(readConfigFile(FIXTURE_FILE), { allowSampleValues: true }).environments, { outdir });
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
