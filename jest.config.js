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
  moduleFileExtensions: ['ts', 'js', 'json'],
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
