/**
 * cfn-lint (the CloudFormation linter, Python) over the synthesized templates: which warnings are
 * allowed and why (the one table of them), and how it is run. Errors are never allowed.
 */
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** One cfn-lint warning rule the baseline accepts, everywhere, with the reason. */
export interface CfnLintAllowance {
  /** The rule ID, e.g. `W3010`. Only warnings (`W…`) may be listed. */
  readonly rule: string;
  /** Why the warning does not point at a defect of these templates. */
  readonly reason: string;
}

/** The accepted cfn-lint warnings. Errors are fixed, never listed here. */
export const CFN_LINT_ALLOWED_WARNINGS: readonly CfnLintAllowance[] = [
  {
    rule: 'W3010',
    reason:
      'Subnets name their availability zones explicitly (config availabilityZones) so that synthesis never looks zones up in an account and ' +
      'the templates are the same on every machine; the config validator checks the names belong to the region, and the tenant layout hashes ' +
      'tenants onto that fixed list (DB-MULTI-AZ).',
  },
  {
    rule: 'W3005',
    reason:
      'A DependsOn that a GetAtt or Ref already implies. aws-cdk-lib writes these when a resource depends on a role construct (the Lambda ' +
      'functions, CDK\'s own custom-resource provider, the trail): the dependency on the role\'s policy is the one that matters (the role must ' +
      'hold its permissions before it is used) and comes with a redundant one on the role; CloudFormation accepts both.',
  },
];

/**
 * An E3002 ("additional properties are not allowed") that is cfn-lint's schema lagging behind
 * CloudFormation for one property of one resource type in some regions: aws-cdk-lib's L1 class,
 * generated from CloudFormation's own resource schemas, has the property. Only that property of
 * that type in those regions is accepted; any other E3002, or this one elsewhere, fails.
 */
export interface CfnLintSchemaGap {
  readonly rule: 'E3002';
  readonly resourceType: string;
  readonly property: string;
  readonly regions: readonly string[];
  /** Why the property is set, which control needs it, and what happens if the region lacks it. */
  readonly reason: string;
}

/** The accepted schema gaps. Keep this list short: each is a deploy-time question for its owner. */
export const CFN_LINT_SCHEMA_GAPS: readonly CfnLintSchemaGap[] = [
  {
    rule: 'E3002',
    resourceType: 'AWS::Cognito::UserPool',
    property: 'WebAuthnFactorConfiguration',
    regions: ['ap-southeast-1'],
    reason:
      'SIGNIN-PASSWORDLESS: a passkey with user verification counts as MFA, so passkey sign-in stays available under required MFA. ' +
      'cfn-lint 1.51 has the property in its us-east-1 schema but not yet in its ap-southeast-1 one; aws-cdk-lib\'s CfnUserPool has it. ' +
      'If CloudFormation in the home region did not accept it, the Identity stack deployment would fail visibly, not silently.',
  },
];

/** The schema gap a match is, if any (`resourceTypeOf` reads the type of a logical ID from the match's template). */
export function schemaGapOf(m: CfnLintMatch, region: string, resourceTypeOf: (file: string, logicalId: string) => string | undefined): CfnLintSchemaGap | undefined {
  const [section, logicalId, properties] = m.Location.Path ?? [];
  if (section !== 'Resources' || properties !== 'Properties' || typeof logicalId !== 'string') return undefined;
  const property = /\('([^']+)' was unexpected\)/.exec(m.Message)?.[1];
  const type = resourceTypeOf(m.Filename, logicalId);
  return CFN_LINT_SCHEMA_GAPS.find((g) => g.rule === m.Rule.Id && g.resourceType === type && g.property === property && g.regions.includes(region));
}

/** One problem as `cfn-lint --format json` reports it. */
export interface CfnLintMatch {
  readonly Filename: string;
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Message: string;
  readonly Rule: { readonly Id: string };
  readonly Location: { readonly Path?: readonly (string | number)[]; readonly Start: { readonly LineNumber: number } };
}

/** The cfn-lint on PATH: its version, or why it cannot run. */
export function cfnLintVersion(): { version?: string; problem?: string } {
  const r = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (r.error) return { problem: `cfn-lint is not on PATH (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})` };
  if (r.status !== 0) return { problem: `cfn-lint --version exited ${r.status}: ${r.stderr.trim()}` };
  return { version: r.stdout.trim() };
}

/** A template to lint, and the region its stack deploys to. */
export interface LintTarget {
  readonly file: string;
  readonly region: string;
}

/**
 * Lints every template for its own region in ONE cfn-lint process: starting Python and loading
 * cfn-lint costs about a second of CPU, so a process per region paid it twice. cfn-lint reads a
 * template's regions from its root `Metadata` (`cfn-lint: config: regions`, the documented
 * template-level setting, used when no `--regions` is given), so each template is linted from a
 * copy that names its region there; a match is reported against the original file, with that
 * region. Resolves with every match; rejects only when cfn-lint itself fails (exit code bit 1, or
 * output that is not JSON).
 */
export function runCfnLint(targets: readonly LintTarget[]): Promise<Array<CfnLintMatch & { region: string }>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-cfn-lint-'));
  const copies = new Map<string, LintTarget>();
  targets.forEach((t, i) => {
    const template = JSON.parse(fs.readFileSync(t.file, 'utf8'));
    const own = template.Metadata?.['cfn-lint'] ?? {};
    template.Metadata = { ...template.Metadata, 'cfn-lint': { ...own, config: { ...own.config, regions: [t.region] } } };
    const copy = path.join(dir, `${i}-${path.basename(t.file)}`);
    fs.writeFileSync(copy, JSON.stringify(template, undefined, 1));
    copies.set(copy, t);
  });
  return new Promise<Array<CfnLintMatch & { region: string }>>((resolve, reject) => {
    // Exit code bits: 2 errors, 4 warnings, 8 informational; 1 means cfn-lint itself failed.
    execFile('cfn-lint', ['--format', 'json', '--', ...copies.keys()], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = typeof error?.code === 'number' ? error.code : error ? 1 : 0;
      if (code & 1) return reject(new Error(`cfn-lint failed (exit ${code}): ${stderr || stdout}`));
      try {
        const matches = stdout.trim() === '' ? [] : (JSON.parse(stdout) as CfnLintMatch[]);
        resolve(
          matches.map((m) => {
            const target = copies.get(m.Filename) ?? copies.get(path.resolve(m.Filename));
            if (!target) throw new Error(`a match in ${m.Filename}, which is not one of the linted copies`);
            return { ...m, Filename: target.file, region: target.region };
          }),
        );
      } catch (e) {
        reject(new Error(`cfn-lint printed no JSON it could be read from: ${String(e)}\n${stdout.slice(0, 2000)}\n${stderr}`));
      }
    });
  }).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

/** True where a missing cfn-lint must fail the suite: in CI (`CI` set, as GitHub Actions does) or with `CFN_LINT_REQUIRED=1`. */
export function cfnLintRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CFN_LINT_REQUIRED === '1' || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0');
}
