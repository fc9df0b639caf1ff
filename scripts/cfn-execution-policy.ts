/**
 * Prints the CloudFormation execution policy of one environment of the live configuration
 * (config/deployment.yaml, else the example; -- --config <file> for another), for
 * `cdk bootstrap --cloudformation-execution-policies` (docs/identity.md):
 *
 *   npm run --silent cfn-execution-policy -- <environment> [home|global] [--config <file>]
 */
import { cfnExecutionPolicy } from '../lib/constructs/identity/cfn-execution-policy';
import { loadDeployment, readConfigFile, resolveConfigFile } from '../lib/config/deployment';
import { ConfigError } from '../lib/config/load';

const args = process.argv.slice(2);
const configAt = args.indexOf('--config');
const requested = configAt >= 0 ? args.splice(configAt, 2)[1] : undefined;
const [name, kind = 'home'] = args;
let envs;
try {
  envs = loadDeployment(readConfigFile(resolveConfigFile(requested))).environments;
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
const env = envs.find((e) => e.name === name);
if (!env || (kind !== 'home' && kind !== 'global')) {
  console.error(`usage: npm run --silent cfn-execution-policy -- <${envs.map((e) => e.name).join('|')}> [home|global] [--config <file>]`);
  process.exit(1);
}
console.log(JSON.stringify(cfnExecutionPolicy(env.allowedRegions, kind), undefined, 2));
