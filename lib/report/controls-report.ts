/**
 * The controls report: every control of the catalog with its sources, status, the constructs and
 * the resources that enforce it per environment, the tests that prove it, the own nag rules that
 * check it, the acknowledgements that cite it, what watches it in the running account and any
 * open finding against it. `npx cdk synth` writes it next to the templates and `npm run docs`
 * regenerates the committed docs/controls.md and .json. Auditors read the Markdown (a summary
 * row per control linking to its section), tools the JSON.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Control, ControlStatus } from '../controls/types';
import type { TestTitle } from '../controls/coverage';
import { testsByControl } from '../controls/coverage';
import { detectorLabel, detectorsOf, hasNoDetector } from '../controls/detectors';
import { isOutsideTemplates, OUTSIDE_TEMPLATES_MARKER, selectEvidence, type EvidenceTemplate } from '../controls/evidence';
import { ACKNOWLEDGEMENTS, type Acknowledgement } from '../nag/acknowledgements';
import { SAAS_BASELINE_RULES } from '../nag/saas-baseline-checks';
import type { AcknowledgedFinding, Finding } from './findings';
import { code, prose, slug, wrap } from './markdown';

/** One synthesized environment, as the report needs it. */
export interface EnvironmentTemplates {
  /** The environment's name. */
  readonly env: string;
  /** Its stacks' templates, by stack ID (`Network`, `Data1`, ...). */
  readonly stacks: ReadonlyArray<{ readonly id: string; readonly template: EvidenceTemplate }>;
  /**
   * Controls the environment inherits from its organisation instead of enforcing them (the
   * account baseline switched off, see `lib/controls/account-baseline.ts`).
   */
  readonly inherited: readonly string[];
  /**
   * Controls the environment's config switches off, with the reason (`edge.shieldAdvanced is
   * false`), from `notApplicable` in `lib/controls/evidence.ts`.
   * @default - every control applies
   */
  readonly notApplicable?: Readonly<Record<string, string>>;
  /**
   * Production floors the environment's config opts out of, by the control each weakens
   * (`productionOptOuts.shieldAdvanced: "<reason>"`), from `optOutsOf` in `lib/controls/evidence.ts`.
   * @default - no opt-out
   */
  readonly optOuts?: Readonly<Record<string, string>>;
}

/**
 * A control's evidence in one environment: the enforcing resources as `stack/logicalId`;
 * `inherited` where the organisation provides it; `not applicable: <reason>` where the config
 * switches it off.
 */
export type EnvironmentEvidence = readonly string[] | 'inherited' | `not applicable: ${string}`;

/** The status the report shows: the catalog's, or `open findings` when a pack flags the control. */
export type ReportStatus = ControlStatus | 'open findings';

/** One open finding as the report lists it. */
export interface ReportFinding {
  readonly pack: string;
  readonly rule: string;
  readonly constructPath: string;
}

/** What the report carries over from a catalog entry. */
export type ReportedControl = Pick<Control, 'id' | 'statement' | 'sources' | 'kind' | 'area' | 'reason' | 'enforcement' | 'missing' | 'detectors'>;

/** One control with its evidence. */
export interface ControlReportEntry extends ReportedControl {
  /** For enforced controls: the catalog status, or `open findings`. */
  readonly status?: ReportStatus;
  /** The class names of the constructs that enforce the control, from the catalog's `enforcedBy` (see {@link enforcingConstructsOf}). */
  readonly enforcedBy: readonly string[];
  /**
   * For enforced controls: what the enforcing resources are, or, for a control enforced outside
   * the templates, `evidence: config validation / test only: <where>`.
   */
  readonly evidence?: string;
  /** Test titles naming the control, as `file › title`. */
  readonly tests: readonly string[];
  /** Acknowledged findings whose reason cites the control. */
  readonly acknowledgements: readonly { constructPath: string; rule: string }[];
  /** Per environment, for enforced controls with evidence in the templates (see {@link EnvironmentEvidence}). */
  readonly environments: Readonly<Record<string, EnvironmentEvidence>>;
  /** Rules of this project's own cdk-nag pack that check the control on every synth. */
  readonly nagRules: readonly string[];
  /**
   * For enforced controls, what the PR controls diff watches: the CloudFormation types its rules
   * read, or, for a control enforced outside the templates, the test file that guards it instead.
   */
  readonly controlsDiff?: string;
  /** Open findings of the compliance packs against the control (none in a clean synth). */
  readonly findings: readonly ReportFinding[];
  /** Per environment whose config opts out of the control's production floor: the field and its reason. */
  readonly optOuts: Readonly<Record<string, string>>;
}

