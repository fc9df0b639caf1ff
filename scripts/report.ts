/**
 * `npm run report`: synthesizes every environment in-process with every compliance pack and
 * regenerates the controls report, `docs/controls.md` and `docs/controls.json` (`npx cdk synth`
 * of all environments writes the same files). test/controls-report.test.ts fails when they are
 * stale.
 *
 *   npm run report                      writes docs/controls.md and docs/controls.json
 *   npm run report -- --out /tmp/r      writes them into another directory
 *
 * Open findings are listed in the report (status "open findings"); the run then exits 1.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_CONFIGS, REPO_ROOT, loadDeployment, readConfigFile } from '../lib/config/deployment';
import { writeControlsReport } from '../lib/report/controls-report';
import { controlsReportOf } from '../lib/report/generate';
import { synthesize } from '../lib/synthesis';
import { checkControlTower, CONTROL_TOWER_CACHE_DIR } from '../lib/nag/control-tower';
import { collectAcknowledgements, readOpenFindings } from '../lib/report/findings';

const USAGE = 'usage: npm run report [-- --out <dir>]';

function outDir(argv: readonly string[], root: string): string {
  let out = path.join(root, 'docs');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1] !== undefined) out = path.resolve(argv[++i]);
    else if (argv[i].startsWith('--out=')) out = path.resolve(argv[i].slice('--out='.length));
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`unknown argument ${argv[i]}\n${USAGE}`);
      process.exit(2);
    }
  }
  return out;
}

const root = path.join(__dirname, '..');
const out = outDir(process.argv.slice(2), root);
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-report-'));
async function main(): Promise<number> {
  try {
    // Findings must reach the report instead of stopping synthesis; the exit code reports them.
    const envs = loadDeployment(readConfigFile(path.join(REPO_ROOT, EXAMPLE_CONFIGS[0]))).environments;
    const { app, assembly } = synthesize(envs, { outdir });
    const acks = collectAcknowledgements(app);
    console.log((await checkControlTower(app, assembly, acks, { cacheDir: CONTROL_TOWER_CACHE_DIR })).summary);
    fs.mkdirSync(out, { recursive: true });
    for (const file of writeControlsReport(out, controlsReportOf(acks, assembly, envs, path.join(root, 'test')), { name: 'controls', configuration: EXAMPLE_CONFIGS[0] })) console.log(`wrote ${path.relative(process.cwd(), file)}`);
    return readOpenFindings(assembly.directory).length;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main().then(
  (open) => {
    if (open > 0) {
      console.error(`${open} open compliance finding(s): see the controls marked "open findings" in the report`);
      process.exit(1);
    }
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
