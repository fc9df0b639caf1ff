/**
 * DEL-TEMPLATE-LINT: cfn-lint finds no error in any synthesized template, and no warning but
 * those allowed, by rule ID with the reason, in test/support/cfn-lint.ts. Each template is linted
 * for the region its stack deploys to, all in one cfn-lint process (support/cfn-lint.ts), started
 * when this file starts, so the lint runs while the other test files run in the other worker.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CFN_LINT_ALLOWED_WARNINGS, CFN_LINT_SCHEMA_GAPS, cfnLintRequired, cfnLintVersion, runCfnLint, schemaGapOf, type CfnLintMatch } from './support/cfn-lint';
import { allStacks } from './support/synth';

const linter = cfnLintVersion();
const required = cfnLintRequired();

if (!linter.version && !required) {
  // Visible in the run's output, not a silent pass: the suite says what it did not check and why.
  console.warn(
    `cfn-lint SKIPPED: ${linter.problem}. The synthesized templates were not linted. Install it (pip install cfn-lint==1.51.0) ` +
      'to run this check; CI sets CI (or .ci/run sets CFN_LINT_REQUIRED=1) and then fails instead of skipping.',
  );
}

const lintOrSkip = linter.version || required ? describe : describe.skip;

lintOrSkip(`cfn-lint (${linter.version ?? 'not installed'}) over every synthesized template`, () => {
  type Linted = CfnLintMatch & { region: string };
  let results: Promise<{ matches: Linted[]; seconds: number; templates: number; regions: string[] }>;
  const types = new Map<string, Record<string, any>>();
  const resourceTypeOf = (file: string, logicalId: string) => {
    if (!types.has(file)) types.set(file, JSON.parse(fs.readFileSync(file, 'utf8')).Resources ?? {});
    return types.get(file)![logicalId]?.Type as string | undefined;
  };

  beforeAll(() => {
    // Started here, awaited in the tests: the process runs while Jest runs the other files.
    const targets = allStacks().map((s) => ({ file: s.templateFile, region: s.region }));
    const started = Date.now();
    results = runCfnLint(targets).then((matches) => ({
      matches,
      seconds: (Date.now() - started) / 1000,
      templates: targets.length,
      regions: [...new Set(targets.map((t) => t.region))],
    }));
    // A rejection is reported by the tests that await it.
    results.catch(() => undefined);
  });

  const describeMatch = (m: Linted) => `${m.Rule.Id} ${m.region} ${path.basename(m.Filename)} ${(m.Location.Path ?? []).slice(0, 2).join('/')}: ${m.Message}`;

  test('DEL-TEMPLATE-LINT: cfn-lint is installed where it is required (CI, .ci/run)', () => {
    expect({ problem: linter.problem }).toEqual({ problem: undefined });
  });

  test(
    'DEL-TEMPLATE-LINT: no cfn-lint error in any template of any environment (but the listed schema gaps of one property each)',
    async () => {
      const { matches, seconds, templates, regions } = await results;
      console.info(`cfn-lint: ${templates} templates, regions ${regions.join(' ')}, ${matches.length} matches, ${seconds.toFixed(1)} s`);
      expect(templates).toBe(allStacks().length);
      expect(templates).toBeGreaterThan(0);
      expect(matches.filter((m) => m.Level === 'Error' && !schemaGapOf(m, m.region, resourceTypeOf)).map(describeMatch)).toEqual([]);
    },
    600_000,
  );

  test(
    'DEL-TEMPLATE-LINT: every cfn-lint warning is of a rule allowed, with its reason, in test/support/cfn-lint.ts',
    async () => {
      const { matches } = await results;
      const allowed = new Set(CFN_LINT_ALLOWED_WARNINGS.map((a) => a.rule));
      expect(matches.filter((m) => m.Level !== 'Error' && !allowed.has(m.Rule.Id)).map(describeMatch)).toEqual([]);
    },
    600_000,
  );

  test(
    'DEL-TEMPLATE-LINT: every allowance and schema gap is still reported, with a reason (no stale entries)',
    async () => {
      const { matches } = await results;
      for (const g of CFN_LINT_SCHEMA_GAPS) {
        const reported = matches.some((m) => schemaGapOf(m, m.region, resourceTypeOf) === g);
        expect({ gap: `${g.resourceType}.${g.property}`, reported }).toEqual({ gap: `${g.resourceType}.${g.property}`, reported: true });
      }
      for (const a of CFN_LINT_ALLOWED_WARNINGS) {
        expect({ rule: a.rule, warning: /^W\d{4}$/.test(a.rule), reason: a.reason.length > 40, reported: matches.some((m) => m.Rule.Id === a.rule) }).toEqual({
          rule: a.rule,
          warning: true,
          reason: true,
          reported: true,
        });
      }
    },
    600_000,
  );
});

describe('when cfn-lint is required', () => {
  test('DEL-TEMPLATE-LINT: CI or CFN_LINT_REQUIRED=1 requires cfn-lint; a developer machine without it skips with a message', () => {
    expect(cfnLintRequired({ CI: 'true' })).toBe(true);
    expect(cfnLintRequired({ CFN_LINT_REQUIRED: '1' })).toBe(true);
    expect(cfnLintRequired({ CI: 'false' })).toBe(false);
    expect(cfnLintRequired({})).toBe(false);
  });
});
