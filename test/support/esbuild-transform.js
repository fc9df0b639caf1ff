/**
 * A Jest transform that strips TypeScript types with esbuild.
 *
 * Why not @swc/jest or ts-jest: the lockfile of @swc/core names platform binaries that this
 * project's registry does not always carry, so `npm ci` fails on a fresh clone; ts-jest
 * type-checks each file again and is several times slower. esbuild is already a dependency
 * (it bundles the Lambda functions), so this costs no new package. Types are checked once,
 * by `tsc --noEmit` (test/typecheck.test.ts, beside the other test files).
 */
const { transformSync } = require('esbuild');
const { createHash } = require('crypto');
const { version } = require('esbuild/package.json');
const { readFileSync } = require('fs');

/** This file's own text: a change to the options above is a new cache key, not a stale hit. */
const SELF = createHash('sha1').update(readFileSync(__filename)).digest('hex');

module.exports = {
  process(sourceText, sourcePath) {
    const { code, map } = transformSync(sourceText, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      // Jest runs modules in a vm context, where a native import() needs an experimental flag:
      // esbuild writes it as a require() (the catalog's enforcer loaders, lib/controls/enforcer.ts).
      supported: { 'dynamic-import': false },
      sourcemap: 'external',
      sourcefile: sourcePath,
    });
    return { code, map };
  },
  getCacheKey(sourceText, sourcePath) {
    return createHash('sha1').update(version).update('\0').update(SELF).update('\0').update(sourcePath).update('\0').update(sourceText).digest('hex');
  },
};
