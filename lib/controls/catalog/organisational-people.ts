import type { Control } from '../types';

/*
 * Organisational controls (ORG-*) of staff and how they build: staff agreements and training,
 * who gets production access and for how long, staff tools outside AWS, the development process
 * and the application's own authorization. organisational-governance.ts says what an
 * organisational control is.
 */
export const ORGANISATIONAL_PEOPLE_CONTROLS: readonly Control[] = [
  {
    id: 'ORG-STAFF-OBLIGATIONS',
    statement:
      'All staff and contractors with system access are bound by confidentiality and data-protection agreements and security policies, and are trained on them.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: 'All employees at Crystallize have signed confidentiality agreements.' },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'All staff members and contractors with system access are contractually bound by confidentiality and data-protection duties.',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "All of our employees are bound to our policies regarding the security of customer's data.",
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'have educated all our staff on our policies' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Our developers are constantly trained and obliged to follow industry best practices for software development and security, such as OWASP.',
      },
    ],
    kind: 'organisational',
    reason: 'Agreements and training are between people; no AWS resource can express them.',
  },
  {
    id: 'ORG-STAFF-LIFECYCLE',
    statement:
      'Production access is given only to a selected group and is granted, renewed and revoked with each person\'s onboarding and offboarding.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Only a hand-picked and experienced group of employees has access to production servers.',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: "this access is renewed and revoked following the employees' lifecycle in the company",
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'We have strict and secure onboarding and offboarding processes for employees.',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'It is crucial that some of our employees have access to the systems we use for processing data.',
      },
    ],
    kind: 'organisational',
    reason:
      'Who is trusted, hired and removed is an HR process. Partial support: staff roles trust only the principals named in config (IAM-STAFF-ROLES), so removing a person at the identity provider removes their access, and IAM Access Analyzer (IAM-ACCESS-ANALYZER) reports access that should not exist.',
  },
  {
    id: 'ORG-STAFF-TOOLS',
    statement:
      'Staff tools outside AWS require MFA, and staff credentials are kept in an encrypted password manager.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Multi-factor authentication is enforced throughout the main services Crystallize employees rely on.',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'Critical internal tools require Multi-Factor Authentication (MFA)' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'We use Bitwarden as a password management service to store sensitive information such as website credentials in encrypted vaults.',
      },
    ],
    kind: 'organisational',
    reason:
      'Third-party tools (git host, chat, password manager) are configured outside this AWS deployment. Partial support: access to AWS itself is MFA-gated (IAM-MFA-ROLES, IAM-MFA-USERS).',
  },
  {
    id: 'ORG-SECURE-DEVELOPMENT',
    statement:
      'Code lives in version control (which also backs it up), every change is peer-reviewed and QA-tested, and new features are released gradually as "Experimental".',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Our development process follows a strict Git flow based on GitHub’s pull request.',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'The platform is developed using version control, peer review of code changes' },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'Secure practices are embedded into the whole product development cycle.' },
      { seed: '001_b709435b510d2964.txt', quote: 'We keep our code secure.' },
      { seed: '001_b709435b510d2964.txt', quote: 'to perform QA and testing' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Then the feature is deployed and marked as “Experimental” for a period of time',
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'We typically deploy code dozens of times a day' },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'Data and our source code are regularly backed up' },
    ],
    kind: 'organisational',
    reason:
      'Review, manual QA, release labelling and deployment cadence are human practices, and branch protection and source-code backup live with the git host, not in AWS. Partial support: CI (DEL-CI-TESTS), the per-pull-request controls diff (DEL-PR-CONTROLS-DIFF) and the manual approval before production (DEL-STAGED-ROLLOUT).',
  },
  {
    id: 'ORG-APP-AUTHORIZATION',
    statement:
      'The application code keeps tenants apart and enforces the per-component permissions set in its admin control panel, and its tests prove it.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Strict privacy controls exist in our application code' },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'We have many unit and integration tests in place to ensure these privacy controls work as expected.',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Permissions and access can be set within Lexagle’s Admin Control Panel, configurable for every single component of the Lexagle platform.',
      },
    ],
    kind: 'organisational',
    reason:
      'Authorization inside the application is code this infrastructure runs, not code it contains. Partial support: single-tenant datastores and per-tenant roles (TEN-DEDICATED-DATASTORE, TEN-ISOLATED-ACCESS) bound the damage of an application bug, Cognito groups carry the roles (SIGNIN-RBAC-GROUPS), and a failing test blocks shipping (DEL-CI-TESTS).',
  },
];
