/**
 * Jest's own order (failed files first, then the slowest first, by the durations of earlier runs;
 * the largest first without them), except that the type check starts first: it runs in its own
 * process (tsc) for most of the run, so the other files fill the other cores beside it. Without
 * this, a fresh clone (no durations yet) would start the small typecheck.test.ts last and wait
 * for it at the end.
 */
const Sequencer = require('@jest/test-sequencer').default;

const isTypecheck = (test) => test.path.endsWith('typecheck.test.ts');

class TypecheckFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    return [...sorted.filter(isTypecheck), ...sorted.filter((t) => !isTypecheck(t))];
  }
}

module.exports = TypecheckFirstSequencer;
