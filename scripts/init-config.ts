/**
 * `npm run init-config`: creates the adopter's configuration, config/deployment.yaml, from the
 * shipped example; `-- --sandbox` starts from the one-environment sandbox example instead. It
 * never overwrites an existing file. Upstream never ships config/deployment.yaml, so it is the
 * adopter's alone: edit it, commit it, and later upstream versions merge without touching it.
 *
 * Until every sample value is replaced, `npx cdk synth` refuses the file, naming each field.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEPLOYMENT_CONFIG, EXAMPLE_CONFIGS, REPO_ROOT } from '../lib/config/deployment';
import { adopterCopyOf } from '../lib/config/init-config';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--sandbox');
if (unknown.length > 0) {
  console.error(`unknown argument ${unknown[0]}\nusage: npm run init-config [-- --sandbox]`);
  process.exit(2);
}
const source = args.includes('--sandbox') ? EXAMPLE_CONFIGS[1] : EXAMPLE_CONFIGS[0];
const target = path.join(REPO_ROOT, DEPLOYMENT_CONFIG);
if (fs.existsSync(target)) {
  console.error(`${DEPLOYMENT_CONFIG} exists already; it is yours, so it is left as it is`);
  process.exit(1);
}
const text = adopterCopyOf(fs.readFileSync(path.join(REPO_ROOT, source), 'utf8'), source);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, text);
console.log(`wrote ${DEPLOYMENT_CONFIG} from ${source}: replace its sample values, then run npx cdk synth`);
