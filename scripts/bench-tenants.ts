/**
 * Tenant scaling: synthesis time of the whole production stage (every stack, every compliance
 * pack on, cdk.json's feature flags as `npx cdk synth` sees them) and the largest data stack's
 * resource count at 1, 10 and 50 tenants, and whether time grows linearly. Only the data stacks
 * grow with the tenants; the other stacks are a constant share of every figure. Not a timed test;
 * the figures go into docs/data.md.
 *
 *   node -r esbuild-register scripts/bench-tenants.ts [--runs N] [--tenants 1,10,50]
 *
 * Tenants fill shards in order, TENANTS_PER_DATA_STACK per data stack. Each run builds a fresh
 * app in this process (modules are loaded once, before the first measurement).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildBaseline } from '../lib/app';
import { useCdkJsonContext } from '../lib/cdk-json-context';
import { MAX_RESOURCES_PER_DATA_STACK, TENANTS_PER_DATA_STACK } from '../lib/config/data-layout';
import { EXAMPLE_CONFIGS, REPO_ROOT, readConfigFile } from '../lib/config/deployment';
import { loadEnvironments } from '../lib/config/load';

// The feature flags of cdk.json, so the templates (and their size) are those `npx cdk synth` writes.
useCdkJsonContext();

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', '3'));
const sizes = arg('--tenants', '1,10,50').split(',').map(Number);

interface Row {
  tenants: number;
  stacks: number;
  largest: number;
  ms: number;
}

function measure(tenants: number): Row {
  const table = structuredClone((readConfigFile(path.join(REPO_ROOT, EXAMPLE_CONFIGS[0])).raw as { environments: Record<string, any> }).environments);
  table.production.data.tenants = Array.from({ length: tenants }, (_, i) => ({
    id: `tenant${String(i).padStart(3, '0')}`,
    displayName: `Tenant ${i}`,
    shard: Math.floor(i / TENANTS_PER_DATA_STACK) + 1,
  }));
  const config = loadEnvironments(table, ['production']);
  const times: number[] = [];
  let stacks = 0;
  let largest = 0;
  for (let r = 0; r < runs; r++) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-tenants-'));
    try {
      const started = process.hrtime.bigint();
      const app = new App({ outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
      const [stage] = buildBaseline(app, config);
      const assembly = app.synth();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      const data = assembly.getNestedAssembly(stage.artifactId).stacks.filter((s) => /\/Data\d+$/.test(s.hierarchicalId));
      stacks = data.length;
      largest = Math.max(...data.map((s) => Object.keys(s.template.Resources ?? {}).length));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  times.sort((a, b) => a - b);
  return { tenants, stacks, largest, ms: times[Math.floor(times.length / 2)] };
}

// Warm-up: load every module and JIT the hot paths before measuring.
measure(1);
const rows = sizes.map(measure);

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(
  `Tenant scaling: synthesis of the whole production stage (all stacks, compliance packs on, cdk.json feature flags), median of ${runs}; ${os.cpus().length} CPUs`,
);
console.log(`| tenants | data stacks | largest data stack (resources) | stage synth (ms) | ms per tenant |`);
console.log(`|--------:|------------:|-------------------------------:|-----------------:|--------------:|`);
for (const r of rows) {
  console.log(`| ${pad(r.tenants, 7)} | ${pad(r.stacks, 11)} | ${pad(r.largest, 30)} | ${pad(r.ms.toFixed(0), 16)} | ${pad((r.ms / r.tenants).toFixed(0), 13)} |`);
}
// Linear growth: the marginal cost per tenant between consecutive sizes stays about the same.
const marginals = rows.slice(1).map((r, i) => (r.ms - rows[i].ms) / (r.tenants - rows[i].tenants));
console.log(`marginal synth time per added tenant: ${marginals.map((m) => `${m.toFixed(0)} ms`).join(' → ')}`);
if (marginals.some((m) => m <= 0)) {
  // A larger app cannot synthesize faster: the machine was busy. More runs make the median steadier.
  console.log('a marginal is not positive: the timings are noise-dominated (a busy machine); rerun with a larger --runs');
} else if (marginals.length >= 2) {
  const ratio = marginals[marginals.length - 1] / marginals[0];
  console.log(`ratio of last to first marginal: ${ratio.toFixed(2)} (${ratio < 1.5 ? 'linear' : 'super-linear: investigate'})`);
}
const over = rows.filter((r) => r.largest > MAX_RESOURCES_PER_DATA_STACK);
console.log(over.length === 0 ? `every data stack ≤ ${MAX_RESOURCES_PER_DATA_STACK} resources` : `OVER ${MAX_RESOURCES_PER_DATA_STACK}: ${over.map((r) => r.tenants).join(', ')} tenants`);
