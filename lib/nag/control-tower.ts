/**
 * AWS Control Tower proactive controls (the CT.*.PR.* cfn-guard rules shipped in
 * `@cdklabs/cdk-validator-cfnguard`) over synthesized templates, without CDK's validation plugin.
 *
 * Why not `Validations.of(app).addPlugins(new CfnGuardValidator())`: the plugin hands all 237 rules
 * and every template to one cfn-guard process, which made `npx cdk synth` take 27 s instead of 7 s.
 * Here each template is checked with only the rules that can report on it (a rule whose resource
 * types the template does not contain would SKIP), templates with the same rules in one cfn-guard
 * process, processes in parallel, and the result is cached by (template hash, rule set hash): an
 * unchanged template is never checked twice. Measured figures are in README.md ("Checks and what they cost").
 *
 * Findings are matched to the construct tree by the template's `aws:cdk:path` metadata and
 * acknowledged through the same table and `acknowledge()` as the cdk-nag packs
 * (`lib/nag/acknowledgements.ts`): an acknowledgement of `CT.S3.PR.2` on a construct covers that
 * construct and its children, as `Validations.acknowledge` does for the packs.
 */
import { execFile } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { CONTROL_TOWER_REPORT_FILE, type AcknowledgedFinding, type Finding } from '../report/findings';

/** The pack name Control Tower findings carry in reports. */
export const CONTROL_TOWER_PACK = 'ControlTower';

/** One rule of the Control Tower rule set. */
export interface ControlTowerRule {
  /** The control ID, `CT.S3.PR.2`. */
  readonly id: string;
  /** The cfn-guard rule name cfn-guard reports (`s3_bucket_logging_enabled_check`). */
  readonly guardName: string;
  /** The `.guard` file. */
  readonly file: string;
  /** Every resource type the rule names; it runs on a template that holds any of them. */
  readonly types: readonly string[];
  /** The control's title. */
  readonly title: string;
}

/** The rule set: the rules, the cfn-guard binary and one hash over both (the cache key's rules half). */
export interface ControlTowerRuleSet {
  readonly rules: readonly ControlTowerRule[];
  readonly guard: string;
  /** `@cdklabs/cdk-validator-cfnguard@<version>, cfn-guard <version>`. */
  readonly version: string;
  readonly hash: string;
}

/** One template to check, and where its findings belong. */
export interface ControlTowerTemplate {
  /** The template file. */
  readonly file: string;
  /**
   * The construct path of each resource, by logical ID.
   * @default - the template's `aws:cdk:path` metadata (present only when the CLI synthesizes)
   */
  readonly constructPaths?: ReadonlyMap<string, string>;
}

/** One resource a rule fails on, as cfn-guard reported it (before acknowledgements). */
export interface ControlTowerHit {
  readonly rule: string;
  readonly template: string;
  readonly logicalId: string;
  /** The construct path from the template's `aws:cdk:path` metadata ('' when the template has none). */
  readonly constructPath: string;
  readonly description: string;
}

/** What one run did, for the figures it prints. */
export interface ControlTowerRun {
  readonly hits: readonly ControlTowerHit[];
  readonly templates: number;
  readonly cached: number;
  readonly ms: number;
  readonly version: string;
}

const PACKAGE = '@cdklabs/cdk-validator-cfnguard';

