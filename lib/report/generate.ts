/**
 * The one way the controls report is produced from a synthesized app, shared by `bin/app.ts`
 * (every `cdk synth`), `npm run report` and `npm run docs`, so the committed report is the same
 * whichever wrote it.
 */
import type { App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { EnvironmentConfig } from '../config/schema';
import { CATALOG } from '../controls/catalog';
import { readTestTitles } from '../controls/coverage';
import { buildControlsReport, type ControlReportEntry } from './controls-report';
import { environmentTemplates } from './environment-templates';
import { collectAcknowledgements, readOpenFindings } from './findings';

/**
 * The report of an app synthesized into `assembly`: the catalog, the test titles below `testDir`,
 * the acknowledgements on the app's tree, each environment's templates, and the open findings of
 * the assembly's `validation-report.json`.
 */
export function controlsReportOf(app: App, assembly: CloudAssembly, envs: readonly EnvironmentConfig[], testDir: string): ControlReportEntry[] {
  return buildControlsReport(CATALOG, readTestTitles(testDir), collectAcknowledgements(app), environmentTemplates(assembly, envs), readOpenFindings(assembly.directory));
}
