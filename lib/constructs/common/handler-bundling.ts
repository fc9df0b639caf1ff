import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';

/** The bundling options a handler may change; every other one keeps NodejsFunction's default. */
export type HandlerBundlingOptions = Pick<nodejs.BundlingOptions, 'minify' | 'target' | 'externalModules' | 'sourceMap'>;

/** The directory NodejsFunction bundles from: the one that holds the lock file. */
const PROJECT_ROOT = path.join(__dirname, '..', '..', '..');
/**
 * Where bundles are kept between runs, by asset hash: beside bin/run.cjs's app bundle, never in
 * the working tree (a synth writes only into its output directory and this cache).
 */
const CACHE = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'saas-security-baseline', 'handlers');

/**
 * Bundling options for this project's TypeScript Lambda handlers (`lib/lambda/<name>/index.ts`):
 * local esbuild (never Docker), minified, for Node.js 22, with the AWS SDK v3 the runtime ships
 * left out; what {@link handlerCode} bundles with, and what a `NodejsFunction` would be given.
 *
 * The asset hash is computed from the handler's own directory, the options and the esbuild
 * version instead of from the bundle, so the asset is known before bundling it. Handlers import
 * only their own directory, Node's built-ins and the external AWS SDK, so these inputs determine
 * the bundle; a handler that imports shared project code must add it to `extraSources`. Only
 * file names (not their paths) enter the hash: it is the same in every checkout.
 */
export function handlerBundling(entry: string, options: HandlerBundlingOptions = {}, extraSources: readonly string[] = []): nodejs.BundlingOptions {
  const bundling: nodejs.BundlingOptions = {
    minify: true,
    target: 'node22',
    externalModules: ['@aws-sdk/*'],
    forceDockerBundling: false,
    ...options,
  };
  const hash = createHash('sha256');
  const dir = path.dirname(entry);
  const files = [
    ...fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(dir, f)),
    ...extraSources,
  ].sort();
  for (const file of files) hash.update(path.basename(file)).update('\0').update(fs.readFileSync(file)).update('\0');
  hash.update(JSON.stringify(bundling)).update(require('esbuild/package.json').version);
  return { ...bundling, assetHash: hash.digest('hex') };
}

/**
 * The code of a TypeScript Lambda handler, bundled by esbuild's API inside this process: give it
 * to a `NodejsFunction` as `code`, with `handler: 'index.<export>'` (the bundle is `index.js`).
 *
 * The bundle is byte for byte what `NodejsFunction` writes with the same {@link handlerBundling}
 * options (`test/handler-bundling.test.ts` compares them), without its cost: NodejsFunction runs
 * `npx --no-install esbuild` once per handler and environment (about 0.3 s each on the 2-core
 * reference machine) and prints its progress. Here each bundle is built once, kept under
 * `node_modules/.cache/saas-security-baseline/handlers/<asset hash>/`, and copied into every
 * assembly that needs it, so a synthesis with unchanged handlers starts no process at all. Being
 * a plain directory asset, it is staged like any other (`cdk.out/asset.<hash>`), and the
 * template's asset hash follows the sources and options only.
 */
export function handlerCode(entry: string, options: HandlerBundlingOptions = {}, extraSources: readonly string[] = []): lambda.Code {
  const bundling = handlerBundling(entry, options, extraSources);
  const dir = path.join(CACHE, bundling.assetHash!);
  if (!fs.existsSync(path.join(dir, 'index.js'))) {
    // Built next to its place and renamed into it, so a concurrent run (a parallel Jest worker)
    // never reads half a bundle.
    const building = `${dir}.${process.pid}.building`;
    fs.rmSync(building, { recursive: true, force: true });
    bundleHandler(entry, bundling, building);
    try {
      fs.renameSync(building, dir);
    } catch (e) {
      // Another process put the same bundle there first.
      if (!fs.existsSync(path.join(dir, 'index.js'))) throw e;
      fs.rmSync(building, { recursive: true, force: true });
    }
  }
  return lambda.Code.fromAsset(dir, { assetHash: bundling.assetHash });
}

/**
 * Writes esbuild's bundle of `entry` into `outdir` (`index.js`), with the arguments that
 * NodejsFunction's local bundling gives the esbuild CLI for these options
 * (aws-cdk-lib/aws-lambda-nodejs/lib/bundling.js, `buildEsbuildArgs`): `--bundle <entry>
 * --target=<target> --platform=node --outfile=<outdir>/index.js [--minify] [--sourcemap]
 * --external:<module>...`, run from the project root. (esbuild's API talks to its own binary, which
 * it starts once per process from a worker thread: no shell, no npx. It is loaded only when a
 * bundle is missing from the cache.)
 */
export function bundleHandler(entry: string, bundling: nodejs.BundlingOptions, outdir: string): void {
  const esbuild: typeof import('esbuild') = require('esbuild');
  esbuild.buildSync({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    target: bundling.target,
    platform: 'node',
    outfile: path.join(outdir, 'index.js'),
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    external: bundling.externalModules,
    absWorkingDir: PROJECT_ROOT,
    logLevel: 'warning',
  });
}
