/**
 * Layering: constructs carry the secure defaults and take typed props, never the environment
 * configuration (the AWS CDK design guidelines; docs/architecture.md). AWS facts that both config
 * validation and constructs need (Fargate task sizes, Aurora instance classes, WAF limits,
 * GuardDuty severities, Security Hub standards, CIDR arithmetic) live in lib/aws-facts/.
 */
import * as fs from 'fs';
import * as path from 'path';

const LIB = path.join(__dirname, '..', 'lib');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('layering', () => {
  test('no construct imports lib/config/ (constructs take typed props, not the configuration)', () => {
    const files = sources(path.join(LIB, 'constructs'));
    expect(files.length).toBeGreaterThan(20);
    const offending = files.filter((f) => /from '(\.\.\/)+config\//.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(LIB, f));
    expect(offending).toEqual([]);
  });

  test('lib/aws-facts/ imports nothing of the project: facts depend on nothing', () => {
    const files = sources(path.join(LIB, 'aws-facts'));
    expect(files.length).toBeGreaterThan(4);
    const offending = files.filter((f) => /from '\.\.\//.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(LIB, f));
    expect(offending).toEqual([]);
  });

  test('the packs and rules (lib/nag/) import no stage, stack or configuration: they take what they check as props', () => {
    const files = sources(path.join(LIB, 'nag'));
    expect(files.length).toBeGreaterThan(10);
    const offending = files.filter((f) => /from '(\.\.\/)+(stages|stacks|config)\//.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(LIB, f));
    expect(offending).toEqual([]);
  });
});
