/**
 * Jest runs TypeScript through esbuild (test/support/esbuild-transform.js): it strips types
 * without checking them, which is what makes the suite fast. `tsc --noEmit` is the type check:
 * test/typecheck.test.ts, started first so that it runs beside the other files.
 */
const os = require('os');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.js' },
  // A relative import() names the file as emitted (`./x.js`, module node20; lib/controls/enforcer.ts):
  // Jest loads the TypeScript source, as esbuild does when it bundles. JavaScript first, so that a
  // package's own `./x.js` still finds x.js where it ships sources beside it.
  moduleFileExtensions: ['js', 'ts', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  snapshotSerializers: ['<rootDir>/test/support/mask-volatile.js'],
  testSequencer: '<rootDir>/test/support/typecheck-first-sequencer.js',
  // The test files are CPU-bound (synthesis, tsc): one worker per core the machine gives this
  // process. Jest's own default keeps one core for its parent process, which mostly waits.
  maxWorkers: os.availableParallelism(),
  testTimeout: 120000,
};
