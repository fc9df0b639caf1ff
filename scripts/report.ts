/**
 * `npm run report`: synthesizes every environment in-process and writes the committed controls
 * report, `docs/controls.md` and `docs/controls.json`. `npx cdk synth` of all environments writes
 * the same files; `test/controls-report.test.ts` fails when the committed ones are stale.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildBaseline } from '../lib/app';
import { useCdkJsonContext } from '../lib/cdk-json-context';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';
import { CATALOG } from '../lib/controls/catalog';
import { readTestTitles } from '../lib/controls/coverage';
import { buildControlsReport, writeControlsReport } from '../lib/report/controls-report';
import { collectAcknowledgements } from '../lib/report/findings';


useCdkJsonContext();
const root = path.join(__dirname, '..');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-report-'));
try {
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  buildBaseline(app, loadEnvironments(ENVIRONMENTS));
  app.synth();
  const entries = buildControlsReport(CATALOG, readTestTitles(path.join(root, 'test')), collectAcknowledgements(app));
  for (const file of writeControlsReport(path.join(root, 'docs'), entries, 'controls')) console.log(`wrote ${path.relative(root, file)}`);
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
