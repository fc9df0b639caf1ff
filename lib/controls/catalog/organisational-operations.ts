import type { Control } from '../types';

/*
 * Organisational controls (ORG-*) of incidents, customer data and operations: incident response
 * and breach notification, data-subject requests, deleting a departed tenant's data and limits on
 * its use, then running the service: the root user, policy changes, the in-product audit log,
 * repository settings, the path of a production change and patching the application image.
 * organisational-governance.ts says what an organisational control is.
 */
export const ORGANISATIONAL_OPERATIONS_CONTROLS: readonly Control[] = [
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
