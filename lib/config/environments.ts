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
  { id: 'acme', displayName: 'Acme Corporation', shard: 1 },
  { id: 'globex', displayName: 'Globex Inc.', shard: 1 },
];

export const ENVIRONMENTS: Record<string, EnvironmentInput> = {
  staging: {
    tier: 'staging',
    account: '111111111111',
    region: HOME_REGION,
    allowedRegions: [HOME_REGION],
    availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'],
    network: { vpcCidr: '10.20.0.0/16', natGateways: 1 },
    alerts: { emails: ['staging-alerts@example.com'], guardDutyMinSeverity: 'HIGH' },
    edge: {
      domainName: 'staging.app.example.com',
      certificateArn: 'arn:aws:acm:ap-southeast-1:111111111111:certificate/11111111-1111-4111-8111-111111111111',
      shieldAdvanced: false,
      wafRateLimit: 2000,
      accessLogRetentionDays: 90,
    },
    workload: { cpu: 256, memoryMiB: 512, desiredCount: 2 },
    data: { instanceClass: 'db.t4g.medium', backupRetentionDays: 7, noncurrentVersionDays: 30, tenants: TENANTS },
    logs: { retentionDays: 90 },
    accountBaseline: {
      enabled: true,
      trail: { retentionDays: 180, objectLockMode: 'GOVERNANCE' },
      passwordMaxAgeDays: 90,
    },
    backup: {
      // Governance mode: the lock holds against mistakes, but a staging vault can still be retired.
      vaultLock: { mode: 'governance', minRetentionDays: 1, maxRetentionDays: 365 },
      // A week of point-in-time restore, as the clusters keep (data.backupRetentionDays).
      continuousBackupDays: 7,
      legalArchive: { mode: 'GOVERNANCE', retentionDays: 30 },
    },
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
    network: {
      vpcCidr: '10.10.0.0/16',
      natGateways: 3,
      // Operators' "dedicated VPN" (002); staging relies on Session Manager alone.
      clientVpn: {
        serverCertificateArn: 'arn:aws:acm:ap-southeast-1:222222222222:certificate/33333333-3333-4333-8333-333333333333',
        clientCidr: '10.250.0.0/22',
        samlProviderArn: 'arn:aws:iam::222222222222:saml-provider/operators-idp',
        authorizedGroupId: 'platform-operators',
      },
    },
    alerts: {
      emails: ['security-oncall@example.com', 'platform-oncall@example.com'],
      httpsEndpoint: 'https://events.pagerduty.example.com/integration/sns',
      guardDutyMinSeverity: 'MEDIUM',
    },
    edge: {
      domainName: 'app.example.com',
      certificateArn: 'arn:aws:acm:ap-southeast-1:222222222222:certificate/22222222-2222-4222-8222-222222222222',
      shieldAdvanced: true,
      wafRateLimit: 2000,
      accessLogRetentionDays: 365,
    },
    workload: { cpu: 512, memoryMiB: 1024, desiredCount: 3 },
    data: { instanceClass: 'db.r6g.large', backupRetentionDays: 35, rotationDays: 30, auditReads: true, noncurrentVersionDays: 90, tenants: TENANTS },
    logs: { retentionDays: 365 },
    accountBaseline: {
      enabled: true,
      trail: { retentionDays: 365, objectLockMode: 'COMPLIANCE' },
      passwordMaxAgeDays: 90,
      unusedAccessAgeDays: 90,
    },
    backup: {
      // Compliance mode: after the 7-day cool-off nobody can remove the lock or delete a recovery
      // point before it expires. Irreversible: read docs/backup.md before the first deploy.
      vaultLock: { mode: 'compliance', minRetentionDays: 1, maxRetentionDays: 365, changeableForDays: 7 },
      // Seven years, a common statutory retention for business records.
      legalArchive: { mode: 'COMPLIANCE', retentionDays: 2557 },
    },
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
