/**
 * The type check: `tsc --noEmit` over bin/, lib/, test/ and scripts/ (tsconfig.json). Jest strips
 * types without checking them (support/esbuild-transform.js), so this is the one check.
 *
 * tsc is TypeScript 7, the native compiler: about 5 s of CPU on a cold cache where TypeScript 5.9
 * took about 18 s (docs/development.md, "Dependencies and why"). The test sequencer starts it
 * before Jest's global setup (support/typecheck-run.js), so that tsc works on one core while the
 * fixture is synthesized on the other, and this file only waits for its results. It is
 * incremental: tsc keeps what it learned in node_modules/.cache/saas-security-baseline/tsc/ and
 * checks again only what changed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ERRORS_DIR, typecheckResults } from './support/typecheck-run';

const ERRORS_FILE = path.join(ERRORS_DIR, 'type-errors.ts');
const results = typecheckResults();
// A failure is reported by the tests that await it.
results.catch(() => undefined);

test('the TypeScript sources type-check (tsc --noEmit)', async () => {
  // On failure this shows tsc's own diagnostics, one per line.
  expect((await results).sources).toEqual({ code: 0, output: '' });
});

test('the type check fails on each kind of error tsconfig.json asks for, with the same settings (test/fixtures/typecheck)', async () => {
  const expected = fs
    .readFileSync(ERRORS_FILE, 'utf8')
    .split('\n')
    .flatMap((line, i) => [...line.matchAll(/\/\/ (TS\d+)$/g)].map((m) => `${i + 1} ${m[1]}`));
  // One for strict's type errors, implicit any and null checks, and one for each other flag.
  expect(expected.length).toBeGreaterThanOrEqual(8);
  const { code, output } = (await results).errors;
  const reported = [...output.matchAll(/type-errors\.ts\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
  expect({ failed: code !== 0, reported: reported.sort() }).toEqual({ failed: true, reported: expected.sort() });
});
