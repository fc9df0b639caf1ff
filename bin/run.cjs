#!/usr/bin/env node
/**
 * Runs bin/app.ts for the CDK CLI (cdk.json's "app"), fast and without type-checking.
 *
 * The app and lib/ are bundled into one CommonJS file by esbuild (node_modules stay external) and
 * cached under node_modules/.cache/saas-security-baseline/ (never in the working tree: a synth
 * writes only into its output directory and that cache), keyed by the path, size and mtime of
 * every TypeScript file below bin/ and lib/ and by esbuild's version; an unchanged tree reuses the
 * bundle. Measured on the 2-core reference machine, this takes about 0.4 s off every `npx cdk synth`
 * compared with transforming each of the ~110 files on require (esbuild-register): one module to
 * resolve and compile instead of a hundred, and no transform at all on a cache hit.
 *
 * Bundling would give every module the bundle's own `__dirname` and `__filename`; the plugin below
 * writes each module's real ones into it, so paths such as a Lambda handler's entry or cdk.json
 * resolve exactly as they do unbundled (the tests and scripts load the same files through
 * esbuild-register).
 *
 * `tsc --noEmit` (`npm test`) is the type check.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'bin', 'app.ts');

function sources(dir, found = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, found);
    else if (e.name.endsWith('.ts')) found.push(p);
  }
  return found;
}

function cacheKey() {
  const hash = crypto.createHash('sha256').update(root).update('\0').update(require('esbuild/package.json').version);
  for (const file of [...sources(path.join(root, 'bin')), ...sources(path.join(root, 'lib'))].sort()) {
    const s = fs.statSync(file);
    hash.update(`\0${file}\0${s.size}\0${s.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 32);
}

/** Each module keeps its own location: `__dirname` and `__filename` become string literals. */
const realPaths = {
  name: 'real-dirname',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      return {
        loader: 'ts',
        contents: text
          .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
          .replace(/\b__filename\b/g, JSON.stringify(args.path)),
      };
    });
  },
};

/** CDK's debug switch, read as aws-cdk-lib reads it (core/lib/debug.js). */
const debug = ['1', 'on', 'true'].includes(String(process.env.CDK_DEBUG).toLowerCase());
const mapStackTraces = () => require('source-map-support').install({ environment: 'node', hookRequire: false });

async function main() {
  const dir = path.join(root, 'node_modules', '.cache', 'saas-security-baseline');
  const bundle = path.join(dir, `app-${cacheKey()}.js`);
  if (!fs.existsSync(bundle)) {
    const esbuild = require('esbuild');
    fs.mkdirSync(dir, { recursive: true });
    for (const old of fs.readdirSync(dir)) if (old.startsWith('app-')) fs.rmSync(path.join(dir, old), { force: true });
    const tmp = `${bundle}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [entry],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'warning',
      // The controls report names the classes that enforce each control (`enforcedBy`) by their
      // `.name`; bundling would otherwise rename a class whose name another module also uses.
      keepNames: true,
      plugins: [realPaths],
    });
    fs.renameSync(tmp, bundle);
  }
  // CDK records a stack trace in the assembly's metadata for every resource and annotation it
  // creates, which nothing here reads; capturing them is about 0.2 s of CPU per synthesis of both
  // environments. They stay off unless CDK's own switch CDK_DEBUG is on (`cdk synth --debug`);
  // the CLI passes the context in CDK_CONTEXT_JSON, and a key given there wins.
  if (!debug && process.env.CDK_CONTEXT_JSON) {
    const context = JSON.parse(process.env.CDK_CONTEXT_JSON);
    process.env.CDK_CONTEXT_JSON = JSON.stringify({ 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true, ...context });
  }
  // Under CDK_DEBUG those traces point at the TypeScript sources (Node's own --enable-source-maps
  // does not map the call sites CDK reads); otherwise only the trace of an error that ends the run
  // is mapped, as it is printed below, so a run that succeeds pays nothing for source maps.
  if (debug) mapStackTraces();
  require(bundle);
}

main().catch((e) => {
  mapStackTraces();
  // Open findings are a verdict, not a crash: their message lists them; a stack would bury it.
  console.error(e && e.name === 'OpenFindingsError' ? e.message : e);
  process.exit(1);
});
