/**
 * The deployment's environments: the one file a platform team edits to deploy this baseline.
 *
 * Account IDs, certificate ARNs and addresses below are placeholders; replace them with your own.
 * Every field is documented in `schema.ts`; `validate.ts` holds the rules across fields, and
 * `floors.ts` the production minimums the seed policies promise.
 */
import type { EnvironmentInput } from './schema';

/** Both sample environments host everything in Singapore (003: "hosted in ... Singapore"). */
const HOME_REGION = 'ap-southeast-1';

const TENANTS = [
  { id: 'acme', displayName: 'Acme Corporation' },
  { id: 'globex', displayName: 'Globex Inc.' },
];

export const ENVIRONMENTS: Record<string, EnvironmentInput> = {
  staging: {
    tier: 'staging',
    account: '111111111111',
    region: HOME_REGION,
    allowedRegions: [HOME_REGION],
    availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'],
    network: { vpcCidr: '10.20.0.0/16', natGateways: 1 },
    alerts: { emails: ['staging-alerts@example.com'] },
    edge: {
      domainName: 'staging.app.example.com',
      certificateArn: 'arn:aws:acm:ap-southeast-1:111111111111:certificate/11111111-1111-4111-8111-111111111111',
      shieldAdvanced: false,
    },
    data: { instanceClass: 'db.t4g.medium', backupRetentionDays: 7, tenants: TENANTS },
    logs: { retentionDays: 90 },
    // Staff switch in from the organisation's identity account (placeholder ID), with MFA.
    identity: { trustedPrincipals: ['999999999999'], sessionHours: 8 },
    signIn: {
      email: { from: 'no-reply@staging.app.example.com' },
      // SMS beside TOTP here, e-mail in production: both MFA paths are synthesized and tested.
      secondFactor: 'sms',
      // Self sign-up lets testers create accounts; production invites users.
      selfSignUp: true,
    },
  },
  production: {
    tier: 'production',
    account: '222222222222',
    region: HOME_REGION,
    allowedRegions: [HOME_REGION],
    availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'],
    network: { vpcCidr: '10.10.0.0/16', natGateways: 3 },
    alerts: { emails: ['security-oncall@example.com', 'platform-oncall@example.com'] },
    edge: {
      domainName: 'app.example.com',
      certificateArn: 'arn:aws:acm:ap-southeast-1:222222222222:certificate/22222222-2222-4222-8222-222222222222',
      shieldAdvanced: true,
    },
    data: { instanceClass: 'db.r6g.large', backupRetentionDays: 35, tenants: TENANTS },
    logs: { retentionDays: 365 },
    identity: { trustedPrincipals: ['999999999999'], sessionHours: 4, privilegedSessionHours: 1, mfaMaxAgeSeconds: 3600 },
    signIn: {
      mfa: 'required',
      secondFactor: 'email',
      email: { from: 'no-reply@app.example.com' },
      identityProviders: [
        {
          type: 'google',
          clientId: '000000000000-placeholder.apps.googleusercontent.com',
          clientSecretArn: 'arn:aws:secretsmanager:ap-southeast-1:222222222222:secret:signin/google-client-secret-AbCdEf',
        },
      ],
    },
  },
};
