/**
 * The PR controls diff (control DEL-PR-CONTROLS-DIFF): synthesizes a base git ref and the working
 * tree, and prints per control what changed in the resources that enforce it.
 *
 *   npm run controls-diff -- --base origin/main
 *   npm run controls-diff -- --base HEAD~1 --format markdown > comment.md
 *   npm run controls-diff -- --base-assembly base.out --head-assembly cdk.out
 *
 * Exit codes: 0 no control weakened; 1 a control is weakened; 2 usage or synthesis error.
 * See docs/controls-diff.md. Tests run it in-process: `main(argv, io)` is the whole CLI, and
 * `runDiff(base, head, options, io)` its report of two template sets.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { diffControls, exitCode, formatMarkdown, formatText, type TemplateSet } from '../lib/controls/controls-diff';
import { CONTROL_RULES } from '../lib/controls/diff-rules';
import { CATALOG } from '../lib/controls/catalog';
import { describeCoverage, diffCoverage } from '../lib/controls/diff-coverage';
import { CONTROL_EVIDENCE } from '../lib/controls/evidence';

const USAGE = `usage: npm run controls-diff -- --base <git ref> [--format text|markdown|json]
       npm run controls-diff -- (--base-assembly <dir> | --base-templates <file>)
                                [--head-assembly <dir> | --head-templates <file>] [--format ...]

  --base <ref>              commit, branch or tag to compare with; synthesized in a git worktree
  --base-assembly <dir>     a synthesized cloud assembly (cdk.out) to compare with, instead of --base
  --base-templates <file>   a JSON object of templates by stage/stack to compare with, instead of --base
  --head-assembly <dir>     the assembly to compare (default: synthesize the working tree)
  --head-templates <file>   templates by stage/stack to compare (default: synthesize the working tree)
  --format <format>         text (default), markdown (a pull-request comment) or json (for tools)

exit codes: 0 no control weakened, 1 a control is weakened, 2 usage or synthesis error`;

/** An error that ends the run with exit code 2 and its message, without a stack trace. */
class UsageError extends Error {}

/** Where one side's templates come from. */
type Source = { kind: 'git'; ref: string } | { kind: 'worktree' } | { kind: 'assembly'; dir: string } | { kind: 'templates'; file: string };

interface Options {
  base: Source;
  head: Source;
  format: 'text' | 'markdown' | 'json';
}

/** Where the CLI writes: the report to `out` (stdout), progress and coverage to `err` (stderr). */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const CONSOLE: Io = { out: (text) => console.log(text), err: (text) => console.error(text) };

const OPTIONS = ['--base', '--base-assembly', '--base-templates', '--head-assembly', '--head-templates', '--format'] as const;

/** The parsed options, or `'help'` when the usage was asked for. */
function parseArgs(argv: readonly string[]): Options | 'help' {
  const given: Partial<Record<(typeof OPTIONS)[number], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(OPTIONS as readonly string[]).includes(name)) throw new UsageError(`unknown argument ${arg}\n\n${USAGE}`);
    let value = inline;
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value\n\n${USAGE}`);
    }
    given[name as (typeof OPTIONS)[number]] = value;
  }
  const bases = (['--base', '--base-assembly', '--base-templates'] as const).filter((o) => given[o] !== undefined);
  if (bases.length === 0) throw new UsageError(`--base is required (or --base-assembly / --base-templates)\n\n${USAGE}`);
  if (bases.length > 1) throw new UsageError(`${bases.join(' and ')}: give one base only`);
  if (given['--head-assembly'] !== undefined && given['--head-templates'] !== undefined) throw new UsageError('--head-assembly and --head-templates: give one head only');
  const format = given['--format'] ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format: got ${format}, allowed: text, markdown, json`);
  const base: Source =
    given['--base'] !== undefined
      ? { kind: 'git', ref: given['--base'] }
      : given['--base-assembly'] !== undefined
        ? { kind: 'assembly', dir: path.resolve(given['--base-assembly']) }
        : { kind: 'templates', file: path.resolve(given['--base-templates']!) };
  const head: Source =
    given['--head-assembly'] !== undefined
      ? { kind: 'assembly', dir: path.resolve(given['--head-assembly']) }
      : given['--head-templates'] !== undefined
        ? { kind: 'templates', file: path.resolve(given['--head-templates']) }
        : { kind: 'worktree' };
  return { base, head, format };
}

/** A path relative to the working directory when it is below it. */
function shortPath(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative === '' ? '.' : relative.startsWith('..') ? p : relative;
}

/** The label of a side in the report (`origin/main`, `cdk.out`). */
function labelOf(source: Source): string {
  switch (source.kind) {
    case 'git':
      return source.ref;
    case 'worktree':
      return 'working tree';
    case 'assembly':
      return shortPath(source.dir);
    case 'templates':
      return shortPath(source.file);
  }
}

