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
import type { AcknowledgedFinding } from './findings';

/** One control with its evidence. */
export interface ControlReportEntry extends Control {
  /** Test titles naming the control, as `file › title`. */
  readonly tests: readonly string[];
  /** Acknowledged findings whose reason cites the control. */
  readonly acknowledgements: readonly { constructPath: string; rule: string }[];
}

/** Joins the catalog with the test titles and the acknowledgements. */
export function buildControlsReport(
  catalog: readonly Control[],
  titles: readonly TestTitle[],
  acks: readonly AcknowledgedFinding[],
): ControlReportEntry[] {
  const tests = testsByControl(
    catalog.map((c) => c.id),
    titles,
  );
  return catalog.map((c) => ({
    ...c,
    tests: (tests.get(c.id) ?? []).map((t) => `${t.file} › ${t.title}`),
    acknowledgements: acks
      .filter((a) => a.reason.startsWith(`[${c.id}]`))
      .map((a) => ({ constructPath: a.constructPath, rule: a.rule })),
  }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Renders the report as Markdown: a summary, then one table per kind. */
export function renderControlsMarkdown(entries: readonly ControlReportEntry[]): string {
  const enforced = entries.filter((e) => e.kind === 'enforced');
  const implemented = enforced.filter((e) => e.status === 'implemented');
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
    '| ID | area | status | statement | sources | enforced by | tests | acknowledgements |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...enforced.map(
      (e) =>
        `| ${e.id} | ${e.area} | ${e.status} | ${cell(e.statement)} | ${cell(
          e.sources.map((s) => `${s.seed.slice(0, 3)} "${s.quote}"`).join('; '),
        )} | ${cell(e.enforcement ?? '')} | ${e.tests.length} | ${e.acknowledgements.length} |`,
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
