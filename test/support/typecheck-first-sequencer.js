/**
 * The order the test files start in: the type check first, then the longest first.
 *
 * Jest's own order is the failed files first, then the slowest first by the durations it recorded
 * in earlier runs, and the largest files first where it has none. The type check starts first in
 * every case: it runs in its own process (tsc), so the other files fill the cores beside it.
 *
 * A fresh clone (CI) has no durations, and file size is a poor guess here: the heaviest files are
 * short ones that synthesize a configuration of their own or wait on an external checker, and
 * started last they would run alone at the end with the other cores idle. So where Jest knows no
 * duration, the files of COLD_ORDER start next, longest first, then the rest in Jest's order.
 */
const Sequencer = require('@jest/test-sequencer').default;

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
];

const isTypecheck = (test) => test.path.endsWith('typecheck.test.ts');
const coldRank = (test) => COLD_ORDER.findIndex((file) => test.path.replace(/\\/g, '/').endsWith(file));

class TypecheckFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rest = sorted.filter((t) => !isTypecheck(t));
    const cold = rest.filter((t) => t.duration == null && coldRank(t) >= 0).sort((a, b) => coldRank(a) - coldRank(b));
    return [...sorted.filter(isTypecheck), ...cold, ...rest.filter((t) => !cold.includes(t))];
  }
}

module.exports = TypecheckFirstSequencer;
