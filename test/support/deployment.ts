/**
 * A deployment under test: a configuration file synthesized with every pack, and what the
 * deployment suite (`test/deployment/suite.ts`) reads of it. The code tests use the reference
 * fixture (global setup); the deployment suite runs on the adopter's live configuration and on an
 * adapted copy, so it holds no value of any configuration.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { App } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { loadDeployment, readConfigFile, resolveConfigFile, type DeploymentFile } from '../../lib/config/deployment';
import type { EnvironmentConfig } from '../../lib/config/schema';
import { collectAcknowledgements, type AcknowledgedFinding } from '../../lib/report/findings';
import { synthesize } from '../../lib/synthesis';
import { FIXTURE_FILE } from './fixture';

/** A synthesized configuration, as the deployment suite reads it. */
export interface DeploymentUnderTest {
  /** The configuration file's name (`config/deployment.yaml`). */
  readonly file: DeploymentFile;
  readonly environments: readonly EnvironmentConfig[];
  /** The assembly's directory. */
  readonly assemblyDir: string;
  readonly assembly: CloudAssembly;
  /** Every acknowledgement on the construct tree. */
  readonly acknowledgements: readonly AcknowledgedFinding[];
  /**
   * The app, where this run synthesized it: its templates still need the AWS Control Tower rules
   * (`checkControlTower` adds their findings to the assembly). The shared fixture synthesis had them
   * run in the global setup.
   */
  readonly app?: App;
  /** The configuration problems, when it does not validate (then nothing is synthesized). */
  readonly configError?: string;
}

const environmentsOf = (file: DeploymentFile) => JSON.stringify((file.raw as { environments?: unknown } | null)?.environments ?? null);

/**
 * Synthesizes a configuration file into a temporary directory (removed at exit). A configuration
 * whose environments equal the reference fixture's reuses the run's global synthesis.
 */
export function deploymentUnderTest(file: DeploymentFile): DeploymentUnderTest {
  let environments: EnvironmentConfig[];
  try {
    environments = loadDeployment(file).environments;
  } catch (e) {
    return { file, environments: [], assemblyDir: '', assembly: undefined as unknown as CloudAssembly, acknowledgements: [], configError: (e as Error).message };
  }
  const fixture = readConfigFile(FIXTURE_FILE);
  const shared = process.env.SSB_SYNTH_DIR;
  if (shared && environmentsOf(file) === environmentsOf(fixture)) {
    return {
      file,
      environments,
      assemblyDir: shared,
      assembly: new CloudAssembly(shared),
      acknowledgements: JSON.parse(fs.readFileSync(path.join(shared, 'acknowledgements.json'), 'utf8')),
    };
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-deployment-'));
  process.once('exit', () => fs.rmSync(outdir, { recursive: true, force: true }));
  const { app, assembly } = synthesize(environments, { outdir });
  return { file, environments, assemblyDir: outdir, assembly, acknowledgements: collectAcknowledgements(app), app };
}

/** The configuration `npx cdk synth` reads now: config/deployment.yaml, else the example. */
export function liveDeployment(): DeploymentUnderTest {
  return deploymentUnderTest(readConfigFile(resolveConfigFile()));
}
