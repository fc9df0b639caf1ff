/**
 * The order the test files start in: the type check first, then the longest first.
 *
 * Jest's own order is the failed files first, then the slowest first by the durations it recorded
 * in earlier runs, and the largest files first where it has none. The type check starts first in
 * every case, and tsc itself starts here, before Jest's global setup (typecheck-run.js): it runs
 * in processes of its own, on the core the setup's synthesis leaves free.
 *
 * A fresh clone (CI) has no durations, and file size is a poor guess here: the heaviest files are
 * short ones that synthesize a configuration of their own or wait on an external checker, and
 * started last they would run alone at the end with the other cores idle. So where Jest knows no
 * duration, the files of COLD_ORDER start next, longest first, then the rest in Jest's order.
 */
const Sequencer = require('@jest/test-sequencer').default;
const { startTypecheck } = require('./typecheck-run');

/**
 * The files that cost most on a fresh clone, longest first (CPU seconds measured on the 2-core
 * reference machine, docs/development.md). Only the order of a run without durations depends on
 * this list: a file missing from it just starts later.
 */
const COLD_ORDER = [
  'test/cfn-lint.test.ts', // cfn-lint (Python) over every template, about 15 s on one core
  'test/deployment/adapted.test.ts', // three environments synthesized and checked by cfn-guard, about 15 s
  'test/controls-diff.test.ts', // CLI runs and syntheses of the controls diff, about 9 s
  'test/deployment/sandbox.test.ts', // the sandbox synthesized and checked by cfn-guard, about 5 s
  'test/pipeline.test.ts', // the app synthesized again with the delivery pipeline, about 4 s
  'test/app-runner.test.ts', // the bundled app run in a process of its own, about 3 s
];

/** `jest --listTests` sorts the files too, and runs none of them. */
const LISTING = process.argv.some((a) => a === '--listTests' || a === '--list-tests');

const isTypecheck = (test) => test.path.endsWith('typecheck.test.ts');
const coldRank = (test) => COLD_ORDER.findIndex((file) => test.path.replace(/\\/g, '/').endsWith(file));

class TypecheckFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rest = sorted.filter((t) => !isTypecheck(t));
    const cold = rest.filter((t) => t.duration == null && coldRank(t) >= 0).sort((a, b) => coldRank(a) - coldRank(b));
    const typecheck = sorted.filter(isTypecheck);
    // Jest sorts before its global setup: tsc starts now, beside the fixture's synthesis.
    if (typecheck.length > 0 && !LISTING) startTypecheck();
    return [...typecheck, ...cold, ...rest.filter((t) => !cold.includes(t))];
  }
}

module.exports = TypecheckFirstSequencer;
