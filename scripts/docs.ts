/**
 * `npm run docs`: synthesizes every environment in-process and regenerates the committed,
 * generated documentation:
 *
 * - `docs/controls.md` and `docs/controls.json`, the controls report (`npm run report` and
 *   `npx cdk synth` of all environments write the same files);
 * - the architecture diagram, the acknowledgement table and the alarm table embedded in `README.md`.
 *
 * Tests fail when any of them is stale (test/controls-report.test.ts, test/diagram.test.ts,
 * test/compliance.test.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildBaseline } from '../lib/app';
import { useCdkJsonContext } from '../lib/cdk-json-context';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';
import { ACKNOWLEDGEMENTS } from '../lib/nag/acknowledgements';
import { embedAcknowledgementTable, renderAcknowledgementTable } from '../lib/report/acknowledgement-table';
import { embedAlarmTable, renderAlarmTable } from '../lib/report/alarm-table';
import { writeControlsReport } from '../lib/report/controls-report';
import { embedDiagram, renderStackDiagram } from '../lib/report/diagram';
import { environmentTemplates } from '../lib/report/environment-templates';
import { collectAcknowledgements } from '../lib/report/findings';
import { controlsReportOf } from '../lib/report/generate';
import { checkControlTower, CONTROL_TOWER_CACHE_DIR } from '../lib/nag/control-tower';

useCdkJsonContext();
const root = path.join(__dirname, '..');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-docs-'));
async function main(): Promise<void> {
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const envs = loadEnvironments(ENVIRONMENTS);
    const stages = buildBaseline(app, envs);
    const assembly = app.synth();
    const acks = collectAcknowledgements(app);
    console.log((await checkControlTower(app, assembly, acks, { cacheDir: CONTROL_TOWER_CACHE_DIR })).summary);
    const entries = controlsReportOf(app, assembly, envs, path.join(root, 'test'));
    for (const file of writeControlsReport(path.join(root, 'docs'), entries, 'controls')) console.log(`wrote ${path.relative(root, file)}`);

    const production = stages.find((s) => s.stageName === 'production')!;
    const readmeFile = path.join(root, 'README.md');
    let readme = fs.readFileSync(readmeFile, 'utf8');
    readme = embedDiagram(readme, renderStackDiagram(assembly.getNestedAssembly(production.artifactId).stacks));
    readme = embedAcknowledgementTable(readme, renderAcknowledgementTable(ACKNOWLEDGEMENTS, acks));
    readme = embedAlarmTable(readme, renderAlarmTable(environmentTemplates(assembly, envs.filter((e) => e.name === 'production'))[0]));
    fs.writeFileSync(readmeFile, readme);
    console.log('updated the diagram and the acknowledgement table in README.md');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