/**
 * What enforces a control, by name: the catalog entry's `enforcedBy` holds the construct classes
 * and functions themselves, so that `tsc` fails when one is renamed or removed, and repository
 * files by path; an entry without that field names none.
 */
export function enforcingConstructsOf(control: Pick<Control, 'enforcedBy'>): string[] {
  return (control.enforcedBy ?? []).map((e) => ('file' in e ? e.file : e.name));
}

/** What the PR controls diff watches of a control, in one line. */
function controlsDiffOf(diff: NonNullable<Control['diff']>): string {
  if ('rules' in diff) {
    const types = [...new Set(diff.rules.flatMap((r) => r.resourceTypes))].sort();
    return `${diff.rules.length} rule${diff.rules.length === 1 ? '' : 's'} on ${types.map((t) => `\`${t}\``).join(', ')}`;
  }
  return `a template diff cannot show it (${prose(diff.outsideTemplates)}); guarded by \`${diff.guardedBy}\``;
}

/** The control every open finding is against when no rule of ours or acknowledgement names one. */
const COMPLIANCE_PACKS_CONTROL = 'DEL-COMPLIANCE-PACKS';

const withoutFindingSuffix = (rule: string) => rule.replace(/\[.*\]$/, '');

/**
 * The controls an open finding is against: for a SaasBaseline rule, the control it proves; for
 * a published pack's rule, the controls the acknowledgement table cites for that rule; otherwise
 * DEL-COMPLIANCE-PACKS (an open finding of any pack breaks it).
 */
export function controlsOfFinding(finding: Pick<Finding, 'rule'>, table: readonly Acknowledgement[] = Object.values(ACKNOWLEDGEMENTS).flat()): string[] {
  const rule = withoutFindingSuffix(finding.rule);
  const own = SAAS_BASELINE_RULES.filter((r) => `SaasBaseline-${r.rule.name}` === rule).map((r) => r.control);
  if (own.length > 0) return own;
  const cited = [...new Set(table.filter((a) => a.rule === finding.rule || withoutFindingSuffix(a.rule) === rule).map((a) => a.control))];
  return cited.length > 0 ? cited : [COMPLIANCE_PACKS_CONTROL];
}

/**
 * Joins the catalog with the test titles, the acknowledgements, the synthesized resources and the
 * open findings.
 *
 * The report describes the environments: when `envs` is given, acknowledgements outside their
 * stages (the optional Pipeline stack) are left out, so the committed report is the same whether
 * or not the pipeline is enabled. Findings are never left out.
 */
export function buildControlsReport(
  catalog: readonly Control[],
  titles: readonly TestTitle[],
  acks: readonly AcknowledgedFinding[],
  envs: readonly EnvironmentTemplates[] = [],
  findings: readonly Finding[] = [],
): ControlReportEntry[] {
  const tests = testsByControl(
    catalog.map((c) => c.id),
    titles,
  );
  const stages = envs.map((e) => `${e.env}/`);
  const inScope = (a: AcknowledgedFinding) => stages.length === 0 || stages.some((s) => a.constructPath.startsWith(s));
  const findingsOf = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    for (const id of controlsOfFinding(f)) findingsOf.set(id, [...(findingsOf.get(id) ?? []), { pack: f.pack, rule: f.rule, constructPath: f.constructPath }]);
  }
  return catalog.map((c) => {
    const evidence = c.kind === 'enforced' ? c.evidence : undefined;
    const open = findingsOf.get(c.id) ?? [];
    const environments: Record<string, EnvironmentEvidence> = {};
    const optOuts: Record<string, string> = {};
    for (const e of envs) if (e.optOuts?.[c.id] !== undefined) optOuts[e.env] = e.optOuts[c.id];
    if (evidence && !isOutsideTemplates(evidence)) {
      for (const e of envs) {
        const reason = e.notApplicable?.[c.id];
        environments[e.env] = e.inherited.includes(c.id) ? 'inherited' : reason !== undefined ? `not applicable: ${reason}` : selectEvidence(evidence, e.stacks);
      }
    }
    // The catalog's fields of text, named: a class or a function of an entry has no place in the JSON
    // (JSON.stringify leaves out those a control does not have).
    const { id, statement, sources, kind, area, reason, enforcement, missing, detectors } = c;
    return {
      id,
      statement,
      sources,
      kind,
      area,
      reason,
      enforcement,
      missing,
      detectors,
      ...(c.kind === 'enforced' ? { status: open.length > 0 ? ('open findings' as const) : c.status } : {}),
      enforcedBy: enforcingConstructsOf(c),
      ...(evidence ? { evidence: isOutsideTemplates(evidence) ? `${OUTSIDE_TEMPLATES_MARKER}: ${evidence.outsideTemplates}` : evidence.what } : {}),
      tests: (tests.get(c.id) ?? []).map((t) => `${t.file} › ${t.title}`),
      acknowledgements: acks
        .filter((a) => inScope(a) && a.reason.startsWith(`[${c.id}]`))
        .map((a) => ({ constructPath: a.constructPath, rule: a.rule })),
      environments,
      nagRules: (c.nagRules ?? []).map((rule) => `SaasBaseline-${rule.name}`),
      ...(c.kind === 'enforced' && c.diff ? { controlsDiff: controlsDiffOf(c.diff) } : {}),
      findings: open,
      optOuts,
    };
  });
}

