/**
 * The PR controls diff (control DEL-PR-CONTROLS-DIFF): synthesizes a base git ref and the working
 * tree, and prints per control what changed in the resources that enforce it.
 *
 *   npm run controls-diff -- --base origin/main
 *   npm run controls-diff -- --base HEAD~1 --format markdown > comment.md
 *
 * Exit codes: 0 no control weakened; 1 a control is weakened; 2 usage or synthesis error.
 * See docs/controls-diff.md.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { diffControls, exitCode, formatMarkdown, formatText, type TemplateSet } from '../lib/controls/controls-diff';
import { CONTROL_RULES } from '../lib/controls/diff-rules';

const USAGE = `usage: npm run controls-diff -- --base <git ref> [--format text|markdown|json]

  --base <ref>       commit, branch or tag to compare the working tree with (required)
  --format <format>  text (default), markdown (a pull-request comment) or json (for tools)

exit codes: 0 no control weakened, 1 a control is weakened, 2 usage or synthesis error`;

/** An error that ends the run with exit code 2 and its message, without a stack trace. */
class UsageError extends Error {}

interface Options {
  base: string;
  format: 'text' | 'markdown' | 'json';
}

function parseArgs(argv: readonly string[]): Options {
  let base: string | undefined;
  let format = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value\n\n${USAGE}`);
      return v;
    };
    if (arg === '--base') base = value();
    else if (arg.startsWith('--base=')) base = arg.slice('--base='.length);
    else if (arg === '--format') format = value();
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown argument ${arg}\n\n${USAGE}`);
  }
  if (!base) throw new UsageError(`--base is required\n\n${USAGE}`);
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format: got ${format}, allowed: text, markdown, json`);
  return { base, format };
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Synthesizes a tree through its own `lib/app.ts` with the compliance packs off: the diff is
 * about templates, and a base with open findings must still be diffable. The runner is plain
 * JavaScript written next to the output, so it works for any tree that has `buildBaseline`.
 */
const RUNNER = `
const path = require('path');
const [root, outdir] = process.argv.slice(2);
let buildBaseline, ENVIRONMENTS, loadEnvironments;
try {
  ({ buildBaseline } = require(path.join(root, 'lib/app')));
  ({ ENVIRONMENTS } = require(path.join(root, 'lib/config/environments')));
  ({ loadEnvironments } = require(path.join(root, 'lib/config/load')));
} catch (e) {
  console.error(String(e && e.message || e));
  process.exit(3);
}
if (typeof buildBaseline !== 'function' || typeof loadEnvironments !== 'function' || !ENVIRONMENTS) process.exit(3);
const { App } = require(require.resolve('aws-cdk-lib', { paths: [root] }));
const app = new App({
  outdir,
  builtinCloudFormationValidation: false,
  context: { '@aws-cdk/core:failSynthOnValidationErrors': false },
});
buildBaseline(app, loadEnvironments(ENVIRONMENTS), { compliancePacks: false });
app.synth();
`;

/** Exit code of the runner when the tree has no `buildBaseline` (an older layout). */
const NO_BUILD_BASELINE = 3;

interface Run {
  code: number;
  stderr: string;
}

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
    child.on('error', (e) => resolve({ code: 1, stderr: String(e) }));
  });
}

/** Synthesizes the tree at `root` into `outdir` and returns its stack templates by `stage/stack`. */
async function synthesize(label: string, root: string, outdir: string, runner: string): Promise<TemplateSet> {
  const started = Date.now();
  let result = await run(root, ['-r', 'esbuild-register', runner, root, outdir]);
  if (result.code === NO_BUILD_BASELINE) {
    // An older tree: synthesize through its bin/app.ts. It may exit non-zero on open findings
    // after writing the templates, so the assembly manifest decides whether synthesis worked.
    console.error(`${label}: no lib/app.ts buildBaseline (${result.stderr.trim() || 'not exported'}); synthesizing through bin/app.ts`);
    result = await run(root, ['-r', 'esbuild-register', path.join(root, 'bin', 'app.ts')], {
      ...process.env,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify({ '@aws-cdk/core:failSynthOnValidationErrors': false }),
    });
    if (result.code !== 0 && fs.existsSync(path.join(outdir, 'manifest.json'))) {
      console.error(`${label}: bin/app.ts exited ${result.code} after writing the templates (open findings?); diffing them anyway`);
      result = { code: 0, stderr: '' };
    }
  }
  if (result.code !== 0) throw new UsageError(`${label}: synthesis failed (exit ${result.code})\n${result.stderr.trim()}`);
  const templates: Record<string, Record<string, any>> = {};
  for (const stack of new CloudAssembly(outdir).stacksRecursively) templates[stack.hierarchicalId] = stack.template;
  console.error(`${label}: ${Object.keys(templates).length} stack(s) synthesized in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return templates;
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  const root = path.resolve(__dirname, '..');
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', `${options.base}^{commit}`]);
  } catch {
    throw new UsageError(`--base: got ${options.base}, which is not a commit, branch or tag of ${root}`);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'controls-diff-'));
  const baseTree = path.join(tmp, 'base');
  const runner = path.join(tmp, 'synth-runner.js');
  fs.writeFileSync(runner, RUNNER);
  let worktreeAdded = false;
  // The base worktree is registered in the repository's .git: remove it however the run ends.
  const cleanUp = () => {
    if (worktreeAdded) {
      try {
        git(root, ['worktree', 'remove', '--force', baseTree]);
      } catch (e) {
        console.error(`could not remove the base worktree ${baseTree} (run \`git worktree prune\`): ${(e as Error).message}`);
      }
      worktreeAdded = false;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const interrupted = () => {
    cleanUp();
    process.exit(2);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    git(root, ['worktree', 'add', '--detach', baseTree, commit]);
    worktreeAdded = true;
    // The base shares this checkout's dependencies: no install, and one aws-cdk-lib for both.
    const baseModules = path.join(baseTree, 'node_modules');
    if (!fs.existsSync(baseModules)) fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), baseModules, 'dir');
    const [baseTemplates, headTemplates] = await Promise.all([
      synthesize(`base ${options.base} (${commit.slice(0, 12)})`, baseTree, path.join(tmp, 'base.out'), runner),
      synthesize('working tree', root, path.join(tmp, 'head.out'), runner),
    ]);
    const diff = diffControls(baseTemplates, headTemplates, CONTROL_RULES);
    const render = { text: () => formatText(diff), markdown: () => formatMarkdown(diff, options.base), json: () => JSON.stringify({ base: options.base, commit, ...diff }, undefined, 2) };
    console.log(render[options.format]());
    return exitCode(diff);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    cleanUp();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof UsageError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(2);
  },
);