/** Every stack template of a synthesized assembly, by `stage/stack`. */
function readAssembly(option: string, dir: string): TemplateSet {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new UsageError(`${option}: got ${dir}, which has no manifest.json (not a cloud assembly)`);
  return assemblyTemplates(dir);
}

/** The stack templates of the cloud assembly in `dir`, by `stage/stack`. */
function assemblyTemplates(dir: string): TemplateSet {
  const templates: Record<string, Record<string, any>> = {};
  for (const stack of new CloudAssembly(dir).stacksRecursively) templates[stack.hierarchicalId] = stack.template;
  return templates;
}

/** A JSON object of templates by `stage/stack` (the fixture format of test/fixtures/controls-diff). */
function readTemplates(option: string, file: string): TemplateSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${option}: could not read ${file} as JSON (${(e as Error).message})`);
  }
  const ok = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!ok(parsed) || !Object.values(parsed).every(ok)) throw new UsageError(`${option}: ${file} must be a JSON object of templates by stage/stack`);
  return parsed as TemplateSet;
}

/** The templates of a side that needs no synthesis, or `undefined` for a git ref or the working tree. */
function readSource(side: 'base' | 'head', source: Source): TemplateSet | undefined {
  if (source.kind === 'assembly') return readAssembly(`--${side}-assembly`, source.dir);
  if (source.kind === 'templates') return readTemplates(`--${side}-templates`, source.file);
  return undefined;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Synthesizes a tree through its own `lib/app.ts` with the compliance packs off: the diff is
 * about templates, and a base with open findings must still be diffable. The runner is plain
 * JavaScript written next to the output, so it works for any tree that has `buildBaseline`. Its
 * context (the tree's cdk.json feature flags) arrives in CDK_CONTEXT_JSON, as from `cdk synth`.
 */
const RUNNER = `
const path = require('path');
const [root, outdir] = process.argv.slice(2);
let buildBaseline, deployment, legacy;
try {
  ({ buildBaseline } = require(path.join(root, 'lib/app')));
  try {
    deployment = require(path.join(root, 'lib/config/deployment'));
  } catch (e) {
    // An older layout: the environments table in lib/config/environments.ts.
    legacy = { ENVIRONMENTS: require(path.join(root, 'lib/config/environments')).ENVIRONMENTS, load: require(path.join(root, 'lib/config/load')) };
  }
} catch (e) {
  console.error(String(e && e.message || e));
  process.exit(3);
}
if (typeof buildBaseline !== 'function') process.exit(3);
let envs;
try {
  // The tree's own configuration file (config/deployment.yaml, else its example), as its synth reads it.
  envs = deployment
    ? deployment.loadDeployment(deployment.readConfigFile(deployment.resolveConfigFile()), { allowSampleValues: true }).environments
    : legacy.load.loadEnvironments(legacy.ENVIRONMENTS);
} catch (e) {
  console.error(String(e && e.message || e));
  process.exit(1);
}
const { App } = require(require.resolve('aws-cdk-lib', { paths: [root] }));
const app = new App({ outdir, builtinCloudFormationValidation: false });
buildBaseline(app, envs, { compliancePacks: false });
app.synth();
`;

/**
 * The context a tree is synthesized with: its cdk.json's feature flags (CDK's defaults when it
 * has no readable one), as `cdk synth` would give it, so a pull request that flips a flag shows
 * in the diff; no version reporting; and findings that never stop the synthesis.
 */
function synthContext(root: string): string {
  let flags: Record<string, unknown> = {};
  try {
    flags = JSON.parse(fs.readFileSync(path.join(root, 'cdk.json'), 'utf8')).context ?? {};
  } catch {
    // A tree without a readable cdk.json synthesizes with CDK's defaults.
  }
  return JSON.stringify({ ...flags, 'aws:cdk:version-reporting': false, '@aws-cdk/core:failSynthOnValidationErrors': false });
}

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
async function synthesize(io: Io, label: string, root: string, outdir: string, runner: string): Promise<TemplateSet> {
  const started = Date.now();
  const context = synthContext(root);
  let result = await run(root, ['-r', 'esbuild-register', runner, root, outdir], { ...process.env, CDK_CONTEXT_JSON: context });
  if (result.code === NO_BUILD_BASELINE) {
    // An older tree: synthesize through its bin/app.ts. It may exit non-zero on open findings
    // after writing the templates, so the assembly manifest decides whether synthesis worked.
    io.err(`${label}: no lib/app.ts buildBaseline (${result.stderr.trim() || 'not exported'}); synthesizing through bin/app.ts`);
    result = await run(root, ['-r', 'esbuild-register', path.join(root, 'bin', 'app.ts')], {
      ...process.env,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: context,
    });
    if (result.code !== 0 && fs.existsSync(path.join(outdir, 'manifest.json'))) {
      io.err(`${label}: bin/app.ts exited ${result.code} after writing the templates (open findings?); diffing them anyway`);
      result = { code: 0, stderr: '' };
    }
  }
  if (result.code !== 0) throw new UsageError(`${label}: synthesis failed (exit ${result.code})\n${result.stderr.trim()}`);
  const templates = assemblyTemplates(outdir);
  io.err(`${label}: ${Object.keys(templates).length} stack(s) synthesized in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return templates;
}