/** Whether an enforced control keeps only part of its sources' promise (its catalog status is `partial`). */
export const isPartial = (e: Pick<ControlReportEntry, 'kind' | 'missing'>): boolean => e.kind === 'enforced' && e.missing !== undefined;

/**
 * The headline counts: controls fully delivered by this code, partially delivered (each saying
 * what is missing), planned, and those no infrastructure can keep (organisational, customer).
 */
export function controlCounts(entries: readonly ControlReportEntry[]): { total: number; full: number; partial: number; planned: number; organisational: number; customer: number; openFindings: number } {
  const enforced = entries.filter((e) => e.kind === 'enforced');
  const planned = enforced.filter((e) => e.status === 'planned').length;
  const partial = enforced.filter(isPartial).length;
  return {
    total: entries.length,
    full: enforced.length - planned - partial,
    partial,
    planned,
    organisational: entries.filter((e) => e.kind === 'organisational').length,
    customer: entries.filter((e) => e.kind === 'customer').length,
    openFindings: enforced.filter((e) => e.status === 'open findings').length,
  };
}

/** Lists longer than this fold into a `<details>` block. */
const FOLD_AFTER = 5;

/** A labelled list: short ones inline and wrapped (or as sub-bullets when `inline` is false), long ones folded. */
function list(label: string, items: readonly string[], noun: string, inline = true): string[] {
  if (items.length === 0) return [`- ${label}: none`];
  if (items.length <= FOLD_AFTER) return inline ? wrap(items.join(', '), `- ${label}: `, '  ') : [`- ${label}:`, ...items.map((i) => `  - ${i}`)];
  return [`- ${label}:`, '', `  <details><summary>${items.length} ${noun}</summary>`, '', ...items.map((i) => `  - ${i}`), '', '  </details>', ''];
}

/** A labelled paragraph of prose in the control's list, wrapped, its continuation lines kept in the item. */
const item = (label: string, value: string) => wrap(prose(value), `- ${label}: `, '  ');

/** A link to a control's section: its heading is the ID alone. */
const linkTo = (id: string) => `[${id}](#${slug(id)})`;

/** The names of the environments the entries carry evidence for, in order. */
const environmentNames = (entries: readonly ControlReportEntry[]) => [...new Set(entries.flatMap((e) => Object.keys(e.environments)))];

/** How many detectors watch a control: a number, `none` (nothing in the account can), or `—` (not declared). */
function detectorCount(e: ControlReportEntry): string {
  const n = detectorsOf(e).length;
  return n > 0 ? String(n) : e.detectors ? 'none' : '—';
}

/** The detection lines of a control: its detectors, or why nothing in the account observes it. */
function detectionLines(e: ControlReportEntry): string[] {
  if (!e.detectors) return ['- detection: not declared'];
  if (hasNoDetector(e.detectors)) return item('detection', `none in the account: ${e.detectors.none}`);
  return list('detection', detectorsOf(e).map((d) => code(detectorLabel(d))), 'detectors');
}

/** A summary cell for one environment's evidence: how many resources, `inherited`, `not applicable`, or `—` outside the templates. */
function resourceCount(r: EnvironmentEvidence | undefined): string {
  if (r === undefined) return '—';
  return typeof r === 'string' ? r.replace(/:.*$/, '') : String(r.length);
}

