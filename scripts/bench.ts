/**
 * `npm run bench`: what synthesis costs, side by side, in one run. Not a timed test: it prints
 * medians and ratios for the README.
 *
 *   floor        in-process require + construct + synth, every check off
 *   checks       the same with this repo's checks on (the compliance packs)
 *   cdk synth    `npx cdk synth` as a user runs it (bin/run.cjs, packs, controls report)
 *   ts-node      the same app through `cdk init`'s classic runner, `ts-node --prefer-ts-exts`
 *
 * Options: --runs N (default 3).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { EXAMPLE_CONFIGS } from '../lib/config/deployment';

const root = path.join(__dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

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
    command: ['npx', 'cdk', 'synth', '--quiet', '-o', '.bench/ts-node.out', ...allEnvironments, '--app', 'npx ts-node --prefer-ts-exts bin/app.ts'],
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = new Map<string, number>();
for (const c of cases) {
  time(c); // warm the file cache and esbuild's
  const samples = Array.from({ length: runs }, () => time(c));
  results.set(c.name, median(samples));
  console.log(`${c.name.padEnd(36)} median ${(median(samples) / 1000).toFixed(2)} s  (${samples.map((s) => (s / 1000).toFixed(2)).join(', ')})`);
}

const floor = results.get(cases[0].name)!;
const checks = results.get(cases[1].name)!;
const cli = results.get(cases[2].name)!;
const tsNode = results.get(cases[3].name)!;
console.log('');
console.log(`checks on / floor:          ${(checks / floor).toFixed(2)}x  (target <= 1.3x)`);
console.log(`ts-node runner / cdk synth: ${(tsNode / cli).toFixed(2)}x  (target >= 5x)`);
console.log('');
console.log('For the README ("Checks and what they cost"):');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`| floor | ${s(floor)} |`);
console.log(`| checks on | ${s(checks)} (${(checks / floor).toFixed(2)}× the floor) |`);
console.log(`| npx cdk synth | ${s(cli)} |`);
console.log(`| ts-node runner | ${s(tsNode)} (${(tsNode / cli).toFixed(2)}× slower than npx cdk synth) |`);
