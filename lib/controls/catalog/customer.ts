import type { Control } from '../types';

/*
 * Customer controls (SHR-*): the customer's duties under the shared-responsibility model, which
 * the seeds state and no infrastructure of the provider can keep. Each has a reason.
 */
export const CUSTOMER_CONTROLS: readonly Control[] = [
  {
    id: 'SHR-ACCOUNT-ACCESS',
    statement:
      'Customers manage their own users and roles and use the offered controls to manage access to their account.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'You are responsible for implementing strong security measures, offered by Cryptlex, for properly managing access to your Cryptlex account and resources.',
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Managing your own user accounts and roles from within Lexagle.' },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'As a Cryptlex customer you are part of the team that keeps your data safe.',
      },
    ],
    kind: 'customer',
    reason:
      'Only the customer knows who in its organisation should hold which role; the platform provides the means (SIGNIN-RBAC-GROUPS, SIGNIN-MFA).',
  },
  {
    id: 'SHR-CREDENTIALS',
    statement: 'Customers turn on two-factor authentication and protect the credentials of all their users.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'which should be enabled to give your account an extra layer of security',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Protecting your own account and user credentials for all of your employees accessing services.',
      },
    ],
    kind: 'customer',
    reason:
      'Only the customer can guard credentials it holds and switch on MFA where the environment leaves it optional; the platform offers MFA (SIGNIN-MFA) and detects compromised credentials (SIGNIN-THREAT-PROTECTION).',
  },
  {
    id: 'SHR-COMPROMISE-NOTICE',
    statement: 'Customers promptly report compromised credentials and suspected suspicious activity.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Promptly notifying Lexagle if a user credential has been compromised or if you suspect possible suspicious activities',
      },
    ],
    kind: 'customer',
    reason:
      'The platform cannot know what the customer suspects; the customer must tell it. Threat protection (SIGNIN-THREAT-PROTECTION) catches some compromises on its own.',
  },
  {
    id: 'SHR-TERMS-COMPLIANCE',
    statement:
      'Customers comply with their service agreement and the law, and run penetration tests or security assessments only with prior written consent.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Compliance with the terms of your services agreement with Lexagle, including with respect to compliance with laws.',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'You may not perform any security penetration tests or security assessment activities without the express advance written consent of Lexagle.',
      },
    ],
    kind: 'customer',
    reason:
      'Contractual duties of the customer; no AWS resource can express them (WAF and GuardDuty will treat an unannounced test as an attack).',
  },
];
