/**
 * The controls report: every control of the catalog with its sources, status, the tests that
 * prove it and the acknowledgements that cite it. `npx cdk synth` writes it next to the
 * templates; reviewers and auditors read it instead of the code.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Control } from '../controls/types';
import type { TestTitle } from '../controls/coverage';
import { testsByControl } from '../controls/coverage';
import { CONTROL_RULES } from '../controls/diff-rules';
import { SAAS_BASELINE_RULES } from '../nag/saas-baseline-checks';
import type { AcknowledgedFinding } from './findings';

/** One synthesized environment, as the report needs it. */
export interface EnvironmentTemplates {
  /** The environment's name. */
  readonly env: string;
  /** Its stacks' templates, by stack ID (`Network`, `Data1`, ...). */
  readonly stacks: ReadonlyArray<{ readonly id: string; readonly template: { Resources?: Record<string, { Type: string }> } }>;
  /**
   * Controls the environment inherits from its organisation instead of enforcing them (the
   * account baseline switched off, see `lib/controls/account-baseline.ts`).
   */
  readonly inherited: readonly string[];
}

/** One control with its evidence. */
export interface ControlReportEntry extends Control {
  /** Test titles naming the control, as `file › title`. */
  readonly tests: readonly string[];
  /** Acknowledged findings whose reason cites the control. */
  readonly acknowledgements: readonly { constructPath: string; rule: string }[];
  /**
   * Per environment: the resources of the types that enforce the control (as the controls diff
   * watches them, `lib/controls/diff-rules.ts`), as `stack/logicalId`; or `inherited`.
   */
  readonly environments: Readonly<Record<string, readonly string[] | 'inherited'>>;
  /** Rules of this project's own cdk-nag pack that check the control on every synth. */
  readonly nagRules: readonly string[];
}

/** Joins the catalog with the test titles, the acknowledgements and the synthesized resources. */
export function buildControlsReport(
  catalog: readonly Control[],
  titles: readonly TestTitle[],
  acks: readonly AcknowledgedFinding[],
  envs: readonly EnvironmentTemplates[] = [],
): ControlReportEntry[] {
  const tests = testsByControl(
    catalog.map((c) => c.id),
    titles,
  );
  const typesOf = (id: string) => new Set(CONTROL_RULES.filter((r) => r.control === id).flatMap((r) => r.resourceTypes));
  const resourcesOf = (id: string, env: EnvironmentTemplates) => {
    const types = typesOf(id);
    return env.stacks.flatMap((s) =>
      Object.entries(s.template.Resources ?? {})
        .filter(([, r]) => types.has(r.Type))
        .map(([logicalId]) => `${s.id}/${logicalId}`),
    );
  };
  return catalog.map((c) => ({
    ...c,
    tests: (tests.get(c.id) ?? []).map((t) => `${t.file} › ${t.title}`),
    acknowledgements: acks
      .filter((a) => a.reason.startsWith(`[${c.id}]`))
      .map((a) => ({ constructPath: a.constructPath, rule: a.rule })),
    environments: Object.fromEntries(
      c.kind === 'enforced' ? envs.map((e) => [e.env, e.inherited.includes(c.id) ? ('inherited' as const) : resourcesOf(c.id, e)]) : [],
    ),
    nagRules: SAAS_BASELINE_RULES.filter((r) => r.control === c.id).map((r) => `SaasBaseline-${r.rule.name}`),
  }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Renders the report as Markdown: a summary, then one table per kind. */
export function renderControlsMarkdown(entries: readonly ControlReportEntry[]): string {
  const enforced = entries.filter((e) => e.kind === 'enforced');
  const implemented = enforced.filter((e) => e.status === 'implemented');
  const envNames = [...new Set(enforced.flatMap((e) => Object.keys(e.environments)))];
  const lines = [
    '# Controls report',
    '',
    `${entries.length} controls: ${enforced.length} enforced (${implemented.length} implemented, ` +
      `${enforced.length - implemented.length} planned), ` +
      `${entries.filter((e) => e.kind === 'organisational').length} organisational, ` +
      `${entries.filter((e) => e.kind === 'customer').length} customer.`,
    '',
    '## Enforced',
    '',
    'Resources per environment: how many resources of the types that enforce the control each',
    'environment synthesizes (the list is in `controls.json`); "inherited" where the environment',
    'leaves the control to its organisation (account baseline off).',
    '',
    `| ID | area | status | statement | sources | enforced by | resources (${envNames.join(' / ')}) | tests | own nag rules | acknowledgements |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...enforced.map(
      (e) =>
        `| ${e.id} | ${e.area} | ${e.status} | ${cell(e.statement)} | ${cell(
          e.sources.map((s) => `${s.seed.slice(0, 3)} "${s.quote}"`).join('; '),
        )} | ${cell(e.enforcement ?? '')} | ${envNames
          .map((n) => {
            const r = e.environments[n];
            return r === 'inherited' ? 'inherited' : String(r?.length ?? 0);
          })
          .join(' / ')} | ${e.tests.length} | ${e.nagRules.join(', ')} | ${e.acknowledgements.length} |`,
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
  return lines.join('\n') + '\n';
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
