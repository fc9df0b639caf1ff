/**
 * The type check's two tsc runs, started as early as a Jest run allows.
 *
 * `startTypecheck` is called by the test sequencer (typecheck-first-sequencer.js), which Jest runs
 * before the global setup: tsc then works on one core while the global setup synthesizes the
 * fixture on the other, instead of taking a worker's place after it. The results go to a JSON
 * file named by SSB_TYPECHECK_RESULT, which the workers inherit; test/typecheck.test.ts waits for
 * it, or runs tsc itself when nothing started it (another sequencer, a run of that file alone
 * under a different runner).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
// typescript@7 exports no `bin/` path to require.resolve; its package.json names the one bin.
const TSC = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
/** Deliberate type errors, each line marked with the code tsc must report there. */
const ERRORS_DIR = path.join(ROOT, 'test', 'fixtures', 'typecheck');
/** Where tsc keeps what it learned between runs (outside the working tree). */
const TS_BUILD_INFO = path.join(ROOT, 'node_modules', '.cache', 'saas-security-baseline', 'tsc', 'tsbuildinfo');
/** The environment variable naming the results file of a run started by the sequencer. */
const RESULT_ENV = 'SSB_TYPECHECK_RESULT';

/** Runs tsc with `args`; resolves with its exit code and everything it printed. */
function tsc(...args) {
  const child = spawn(process.execPath, [TSC, '--noEmit', '--pretty', 'false', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => child.on('error', reject).on('close', (code) => resolve({ code, output })));
}

/**
 * Both runs, one after the other, each on one thread: the rest of the suite keeps every other
 * core busy, so tsc's own threads would only compete with it (4.7 s of CPU against 4.1 s cold).
 * `sources`: the project (tsconfig.json), incremental. `errors`: the fixture of deliberate errors.
 */
async function runTypecheck() {
  const sources = await tsc('--singleThreaded', '--incremental', '--tsBuildInfoFile', TS_BUILD_INFO, '-p', ROOT);
  const errors = await tsc('--singleThreaded', '-p', ERRORS_DIR);
  return { sources, errors };
}

/** Starts both runs now; their results (or the error that stopped them) land in a temporary file named by SSB_TYPECHECK_RESULT. */
function startTypecheck() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-typecheck-')), 'result.json');
  process.env[RESULT_ENV] = file;
  const write = (result) => {
    try {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(result));
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      // The run ended first (the global teardown removed the directory): nobody waits for it.
    }
  };
  runTypecheck().then(write, (e) => write({ error: String(e && e.stack ? e.stack : e) }));
}

/** Removes the results of a run started by {@link startTypecheck} (the global teardown). */
function removeTypecheckResults() {
  const file = process.env[RESULT_ENV];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/** The results of the run the sequencer started, once written; or of a run started now. */
async function typecheckResults() {
  const file = process.env[RESULT_ENV];
  if (!file) return runTypecheck();
  while (!fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 50));
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (result.error) throw new Error(`the type check started by the sequencer failed to run: ${result.error}`);
  return result;
}

module.exports = { ERRORS_DIR, removeTypecheckResults, startTypecheck, typecheckResults };