function packageDir(): string {
  return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

/** The cfn-guard binary of this platform, as the package lays them out (`bin/<ubuntu|macos>/<arch>/cfn-guard`). */
function guardBinary(dir: string): string {
  const platform = { linux: 'ubuntu', darwin: 'macos' }[os.platform() as string];
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[os.arch() as string];
  const bin = platform && arch ? path.join(dir, 'bin', platform, arch, 'cfn-guard') : '';
  if (!bin || !fs.existsSync(bin)) {
    throw new Error(`${PACKAGE} ships no cfn-guard binary for ${os.platform()}/${os.arch()}: the Control Tower rules cannot run here (Linux or macOS, x64 or arm64)`);
  }
  return bin;
}

/** Resource types named in quotes in a rule's text (`'AWS::S3::Bucket'`, `"AWS::KMS::Key"`). */
export function typesNamedIn(text: string): string[] {
  return [...new Set([...text.matchAll(/["'](AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)["']/g)].map((m) => m[1]))];
}

let ruleSet: ControlTowerRuleSet | undefined;

/**
 * Reads the rule set from the package: each `.guard` file with its metadata (control ID,
 * evaluated resource types). Throws on a rule whose ID, name or types cannot be read, rather than
 * leaving it out.
 */
export function controlTowerRuleSet(): ControlTowerRuleSet {
  if (ruleSet) return ruleSet;
  const dir = packageDir();
  const guard = guardBinary(dir);
  const rulesDir = path.join(dir, 'rules', 'control-tower', 'cfn-guard');
  const metaDir = path.join(dir, 'rules', 'control-tower', 'metadata');
  const hash = crypto.createHash('sha256');
  const pkgVersion = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const guardVersion = (JSON.parse(fs.readFileSync(path.join(dir, 'guard-version.json'), 'utf8')) as { version: string }).version;
  const version = `${PACKAGE}@${pkgVersion}, cfn-guard ${guardVersion}`;
  hash.update(version);
  const rules: ControlTowerRule[] = [];
  for (const service of fs.readdirSync(rulesDir).sort()) {
    for (const name of fs.readdirSync(path.join(rulesDir, service)).sort()) {
      if (!name.endsWith('.guard')) continue;
      const file = path.join(rulesDir, service, name);
      const text = fs.readFileSync(file, 'utf8');
      hash.update(`\0${service}/${name}\0${text}`);
      const meta = JSON.parse(fs.readFileSync(path.join(metaDir, service, name.replace(/\.guard$/, '.metadata.json')), 'utf8')) as {
        Id: string;
        DisplayName: string;
        EvaluatedResourceTypes: string[];
      };
      // The name cfn-guard reports is the rule applied to templates (the header's "Rule Identifier"
      // is wrong in a few files, e.g. ct-elasticache-pr-3).
      const guardName = /^rule (\S+) when is_cfn_template\(/m.exec(text)?.[1];
      const types = [...new Set([...meta.EvaluatedResourceTypes, ...typesNamedIn(text)])];
      if (!/^CT\.[A-Z0-9-]+\.PR\.\d+$/.test(meta.Id) || !guardName || types.length === 0 || rules.some((r) => r.guardName === guardName)) {
        throw new Error(`${file}: cannot read the control ID, rule name or resource types (got ${meta.Id}, ${guardName}, ${types.join(',')})`);
      }
      rules.push({ id: meta.Id, guardName, file, types, title: meta.DisplayName });
    }
  }
  ruleSet = { rules, guard, version, hash: hash.digest('hex') };
  return ruleSet;
}

/** The rules that can report on a template: those naming a resource type it contains. */
export function rulesFor(template: { Resources?: Record<string, { Type: string }> }, rules: readonly ControlTowerRule[]): ControlTowerRule[] {
  const types = new Set(Object.values(template.Resources ?? {}).map((r) => r.Type));
  return rules.filter((r) => r.types.some((t) => types.has(t)));
}

/**
 * The resources a cfn-guard `not_compliant` rule entry fails on: the logical ID of every
 * `/Resources/<id>/...` path its checks traversed to (what the package's own plugin reports).
 */
export function failingResources(entry: unknown): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'path' && typeof x === 'string') {
          const m = /^\/Resources\/([^/]+)/.exec(x);
          if (m) ids.add(m[1]);
        } else walk(x);
      }
    }
  };
  walk(entry);
  return [...ids].sort();
}

interface CachedResult {
  readonly hits: ReadonlyArray<{ rule: string; logicalId: string }>;
}

/**
 * Runs cfn-guard once over `files` with `rules` (the same rule set for each: cfn-guard parses the
 * rules once and reports each data file apart) and returns each file's hits.
 */
function runGuard(guard: string, rules: readonly ControlTowerRule[], files: readonly string[]): Promise<Map<string, CachedResult>> {
  // cfn-guard names each result by the data file's absolute path, whatever path it was given.
  const byPath = new Map(files.map((f) => [path.resolve(f), f]));
  const args = ['validate', ...rules.flatMap((r) => ['--rules', r.file]), ...[...byPath.keys()].flatMap((f) => ['--data', f]), '--output-format', 'json', '--show-summary', 'none', '--structured'];
  return new Promise((resolve, reject) => {
    // Exit code 19 means "some rule failed"; the JSON on stdout says which.
    execFile(guard, args, { maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      if (error && error.code !== 19) {
        reject(new Error(`cfn-guard failed on ${files.join(', ')} (exit ${error.code}): ${stderr || error.message}`));
        return;
      }
      const byName = new Map(rules.map((r) => [r.guardName, r.id]));
      const results = new Map<string, CachedResult>();
      try {
        // One entry per data file, named by its absolute path.
        for (const result of JSON.parse(stdout) as Array<{ name: string; not_compliant?: Array<{ Rule: { name: string } }> | Record<string, never> }>) {
          const file = byPath.get(result.name);
          if (!file || results.has(file)) throw new Error(`a result for ${result.name}, which is not one of the data files or came twice`);
          const hits: Array<{ rule: string; logicalId: string }> = [];
          for (const entry of Object.values(result.not_compliant ?? {})) {
            const id = byName.get(entry.Rule.name);
            if (!id) throw new Error(`unknown rule ${entry.Rule.name}`);
            const resources = failingResources(entry.Rule);
            if (resources.length === 0) throw new Error(`${id} failed without naming a resource`);
            for (const logicalId of resources) hits.push({ rule: id, logicalId });
          }
          results.set(file, { hits });
        }
        const missing = files.filter((f) => !results.has(f));
        if (missing.length > 0) throw new Error(`no result for ${missing.join(', ')}`);
      } catch (e) {
        reject(new Error(`cannot read cfn-guard's output for ${files.join(', ')}: ${(e as Error).message}`));
        return;
      }
      resolve(results);
    });
  });
}

/** The cache of every entry point: `node_modules/.cache/saas-security-baseline/control-tower/` (outside the working tree, never shared). */
export const CONTROL_TOWER_CACHE_DIR = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'saas-security-baseline', 'control-tower');

/** Options of {@link runControlTowerRules}. */
export interface RunOptions {
  /** Where results are cached by (template hash, rule set hash). @default - no cache */
  readonly cacheDir?: string;
  /** cfn-guard processes at once. @default - the machine's available parallelism */
  readonly concurrency?: number;
  /**
   * Which rules each template gets: `selected`, the rules that name a resource type it holds;
   * `all`, the whole rule set (the CDK plugin's way, for the bench); `unselected`, the rules that
   * name none of its resource types (for the test that proves they find nothing, so that the
   * selection loses no finding).
   * @default 'selected'
   */
  readonly rules?: 'selected' | 'all' | 'unselected';
}

/**
 * Checks every template with the Control Tower rules and returns the failing resources, each
 * with its construct path. Templates with the same rule set share a cfn-guard process, and the
 * processes run in parallel; results are cached per template content and rule set.
 */
export async function runControlTowerRules(templates: readonly ControlTowerTemplate[], options: RunOptions = {}): Promise<ControlTowerRun> {
  const started = Date.now();
  const set = controlTowerRuleSet();
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism());
  if (options.cacheDir) fs.mkdirSync(options.cacheDir, { recursive: true });
  const mode = options.rules ?? 'selected';
  const read = templates.map((t) => {
    const text = fs.readFileSync(t.file, 'utf8');
    const template = JSON.parse(text) as { Resources?: Record<string, { Type: string; Metadata?: Record<string, unknown> }> };
    const key = crypto.createHash('sha256').update(set.hash).update(`\0${mode}\0`).update(text).digest('hex');
    const cacheFile = options.cacheDir ? path.join(options.cacheDir, `${key}.json`) : undefined;
    const selected = rulesFor(template, set.rules);
    const rules = mode === 'all' ? set.rules : mode === 'unselected' ? set.rules.filter((r) => !selected.includes(r)) : selected;
    return { ...t, template, cacheFile, rules };
  });
  const results = new Map<string, CachedResult>();
  let cached = 0;
  for (const t of read) {
    if (t.cacheFile && fs.existsSync(t.cacheFile)) {
      results.set(t.file, JSON.parse(fs.readFileSync(t.cacheFile, 'utf8')) as CachedResult);
      const now = new Date();
      fs.utimesSync(t.cacheFile, now, now);
      cached++;
    } else if (t.rules.length === 0) {
      results.set(t.file, { hits: [] });
    }
  }
  // The templates still to check, grouped by their rule set: one cfn-guard process per group
  // parses the rules once for all of them (staging and production of a stack usually share one),
  // which saved about 11 % of cfn-guard's time on the fixture's 16 templates (docs/development.md).
  const groups = new Map<string, typeof read>();
  for (const t of read.filter((x) => !results.has(x.file))) {
    const key = t.rules.map((r) => r.id).join(',');
    const group = groups.get(key) ?? [];
    // A template listed twice is checked once.
    if (!group.some((g) => g.file === t.file)) groups.set(key, [...group, t]);
  }
  const queue = [...groups.values()];
  const worker = async (): Promise<void> => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      const byFile = await runGuard(set.guard, group[0].rules, group.map((t) => t.file));
      for (const t of group) {
        const result = byFile.get(t.file)!;
        results.set(t.file, result);
        if (t.cacheFile) {
          const tmp = `${t.cacheFile}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, JSON.stringify(result));
          fs.renameSync(tmp, t.cacheFile);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  if (options.cacheDir) pruneCache(options.cacheDir);
  const title = new Map(set.rules.map((r) => [r.id, r.title]));
  const hits = read.flatMap((t) =>
    results.get(t.file)!.hits.map((h) => ({
      rule: h.rule,
      template: t.file,
      logicalId: h.logicalId,
      constructPath: t.constructPaths?.get(h.logicalId) ?? String(t.template.Resources?.[h.logicalId]?.Metadata?.['aws:cdk:path'] ?? ''),
      description: title.get(h.rule) ?? '',
    })),
  );
  return { hits, templates: templates.length, cached, ms: Date.now() - started, version: set.version };
}

/** Entries kept in the cache: the most recently used ones (a few kB each). */
const CACHE_ENTRIES = 400;

function pruneCache(dir: string): void {
  const entries = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of entries.slice(CACHE_ENTRIES)) fs.rmSync(path.join(dir, f), { force: true });
}

/** The hits and acknowledgements of a run, sorted into open, acknowledged and stale. */
export interface ControlTowerVerdict {
  /** Hits no acknowledgement covers: each fails the gate. */
  readonly open: Finding[];
  /** Hits with the acknowledgement that covers them. */
  readonly acknowledged: Array<{ hit: ControlTowerHit; ack: AcknowledgedFinding }>;
  /** Control Tower acknowledgements that cover no hit: each fails the gate too. */
  readonly stale: AcknowledgedFinding[];
}

/** True for a rule ID of the Control Tower set (`CT.S3.PR.2`). */
export const isControlTowerRule = (rule: string): boolean => /^CT\.[A-Z0-9-]+\.PR\.\d+$/.test(rule);

/**
 * Matches hits with acknowledgements: a hit at construct path P is covered by an acknowledgement
 * of its rule on P or on the nearest ancestor of P that has one (CDK's rule for
 * `Validations.acknowledge`). A Control Tower acknowledgement that covers no hit is stale.
 */
export function judgeControlTower(hits: readonly ControlTowerHit[], acks: readonly AcknowledgedFinding[]): ControlTowerVerdict {
  const ctAcks = acks.filter((a) => isControlTowerRule(a.rule));
  const used = new Set<AcknowledgedFinding>();
  const open: Finding[] = [];
  const acknowledged: ControlTowerVerdict['acknowledged'] = [];
  for (const hit of hits) {
    let ack: AcknowledgedFinding | undefined;
    for (let p = hit.constructPath; p !== '' && !ack; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
      ack = ctAcks.find((a) => a.rule === hit.rule && a.constructPath === p);
    }
    if (ack) {
      used.add(ack);
      acknowledged.push({ hit, ack });
    } else {
      open.push({
        pack: CONTROL_TOWER_PACK,
        rule: hit.rule,
        severity: 'error',
        constructPath: hit.constructPath || `${path.basename(hit.template)}#${hit.logicalId}`,
        description: hit.description,
      });
    }
  }
  return { open, acknowledged, stale: ctAcks.filter((a) => !used.has(a)) };
}

