import type { Control } from '../types';

/*
 * Organisational controls (ORG-*) of governance, law and vendors: security policies and reviews,
 * privacy law, PCI DSS scope, the hosting provider's certifications and physical security, and
 * subprocessors. Like every organisational control, each is a seed promise that rests on people,
 * contracts, processes or the cloud provider, so no infrastructure in this repository can make it
 * true; its reason says why, and names the enforced controls that give partial support where
 * there are some. organisational-people.ts holds the controls of staff and development,
 * organisational-operations.ts those of incidents, customer data and operations; the customer's
 * own duties are in customer.ts.
 */
export const ORGANISATIONAL_GOVERNANCE_CONTROLS: readonly Control[] = [
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
];
