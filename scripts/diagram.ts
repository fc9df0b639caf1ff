/**
 * `npm run diagram`: regenerates the architecture diagram embedded in README.md from the
 * synthesized production environment (compliance packs off: the picture does not need them).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildBaseline } from '../lib/app';
import { useCdkJsonContext } from '../lib/cdk-json-context';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';
import { embedDiagram, renderStackDiagram } from '../lib/report/diagram';


useCdkJsonContext();
const root = path.join(__dirname, '..');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-diagram-'));
try {
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const [stage] = buildBaseline(app, loadEnvironments(ENVIRONMENTS, ['production']), { compliancePacks: false });
  const assembly = app.synth().getNestedAssembly(stage.artifactId);
  const readme = path.join(root, 'README.md');
  fs.writeFileSync(readme, embedDiagram(fs.readFileSync(readme, 'utf8'), renderStackDiagram(assembly.stacks)));
  console.log('updated the diagram in README.md');
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