/** The findings that fail the gate: open hits, and stale acknowledgements (as findings against their own construct). */
export function controlTowerFindings(verdict: ControlTowerVerdict): Finding[] {
  return [
    ...verdict.open,
    ...verdict.stale.map((a) => ({
      pack: CONTROL_TOWER_PACK,
      rule: a.rule,
      severity: 'error',
      constructPath: a.constructPath,
      description: `stale acknowledgement: ${a.rule} reports nothing on ${a.constructPath} or below; remove the acknowledgement`,
    })),
  ];
}

/** One line for the console: what ran, from cache, how long. */
export function describeRun(run: ControlTowerRun, verdict: ControlTowerVerdict): string {
  return (
    `Control Tower proactive controls (${run.version}): ${run.templates} templates (${run.cached} from cache) in ` +
    `${(run.ms / 1000).toFixed(1)} s; ${verdict.acknowledged.length} acknowledged, ${verdict.open.length} open, ${verdict.stale.length} stale acknowledgements`
  );
}


/** What `control-tower-report.json` holds. */
export interface ControlTowerReport {
  readonly version: string;
  readonly rules: number;
  readonly templates: number;
  readonly cached: number;
  readonly ms: number;
  /**
   * Stacks outside the environments' stages, which the rules do not check: the optional delivery
   * pipeline and the support stack CodePipeline adds (tooling account, no workload or data).
   */
  readonly notChecked: readonly string[];
  /** Open hits and stale acknowledgements: each fails the gate. */
  readonly findings: readonly Finding[];
  readonly acknowledged: ReadonlyArray<{ rule: string; constructPath: string; reason: string }>;
}

