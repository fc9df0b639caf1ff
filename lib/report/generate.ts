/**
 * The one way the controls report is produced from a synthesized app, shared by `bin/app.ts`
 * (every `cdk synth`), `npm run report` and `npm run docs`, so the committed report is the same
 * whichever wrote it.
 */
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { EnvironmentConfig } from '../config/schema';
import { CATALOG } from '../controls/catalog';
import { readTestTitles } from '../controls/coverage';
import { buildControlsReport, type ControlReportEntry } from './controls-report';
import { environmentTemplates } from './environment-templates';
import { readOpenFindings, type AcknowledgedFinding } from './findings';

/**
 * The report of an app synthesized into `assembly`: the catalog, the test titles below `testDir`,
 * the acknowledgements on the app's tree (`collectAcknowledgements(app)`, which the caller also
 * hands to the Control Tower check: the tree is walked once), each environment's templates, and
 * the open findings of the assembly's validation reports.
 */
export function controlsReportOf(acks: readonly AcknowledgedFinding[], assembly: CloudAssembly, envs: readonly EnvironmentConfig[], testDir: string): ControlReportEntry[] {
  return buildControlsReport(CATALOG, readTestTitles(testDir), acks, environmentTemplates(assembly, envs), readOpenFindings(assembly.directory));
}
