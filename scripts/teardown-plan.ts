/**
 * `npm run teardown-plan -- <env>`: after `npx cdk synth`, lists what a `cdk destroy '<env>/*'`
 * leaves behind by design (every retained stateful resource), in the order to delete it, with how.
 * Reads cdk.out (or --out <dir>); needs no credentials. docs/teardown.md explains the procedure.
 */
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { REPO_ROOT } from '../lib/config/deployment';
import { renderTeardownPlan, teardownPlan } from '../lib/report/teardown-plan';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outdir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(REPO_ROOT, 'cdk.out');
const env = args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
if (!env) {
  console.error('usage: npm run teardown-plan -- <environment> [--out <cdk.out>]');
  process.exit(2);
}
let stacks;
try {
  stacks = new CloudAssembly(outdir).getNestedAssembly(`assembly-${env}`).stacks;
} catch (e) {
  console.error(`no synthesized environment "${env}" in ${outdir}: run npx cdk synth first (${(e as Error).message.split('\n')[0]})`);
  process.exit(2);
}
console.log(renderTeardownPlan(env, teardownPlan(stacks.map((s) => ({ id: s.hierarchicalId.split('/').pop()!, template: s.template })))));
