/**
 * Turns the raw environments table into validated `EnvironmentConfig`s, or throws one
 * `ConfigError` that lists every problem. Nothing is synthesized from a config that fails here.
 */
import type { z } from 'zod';
import { EnvironmentSchema, type EnvironmentConfig } from './schema';
import { ENVIRONMENT_VALIDATORS, quoted, validateAcrossEnvironments, type ConfigIssue } from './validate';

/** Thrown when the configuration is invalid; `issues` holds one line per problem. */
export class ConfigError extends Error {
  /**
   * @param issues one line per problem, `<field>: got <value>, <what is allowed>`
   * @param source the configuration file the problems are in, for the first line
   */
  constructor(
    public readonly issues: readonly string[],
    public readonly source?: string,
  ) {
    super(
      `Invalid configuration${source ? ` in ${source}` : ''}: ${issues.length} issue${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `  - ${i}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Fields a release removed, by their path below the environment, with where their meaning went
 * (CHANGELOG.md, "Upgrading"): an adopter's file that still has one gets this line, not only
 * "unknown field".
 */
const REMOVED_FIELDS: Readonly<Record<string, string>> = {
  'data.backupRetentionDays':
    'removed in 0.3.0: delete it; backup.continuousBackupDays is the one point-in-time window, and it also sets the clusters\' retention',
};

/** The removed fields among an issue's unknown keys, with their notes. */
function removedFieldsOf(issue: z.core.$ZodIssue): string[] {
  if (issue.code !== 'unrecognized_keys') return [];
  // The path may start above the environment (its name): compare the field's own last segment.
  const parent = issue.path.filter((p) => typeof p === 'string').at(-1);
  return issue.keys.map((k) => REMOVED_FIELDS[`${parent}.${k}`]).filter((note): note is string => note !== undefined);
}

/** What a schema issue got: the value, unless it may carry a credential (`params.redact`). */
function gotOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'custom' && issue.params?.redact) return 'a value (not shown: it may carry a credential)';
  return quoted(issue.input);
}

/** What a schema issue expected, in the reader's words where zod's own say less. */
function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const removed = removedFieldsOf(issue);
    return removed.length > 0 ? removed.join('; ') : 'expected only the documented fields (lib/config/schema.ts)';
  }
  // zod's own wording ("Invalid input: expected number, received undefined") says less than this.
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const type = issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
    return `expected ${type}${issue.input === undefined ? ' (the field is required)' : ''}`;
  }
  return issue.message;
}

/** Renders a schema's issues as `<prefix><path>: got <value>, <what is allowed>` lines. */
export function renderSchemaIssues(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${prefix}${path}: got ${gotOf(issue)}, ${expectedOf(issue)}`;
  });
}

function render(issue: ConfigIssue): string {
  return `${issue.env}.${issue.path}: got ${issue.got}, ${issue.expected}`;
}

/** Thrown when a cross-field rule reads a top-level field that failed the schema. */
class UnreadableField extends Error {}

/**
 * The top-level fields of an environment that pass the schema on their own, for the cross-field
 * rules when the environment as a whole does not: a broken e-mail address must not hide a zone of
 * another region. Reading a field that failed throws `UnreadableField`, so a rule runs only when
 * every field it reads is valid and never reports something derived from a bad value.
 */
function validFields(name: string, raw: unknown): EnvironmentConfig {
  const fields: Record<string, unknown> = { name };
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  for (const [key, schema] of Object.entries(EnvironmentSchema.shape)) {
    const result = (schema as z.ZodType).safeParse(input[key]);
    if (result.success) fields[key] = result.data;
  }
  return new Proxy(fields, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target)) throw new UnreadableField(key);
      return Reflect.get(target, key);
    },
  }) as unknown as EnvironmentConfig;
}

/** Runs one rule; a rule that needs a field the schema rejected reports nothing (the schema did). */
function applicable(rule: () => ConfigIssue[]): ConfigIssue[] {
  try {
    return rule();
  } catch (e) {
    if (e instanceof UnreadableField) return [];
    throw e;
  }
}

/**
 * Parses and validates environments.
 *
 * @param table environments by name, as written in the configuration file
 * @param only names of the environments to return; all when empty. Every environment is
 *   validated either way, so a broken production config fails a staging-only synth too.
 */
export function loadEnvironments(table: Record<string, unknown>, only: readonly string[] = []): EnvironmentConfig[] {
  const lines: string[] = [];
  const unknown = only.filter((name) => !(name in table));
  for (const name of unknown) {
    lines.push(`env: got ${quoted(name)}, expected one of ${Object.keys(table).join(', ')}`);
  }
  const parsed: EnvironmentConfig[] = [];
  // Every environment as far as it is readable (partly, where the schema failed), in table order.
  const readable: EnvironmentConfig[] = [];
  for (const [name, raw] of Object.entries(table)) {
    if (!/^[a-z][a-z0-9-]{1,19}$/.test(name)) {
      lines.push(`${name}: got environment name ${quoted(name)}, expected 2-20 lower-case letters, digits or hyphens`);
      continue;
    }
    const result = EnvironmentSchema.safeParse(raw, { reportInput: true });
    if (!result.success) lines.push(...renderSchemaIssues(name, result.error));
    const env: EnvironmentConfig = result.success ? { ...result.data, name } : validFields(name, raw);
    for (const validate of ENVIRONMENT_VALIDATORS) lines.push(...applicable(() => validate(env)).map(render));
    if (result.success) parsed.push(env);
    readable.push(env);
  }
  // The rules across environments read few fields; when one of them is unreadable, they run on
  // the environments that passed the schema.
  const across = applicable(() => validateAcrossEnvironments(readable));
  lines.push(...(across.length > 0 || readable.length === parsed.length ? across : validateAcrossEnvironments(parsed)).map(render));
  if (lines.length > 0) throw new ConfigError(lines);
  return only.length === 0 ? parsed : parsed.filter((e) => only.includes(e.name));
}
