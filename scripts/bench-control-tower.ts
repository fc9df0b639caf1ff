/**
 * `npm run bench:control-tower`: what the AWS Control Tower rules cost over the templates of the
 * last `npx cdk synth` (cdk.out), run several ways. Prints medians (wall time, and CPU time of the
 * cfn-guard processes) for the README's "Checks and what they cost".
 *
 *   one process      the whole rule set and every template of an environment in one cfn-guard
 *                    invocation (what CfnGuardValidator, the package's CDK plugin, does)
 *   whole set        every rule on every template (runControlTowerRules with rules 'all': one rule
 *                    set, so one process)
 *   selected         only the rules naming a resource type a template holds, templates with the
 *                    same rules in one process (as the synth, the tests and the report run it)
 *   cache hit        the same with every template already in the cache
 *
 * Options: --runs N (default 3).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { controlTowerRuleSet, runControlTowerRules } from '../lib/nag/control-tower';

const root = path.join(__dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const cdkOut = path.join(root, 'cdk.out');

function templatesOf(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).map((f) => path.join(dir, f));
}

const assemblies = fs.existsSync(cdkOut) ? fs.readdirSync(cdkOut).filter((d) => d.startsWith('assembly-')).map((d) => path.join(cdkOut, d)) : [];
if (assemblies.length === 0) {
  console.error('no cdk.out/assembly-*: run `npx cdk synth` first');
  process.exit(2);
}
const templates = assemblies.flatMap(templatesOf);

/** CPU seconds of finished child processes so far (user + system). */
function childCpu(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // Fields 16 and 17 of /proc/<pid>/stat (cutime, cstime), counted from after the command name.
  return (Number(stat[13]) + Number(stat[14])) / 100;
}

async function measure(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu0 = childCpu();
  const t0 = Date.now();
  await run();
  return { wall: (Date.now() - t0) / 1000, cpu: childCpu() - cpu0 };
}

function onePerEnvironment(): Promise<unknown> {
  const set = controlTowerRuleSet();
  const rulesDir = path.dirname(path.dirname(set.rules[0].file));
  return Promise.all(
    assemblies.map(
      (dir) =>
        new Promise((resolve, reject) =>
          execFile(set.guard, ['validate', '--rules', rulesDir, ...templatesOf(dir).flatMap((t) => ['--data', t]), '--output-format', 'json', '--show-summary', 'none', '--structured'], { maxBuffer: 1 << 30 }, (e) =>
            e && e.code !== 19 ? reject(e) : resolve(undefined),
          ),
        ),
    ),
  );
}

async function main(): Promise<void> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-ct-bench-'));
  const files = templates.map((file) => ({ file }));
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['one process per environment, whole rule set (the CDK plugin\'s way)', onePerEnvironment],
    ['whole rule set, every template in one process', () => runControlTowerRules(files, { rules: 'all', concurrency: 2 })],
    ['selected rules, one process per rule set, 1 at a time', () => runControlTowerRules(files, { concurrency: 1 })],
    ['selected rules, one process per rule set, 2 at a time', () => runControlTowerRules(files, { concurrency: 2 })],
    ['every template from the cache', () => runControlTowerRules(files, { cacheDir })],
  ];
  await runControlTowerRules(files, { cacheDir });
  console.log(`${templates.length} templates, ${controlTowerRuleSet().rules.length} rules, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; medians of ${runs}`);
  console.log('| run | wall | CPU of cfn-guard |\n| --- | --- | --- |');
  for (const [name, run] of cases) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await measure(run));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`| ${name} | ${median(results.map((r) => r.wall)).toFixed(2)} s | ${median(results.map((r) => r.cpu)).toFixed(2)} s |`);
  }
  fs.rmSync(cacheDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
