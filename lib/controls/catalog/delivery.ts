import type { Control } from '../types';

/*
 * Delivery controls (area 'delivery'): how changes reach production. CI runs the full test
 * suite and the compliance rule packs, dependencies are pinned and monitored by Dependabot,
 * SECURITY.md says how to report a vulnerability, every pull request shows which controls it
 * changes, and an optional pipeline deploys staging, waits for approval and then deploys
 * production. Repository files, the CI workflow and the pipeline stack enforce them.
 */
export const DELIVERY_CONTROLS: readonly Control[] = [
  {
    id: 'DEL-CI-TESTS',
    statement:
      'CI runs the full test suite on every push and pull request, and a single failing test stops the change from shipping.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'These tests are run every time our codebase is updated and even one single test failing will prevent new code being shipped to production.',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Our continuous integration/continuous development (CI/CD) practices protect against regression',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'We follow a strict testing procedure (with and without automation) for every release of new versions and components.',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'tested and reviewed prior to being implemented to production level' },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      '.github/workflows/ci.yml runs npm ci, npm test and cdk synth on every push to main and every pull request; .ci/run runs npm ci and the same test command; the optional pipeline\'s synth step runs npm ci, npm test and cdk synth before any deployment.',
  },
  {
    id: 'DEL-COMPLIANCE-PACKS',
    statement:
      'Every synthesis is checked by the AwsSolutions, NIST 800-53 rev 5, PCI DSS 3.2.1 and HIPAA Security packs and this project\'s own rule pack, and any unacknowledged finding fails the tests.',
    sources: [
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'our code is audited by industry standard tools' },
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'compliant with PCI DSS' },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      'Validations.of(app).addPlugins(...) registers the four cdk-nag packs on the app and the SaasBaseline pack (lib/nag/saas-baseline-checks.ts) on each stage; every synth fails on an open finding (failOnOpenFindings), a test reads validation-report.json for both environments, and acknowledgements live in one table, each naming a control.',
  },
  {
    id: 'DEL-DEPENDENCY-MONITORING',
    statement:
      'Dependencies are pinned in a committed lockfile resolved from the public npm registry, and Dependabot watches them for security advisories.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Third-party code dependencies are sourced from widely recognized package repositories and monitored for critical security advisories.',
      },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      '.github/dependabot.yml for the npm and github-actions ecosystems; package-lock.json committed and installed with npm ci; a test checks that every locked package has an exact version and a sha512 integrity hash.',
  },
  {
    id: 'DEL-VULN-REPORTING',
    statement: 'SECURITY.md tells anyone how to report a vulnerability privately and what response to expect.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'If you would like to report a security concern or a potential vulnerability, please contact',
      },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      'SECURITY.md at the repository root names a private reporting channel (security contact or GitHub private vulnerability reporting); a test checks that it exists and names one.',
  },
  {
    id: 'DEL-STAGED-ROLLOUT',
    statement:
      'Changes reach production only through an automated pipeline that deploys staging, waits for a manual approval, then deploys production.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: 'Each new feature is first deployed to our staging environments' },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'We have functioning, frequently used automation in place so that we can safely and reliably rollout changes to both our application and operating platform within minutes.',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'we have high confidence that we can get a security fix out quickly when required',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'separate staging/production environments' },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      'Optional CDK Pipelines stack (the pipeline block of the configuration, absent by default): a CodeConnections source, a synth step running npm ci, npm test and cdk synth, then the staging stage, a ManualApprovalStep, then the production stage; KMS-encrypted, versioned, access-logged artifact bucket; termination protection.',
  },
  {
    id: 'DEL-PR-CONTROLS-DIFF',
    statement:
      'Every pull request shows, control by control, what it changes in the enforcing resources, and fails when a control is weakened.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'our engineers review pull requests in pair programming',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Any new features and design changes go through the review process defined by our software development process.',
      },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      'npm run controls-diff -- --base <ref> (scripts/controls-diff.ts) synthesizes the base ref in a git worktree and the working tree, diffs every stack pair with @aws-cdk/cloudformation-diff, classifies each change by the control-rules table (lib/controls/diff-rules.ts) as weakened, strengthened or neutral, prints it per control (--format markdown for a PR comment) and exits 1 when a control is weakened; the pull-request workflow runs it and posts the Markdown report.',
  },
];