/**
 * The one way every entry point (`bin/app.ts`, the test setup, `npm run report` and `npm run docs`)
 * runs the Control Tower rules over a synthesized app: every stack template of every environment
 * (each stage's nested assembly), with construct paths from the tree and the acknowledgements
 * recorded on it. Stacks outside the stages (the optional pipeline) are named in the report and
 * the summary line as not checked. Writes
 * `control-tower-report.json` into the assembly directory, where `readFindings` picks up its
 * findings with those of the cdk-nag packs; returns the report and a line to print.
 */
export async function checkControlTower(
  app: IConstruct,
  assembly: CloudAssembly,
  acks: readonly AcknowledgedFinding[],
  options: RunOptions = {},
): Promise<{ report: ControlTowerReport; summary: string }> {
  const byTemplate = new Map<string, Map<string, string>>();
  for (const c of app.node.findAll()) {
    if (!CfnResource.isCfnResource(c)) continue;
    const stack = Stack.of(c);
    const ids = byTemplate.get(stack.templateFile) ?? new Map<string, string>();
    ids.set(stack.resolve(c.logicalId) as string, c.node.path);
    byTemplate.set(stack.templateFile, ids);
  }
  const inStages = assembly.nestedAssemblies.flatMap((n) => n.nestedAssembly.stacksRecursively);
  const notChecked = assembly.stacksRecursively.filter((s) => !inStages.includes(s)).map((s) => s.hierarchicalId);
  const templates = inStages.map((s) => ({ file: s.templateFullPath, constructPaths: byTemplate.get(path.basename(s.templateFullPath)) }));
  const run = await runControlTowerRules(templates, options);
  // Only acknowledgements inside the checked stacks can be judged (or be stale).
  const checked = inStages.map((s) => `${s.hierarchicalId}/`);
  const verdict = judgeControlTower(run.hits, acks.filter((a) => checked.some((prefix) => a.constructPath.startsWith(prefix))));
  const report: ControlTowerReport = {
    version: run.version,
    rules: controlTowerRuleSet().rules.length,
    templates: run.templates,
    cached: run.cached,
    ms: run.ms,
    notChecked,
    findings: controlTowerFindings(verdict),
    acknowledged: verdict.acknowledged.map(({ hit, ack }) => ({ rule: hit.rule, constructPath: hit.constructPath, reason: ack.reason })),
  };
  fs.writeFileSync(path.join(assembly.directory, CONTROL_TOWER_REPORT_FILE), JSON.stringify(report, undefined, 2));
  const outside = notChecked.length > 0 ? `; not checked (outside the environments): ${notChecked.join(', ')}` : '';
  return { report, summary: describeRun(run, verdict) + outside };
}
