/**
 * The type check: `tsc --noEmit` over bin/, lib/, test/ and scripts/ (tsconfig.json). Jest strips
 * types without checking them (support/esbuild-transform.js), so this is the one check.
 *
 * It runs as a test file, which Jest starts first (support/typecheck-first-sequencer.js), so that
 * tsc works on one core while the other test files run on the rest, instead of before all of them.
 * It is incremental: tsc keeps what it learned in node_modules/.cache/saas-security-baseline/tsc/
 * and checks again only what changed and what depends on it; parsing aws-cdk-lib's declarations
 * remains most of its time.
 */
import { spawn } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

test('the TypeScript sources type-check (tsc --noEmit)', async () => {
  const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '--incremental', '--tsBuildInfoFile', path.join(ROOT, 'node_modules', '.cache', 'saas-security-baseline', 'tsc', 'tsbuildinfo'), '--pretty', 'false', '-p', ROOT], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  tsc.stdout.on('data', (chunk) => (output += chunk));
  tsc.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => tsc.on('error', reject).on('close', resolve));
  // On failure this shows tsc's own diagnostics, one per line.
  expect({ code, output }).toEqual({ code: 0, output: '' });
});
