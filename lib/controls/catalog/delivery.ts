import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const cdkNagModule = () => import('cdk-nag');
const controlTowerModule = () => import('../../nag/control-tower.js');
const controlsDiffModule = () => import('../controls-diff.js');
const deliveryPipelineModule = () => import('../../constructs/delivery/delivery-pipeline.js');

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
    detectors: {
      none: 'Enforced in the repository and CI, outside the AWS account: nothing in the account can observe it.',
    },
    enforcedBy: [{ file: '.github/workflows/ci.yml' }, { file: '.ci/run' }],
    evidence: { outsideTemplates: 'CI: .github/workflows/ci.yml and .ci/run run npm ci, npm test and cdk synth (test/delivery.test.ts); the optional pipeline\'s synth step runs the same (test/pipeline.test.ts).' },
    diff: { outsideTemplates: 'Enforced by the CI workflow, not by a deployed resource.', guardedBy: 'test/delivery.test.ts' },
  },
  {
    id: 'DEL-COMPLIANCE-PACKS',
    statement:
      'Every synthesis is checked by the AwsSolutions, NIST 800-53 rev 5, PCI DSS 3.2.1, HIPAA Security and Serverless packs, this project\'s own rule pack and the AWS Control Tower proactive controls, and any unacknowledged finding fails the tests.',
    sources: [
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'our code is audited by industry standard tools' },
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'compliant with PCI DSS' },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      'Validations.of(app).addPlugins(...) registers the five cdk-nag packs (AwsSolutions, NIST 800-53 R5, PCI DSS 3.2.1, HIPAA Security, Serverless) on the app and the SaasBaseline pack (lib/nag/saas-baseline-checks.ts) on each stage; every synth fails on an open finding (failOnOpenFindings), a test reads validation-report.json for both environments, and acknowledgements live in one table, each naming a control. The AWS Control Tower proactive controls (the CT.*.PR.* cfn-guard rules of @cdklabs/cdk-validator-cfnguard) run over every template after each synth, one cfn-guard process per template, cached by template hash (lib/nag/control-tower.ts); their open findings and stale acknowledgements land in control-tower-report.json and fail the same way.',
    detectors: {
      none: 'Enforced at synthesis, outside the AWS account: nothing in the account can observe it.',
    },
    enforcedBy: [
      exported(cdkNagModule, 'AwsSolutionsChecks'),
      exported(cdkNagModule, 'NIST80053R5Checks'),
      exported(cdkNagModule, 'PCIDSS321Checks'),
      exported(cdkNagModule, 'HIPAASecurityChecks'),
      exported(cdkNagModule, 'ServerlessChecks'),
      exported(controlTowerModule, 'checkControlTower'),
    ],
    evidence: {
      outsideTemplates: 'Synthesis: the cdk-nag packs run on every synth and an open finding fails it; test/compliance.test.ts reads validation-report.json of both environments (open findings show per control in this report).',
    },
    diff: { outsideTemplates: 'Enforced at synthesis: an open finding stops the templates from being written.', guardedBy: 'test/compliance.test.ts' },
  },
  {
    id: 'DEL-TEMPLATE-LINT',
    statement:
      'Every synthesized CloudFormation template passes cfn-lint for the region it deploys to with no error, and with warnings only of rules allowed, each with its reason.',
    sources: [{ seed: '002_d509c6ba1f6a9163.txt', quote: 'our code is audited by industry standard tools' }],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      'test/cfn-lint.test.ts runs cfn-lint (one process over every template, each linted for the region its stack deploys to) on the assembly the suite synthesizes; allowed warning rules and the few one-property schema gaps live in one table (test/support/cfn-lint.ts) and must still be reported; CI (CI set) and .ci/run (CFN_LINT_REQUIRED=1) fail when cfn-lint is missing, elsewhere the suite prints that it skipped the lint.',
    detectors: {
      none: 'Enforced on the templates in CI (cfn-lint), outside the AWS account: nothing in the account can observe it.',
    },
    enforcedBy: [{ file: 'test/cfn-lint.test.ts' }],
    evidence: { outsideTemplates: 'Tests: test/cfn-lint.test.ts lints every synthesized template of both environments with cfn-lint; allowances in test/support/cfn-lint.ts.' },
    diff: { outsideTemplates: 'Enforced by the test suite over the templates, not by a resource in them.', guardedBy: 'test/cfn-lint.test.ts' },
  },
  {
    id: 'DEL-PIPELINE-SUPPLY-CHAIN',
    statement:
      'The CI workflow runs only third-party actions pinned to a full commit SHA, with least-privilege token permissions per job, on the supported Node.js LTS lines, and checks the production dependencies for critical advisories.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Third-party code dependencies are sourced from widely recognized package repositories and monitored for critical security advisories.',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'our code is audited by industry standard tools' },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'implemented',
    enforcement:
      '.github/workflows/*.yml: every uses: of another repository names a 40-hex commit SHA with the version as a comment, the workflow grants permissions: {} at the top and each job only what it needs, the test job runs on a Node.js LTS matrix matching package.json engines, and a step runs npm audit --omit=dev --audit-level=critical; Dependabot (github-actions) proposes SHA updates; test/workflows.test.ts parses the workflows and fails otherwise.',
    detectors: {
      none: 'A property of the CI workflow and its dependencies, outside the AWS account: nothing in the account can observe it.',
    },
    enforcedBy: [{ file: '.github/workflows/ci.yml' }],
    evidence: { outsideTemplates: 'The repository: .github/workflows/*.yml and .github/dependabot.yml, parsed by test/workflows.test.ts.' },
    diff: { outsideTemplates: 'Enforced by the repository\'s workflow files.', guardedBy: 'test/workflows.test.ts' },
  },
  {
    id: 'DEL-DEPENDENCY-MONITORING',
    statement:
      'Dependencies are pinned in a committed lockfile with integrity hashes, resolved from the public npm registry, and Dependabot proposes version updates weekly; security-advisory alerts depend on a repository setting this code cannot turn on.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Third-party code dependencies are sourced from widely recognized package repositories and monitored for critical security advisories.',
      },
    ],
    kind: 'enforced',
    area: 'delivery',
    status: 'partial',
    missing:
      '"monitored for critical security advisories" (004): .github/dependabot.yml schedules version updates only; Dependabot alerts and security updates, which act on advisories, are repository settings an administrator turns on at the git host (https://docs.github.com/en/code-security/concepts/supply-chain-security/about-dependabot-alerts), and no file here can turn them on or prove they are on. The remainder is ORG-REPOSITORY-SETTINGS.',
    enforcement:
      '.github/dependabot.yml (weekly version updates) for the npm and github-actions ecosystems; package-lock.json committed and installed with npm ci; a test checks that every locked package has an exact version and a sha512 integrity hash.',
    detectors: {
      none: 'Enforced in the repository (lockfile, Dependabot), outside the AWS account: nothing in the account can observe it.',
    },
    enforcedBy: [{ file: '.github/dependabot.yml' }, { file: 'package-lock.json' }],
    evidence: { outsideTemplates: 'The repository: .github/dependabot.yml and the committed lockfile installed with npm ci (test/delivery.test.ts).' },
    diff: { outsideTemplates: 'Enforced by the repository\'s Dependabot configuration and lockfile.', guardedBy: 'test/delivery.test.ts' },
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
    detectors: {
      none: 'A repository file (SECURITY.md), outside the AWS account: nothing in the account can observe it.',
    },
    enforcedBy: [{ file: 'SECURITY.md' }],
    evidence: { outsideTemplates: 'The repository: SECURITY.md names a private reporting channel (test/delivery.test.ts).' },
    diff: { outsideTemplates: 'Enforced by SECURITY.md in the repository.', guardedBy: 'test/delivery.test.ts' },
  },
  {
    id: 'DEL-STAGED-ROLLOUT',
    statement:
      'Where the configuration has a pipeline block, an automated pipeline deploys staging, waits for a manual approval, then deploys production; nothing stops a deployment to production that bypasses it.',
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
    status: 'partial',
    missing:
      '"first deployed to our staging environments" (001), "rollout changes" (003): the pipeline is optional and absent from the shipped example, and the operator role may deploy to production directly (cdk deploy through the bootstrap\'s deploy role), so no change is forced through staging first. The remainder is ORG-PRODUCTION-CHANGE-PATH.',
    enforcement:
      'Optional CDK Pipelines stack (the pipeline block of the configuration, absent by default): a CodeConnections source, a synth step running npm ci, npm test and cdk synth, then the staging stage, a ManualApprovalStep, then the production stage; KMS-encrypted, versioned, access-logged artifact bucket; termination protection.',
    detectors: {
      none: 'A property of the delivery process; no managed detector tells a pipeline deployment from a manual one (CloudTrail records the caller of every CloudFormation change).',
    },
    enforcedBy: [exported(deliveryPipelineModule, 'DeliveryPipeline')],
    evidence: {
      outsideTemplates:
        'The optional Pipeline stack (the pipeline block of the configuration), absent from the example and not part of any environment\'s templates; test/pipeline.test.ts synthesizes it with staging, a manual approval, then production.',
    },
    diff: { outsideTemplates: 'The optional pipeline stack is not part of any environment\'s templates.', guardedBy: 'test/pipeline.test.ts' },
  },
  {
    id: 'DEL-PR-CONTROLS-DIFF',
    statement:
      'Every pull request shows, control by control, what it changes in the enforcing resources, and fails when a control is weakened; it does not make a person review the change.',
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
    status: 'partial',
    missing:
      '"our engineers review pull requests in pair programming" (001): the controls diff informs a reviewer and fails on a weakened control, but nothing here requires a review; required reviews and status checks are branch-protection settings of the git host (ORG-REPOSITORY-SETTINGS), and pairing is a practice (ORG-SECURE-DEVELOPMENT).',
    enforcement:
      'npm run controls-diff -- --base <ref> (scripts/controls-diff.ts) synthesizes the base ref in a git worktree and the working tree, diffs every stack pair with @aws-cdk/cloudformation-diff, classifies each change by the diff rules of each control\'s catalog entry (gathered by lib/controls/diff-rules.ts) as weakened, strengthened or neutral, prints it per control (--format markdown for a PR comment) and exits 1 when a control is weakened; the pull-request workflow runs it and posts the Markdown report.',
    detectors: {
      none: 'Enforced on pull requests, outside the AWS account: nothing in the account can observe it.',
    },
    enforcedBy: [exported(controlsDiffModule, 'diffControls')],
    evidence: { outsideTemplates: 'Tooling: npm run controls-diff and the pull-request workflow (test/controls-diff.test.ts runs the CLI on fixture template pairs and on a synthesized assembly).' },
    diff: { outsideTemplates: 'It is the diff itself: tooling, not a resource.', guardedBy: 'test/controls-diff.test.ts' },
  },
];
