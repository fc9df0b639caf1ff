/**
 * A complete adaptation of the shipped example, done the way an adopter does it: every account,
 * principal, ARN, domain, address and endpoint replaced, a tenant removed and two added, and an
 * extra environment. adapted.test.ts runs the deployment suite on it, proving that an adopted
 * configuration needs no test edited; files.test.ts checks that a partial one is refused.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { EXAMPLE_CONFIGS, REPO_ROOT, readConfigFile, type DeploymentFile } from '../../lib/config/deployment';

/** The adapted production's private image repository. */
export const PRIVATE_IMAGE_REPOSITORY = '210987654321.dkr.ecr.ap-southeast-1.amazonaws.com/corp-saas/app';

const ACCOUNTS = { staging: '123456789012', production: '210987654321', dev: '345678901234', identity: '456789012345' };

/** The example's raw configuration, as a copy to change. */
export function exampleRaw(): any {
  return structuredClone(readConfigFile(path.join(REPO_ROOT, EXAMPLE_CONFIGS[0])).raw);
}

/** Only the environments' account IDs replaced: every other sample value is left. */
export function accountsOnly(): any {
  const raw = exampleRaw();
  raw.environments.staging.account = ACCOUNTS.staging;
  raw.environments.production.account = ACCOUNTS.production;
  return raw;
}

/** The complete adaptation. */
export function adapted(): any {
  const raw = exampleRaw();
  const { staging, production } = raw.environments;
  const cert = (account: string, n: number) => `arn:aws:acm:ap-southeast-1:${account}:certificate/0c0ffee${n}-1234-4abc-8def-0123456789ab`;

  staging.account = ACCOUNTS.staging;
  staging.identity.trustedPrincipals = [ACCOUNTS.identity];
  staging.alerts.emails = ['oncall-staging@corp-saas.io'];
  staging.edge.domainName = 'staging.corp-saas.io';
  staging.edge.certificateArn = cert(ACCOUNTS.staging, 1);
  staging.signIn.email.from = 'no-reply@staging.corp-saas.io';

  production.account = ACCOUNTS.production;
  // Staff of production come through the corporate IdP's SAML provider, not an identity account.
  production.identity.trustedPrincipals = [`arn:aws:iam::${ACCOUNTS.production}:saml-provider/corp-idp`];
  production.identity.samlMfaEnforcedBy = "Okta sign-on policy 'AWS production': phishing-resistant MFA on every sign-in";
  production.alerts.emails = ['security@corp-saas.io'];
  production.alerts.httpsEndpointSecret = 'paging/incident-integration';
  production.edge.domainName = 'app.corp-saas.io';
  production.edge.certificateArn = cert(ACCOUNTS.production, 2);
  production.network.clientVpn.serverCertificateArn = cert(ACCOUNTS.production, 3);
  production.network.clientVpn.samlProviderArn = `arn:aws:iam::${ACCOUNTS.production}:saml-provider/corp-vpn`;
  production.signIn.email.from = 'no-reply@corp-saas.io';
  // The adopter's own application, from a private ECR repository of the account.
  production.workload = { ...production.workload, containerImage: `${PRIVATE_IMAGE_REPOSITORY}:2.4.1`, writablePaths: ['/tmp'], containerPort: 8080, healthCheckPath: '/healthz' };
  production.signIn.identityProviders[0].clientId = '918273645546-corpsaas.apps.googleusercontent.com';
  production.signIn.identityProviders[0].clientSecretArn = `arn:aws:secretsmanager:ap-southeast-1:${ACCOUNTS.production}:secret:signin/google-AbCdEf`;

  // Tenants: one removed, two added; each environment its own list.
  const tenants = [
    { id: 'acme', displayName: 'Acme Corporation', shard: 1 },
    { id: 'initech', displayName: 'Initech', shard: 1 },
    { id: 'umbrella', displayName: 'Umbrella Corp', shard: 1 },
  ];
  staging.data.tenants = tenants.slice(0, 2);
  production.data.tenants = tenants;

  // An extra environment: a developers' one, smallest settings, its own account and network.
  raw.environments.dev = {
    ...structuredClone(staging),
    account: ACCOUNTS.dev,
    availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b'],
    network: { vpcCidr: '10.30.0.0/16', natGateways: 1, interfaceEndpoints: false },
    alerts: { emails: ['dev-alerts@corp-saas.io'], forwardGlobalEvents: false },
    edge: { ...staging.edge, domainName: 'dev.corp-saas.io', certificateArn: cert(ACCOUNTS.dev, 4) },
    workload: { desiredCount: 1 },
    data: { ...staging.data, tenants: [{ id: 'devtenant', displayName: 'Dev tenant', shard: 1 }] },
    accountBaseline: { enabled: false },
    signIn: { email: { from: 'no-reply@dev.corp-saas.io' }, selfSignUp: true },
  };
  // The example's anchor blocks are gone in the copy: an adopter's file may drop them.
  for (const key of Object.keys(raw)) if (key.startsWith('x-')) delete raw[key];
  return raw;
}

/** Writes a raw configuration as an adopter's file (outside the repository) and reads it back. */
export function asAdopterFile(raw: unknown): DeploymentFile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-adopted-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'deployment.yaml');
  fs.writeFileSync(file, stringify(raw));
  return readConfigFile(file);
}
