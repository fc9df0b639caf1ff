/**
 * Prints the closing lines of a run, after Jest's own summary:
 *
 *   skipped: <title> ...                  one line per skipped test, its title saying why
 *   controls: N enforced controls proven in each of M environments of <config> (...)
 *   tests: N passed, N failed, N skipped  the very last line, in the common form CI systems read
 *
 * The controls line counts the passing per-control tests of the deployment suite on the live
 * configuration (test/deployment/live.test.ts), per environment.
 */
const fs = require('fs');

const PER_CONTROL = /^([A-Z]+(?:-[A-Z0-9]+)+): enforced by its resources/;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const lines = [];
    const proven = new Map();
    let config = '';
    for (const file of results.testResults) {
      for (const t of file.testResults) {
        if (t.status === 'pending' || t.status === 'todo') lines.push(`skipped: ${[...t.ancestorTitles, t.title].join(' › ')}`);
        if (!/test[\\/]deployment[\\/]live\.test\.ts$/.test(file.testFilePath) || t.status !== 'passed') continue;
        const id = PER_CONTROL.exec(t.title)?.[1];
        const env = t.ancestorTitles.map((a) => /^environment (.+)$/.exec(a)?.[1]).find(Boolean);
        if (!id || !env) continue;
        config = /\((.+)\)$/.exec(t.ancestorTitles[0] ?? '')?.[1] ?? config;
        if (!proven.has(env)) proven.set(env, new Set());
        proven.get(env).add(id);
      }
    }
    if (proven.size > 0) {
      const counts = [...proven].map(([env, ids]) => `${env}: ${ids.size}`);
      const fewest = Math.min(...[...proven.values()].map((ids) => ids.size));
      lines.push(`controls: ${fewest} enforced controls proven in each of ${proven.size} environments of ${config} (${counts.join(', ')})`);
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    lines.push(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
    process.once('exit', () => fs.writeSync(1, `${lines.join('\n')}\n`));
  }
}
module.exports = SummaryReporter;
