/**
 * Jest runs TypeScript through esbuild (test/support/esbuild-transform.js): it strips types
 * without checking them, which is what makes the suite fast. `tsc --noEmit` (first step of
 * `npm test`) is the type check.
 */
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
  // Synthesis is CPU-bound; on the 2-core reference machine two workers is the sweet spot.
  maxWorkers: 2,
  testTimeout: 120000,
};
