import * as fs from 'fs';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { DIAGRAM_END, DIAGRAM_START, embedDiagram, renderStackDiagram } from '../lib/report/diagram';

describe('architecture diagram', () => {
  test('the diagram in docs/architecture.md matches the synthesized production environment (run `npm run docs`)', () => {
    const assembly = new CloudAssembly(process.env.SSB_SYNTH_DIR!);
    const production = assembly.nestedAssemblies.find((a) => a.id === 'assembly-production')!;
    const diagram = renderStackDiagram(production.nestedAssembly.stacks);
    const readme = fs.readFileSync(path.join(__dirname, '..', 'docs', 'architecture.md'), 'utf8');
    expect(readme).toContain(DIAGRAM_START);
    expect(readme).toContain(DIAGRAM_END);
    expect(readme).toEqual(embedDiagram(readme, diagram));
  });
});
