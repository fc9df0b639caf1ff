/**
 * The controls report: every control of the catalog with its sources, status, the resources that
 * enforce it per environment, the tests that prove it, the own nag rules that check it, the
 * acknowledgements that cite it and any open finding against it. `npx cdk synth` writes it next
 * to the templates and `npm run report` regenerates the committed docs/controls.md and .json;
 * reviewers and auditors read it instead of the code.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Control, ControlStatus } from '../controls/types';
import type { TestTitle } from '../controls/coverage';
import { testsByControl } from '../controls/coverage';
import { detectorLabel, detectorsOf, hasNoDetector } from '../controls/detectors';
import { CONTROL_EVIDENCE, isOutsideTemplates, OUTSIDE_TEMPLATES_MARKER, selectEvidence, type EvidenceTemplate } from '../controls/evidence';
import { ACKNOWLEDGEMENTS, type Acknowledgement } from '../nag/acknowledgements';
import { SAAS_BASELINE_RULES } from '../nag/saas-baseline-checks';
import type { AcknowledgedFinding, Finding } from './findings';

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

/** The catalog fields the report carries as they are (the typed links are rendered below, or not at all). */
type ReportedControl = Omit<Control, 'status' | 'evidence' | 'nagRules' | 'enforcedBy' | 'diff'>;