/** How {@link runDiff} labels and renders its report. */
export interface DiffOptions {
  readonly format: 'text' | 'markdown' | 'json';
  /** The base in the report (`origin/main`, `cdk.out`). */
  readonly baseLabel: string;
  /** The head in the JSON report. */
  readonly headLabel: string;
  /** The base commit, for the JSON report of a git base. */
  readonly commit?: string;
}

/**
 * The report of two template sets, as the CLI prints it: the diff on `io.out` in the chosen
 * format, the coverage line on `io.err`. Returns the CLI's exit code (1 when a control is
 * weakened). Tests call it in-process with templates they edited.
 */
export function runDiff(base: TemplateSet, head: TemplateSet, options: DiffOptions, io: Io = CONSOLE): 0 | 1 {
  const diff = diffControls(base, head, CONTROL_RULES);
  const render = {
    text: () => formatText(diff),
    markdown: () => formatMarkdown(diff, options.baseLabel),
    json: () => JSON.stringify({ base: options.baseLabel, ...(options.commit ? { commit: options.commit } : {}), head: options.headLabel, ...diff }, undefined, 2),
  };
  io.out(render[options.format]());
  // What "no control changes" covers, on every run (stderr: the report on stdout stays parseable).
  io.err(describeCoverage(diffCoverage(CATALOG, CONTROL_RULES, CONTROL_EVIDENCE)));
  return exitCode(diff);
}

function report(io: Io, options: Options, base: TemplateSet, head: TemplateSet, commit?: string): 0 | 1 {
  return runDiff(base, head, { format: options.format, baseLabel: labelOf(options.base), headLabel: labelOf(options.head), commit }, io);
}

async function diffSources(argv: readonly string[], io: Io): Promise<number> {
  const options = parseArgs(argv);
  if (options === 'help') {
    io.out(USAGE);
    return 0;
  }
  const root = path.resolve(__dirname, '..');
  const baseFiles = readSource('base', options.base);
  const headFiles = readSource('head', options.head);
  // Both sides from files: no git, no synthesis (fixtures, or assemblies a CI job already built).
  if (baseFiles && headFiles) return report(io, options, baseFiles, headFiles);

  let commit: string | undefined;
  if (options.base.kind === 'git') {
    try {
      commit = git(root, ['rev-parse', '--verify', '--quiet', `${options.base.ref}^{commit}`]);
    } catch {
      throw new UsageError(`--base: got ${options.base.ref}, which is not a commit, branch or tag of ${root}`);
    }
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
        io.err(`could not remove the base worktree ${baseTree} (run \`git worktree prune\`): ${(e as Error).message}`);
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
    let baseTemplates: Promise<TemplateSet>;
    if (baseFiles) baseTemplates = Promise.resolve(baseFiles);
    else {
      git(root, ['worktree', 'add', '--detach', baseTree, commit!]);
      worktreeAdded = true;
      // The base shares this checkout's dependencies: no install, and one aws-cdk-lib for both.
      const baseModules = path.join(baseTree, 'node_modules');
      if (!fs.existsSync(baseModules)) fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), baseModules, 'dir');
      baseTemplates = synthesize(io, `base ${labelOf(options.base)} (${commit!.slice(0, 12)})`, baseTree, path.join(tmp, 'base.out'), runner);
    }
    const headTemplates = headFiles ? Promise.resolve(headFiles) : synthesize(io, 'working tree', root, path.join(tmp, 'head.out'), runner);
    const [b, h] = await Promise.all([baseTemplates, headTemplates]);
    return report(io, options, b, h, commit);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    cleanUp();
  }
}

/**
 * The CLI: runs `npm run controls-diff -- <argv>` and returns its exit code (0 no control
 * weakened, 1 a control is weakened, 2 a usage or synthesis error, whose message goes to `io.err`).
 */
export async function main(argv: readonly string[], io: Io = CONSOLE): Promise<number> {
  try {
    return await diffSources(argv, io);
  } catch (e) {
    io.err(e instanceof UsageError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 2;
  }
}

// Run as a script (not when a test imports the entry points).
if (require.main === module) main(process.argv.slice(2)).then((code) => process.exit(code));
