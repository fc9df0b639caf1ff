import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * Bundling options for this project's TypeScript Lambda handlers (`lib/lambda/<name>/index.ts`):
 * local esbuild (never Docker), minified, for Node.js 22, with the AWS SDK v3 the runtime ships
 * left out.
 *
 * The asset hash is computed from the handler's own directory, the options and the esbuild
 * version instead of from the bundle, so CDK knows the asset before bundling it: it bundles each
 * handler once per process (not once per environment) and not at all when `cdk.out` already holds
 * that asset. Handlers import only their own directory, Node's built-ins and the external AWS SDK,
 * so these inputs determine the bundle; a handler that imports shared project code must add it to
 * `extraSources`.
 */
export function handlerBundling(entry: string, options: nodejs.BundlingOptions = {}, extraSources: readonly string[] = []): nodejs.BundlingOptions {
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