/** One control with its evidence. */
export interface ControlReportEntry extends ReportedControl {
  /** For enforced controls: the catalog status, or `open findings`. */
  readonly status?: ReportStatus;
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
  /** Open findings of the compliance packs against the control (none in a clean synth). */
  readonly findings: readonly ReportFinding[];
  /** Per environment whose config opts out of the control's production floor: the field and its reason. */
  readonly optOuts: Readonly<Record<string, string>>;
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
  return catalog.map(({ evidence: _evidence, nagRules: _nagRules, enforcedBy: _enforcedBy, diff: _diff, ...c }) => {
    const evidence = c.kind === 'enforced' ? CONTROL_EVIDENCE[c.id] : undefined;
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
    return {
      ...c,
      ...(c.kind === 'enforced' ? { status: open.length > 0 ? ('open findings' as const) : c.status } : {}),
      ...(evidence ? { evidence: isOutsideTemplates(evidence) ? `${OUTSIDE_TEMPLATES_MARKER}: ${evidence.outsideTemplates}` : evidence.what } : {}),
      tests: (tests.get(c.id) ?? []).map((t) => `${t.file} › ${t.title}`),
      acknowledgements: acks
        .filter((a) => inScope(a) && a.reason.startsWith(`[${c.id}]`))
        .map((a) => ({ constructPath: a.constructPath, rule: a.rule })),
      environments,
      nagRules: SAAS_BASELINE_RULES.filter((r) => r.control === c.id).map((r) => `SaasBaseline-${r.rule.name}`),
      findings: open,
      optOuts,
    };
  });
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** Text outside code spans: `<env>` in a test title must not turn into an HTML tag. */
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const code = (s: string) => `\`${s}\``;

/** Lists longer than this fold into a `<details>` block. */
const FOLD_AFTER = 5;

/** A labelled list: short ones inline (or as sub-bullets when `inline` is false), long ones folded. */
function list(label: string, items: readonly string[], noun: string, inline = true): string[] {
  if (items.length === 0) return [`- ${label}: none`];
  if (items.length <= FOLD_AFTER) return inline ? [`- ${label}: ${items.join(', ')}`] : [`- ${label}:`, ...items.map((i) => `  - ${i}`)];
  return [`- ${label}:`, '', `  <details><summary>${items.length} ${noun}</summary>`, '', ...items.map((i) => `  - ${i}`), '', '  </details>', ''];
}

/** How many detectors watch a control, or `none`. */
function detectorCount(e: ControlReportEntry): string {
  const n = detectorsOf(e).length;
  return n > 0 ? String(n) : e.detectors ? 'none' : '—';
}

/** The detection lines of a control: its detectors, or why nothing in the account observes it. */
function detectionLines(e: ControlReportEntry): string[] {
  if (!e.detectors) return ['- detection: not declared'];
  if (hasNoDetector(e.detectors)) return [`- detection: none in the account: ${text(e.detectors.none)}`];
  return list('detection', detectorsOf(e).map((d) => code(detectorLabel(d))), 'detectors');
}

function resourceCount(r: EnvironmentEvidence | undefined): string {
  if (r === undefined) return '—';
  return typeof r === 'string' ? r.replace(/:.*$/, '') : String(r.length);
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

/** Renders the report as Markdown: a summary, one table per kind, then the evidence of each enforced control. */
export function renderControlsMarkdown(entries: readonly ControlReportEntry[]): string {
  const enforced = entries.filter((e) => e.kind === 'enforced');
  const partial = enforced.filter(isPartial);
  const n = controlCounts(entries);
  const envNames = [...new Set(enforced.flatMap((e) => Object.keys(e.environments)))];
  const optedOut = entries.flatMap((e) => Object.entries(e.optOuts).map(([env, what]) => ({ env, id: e.id, what })));
  const lines = [
    '# Controls report',
    '',
    `${n.total} controls: ${n.full} fully delivered by this code, ${n.partial} partially delivered (each says what is not delivered), ` +
      `${n.planned} planned, ${n.organisational} organisational and ${n.customer} customer ones that no infrastructure can keep; ` +
      `${n.openFindings} with open findings.`,
    '',
    '## Partially delivered',
    '',
    'Enforced controls that keep only part of what their seed sentences promise: what is not delivered.',
    '',
    '| ID | not delivered |',
    '| --- | --- |',
    ...partial.map((e) => `| ${e.id} | ${cell(e.missing ?? '')} |`),
    '',
    '## Production opt-outs',
    '',
    'Production floors a seed promises that an environment\'s configuration goes below, by the named field',
    '`productionOptOuts.<field>` and its reason; the control keeps its promise only in environments without one.',
    '',
    ...(optedOut.length === 0
      ? ['None: every production environment keeps every floor.']
      : ['| environment | control | opt-out and reason |', '| --- | --- | --- |', ...optedOut.map((o) => `| ${o.env} | ${o.id} | ${cell(o.what)} |`)]),
    '',
    '## Enforced',
    '',
    'Prevention is what the templates, the compliance packs and the tests enforce before deployment;',
    'detection is what watches the control in the running account afterwards (AWS Config rules,',
    'Security Hub controls, AWS Backup Audit Manager controls, service status read by `npm run evidence`),',
    'or why nothing there can.',
    '',
    'Status: "implemented" keeps what the sources promise, "partial" keeps part of it (what is missing is under',
    '[Partially delivered](#partially-delivered) and in the control\'s evidence), "open findings" means a compliance',
    'pack flags the control. Resources per environment: how many resources carry the control in each environment',
    '("inherited" where the environment leaves it to its organisation, "not applicable" where its config switches it',
    'off, "—" where the control is enforced outside the templates); the list of each is under [Evidence](#evidence).',
    '',
    `| ID | area | status | statement | sources | enforced by | resources (${envNames.join(' / ')}) | tests | own nag rules | acknowledgements | detectors |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...enforced.map(
      (e) =>
        `| ${e.id} | ${e.area} | ${e.status} | ${cell(e.statement)} | ${cell(
          e.sources.map((s) => `${s.seed.slice(0, 3)} "${s.quote}"`).join('; '),
        )} | ${cell(e.enforcement ?? '')} | ${envNames.map((n) => resourceCount(e.environments[n])).join(' / ')} | ${e.tests.length} | ${e.nagRules.join(', ')} | ${e.acknowledgements.length} | ${detectorCount(e)} |`,
    ),
  ];
  for (const kind of ['organisational', 'customer'] as const) {
    lines.push('', `## ${kind[0].toUpperCase()}${kind.slice(1)}`, '', '| ID | statement | sources | reason |', '| --- | --- | --- | --- |');
    for (const e of entries.filter((x) => x.kind === kind)) {
      lines.push(
        `| ${e.id} | ${cell(e.statement)} | ${cell(e.sources.map((s) => `${s.seed.slice(0, 3)} "${s.quote}"`).join('; '))} | ${cell(e.reason ?? '')} |`,
      );
    }
  }
  lines.push(
    '',
    '## Evidence',
    '',
    'Per enforced control: the resources that carry it in each environment (`stack/logicalId`) and the tests that prove it (prevention), then what watches it in the running account (detection).',
  );
  for (const e of enforced) {
    lines.push('', `### ${e.id}`, '', `${text(e.evidence ?? '')}`, '');
    if (e.missing !== undefined) lines.push(`- not delivered: ${text(e.missing)}`);
    for (const [env, what] of Object.entries(e.optOuts)) lines.push(`- ${env}: opted out by ${text(what)}`);
    for (const n of envNames) {
      const r = e.environments[n];
      if (r === undefined) continue;
      if (typeof r === 'string') lines.push(`- ${n}: ${text(r)}`);
      else lines.push(...list(n, r.map(code), 'resources'));
    }
    lines.push(...list('tests', e.tests.map(text), 'tests', false));
    // Acknowledged findings (cdk-nag packs and AWS Control Tower rules) whose reason cites the control.
    if (e.acknowledgements.length > 0) lines.push(...list('acknowledged findings', e.acknowledgements.map((a) => `${code(a.rule)} at ${code(a.constructPath)}`), 'acknowledgements', false));
    lines.push(...detectionLines(e));
    if (e.findings.length > 0) lines.push(...list('open findings', e.findings.map((f) => `${text(f.pack)} ${code(f.rule)} at ${code(f.constructPath)}`), 'findings', false));
  }
  // Collapse the blank lines two adjacent folded lists leave.
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** The JSON twin of the Markdown report. */
export function renderControlsJson(entries: readonly ControlReportEntry[]): string {
  return JSON.stringify(entries, undefined, 2) + '\n';
}

/** Writes `<name>.md` and `<name>.json` into `dir`; returns their paths. */
export function writeControlsReport(dir: string, entries: readonly ControlReportEntry[], name = 'controls-report'): string[] {
  const md = path.join(dir, `${name}.md`);
  const json = path.join(dir, `${name}.json`);
  fs.writeFileSync(md, renderControlsMarkdown(entries));
  fs.writeFileSync(json, renderControlsJson(entries));
  return [md, json];
}
