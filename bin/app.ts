#!/usr/bin/env node
/**
 * The CDK app. The only place that reads context or environment variables; everything below it
 * takes validated props.
 *
 *   npx cdk synth                       both environments
 *   npx cdk synth -c env=staging        one environment (comma-separate several)
 *   CDK_VALIDATION=true npx cdk synth   also run CDK's built-in CloudFormation validation
 */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildBaseline } from '../lib/app';
import { checkControlTower, CONTROL_TOWER_CACHE_DIR } from '../lib/nag/control-tower';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';
import { PIPELINE, loadPipeline } from '../lib/config/pipeline';
import { writeControlsReport } from '../lib/report/controls-report';
import { collectAcknowledgements, failOnOpenFindings } from '../lib/report/findings';
import { controlsReportOf } from '../lib/report/generate';

const app = new App({
  // CDK's own template validation costs seconds per synth and only warns; cdk-nag is the gate.
  builtinCloudFormationValidation: process.env.CDK_VALIDATION === 'true',
});
const only = String(app.node.tryGetContext('env') ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

async function main(): Promise<void> {
  const envs = loadEnvironments(ENVIRONMENTS, only);
  buildBaseline(app, envs, { pipeline: loadPipeline(PIPELINE) });
  const assembly = app.synth();
  // The AWS Control Tower proactive controls: each template by its own cfn-guard process, cached by
  // template hash, so an unchanged template costs nothing (README "Checks and what they cost").
  const controlTower = await checkControlTower(app, assembly, collectAcknowledgements(app), { cacheDir: CONTROL_TOWER_CACHE_DIR });

  const relative = (p: string) => path.relative(process.cwd(), p);
  const root = path.join(__dirname, '..');
  // The report reads the open findings of validation-report.json too; the pipeline stack's
  // acknowledgements are left out of it, so the committed report does not depend on the pipeline.
  const entries = controlsReportOf(app, assembly, envs, path.join(root, 'test'));
  const reports = writeControlsReport(assembly.directory, entries);
  // The committed report (docs/controls.md) describes the whole deployment: refresh it only when
  // every environment was synthesized.
  if (only.length === 0) reports.push(...writeControlsReport(path.join(root, 'docs'), entries, 'controls'));
  console.error(
    [
      'Templates:',
      ...assembly.stacksRecursively.map((s) => `  ${relative(s.templateFullPath)}`),
      'Controls report:',
      ...reports.map((r) => `  ${relative(r)}`),
      controlTower.summary,
    ].join('\n'),
  );

  failOnOpenFindings(assembly.directory);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
