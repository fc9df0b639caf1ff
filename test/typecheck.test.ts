/**
 * The type check: `tsc --noEmit` over bin/, lib/, test/ and scripts/ (tsconfig.json). Jest strips
 * types without checking them (support/esbuild-transform.js), so this is the one check.
 *
 * tsc is TypeScript 7, the native compiler: about 5 s of CPU on a cold cache where TypeScript 5.9
 * took about 18 s (docs/development.md, "Dependencies and why"). It runs as a test file, which
 * Jest starts first (support/typecheck-first-sequencer.js), so that tsc works beside the other
 * test files instead of before all of them. It is incremental: tsc keeps what it learned in
 * node_modules/.cache/saas-security-baseline/tsc/ and checks again only what changed.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
// typescript@7 exports no `bin/` path to require.resolve; its package.json names the one bin.
const TSC = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
/** Deliberate type errors, each line marked with the code tsc must report there. */
const ERRORS_DIR = path.join(__dirname, 'fixtures', 'typecheck');
const ERRORS_FILE = path.join(ERRORS_DIR, 'type-errors.ts');

/** Runs tsc with `args`; resolves with its exit code and everything it printed. */
function tsc(...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [TSC, '--noEmit', '--pretty', 'false', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => child.on('error', reject).on('close', (code) => resolve({ code, output })));
}

test('the TypeScript sources type-check (tsc --noEmit)', async () => {
  const tsBuildInfo = path.join(ROOT, 'node_modules', '.cache', 'saas-security-baseline', 'tsc', 'tsbuildinfo');
  // One thread: the other test files keep every other core busy, so tsc's own threads would only
  // compete with them, and cost more CPU in all (4.7 s against 4.1 s on a cold cache).
  // On failure this shows tsc's own diagnostics, one per line.
  expect(await tsc('--singleThreaded', '--incremental', '--tsBuildInfoFile', tsBuildInfo, '-p', ROOT)).toEqual({ code: 0, output: '' });
});

test('the type check fails on each kind of error tsconfig.json asks for, with the same settings (test/fixtures/typecheck)', async () => {
  const expected = fs
    .readFileSync(ERRORS_FILE, 'utf8')
    .split('\n')
    .flatMap((line, i) => [...line.matchAll(/\/\/ (TS\d+)$/g)].map((m) => `${i + 1} ${m[1]}`));
  // One for strict's type errors, implicit any and null checks, and one for each other flag.
  expect(expected.length).toBeGreaterThanOrEqual(8);
  const { code, output } = await tsc('--singleThreaded', '-p', ERRORS_DIR);
  const reported = [...output.matchAll(/type-errors\.ts\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
  expect({ failed: code !== 0, reported: reported.sort() }).toEqual({ failed: true, reported: expected.sort() });
});
