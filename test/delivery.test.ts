/**
 * Delivery controls live in repository files, not templates: CI, dependency monitoring and the
 * vulnerability-reporting policy. These tests read those files.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

describe('delivery', () => {
  test('DEL-CI-TESTS: .ci/run installs from the lockfile and runs exactly the README test command', () => {
    const run = read('.ci/run').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(run).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
    expect(run.indexOf('npm ci')).toBeLessThan(run.indexOf('npm test'));
    expect(read('README.md')).toMatch(/^npm test\s/m);
    // The type check is one of the suite's files (typecheck.test.ts; tsc started by the sequencer), so `npm test` is Jest alone,
    // run without V8's optimizing compiler (docs/development.md: about 10 % less CPU for the suite on two cores).
    expect(JSON.parse(read('package.json')).scripts.test).toBe('node --no-turbofan node_modules/jest/bin/jest.js');
    expect(read('test/support/typecheck-run.js')).toMatch(/'--noEmit'/);
    expect(read('test/typecheck.test.ts')).toContain('typecheckResults');
  });

  test('DEL-TEMPLATE-LINT: .ci/run requires cfn-lint (CFN_LINT_REQUIRED=1) before it runs the suite', () => {
    const run = read('.ci/run').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(run.indexOf('export CFN_LINT_REQUIRED=1')).toBeGreaterThanOrEqual(0);
    expect(run.indexOf('export CFN_LINT_REQUIRED=1')).toBeLessThan(run.indexOf('npm test'));
  });

  test('DEL-CI-TESTS: the workflow runs the suite and the synth on every push to main and every pull request', () => {
    const wf = read('.github/workflows/ci.yml');
    expect(wf).toMatch(/on:\n\s+push:\n\s+branches: \[main\]\n\s+pull_request:/);
    for (const step of ['run: npm ci', 'run: npm test', 'run: npx cdk synth']) expect(wf).toContain(step);
  });

  test('DEL-PR-CONTROLS-DIFF: the workflow runs the end-to-end controls diff test (git worktree) with the suite', () => {
    expect(read('.github/workflows/ci.yml')).toMatch(/- run: npm test\n\s+env:\n(?:\s+#.*\n)*\s+CONTROLS_DIFF_E2E: '1'/);
  });

  test('DEL-DEPENDENCY-MONITORING: Dependabot watches npm and GitHub Actions weekly', () => {
    const dependabot = read('.github/dependabot.yml');
    expect(dependabot).toMatch(/package-ecosystem: npm\n\s+directory: \/\n\s+schedule:\n\s+interval: weekly/);
    expect(dependabot).toMatch(/package-ecosystem: github-actions/);
  });

  test('DEL-DEPENDENCY-MONITORING: every locked package is pinned to an exact version with an integrity hash', () => {
    const lock = JSON.parse(read('package-lock.json'));
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    const unpinned = Object.entries<any>(lock.packages)
      // Packages bundled inside another package's tarball carry no hash of their own: the bundle's covers them.
      .filter(([name, p]) => name !== '' && !p.link && !p.inBundle && !(p.version && /^sha512-/.test(p.integrity ?? '')))
      .map(([name]) => name);
    expect(unpinned).toEqual([]);
  });

  test('DEL-PR-CONTROLS-DIFF: pull requests run the controls diff against their base, post it, and fail on a weakened control', () => {
    const wf = read('.github/workflows/ci.yml');
    expect(wf).toContain("if: github.event_name == 'pull_request'");
    expect(wf).toContain('npm run --silent controls-diff -- --base "origin/${{ github.base_ref }}" --format markdown');
    expect(wf).toMatch(/if: steps\.diff\.outputs\.exit != '0'\n\s+run: \|\n[\s\S]*exit 1/);
    expect(JSON.parse(read('package.json')).scripts['controls-diff']).toBe('node -r esbuild-register scripts/controls-diff.ts');
  });

  test('DEL-VULN-REPORTING: SECURITY.md names a private reporting channel and a response time', () => {
    const policy = read('SECURITY.md');
    expect(policy).toMatch(/^## Reporting a vulnerability/m);
    expect(policy).toMatch(/privately/);
    expect(policy).toMatch(/Report a vulnerability/);
    expect(policy).toMatch(/acknowledge within \w+\s+working days/);
  });
});
