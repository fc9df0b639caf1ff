/**
 * Prints the CloudFormation execution policy of one environment (docs/identity.md):
 *
 *   npm run --silent cfn-execution-policy -- <environment> [home|global]
 */
import { cfnExecutionPolicy } from '../lib/constructs/identity/cfn-execution-policy';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';

const [name, kind = 'home'] = process.argv.slice(2);
const env = loadEnvironments(ENVIRONMENTS).find((e) => e.name === name);
if (!env || (kind !== 'home' && kind !== 'global')) {
  console.error(`usage: npm run --silent cfn-execution-policy -- <${loadEnvironments(ENVIRONMENTS).map((e) => e.name).join('|')}> [home|global]`);
  process.exit(1);
}
console.log(JSON.stringify(cfnExecutionPolicy(env.allowedRegions, kind), undefined, 2));
