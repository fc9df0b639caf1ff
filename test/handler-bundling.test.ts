/**
 * Lambda handlers are bundled by esbuild's API inside the synthesizing process
 * (lib/constructs/common/handler-bundling.ts), no longer by NodejsFunction running the esbuild CLI
 * through npx. These tests prove the bundle is byte for byte the one NodejsFunction writes with
 * the same options (its CLI run is the reference, made here), that the asset hash depends on the
 * sources and options only, and that a synthesis starts no process and prints nothing.
 */
import childProcess = require('child_process');
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AccountPasswordPolicy } from '../lib/constructs/audit/password-policy';
import { RestoreValidator } from '../lib/constructs/backup/restore-validator';
import { bundleHandler, handlerBundling, handlerCode, type HandlerBundlingOptions } from '../lib/constructs/common/handler-bundling';

const LAMBDA = path.join(__dirname, '..', 'lib', 'lambda');
/** Each handler with the options its construct bundles it with. */
const HANDLERS: Array<[string, HandlerBundlingOptions]> = [
  ['password-policy', {}],
  ['restore-validation', { sourceMap: false }],
];

const tmpdirs: string[] = [];
const tmpdir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-handler-bundling-'));
  tmpdirs.push(d);
  return d;
};
afterAll(() => tmpdirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const stackIn = (outdir: string) => new Stack(new App({ outdir }), 'S', { env: { account: '111111111111', region: 'ap-southeast-1' } });

/** The files of the asset a synthesized function's code points at, by name. */
function stagedFiles(stack: Stack, fn: lambda.Function): Record<string, Buffer> {
  const assembly = (stack.node.root as App).synth();
  const template = assembly.getStackArtifact(stack.artifactId).template;
  const key: string = template.Resources[stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction)].Properties.Code.S3Key;
  const dir = path.join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

describe('Lambda handlers are bundled in-process, exactly as NodejsFunction bundles them', () => {
  test.each(HANDLERS)('%s: the bundle is byte for byte what NodejsFunction writes through the esbuild CLI with the same options', (name, options) => {
    const entry = path.join(LAMBDA, name, 'index.ts');
    const bundling = handlerBundling(entry, options);

    // The reference: NodejsFunction's own local bundling, which runs `npx --no-install esbuild`.
    // Silent, so its progress lines stay out of the test output (the log level changes no byte).
    const spawned = jest.spyOn(childProcess, 'spawnSync');
    const write = process.stderr.write.bind(process.stderr) as (...args: any[]) => boolean;
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any, ...rest: any[]) => (/^Bundling asset /.test(String(chunk)) ? true : write(chunk, ...rest)));
    let reference: Record<string, Buffer>;
    try {
      const stack = stackIn(tmpdir());
      const fn = new nodejs.NodejsFunction(stack, 'Cli', { entry, runtime: lambda.Runtime.NODEJS_22_X, bundling: { ...bundling, logLevel: nodejs.LogLevel.SILENT } });
      reference = stagedFiles(stack, fn);
      expect(spawned).toHaveBeenCalledWith('npx', expect.arrayContaining(['--no-install', 'esbuild', '--bundle', entry]), expect.anything());
    } finally {
      spawned.mockRestore();
      stderr.mockRestore();
    }
    expect(Object.keys(reference)).toEqual(['index.js']);

    // A fresh in-process build, and what handlerCode stages (from its cache) into an assembly.
    const fresh = tmpdir();
    bundleHandler(entry, bundling, fresh);
    expect(fs.readdirSync(fresh)).toEqual(['index.js']);
    expect(fs.readFileSync(path.join(fresh, 'index.js')).equals(reference['index.js'])).toBe(true);

    const stack = stackIn(tmpdir());
    const fn = new nodejs.NodejsFunction(stack, 'InProcess', { code: handlerCode(entry, options), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_22_X });
    const staged = stagedFiles(stack, fn);
    expect(Object.keys(staged)).toEqual(['index.js']);
    expect(staged['index.js'].equals(reference['index.js'])).toBe(true);
  });

  test.each(HANDLERS)('%s: the asset hash follows the sources and options, not where the checkout lives', (name, options) => {
    const entry = path.join(LAMBDA, name, 'index.ts');
    const copy = path.join(tmpdir(), 'elsewhere', name, 'index.ts');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(entry, copy);
    const { assetHash } = handlerBundling(entry, options);
    expect(handlerBundling(copy, options).assetHash).toBe(assetHash);
    expect(handlerBundling(entry, { ...options, minify: false }).assetHash).not.toBe(assetHash);
    fs.appendFileSync(copy, '\n// changed\n');
    expect(handlerBundling(copy, options).assetHash).not.toBe(assetHash);

    // The template's S3 key is CDK's hash of that hash: the same in every checkout and run.
    const stack = stackIn(tmpdir());
    const fn = new lambda.Function(stack, 'Fn', { code: handlerCode(entry, options), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_22_X });
    const template = (stack.node.root as App).synth().getStackArtifact(stack.artifactId).template;
    expect(template.Resources[stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction)].Properties.Code.S3Key).toBe(`${createHash('sha256').update(assetHash!).digest('hex')}.zip`);
  });

  test('IAM-PASSWORD-POLICY, BAK-RESTORE-VALIDATION: synthesizing both functions starts no process and prints no bundling progress', () => {
    // Warm the cache as an earlier run would have; a synthesis with unchanged handlers then
    // neither runs esbuild nor anything else.
    for (const [name, options] of HANDLERS) handlerCode(path.join(LAMBDA, name, 'index.ts'), options);
    const calls = (['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const).map((f) => [f, jest.spyOn(childProcess, f)] as const);
    const stderr = jest.spyOn(process.stderr, 'write');
    try {
      const stack = stackIn(tmpdir());
      new AccountPasswordPolicy(stack, 'PasswordPolicy', { maxPasswordAgeDays: 90, logKey: new kms.Key(stack, 'LogKey'), logRetentionDays: 30 });
      new RestoreValidator(stack, 'RestoreValidation', { logRetentionDays: 30, alertTopic: new sns.Topic(stack, 'Alerts') });
      (stack.node.root as App).synth();
      expect(Object.fromEntries(calls.map(([f, spy]) => [f, spy.mock.calls]))).toEqual(Object.fromEntries(calls.map(([f]) => [f, []])));
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      calls.forEach(([, spy]) => spy.mockRestore());
      stderr.mockRestore();
    }
  });
});
