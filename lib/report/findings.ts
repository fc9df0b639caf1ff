/**
 * Reads what the compliance packs said about a synthesized app: open findings from the
 * validation report CDK writes, and acknowledgements from the construct tree.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One open finding: a rule a resource breaks, not acknowledged. */
export interface Finding {
  readonly pack: string;
  readonly rule: string;
  readonly severity: string;
  readonly constructPath: string;
  readonly description: string;
}

/** One acknowledged rule on one construct. */
export interface AcknowledgedFinding {
  readonly constructPath: string;
  readonly rule: string;
  readonly reason: string;
}

interface ReportJson {
  pluginReports?: Array<{
    pluginName?: string;
    summary?: { pluginName?: string };
    conclusion?: string;
    violations?: Array<{
      ruleName: string;
      severity?: string;
      description?: string;
      violatingConstructs?: Array<{ constructPath?: string }>;
      violatingResources?: Array<{ constructPath?: string; resourceLogicalId?: string }>;
    }>;
  }>;
}

/** The validation report's file name inside the cloud assembly (aws-cdk-lib's VALIDATION_REPORT_FILE). */
export const VALIDATION_REPORT_FILE = 'validation-report.json';

/** The Control Tower verdict's file name inside the cloud assembly (written by lib/nag/control-tower.ts). */
export const CONTROL_TOWER_REPORT_FILE = 'control-tower-report.json';

/**
 * Open findings of every pack, read from `<assemblyDir>/validation-report.json` (the cdk-nag
 * packs) and `<assemblyDir>/control-tower-report.json` (the Control Tower rules: open findings
 * and stale acknowledgements); none from a file that is absent.
 */
export function readFindings(assemblyDir: string): Finding[] {
  const ctFile = path.join(assemblyDir, CONTROL_TOWER_REPORT_FILE);
  const controlTower = fs.existsSync(ctFile) ? (JSON.parse(fs.readFileSync(ctFile, 'utf8')) as { findings: Finding[] }).findings : [];
  const file = path.join(assemblyDir, VALIDATION_REPORT_FILE);
  if (!fs.existsSync(file)) return controlTower;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ReportJson;
  const findings: Finding[] = [...controlTower];
  for (const plugin of report.pluginReports ?? []) {
    const pack = plugin.summary?.pluginName ?? plugin.pluginName ?? 'unknown';
    for (const v of plugin.violations ?? []) {
      const where = [...(v.violatingConstructs ?? []), ...(v.violatingResources ?? [])];
      for (const c of where.length > 0 ? where : [{ constructPath: '(unknown)' }]) {
        findings.push({
          pack,
          rule: v.ruleName,
          severity: v.severity ?? 'error',
          constructPath: c.constructPath ?? '(unknown)',
          description: v.description ?? '',
        });
      }
    }
  }
  return findings;
}

/** CDK acknowledges some of its own built-in validation rules; those are not ours to list. */
const FOREIGN_NAMESPACES = ['CloudFormation-Validate::'];

/** Every acknowledgement recorded on the tree under `root`, as `Validations.acknowledge` stored it. */
export function collectAcknowledgements(root: IConstruct): AcknowledgedFinding[] {
  const found: AcknowledgedFinding[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
        if (FOREIGN_NAMESPACES.some((ns) => key.startsWith(ns))) continue;
        found.push({ constructPath: construct.node.path, rule: key.replace(/^Annotation::/, ''), reason });
      }
    }
  }
  return found;
}

/** The plugin name of aws-cdk-lib's own template validation (`CDK_VALIDATION=true`), not a compliance pack. */
export const CDK_TEMPLATE_VALIDATION = 'CloudFormation Validate';

/**
 * The findings that fail a synth: every unacknowledged finding of a compliance pack, warnings
 * included (AwsSolutions reports some rules, such as VPC3, as warnings; `cdk synth '**'` fails on
 * them too, and so does test/compliance.test.ts), and errors of CDK's own template validation.
 * That validation's warnings (for example W3010 on explicit zones) are advice, not open controls,
 * so `CDK_VALIDATION=true` neither fails the synth nor changes the controls report.
 */
export function readOpenFindings(assemblyDir: string): Finding[] {
  return readFindings(assemblyDir).filter((f) => f.pack !== CDK_TEMPLATE_VALIDATION || f.severity === 'error' || f.severity === 'fatal');
}

/**
 * Throws when the assembly in `assemblyDir` has open findings (`readOpenFindings`). `cdk synth`
 * of an app made of stages exits 0 on validation findings unless stacks are selected with `'**'`;
 * calling this after `app.synth()` makes every synth fail on them, selector or not.
 */
/** Thrown when a synthesis has open findings; its message lists them (no stack trace is useful). */
export class OpenFindingsError extends Error {
  override readonly name = 'OpenFindingsError';
}

export function failOnOpenFindings(assemblyDir: string): void {
  const open = readOpenFindings(assemblyDir);
  if (open.length > 0) {
    const lines = open.map((f) => `  ${f.pack} ${f.rule} at ${f.constructPath}`);
    throw new OpenFindingsError(
      `${open.length} open compliance finding(s) (details in ${path.join(assemblyDir, VALIDATION_REPORT_FILE)} and ${CONTROL_TOWER_REPORT_FILE}):\n${lines.join('\n')}`,
    );
  }
}
