/**
 * The deployment configuration file: which file is read, how it is parsed, and the one function
 * that turns it into validated environments and pipeline settings.
 *
 * The adopter's file is `config/deployment.yaml`; upstream never ships or changes it, so a later
 * upstream version merges without conflicts. Without it, the shipped example
 * (`config/example.yaml`) is read, so a fresh clone synthesizes; `-c config=<file>` reads another.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { ConfigError, loadEnvironments } from './load';
import { loadPipeline, type PipelineConfig } from './pipeline';
import { sampleValueIssues, sampleValuesOf, type SampleValues } from './sample-values';
import type { EnvironmentConfig } from './schema';

/** The repository root (this file is lib/config/deployment.ts). */
export const REPO_ROOT = path.join(__dirname, '..', '..');

/** The adopter's configuration, relative to the repository root. */
export const DEPLOYMENT_CONFIG = 'config/deployment.yaml';

/** Upstream's example configurations, relative to the repository root; never deployable. */
export const EXAMPLE_CONFIGS = ['config/example.yaml', 'config/sandbox.example.yaml'] as const;

/** A configuration file as read, before validation. */
export interface DeploymentFile {
  /** Path relative to the repository root (or absolute when outside it), for messages. */
  readonly name: string;
  /** Whether it is one of upstream's example files or test fixtures, whose sample values are allowed. */
  readonly example: boolean;
  /** The parsed document. */
  readonly raw: unknown;
}

/** A validated deployment: its environments, in file order, and the optional pipeline. */
export interface Deployment {
  readonly file: DeploymentFile;
  readonly environments: EnvironmentConfig[];
  readonly pipeline?: PipelineConfig;
}

function displayName(file: string): string {
  const rel = path.relative(REPO_ROOT, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

/**
 * The file a synthesis reads: `requested` (the `config` context value, relative to the repository
 * root or absolute) when given, else the adopter's `config/deployment.yaml` when it exists, else
 * the example.
 */
export function resolveConfigFile(requested?: string): string {
  if (requested) return path.resolve(REPO_ROOT, requested);
  const own = path.join(REPO_ROOT, DEPLOYMENT_CONFIG);
  return fs.existsSync(own) ? own : path.join(REPO_ROOT, EXAMPLE_CONFIGS[0]);
}

/** Parses YAML text; syntax errors become a `ConfigError` with one line each. */
export function parseConfigText(text: string, name: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const errors = doc.errors.map((e) => {
    const at = e.linePos?.[0];
    return `${name}:${at ? `${at.line}:${at.col}` : '?'}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
  });
  if (errors.length > 0) throw new ConfigError(errors);
  try {
    // A JSON round trip: YAML aliases (`*tenants`) become copies, not one shared object, so a
    // change to one environment's value can never reach another's.
    return JSON.parse(JSON.stringify(doc.toJS({ maxAliasCount: 1000 }) ?? null));
  } catch (e) {
    throw new ConfigError([`${name}: ${(e as Error).message}`]);
  }
}

/** Reads and parses one configuration file. */
export function readConfigFile(file: string): DeploymentFile {
  const name = displayName(file);
  if (!fs.existsSync(file)) {
    throw new ConfigError([`config: got ${JSON.stringify(name)}, no such file (run \`npm run init-config\` to create ${DEPLOYMENT_CONFIG} from the example)`]);
  }
  // Upstream's examples and the test fixtures may hold sample values; nobody deploys them.
  const example = (EXAMPLE_CONFIGS as readonly string[]).includes(name) || name.startsWith('test/fixtures/');
  return { name, example, raw: parseConfigText(fs.readFileSync(file, 'utf8'), name) };
}

/** The sample values of upstream's example files, read from them. */
export function exampleSampleValues(): SampleValues {
  return sampleValuesOf(EXAMPLE_CONFIGS.map((f) => parseConfigText(fs.readFileSync(path.join(REPO_ROOT, f), 'utf8'), f)));
}

/** Options of {@link loadDeployment}. */
export interface LoadOptions {
  /** Names of the environments to return; all when empty. Every environment is validated either way. */
  readonly only?: readonly string[];
  /**
   * Accept the example files' sample values. Only upstream's example files and the test
   * fixtures may: anywhere else a sample value would reach a deployable template.
   * @default - the file's own `example` flag
   */
  readonly allowSampleValues?: boolean;
}

const TOP_LEVEL = ['environments', 'pipeline'];

/**
 * Validates a configuration file's content, or throws one `ConfigError` that lists every problem
 * (schema, cross-field rules, sample values, the pipeline) once, each naming the field.
 */
export function loadDeployment(file: DeploymentFile, options: LoadOptions = {}): Deployment {
  const lines: string[] = [];
  const raw = (typeof file.raw === 'object' && file.raw !== null && !Array.isArray(file.raw) ? file.raw : {}) as Record<string, unknown>;
  if (raw !== file.raw) lines.push(`${file.name}: got ${JSON.stringify(file.raw)}, expected a mapping with "environments" (and optionally "pipeline")`);
  for (const key of Object.keys(raw)) {
    // `x-` keys hold YAML anchors (shared zones, tenants) and are read where they are used.
    if (!TOP_LEVEL.includes(key) && !key.startsWith('x-')) lines.push(`${key}: got an unknown top-level field, expected environments, pipeline or x-<name> (a YAML anchor block)`);
  }
  const table = raw.environments;
  let environments: EnvironmentConfig[] = [];
  if (typeof table !== 'object' || table === null || Array.isArray(table) || Object.keys(table).length === 0) {
    lines.push(`environments: got ${table === undefined ? 'no value' : JSON.stringify(table)}, expected at least one environment by name (staging: {...}, production: {...})`);
  } else {
    try {
      environments = loadEnvironments(table as Record<string, unknown>, options.only ?? []);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      lines.push(...e.issues);
    }
  }
  let pipeline: PipelineConfig | undefined;
  if (raw.pipeline !== undefined) {
    try {
      pipeline = loadPipeline(raw.pipeline);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      lines.push(...e.issues);
    }
  }
  if (!(options.allowSampleValues ?? file.example)) lines.push(...sampleValueIssues(raw, exampleSampleValues(), EXAMPLE_CONFIGS.join(' / ')));
  if (lines.length > 0) throw new ConfigError(lines, file.name);
  return { file, environments, pipeline: pipeline?.enabled ? pipeline : undefined };
}
