/**
 * One in-process synthesis, for the benchmark: require + construct + synth, into a temp dir.
 *
 *   node -r esbuild-register scripts/synth-once.ts floor    every check off
 *   node -r esbuild-register scripts/synth-once.ts checks   the repo's checks on (compliance packs)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_CONFIGS, REPO_ROOT, loadDeployment, readConfigFile } from '../lib/config/deployment';
import { synthesize } from '../lib/synthesis';

const mode = process.argv[2] ?? 'checks';
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-bench-'));
try {
  const { environments } = loadDeployment(readConfigFile(path.join(REPO_ROOT, EXAMPLE_CONFIGS[0])));
  synthesize(environments, { outdir, compliancePacks: mode !== 'floor' });
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
