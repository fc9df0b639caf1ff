/**
 * One in-process synthesis, for the benchmark: require + construct + synth, into a temp dir.
 *
 *   node -r esbuild-register scripts/synth-once.ts floor    every check off
 *   node -r esbuild-register scripts/synth-once.ts checks   the repo's checks on (compliance packs)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildBaseline } from '../lib/app';
import { useCdkJsonContext } from '../lib/cdk-json-context';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';

useCdkJsonContext();
const mode = process.argv[2] ?? 'checks';
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-bench-'));
try {
  // No creation or annotation stack traces in the metadata, as `npx cdk synth` (bin/run.cjs).
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true },
  });
  buildBaseline(app, loadEnvironments(ENVIRONMENTS), { compliancePacks: mode !== 'floor' });
  app.synth();
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
