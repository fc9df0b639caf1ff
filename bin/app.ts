#!/usr/bin/env node
/**
 * The CDK app. The only place that reads context or environment variables; everything below it
 * takes validated props.
 *
 *   npx cdk synth                           every environment of the configuration
 *   npx cdk synth -c env=staging            one environment (comma-separate several)
 *   npx cdk synth -c config=<file.yaml>     another configuration file (default: config/deployment.yaml,
 *                                           or the shipped example while that does not exist)
 *   CDK_VALIDATION=true npx cdk synth       also run CDK's built-in CloudFormation validation
 *
 * It writes only into the output directory (cdk.out): the templates and the controls report of
 * this configuration. The committed docs/controls.md describes upstream's example and is
 * refreshed by `npm run docs`.
 */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildBaseline } from '../lib/app';
import { DEPLOYMENT_CONFIG, loadDeployment, readConfigFile, resolveConfigFile, type Deployment } from '../lib/config/deployment';
import { ConfigError } from '../lib/config/load';
import { checkControlTower, CONTROL_TOWER_CACHE_DIR } from '../lib/nag/control-tower';
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
  let deployment: Deployment;
  try {
    deployment = loadDeployment(readConfigFile(resolveConfigFile(app.node.tryGetContext('config'))), { only });
  } catch (e) {
    // A configuration problem is the adopter's to fix, not a crash: the problems, once, no stack.
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  console.error(
    deployment.file.example
      ? `Configuration: ${deployment.file.name} (the shipped EXAMPLE, with sample accounts: \`npm run init-config\` creates your own ${DEPLOYMENT_CONFIG})`
      : `Configuration: ${deployment.file.name}`,
  );
  buildBaseline(app, deployment.environments, { pipeline: deployment.pipeline });
  const assembly = app.synth();
  // The AWS Control Tower proactive controls: each template by its own cfn-guard process, cached by
  // template hash, so an unchanged template costs nothing (docs/development.md, "Checks and what they cost").
  const acks = collectAcknowledgements(app);
  const controlTower = await checkControlTower(app, assembly, acks, { cacheDir: CONTROL_TOWER_CACHE_DIR });

  const relative = (p: string) => path.relative(process.cwd(), p);
  // The report reads the open findings of validation-report.json too; the pipeline stack's
  // acknowledgements are left out of it, so the report does not depend on the pipeline.
  const entries = controlsReportOf(acks, assembly, deployment.environments, path.join(__dirname, '..', 'test'));
  const reports = writeControlsReport(assembly.directory, entries, { configuration: deployment.file.name });
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
  // Open findings are a verdict, not a crash: their message lists them; a stack would bury it.
  console.error(e && e.name === 'OpenFindingsError' ? e.message : e);
  process.exit(1);
});
