import type { Control } from '../types';

/*
 * Organisational controls (ORG-*): seed promises that no infrastructure in this repository can
 * make true, because they rest on people, contracts, processes or the cloud provider
 * (certifications, privacy law, staff agreements and training, incident and breach procedures,
 * subprocessors, data-subject requests). Each has a reason, and where the infrastructure gives
 * partial support, the reason names the enforced controls that give it. The customer's own
 * duties are in customer.ts.
 */
export const ORGANISATIONAL_CONTROLS: readonly Control[] = [
  {
    id: 'ORG-SECURITY-GOVERNANCE',
    statement:
      'Written information-security policies exist, security responsibilities are assigned to designated people, and security and cipher choices are reviewed regularly.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'The company maintains internal information-security policies covering data handling, access, incident response, and vendor management.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security responsibilities are assigned to designated personnel, including oversight of infrastructure security and data protection compliance.',
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Our security team includes people who’ve played lead roles' },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'The security aspects are regularly reviewed internally.' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We monitor the changing cryptographic landscape and upgrade our cipher suite choices accordingly.',
      },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'We use best industrial practices to secure and protect the important business data you store within Cryptlex.',
      },
      { seed: '001_b709435b510d2964.txt', quote: 'We take security very seriously' },
      { seed: '001_b709435b510d2964.txt', quote: 'We keep all your data private and safe.' },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Cryptlex is committed to ensuring that your privacy and the data you share with us is protected.',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "It is one of our primary duties to each customer to ensure that appropriate measures are in place for the protection of the customer's personal data.",
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Lexagle takes the protection of customer data extremely seriously' },
    ],
    kind: 'organisational',
    reason:
      'Policies, roles and reviews are decisions made by people; no AWS resource can express them. Partial support: the controls report gives each review its evidence, and the TLS policy is one validated config value (EDGE-TLS-POLICY) with KMS keys rotating automatically (FND-ENCRYPTION-AT-REST), so a cipher upgrade is a small change the controls diff (DEL-PR-CONTROLS-DIFF) shows.',
  },
  {
    id: 'ORG-PRIVACY-LAW',
    statement:
      'Personal data is processed in compliance with the GDPR and the CCPA under a Data Processing Agreement (and, historically, the EU-U.S. Privacy Shield).',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Cryptlex complies with the EU/U.S. Privacy Shield Framework',
      },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Cryptlex has certified to the Department of Commerce that it adheres to the Privacy Shield Principles.',
      },
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Cryptlex is compliant with the EU General Data Protection Regulation' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Crystallize is fully compliant with the General Data Protection Regulation (GDPR) and the California Consumer Privacy Act (CCPA).',
      },
      { seed: '001_b709435b510d2964.txt', quote: 'as detailed in our Data Processing Agreement' },
    ],
    kind: 'organisational',
    reason:
      'Legal compliance is a matter of contracts, records of processing and procedures; no AWS resource can express it. The infrastructure supports it (FND-DATA-RESIDENCY, FND-ENCRYPTION-AT-REST, LOG-NO-CLIENT-CONTENT, TEN-ISOLATED-ACCESS) but cannot prove it. The Privacy Shield was invalidated in 2020 (Schrems II); its successor is the EU-U.S. Data Privacy Framework.',
  },
  {
    id: 'ORG-PCI-DSS',
    statement:
      'Card payments are handled by a PCI DSS Level 1 payment provider, so the platform does not receive or store card data.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: "Cryptlex's payment and credit card information is handled by Stripe",
      },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Cryptlex does not typically receive credit card data, making it compliant with PCI DSS in most situations.',
      },
    ],
    kind: 'organisational',
    reason:
      'PCI DSS scope is set by where card data flows, a business arrangement with the payment provider; no resource here handles card data. Partial support: the PCI DSS 3.2.1 rule pack (DEL-COMPLIANCE-PACKS) and the Security Hub PCI DSS standard (MON-SECURITY-HUB) check the infrastructure against the standard, and WAF and data-protection policies (EDGE-WAF, LOG-NO-CLIENT-CONTENT) mask card numbers that arrive by mistake.',
  },
  {
    id: 'ORG-HOSTING-PROVIDER',
    statement:
      'The platform runs on cloud providers with ISO 27001/27017/27018 and SOC 1/2/3 attestations whose data centres are physically secured, monitored and closed to company staff.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Cryptlex datacenters are compliant with ISO 27001, ISO 27017 and ISO 27018 certifications.',
      },
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Cryptlex datacenters are compliant with SOC 2 certification.' },
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Our hosting provider, Heroku, has achieved all three of these certificates.' },
      { seed: '001_b709435b510d2964.txt', quote: 'Crystallize is hosted on Amazon Web Services.' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Global certifications include: CSA (Cloud Security Alliance Controls), PCI DSS Level 1 (Payment Card Standards)',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'The Service is hosted in data centers operated by cutting-edge service providers who offer advanced physical and other protection for infrastructure underlying our service.',
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Amazon does not disclose the location of its data centers.' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'AWS is compliant with several IT standards and recognized as a world leader in computing services.',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Crystallize employees do not have physical access to data centers, nor do they have any access to the underlying Amazon infrastructure.',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'These providers are responsible for restricting access to the infrastructure to authorized personnel only.',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Lexagle builds on the physical security and environmental controls provided by AWS.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Hosting is provided by professional cloud infrastructure vendors using certified and physically secure data centers.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Data center providers restrict physical access, maintain environmental security, redundancy, and 24/7 facility monitoring.',
      },
    ],
    kind: 'organisational',
    reason:
      'Inherited from the cloud provider under the shared-responsibility model (its reports are in AWS Artifact); nothing this project deploys can add or prove a data-centre certification or a physical control.',
  },
  {
    id: 'ORG-SUBPROCESSORS',
    statement:
      'Third-party processors are vetted, listed for customers on request, bound by data-protection duties at least equal to the DPA, and remain the company\'s responsibility.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Our third-party processors are carefully selected and also fully compliant.',
      },
      { seed: '001_b709435b510d2964.txt', quote: 'Databases run on MongoDB Atlas' },
      { seed: '001_b709435b510d2964.txt', quote: 'Search indexes run on ElasticSearch Cloud.' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'MongoDB Atlas undergoes independent verification of platform security, privacy, and compliance controls.',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Elastic operates in compliance with key information security standards and regulations.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'A list of infrastructure providers and subprocessors is maintained and made available to customers upon request.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'New subprocessors are onboarded only when bound by data-protection and confidentiality duties at least equivalent to the commitments in the DPA.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'The company remains responsible for subprocessors processing personal data under its instructions.',
      },
    ],
    kind: 'organisational',
    reason:
      'Vendor selection and contracts are procurement and legal processes; no AWS resource can express them. This deployment replaces seed 001\'s MongoDB Atlas with PostgreSQL on AWS (DB-*) and builds no search tier; a search service added later needs its own controls.',
  },
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
  {
    id: 'ORG-INCIDENT-RESPONSE',
    statement:
      'A documented incident-response process, run by a dedicated team, identifies, triages, mitigates and investigates incidents and ends with a post-mortem whose action items are shared.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'We have implemented a formal procedure for security events' },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'A documented incident-response process is in place for identifying, triaging, mitigating, and investigating security incidents.',
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'After a security event is fixed we write up a post-mortem analysis.' },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'The analysis is reviewed in person, distributed across the company and includes action items',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'has a team dedicated to quickly resolving unexpected incidents' },
    ],
    kind: 'organisational',
    reason:
      'People and procedures respond to incidents and write post-mortems; no resource can. Partial support: detection and paging are enforced (MON-GUARDDUTY, MON-CIS-ALARMS, INC-ALERT-TOPICS, INC-FINDING-ROUTING), and the runbooks (docs/alarms.md links each alert to its entry) give the first steps.',
  },
  {
    id: 'ORG-BREACH-NOTIFICATION',
    statement:
      'Confirmed breaches affecting customer data are reported to affected customers in writing within 24 hours of verification, with nature, likely impact, mitigation and a contact.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Lexagle will promptly notify you in writing upon verification of a security breach of Lexagle services that affects your data.',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Notification will describe the breach and the status of Lexagle’s investigation.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Confirmed Personal Data Breaches involving customer data are reported to affected customers without undue delay and within 24 hours of verification.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Breach notifications include: nature of breach, likely impact, mitigation steps taken or planned, and a point of contact.',
      },
    ],
    kind: 'organisational',
    reason:
      'Verifying a breach and notifying customers is a legal and human process. Partial support: the 24-hour clock starts from detection, which alerting provides (MON-GUARDDUTY, INC-FINDING-ROUTING, INC-ALERT-TOPICS), and the audit trail (AUD-CLOUDTRAIL, AUD-DATA-EVENTS, DB-AUDIT-LOGGING) gives the evidence of what was accessed.',
  },
  {
    id: 'ORG-DATA-SUBJECT-RIGHTS',
    statement:
      'Data-subject requests are handled only on the controller\'s instruction, with technical help for export, deletion, restriction and portability; DPIAs and formal audits are scoped separately.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'The company does not respond to data subject requests directly unless instructed by the Controller.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'The company provides reasonable technical support to controllers to fulfill verified data-subject rights requests',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Additional support for DPIAs or formal audits may be scoped separately',
      },
    ],
    kind: 'organisational',
    reason:
      'A legal process between controller and processor. Partial support: single-tenant datastores (TEN-DEDICATED-DATASTORE) keep each customer\'s data in one place, and the controls report is ready evidence for an audit.',
  },
  {
    id: 'ORG-TENANT-DATA-DELETION',
    statement: 'Customer data is deleted from active environments after the customer\'s account is terminated.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Customer data is deleted from active environments following account termination.',
      },
    ],
    kind: 'organisational',
    reason:
      'Deciding that an account has ended and deleting its data is a business process and, in production, deliberately not automatic (FND-STATEFUL-RETAIN). Partial support: each tenant has its own database, bucket and key (TEN-DEDICATED-DATASTORE, TEN-DEDICATED-KEY), so offboarding is removing the tenant from config and deleting what CloudFormation retains. What that leaves, and why: scheduling the tenant key for deletion makes the database\'s snapshots and Aurora recovery points unreadable (they keep the cluster\'s key), but not the S3 recovery points of its bucket, which AWS Backup encrypts with the vault\'s key (https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html, BAK-VAULT-ENCRYPTED); those expire with their tiers (BAK-TIERS, at most a year, and no sooner: the vault lock denies deleting them). The final snapshot RDS takes when the cluster is deleted (DeletionPolicy Snapshot) belongs to no backup plan and is never rotated out: it must be deleted by hand, or it keeps the tenant\'s data (unreadable once the key is gone).',
  },
  {
    id: 'ORG-DATA-USE-LIMITS',
    statement:
      'Backups are used only for disaster recovery or legal retention and are not otherwise processed, and anonymised datasets are never re-identified.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Backups are not used for any purpose other than disaster recovery or legally required retention.',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'but are not actively processed during that period' },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'The company shall not attempt to re-identify individuals from anonymized datasets used for benchmarking or analytics.',
      },
    ],
    kind: 'organisational',
    reason:
      'Purpose limitation is a commitment about intent; no resource can tell a legitimate restore from another use. Partial support: only the backup, administrator and break-glass roles can restore (IAM-CUSTOMER-DATA-RESTRICTED, BAK-VAULT-LOCK), and CloudTrail (AUD-CLOUDTRAIL) records every restore.',
  },
  {
    id: 'ORG-ROOT-ACCOUNT',
    statement: 'The AWS account root user has MFA, no access keys, and is used only for tasks that require it.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Two-factor authentication enabled for all cloud hosting providers' },
    ],
    kind: 'organisational',
    reason:
      'Root credentials cannot be created, configured or removed through CloudFormation. Partial support: a Config rule reports a root user without MFA (MON-CONFIG-RULES), and any root use raises a CIS alarm and an alert (MON-CIS-ALARMS, INC-FINDING-ROUTING).',
  },
  {
    id: 'ORG-POLICY-CHANGES',
    statement: 'Customers are told when the security or data-protection policy changes, and the revised policy is published.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'If any changes happen we will keep our customers informed about it and post the revised Data protection policy.',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We will use TeamBench, email or other means for informing customers of such policy changes.',
      },
    ],
    kind: 'organisational',
    reason: 'Communication with customers; no AWS resource can express it.',
  },

  {
    id: 'ORG-IN-PRODUCT-AUDIT-LOG',
    statement:
      'The product shows each customer an audit log of the actions its users take in the application.',
    sources: [{ seed: '000_0f4aa12068a9bf0e.txt', quote: 'Audit logs to allow you to view the details of every user action' }],
    kind: 'organisational',
    reason:
      'A feature of the application, which this infrastructure runs but does not contain: only the application knows its users\' actions and can show each customer its own. What the infrastructure records is for the operator\'s security team and not visible to customers: AWS API calls in the account (AUD-CLOUDTRAIL, AUD-DATA-EVENTS), Cognito sign-in events (SIGNIN-AUTH-LOGGING) and database statements (DB-AUDIT-LOGGING); none of them is an action inside the application.',
  },
  {
    id: 'ORG-REPOSITORY-SETTINGS',
    statement:
      'The git host requires a reviewed pull request and passing checks before a change merges, and Dependabot alerts and security updates are on for the repository.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: 'our engineers review pull requests in pair programming' },
      { seed: '004_c378355873db2afd.txt', quote: 'monitored for critical security advisories' },
    ],
    kind: 'organisational',
    reason:
      'Branch protection and Dependabot alerts are settings of the repository at the git host, turned on by its administrators; no file in the repository turns them on, and .github/dependabot.yml configures version updates, not alerts. Partial support: the CI workflow and the controls diff (DEL-CI-TESTS, DEL-PR-CONTROLS-DIFF) are the checks such a rule requires, and Dependabot\'s version updates (DEL-DEPENDENCY-MONITORING) keep dependencies current.',
  },
  {
    id: 'ORG-PRODUCTION-CHANGE-PATH',
    statement:
      'Production changes are made only by authorised staff through the delivery pipeline, after staging, and from the dedicated VPN.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Changes to our production environment are restricted only via dedicated VPN to authorized personnel.',
      },
      { seed: '001_b709435b510d2964.txt', quote: 'Each new feature is first deployed to our staging environments' },
    ],
    kind: 'organisational',
    reason:
      'A change-management rule the adopter decides and keeps: the AWS APIs that change production answer from any network, and binding staff roles to a VPN (aws:SourceIp or aws:SourceVpc conditions) or taking deployment away from the operator role once a pipeline runs would lock staff out of a break-glass fix unless designed with the adopter\'s network and pipeline. Partial support: MFA-gated staff roles with short privileged sessions (IAM-STAFF-ROLES, IAM-MFA-ROLES), the optional pipeline with manual approval (DEL-STAGED-ROLLOUT), the optional Client VPN (NET-OPERATOR-ACCESS), and a trail of every change (AUD-CLOUDTRAIL).',
  },
  {
    id: 'ORG-APP-IMAGE-PATCHING',
    statement:
      'The application\'s container image is rebuilt on a schedule and on critical advisories, scanned for vulnerabilities, and redeployed.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security patches and critical updates are applied on an ongoing basis.',
      },
    ],
    kind: 'organisational',
    reason:
      'The image is the adopter\'s build (workload.containerImage, from any registry): this code deploys it but neither builds, scans nor rebuilds it. Partial support: AWS patches the Fargate hosts and platform (WL-MANAGED-COMPUTE), the database engine takes minor versions automatically (DB-PATCHING), and GuardDuty Runtime Monitoring watches the running tasks (MON-GUARDDUTY).',
  },
];