/** A control's evidence per environment, environments with the same evidence together (staging and production often are). */
function byEvidence(e: ControlReportEntry, envNames: readonly string[]): Array<{ envs: string[]; evidence: EnvironmentEvidence }> {
  const groups = new Map<string, { envs: string[]; evidence: EnvironmentEvidence }>();
  for (const env of envNames) {
    const evidence = e.environments[env];
    if (evidence === undefined) continue;
    const key = JSON.stringify(evidence);
    const group = groups.get(key) ?? { envs: [], evidence };
    groups.set(key, { ...group, envs: [...group.envs, env] });
  }
  return [...groups.values()];
}

/**
 * A control's acknowledged findings, one line per rule and construct with the environments it is
 * acknowledged in: `` `AwsSolutions-IAM5` at `Data1/Role/Resource` (staging, production) ``.
 */
function acknowledgementItems(e: ControlReportEntry, envNames: readonly string[]): string[] {
  const envsOf = new Map<string, string[]>();
  for (const a of e.acknowledgements) {
    const env = envNames.find((n) => a.constructPath.startsWith(`${n}/`));
    const where = `${code(a.rule)} at ${code(env === undefined ? a.constructPath : a.constructPath.slice(env.length + 1))}`;
    envsOf.set(where, [...(envsOf.get(where) ?? []), ...(env === undefined ? [] : [env])]);
  }
  return [...envsOf].map(([where, envs]) => (envs.length > 0 ? `${where} (${envs.join(', ')})` : where));
}

/** The seed words a control answers, as their readers see them, each with the number of its seed. */
const sourceLines = (e: ControlReportEntry) => ['- sources:', ...e.sources.map((s) => `  - seed ${s.seed.slice(0, 3)}: "${prose(s.quote)}"`)];

/** The section of an enforced control: what keeps it before deployment (prevention), then what watches it after (detection). */
function enforcedSection(e: ControlReportEntry, envNames: readonly string[]): string[] {
  const lines = [`- status: ${e.status} (area ${e.area})`, ...sourceLines(e)];
  if (e.missing !== undefined) lines.push(...item('not delivered', e.missing));
  for (const [env, what] of Object.entries(e.optOuts)) lines.push(...item(env, `opted out by ${what}`));
  lines.push(...item('enforcement', e.enforcement ?? ''));
  lines.push(...(e.enforcedBy.length > 0 ? list('enforced by', e.enforcedBy.map(code), 'constructs, functions or files') : ['- enforced by: none named in the catalog']));
  // Evidence outside the templates reads `evidence: config validation / test only: <where>` already.
  if (e.evidence !== undefined) lines.push(...(e.evidence.startsWith(OUTSIDE_TEMPLATES_MARKER) ? wrap(prose(e.evidence), '- ', '  ') : item('evidence', e.evidence)));
  for (const { envs, evidence: r } of byEvidence(e, envNames)) {
    const label = `resources in ${envs.length > 1 ? `${envs.slice(0, -1).join(', ')} and ${envs[envs.length - 1]}` : envs[0]}`;
    if (typeof r === 'string') lines.push(...item(label, r));
    else lines.push(...list(label, r.map(code), 'resources'));
  }
  lines.push(...list('tests', e.tests.map((t) => prose(t.replace(/\s+/g, ' '))), 'tests', false));
  lines.push(...list('own nag rules', e.nagRules.map(code), 'rules'));
  if (e.controlsDiff) lines.push(...wrap(e.controlsDiff, '- controls diff: ', '  '));
  // Acknowledged findings (cdk-nag packs and AWS Control Tower rules) whose reason cites the control.
  lines.push(...list('acknowledged findings', acknowledgementItems(e, envNames), 'acknowledged findings', false));
  lines.push(...detectionLines(e));
  if (e.findings.length > 0) lines.push(...list('open findings', e.findings.map((f) => `${prose(f.pack)} ${code(f.rule)} at ${code(f.constructPath)}`), 'findings', false));
  return lines;
}

/** The section of an organisational or customer control: its sources and why no infrastructure here keeps it. */
const reasonSection = (e: ControlReportEntry) => [`- kind: ${e.kind}`, ...sourceLines(e), ...item('why no infrastructure here keeps it', e.reason ?? '')];

/** Options of {@link renderControlsMarkdown}. */
export interface MarkdownOptions {
  /**
   * The configuration file the environments were read from (`config/example.yaml`), named in
   * the report's header.
   * @default - the header names the environments only
   */
  readonly configuration?: string;
}

/**
 * Renders the report as Markdown: a header with the counts and the production opt-outs, a
 * summary of one row per control linking to its section, then one section per control.
 */
