/**
 * `npm run bench`: what synthesis costs, side by side, in one run. Not a timed test: it prints
 * medians and ratios for the README.
 *
 *   floor        in-process require + construct + synth, every check off
 *   checks       the same with this repo's checks on (the compliance packs)
 *   cdk synth    `npx cdk synth` as a user runs it (bin/run.cjs, packs, controls report)
 *   ts-node      the same app through `cdk init`'s classic runner, `ts-node --prefer-ts-exts`, on
 *                the TypeScript 5.9 a `cdk init` app installs (`typescript-5`: TypeScript 7, the
 *                project's type checker, has no compiler API for ts-node to load)
 *
 * Options: --runs N (default 5). Each case runs once to warm up, then the cases alternate run by
 * run; each prints its median, minimum and maximum.
 */
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_CONFIGS } from '../lib/config/deployment';

const root = path.join(__dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: got ${process.argv[runsArg + 1]}, expected a whole number of at least 1`);

interface Case {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

// Every case synthesizes upstream's example, whatever configuration of the adopter's is live.
const allEnvironments = ['-c', `config=${EXAMPLE_CONFIGS[0]}`];

const cases: Case[] = [
  { name: 'floor (in-process, checks off)', command: ['node', '-r', 'esbuild-register', 'scripts/synth-once.ts', 'floor'] },
  { name: 'checks on (in-process)', command: ['node', '-r', 'esbuild-register', 'scripts/synth-once.ts', 'checks'] },
  { name: 'npx cdk synth', command: ['npx', 'cdk', 'synth', '--quiet', '-o', '.bench/cdk.out', ...allEnvironments] },
  {
    name: 'ts-node runner (cdk init default)',
    command: ['npx', 'cdk', 'synth', '--quiet', '-o', '.bench/ts-node.out', ...allEnvironments, '--app', 'npx ts-node --compiler typescript-5 --prefer-ts-exts bin/app.ts'],
    // A `cdk init` app keeps CDK's built-in template validation on.
    env: { CDK_VALIDATION: 'true' },
  },
];

function time(c: Case): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(c.command[0], c.command.slice(1), { cwd: root, env: { ...process.env, ...c.env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${c.command.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

// One warm-up run per case (file cache, esbuild's and v8-compile-cache's caches, the cached
// handler bundles), then the cases alternate, A B C D A B C D ..., so that a change in the
// machine's load during the run (it is shared) falls on every case alike.
console.log(`${runs} runs per case, alternated, after one warm-up each; load average at start ${load()}`);
for (const c of cases) time(c);
const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.name)!.push(time(c));

const stats = new Map(cases.map((c) => [c.name, { median: median(samples.get(c.name)!), min: Math.min(...samples.get(c.name)!), max: Math.max(...samples.get(c.name)!) }]));
console.log('');
console.log(`${'case'.padEnd(36)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}   runs`);
for (const c of cases) {
  const s = stats.get(c.name)!;
  console.log(`${c.name.padEnd(36)} ${sec(s.median).padStart(8)} ${sec(s.min).padStart(8)} ${sec(s.max).padStart(8)}   ${samples.get(c.name)!.map((x) => (x / 1000).toFixed(2)).join(', ')}`);
}
console.log(`load average at end ${load()}`);

const [floor, checks, cli, tsNode] = cases.map((c) => stats.get(c.name)!);
console.log('');
console.log(`checks on / floor:          ${(checks.median / floor.median).toFixed(2)}x on the median  (target <= 1.3x)`);
console.log(`ts-node runner / cdk synth: ${(tsNode.median / cli.median).toFixed(2)}x on the median, ${(tsNode.min / cli.min).toFixed(2)}x on the minimum  (target >= 5x on the median)`);
console.log('');
console.log('For the README ("Checks and what they cost"):');
const row = (s: { median: number; min: number; max: number }) => `${sec(s.median)} (${sec(s.min)} to ${sec(s.max)})`;
console.log(`| floor | ${row(floor)} |`);
console.log(`| checks on | ${row(checks)}, ${(checks.median / floor.median).toFixed(2)}× the floor |`);
console.log(`| npx cdk synth | ${row(cli)} |`);
console.log(`| ts-node runner | ${row(tsNode)}, ${(tsNode.median / cli.median).toFixed(2)}× slower than npx cdk synth |`);
