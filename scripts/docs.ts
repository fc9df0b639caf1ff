/**
 * `npm run docs`: synthesizes upstream's example configuration in-process and regenerates the
 * committed, generated documentation of it:
 *
 * - `docs/controls.md` and `docs/controls.json`, the controls report (`npm run report` writes the
 *   same files; `npx cdk synth` writes the report of the live configuration into cdk.out/);
 * - `config/schema.json`, the JSON Schema editors check configuration files against;
 * - `lib/controls/control-id.ts`, the `ControlId` type every reference to a control is typed by;
 * - the architecture diagram (`docs/architecture.md`), the acknowledgement table
 *   (`docs/acknowledgements.md`), the alarm table (`docs/alarms.md`) and the detector runbook table
 *   (`docs/audit.md`).
 *
 * Tests fail when any of them is stale (test/controls-report.test.ts, test/diagram.test.ts,
 * test/compliance.test.ts, test/alarm-table.test.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_CONFIGS, REPO_ROOT, loadDeployment, readConfigFile } from '../lib/config/deployment';
import { CONFIG_JSON_SCHEMA_FILE, configJsonSchema } from '../lib/config/json-schema';
import { CONTROL_ID_FILE, renderControlIdModule } from '../lib/controls/control-id-source';
import { ACKNOWLEDGEMENTS } from '../lib/nag/acknowledgements';
import { embedAcknowledgementTable, renderAcknowledgementTable } from '../lib/report/acknowledgement-table';
import { embedAlarmTable, renderAlarmTable } from '../lib/report/alarm-table';
import { writeControlsReport } from '../lib/report/controls-report';
import { embedDetectorTable, renderDetectorTable } from '../lib/report/detector-table';
import { embedDiagram, renderStackDiagram } from '../lib/report/diagram';
import { CATALOG } from '../lib/controls/catalog';
import { environmentTemplates } from '../lib/report/environment-templates';
import { collectAcknowledgements } from '../lib/report/findings';
import { controlsReportOf } from '../lib/report/generate';
import { GENERATED_DOCS } from '../lib/report/generated-docs';
import { synthesize } from '../lib/synthesis';
import { checkControlTower, CONTROL_TOWER_CACHE_DIR } from '../lib/nag/control-tower';

fs.writeFileSync(path.join(REPO_ROOT, CONFIG_JSON_SCHEMA_FILE), configJsonSchema());
console.log(`wrote ${CONFIG_JSON_SCHEMA_FILE}`);
fs.writeFileSync(path.join(REPO_ROOT, CONTROL_ID_FILE), renderControlIdModule(CATALOG));
console.log(`wrote ${CONTROL_ID_FILE}`);
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-docs-'));
async function main(): Promise<void> {
  try {
    const envs = loadDeployment(readConfigFile(path.join(REPO_ROOT, EXAMPLE_CONFIGS[0]))).environments;
    const { app, stages, assembly } = synthesize(envs, { outdir });
    const acks = collectAcknowledgements(app);
    console.log((await checkControlTower(app, assembly, acks, { cacheDir: CONTROL_TOWER_CACHE_DIR })).summary);
    const entries = controlsReportOf(acks, assembly, envs, path.join(REPO_ROOT, 'test'));
    for (const file of writeControlsReport(path.join(REPO_ROOT, 'docs'), entries, { name: 'controls', configuration: EXAMPLE_CONFIGS[0] })) console.log(`wrote ${path.relative(REPO_ROOT, file)}`);

    const production = stages.find((s) => s.stageName === 'production')!;
    const update = (file: string, embed: (text: string) => string) => {
      const full = path.join(REPO_ROOT, file);
      fs.writeFileSync(full, embed(fs.readFileSync(full, 'utf8')));
      console.log(`updated ${file}`);
    };
    update(GENERATED_DOCS.diagram, (t) => embedDiagram(t, renderStackDiagram(assembly.getNestedAssembly(production.artifactId).stacks)));
    update(GENERATED_DOCS.acknowledgements, (t) => embedAcknowledgementTable(t, renderAcknowledgementTable(ACKNOWLEDGEMENTS, acks)));
    update(GENERATED_DOCS.detectors, (t) => embedDetectorTable(t, renderDetectorTable(CATALOG)));
    update(GENERATED_DOCS.alarms, (t) => embedAlarmTable(t, renderAlarmTable(environmentTemplates(assembly, envs.filter((e) => e.name === 'production'))[0])));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
