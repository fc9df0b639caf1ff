/**
 * bin/run.cjs is what `npx cdk synth` runs (cdk.json's "app"): it bundles bin/app.ts and lib/
 * with esbuild and rewrites every module's __dirname and __filename to its real location. This
 * checks that the bundled app writes exactly the templates the in-process app of the tests does,
 * so a path that resolves differently under bundling (a Lambda entry, cdk.json, a rule's name)
 * cannot slip through.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allStacks, templateJson } from './support/synth';

const ROOT = path.join(__dirname, '..');

/**
 * Every tracked file with its modification time, and `git status`; `undefined` outside a git
 * checkout (a tarball).
 */
function trackedFiles(): { status: string; files: Record<string, number> } | undefined {
  const ls = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (ls.status !== 0) return undefined;
  const files: Record<string, number> = {};
  for (const f of ls.stdout.split('\0').filter(Boolean)) {
    const full = path.join(ROOT, f);
    if (fs.existsSync(full)) files[f] = fs.statSync(full).mtimeMs;
  }
  return { status: spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout, files };
}

describe('cdk.json app runner (bin/run.cjs)', () => {
  // One environment is enough: bundling changes how modules find their files, not what an
  // environment builds; staging alone keeps this test to half the synthesis.
  test('the bundled app synthesizes exactly the templates of the in-process app (staging) and the controls report, into its output directory only, with no creation stack traces', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-runner-'));
    try {
      const cdkJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8'));
      expect(cdkJson.app).toBe('node -r v8-compile-cache bin/run.cjs');
      // What the CLI passes: cdk.json's context and the output directory; the reference fixture,
      // whatever configuration of the adopter's is live.
      const context = { ...cdkJson.context, 'aws:cdk:version-reporting': false, env: 'staging', config: 'test/fixtures/config/reference.yaml' };
      const before = trackedFiles();
      const run = spawnSync(process.execPath, ['-r', 'v8-compile-cache', path.join(ROOT, 'bin', 'run.cjs')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
      });
      expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stderr).toMatch(/Controls report:\n.*controls-report\.md/);
      // A synth writes only into its output directory (and its bundle cache in node_modules):
      // no tracked file changes, in content or modification time.
      if (before === undefined) {
        console.warn('app runner: not a git checkout, so the check that a synth leaves every tracked file untouched was skipped');
      } else {
        expect(trackedFiles()).toEqual(before);
      }
      // CDK's creation stack traces are recorded only when CDK_DEBUG asks for them.
      const metadata = fs
        .readdirSync(path.join(outdir, 'assembly-staging'))
        .filter((f) => f.endsWith('.metadata.json'))
        .map((f) => fs.readFileSync(path.join(outdir, 'assembly-staging', f), 'utf8'))
        .join('\n');
      expect(metadata).toContain('"aws:cdk:logicalId"');
      expect(metadata).not.toContain('"aws:cdk:creationStack"');
      for (const s of allStacks().filter((stack) => stack.env === 'staging')) {
        const manifest = JSON.parse(fs.readFileSync(path.join(outdir, `assembly-${s.env}`, 'manifest.json'), 'utf8'));
        const artifact = Object.values<any>(manifest.artifacts).find((a) => a.type === 'aws:cloudformation:stack' && a.displayName === `${s.env}/${s.stackId}`);
        expect({ stack: `${s.env}/${s.stackId}`, found: artifact !== undefined }).toEqual({ stack: `${s.env}/${s.stackId}`, found: true });
        const written = JSON.parse(fs.readFileSync(path.join(outdir, `assembly-${s.env}`, artifact.properties.templateFile), 'utf8'));
        expect({ stack: `${s.env}/${s.stackId}`, template: written }).toEqual({ stack: `${s.env}/${s.stackId}`, template: templateJson(s.env, s.stackId) });
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