export function renderControlsMarkdown(entries: readonly ControlReportEntry[], options: MarkdownOptions = {}): string {
  const groups = (['enforced', 'organisational', 'customer'] as const).map((kind) => ({ kind, entries: entries.filter((e) => e.kind === kind) }));
  const n = controlCounts(entries);
  const envNames = environmentNames(entries);
  const optedOut = entries.flatMap((e) => Object.entries(e.optOuts).map(([env, what]) => `- ${env}: ${linkTo(e.id)} opted out by ${prose(what)}`));
  const from = `${options.configuration ? `the configuration ${code(options.configuration)}, ` : ''}environments ${envNames.map(code).join(', ')}`;
  const lines = [
    '# Controls report',
    '',
    ...wrap(
      'Every technical promise of the five seed policies (`docs/seeds/`) is a control of the catalog (`lib/controls/catalog/`). ' +
        'For each control, its section quotes the seed words it answers and shows how it is kept and by which constructs, ' +
        'the resources that carry it in each environment, the tests that prove it, the nag rules and acknowledged findings that ' +
        'name it, and what watches it in the running account; organisational and customer controls say why no infrastructure here keeps them.',
    ),
    '',
    ...wrap(
      `Generated from ${from}. Every \`npx cdk synth\` writes the report of the live configuration into \`cdk.out/controls-report.md\`; ` +
        "`npm run docs` writes upstream's example into `docs/controls.md`. `controls-report.json` (`docs/controls.json`) holds the same for tools.",
    ),
    '',
    `${n.total} controls: ${n.full} fully delivered by this code, ${n.partial} partially delivered (each says what is not delivered), ` +
      `${n.planned} planned, ${n.organisational} organisational and ${n.customer} customer ones that no infrastructure can keep; ` +
      `${n.openFindings} with open findings.`,
    '',
    ...wrap(`Partially delivered: ${entries.filter(isPartial).map((e) => linkTo(e.id)).join(', ') || 'none'}.`),
    '',
    ...(optedOut.length === 0
      ? ['Production opt-outs: none; every production environment keeps every floor.']
      : ['Production opt-outs (`productionOptOuts.<field>` and its reason; the control keeps its promise only where there is none):', '', ...optedOut]),
    '',
    '## Summary',
    '',
    ...wrap(
      'One row per control; the ID links to its section. Status: "implemented" keeps what the sources promise, "partial" keeps part of it, ' +
        '"open findings" means a compliance pack flags it. Prevention, before deployment: the resources that carry the control in each ' +
        'environment ("inherited" where the organisation provides it, "not applicable" where the configuration switches it off, "—" where ' +
        'configuration validation or the tests keep it), the tests that prove it and the rules of the own nag pack that check it. Detection, ' +
        'in the running account: how many AWS checks watch it ("none": nothing there can, and its section says what keeps it instead).',
    ),
    '',
    `| control | kind | status | resources (${envNames.join(' / ')}) | tests | nag rules | detectors |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...groups.flatMap((g) =>
      g.entries.map((e) =>
        e.kind === 'enforced'
          ? `| ${linkTo(e.id)} | enforced | ${e.status} | ${envNames.map((env) => resourceCount(e.environments[env])).join(' / ')} | ${e.tests.length} | ${e.nagRules.length} | ${detectorCount(e)} |`
          : `| ${linkTo(e.id)} | ${e.kind} | — | — | — | — | — |`,
      ),
    ),
  ];
  for (const g of groups) {
    lines.push('', `## ${g.kind[0].toUpperCase()}${g.kind.slice(1)} controls`);
    for (const e of g.entries) lines.push('', `### ${e.id}`, '', ...wrap(prose(e.statement)), '', ...(g.kind === 'enforced' ? enforcedSection(e, envNames) : reasonSection(e)));
  }
  // Collapse the blank lines two adjacent folded lists leave.
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** The JSON twin of the Markdown report. */
export function renderControlsJson(entries: readonly ControlReportEntry[]): string {
  return JSON.stringify(entries, undefined, 2) + '\n';
}

/**
 * Writes `<name>.md` and `<name>.json` into `dir`; returns their paths.
 * @param name the files' base name (default `controls-report`, as `npx cdk synth` writes them)
 */
export function writeControlsReport(dir: string, entries: readonly ControlReportEntry[], options: MarkdownOptions & { readonly name?: string } = {}): string[] {
  const name = options.name ?? 'controls-report';
  const md = path.join(dir, `${name}.md`);
  const json = path.join(dir, `${name}.json`);
  fs.writeFileSync(md, renderControlsMarkdown(entries, options));
  fs.writeFileSync(json, renderControlsJson(entries));
  return [md, json];
}
