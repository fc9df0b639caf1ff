/**
 * `signIn`: password length, token lifetimes and the custom domain's certificate within what
 * Cognito accepts; groups and identity providers named once; provider secrets in the home region.
 */
import { SIGNIN_FLOORS } from '../floors';
import { quoted, type ConfigIssue, type Validator } from './common';

export const signIn: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const c = env.signIn;
  const issue = (path: string, got: string, expected: string) => issues.push({ env: env.name, path: `signIn.${path}`, got, expected });
  // MFA off is refused by the schema in every environment (SIGNIN-MFA).
  if (c.password.minLength < SIGNIN_FLOORS.passwordMinLength || c.password.minLength > 99) {
    issue('password.minLength', String(c.password.minLength), `expected ${SIGNIN_FLOORS.passwordMinLength} to 99 characters (the seeds promise strong passwords)`);
  }
  if (c.tokenMinutes < 15 || c.tokenMinutes > 60) {
    issue('tokenMinutes', String(c.tokenMinutes), 'expected 15 to 60 minutes for access and ID tokens');
  }
  if (c.refreshTokenHours < 1 || c.refreshTokenHours > 720) {
    issue('refreshTokenHours', String(c.refreshTokenHours), 'expected 1 to 720 hours (30 days)');
  }
  if (c.authDomainCertificateArn) {
    const [, , , certRegion, certAccount] = c.authDomainCertificateArn.split(':');
    if (certRegion !== 'us-east-1') {
      // Cognito custom domains are served by CloudFront, which takes certificates from us-east-1 only.
      issue('authDomainCertificateArn', quoted(c.authDomainCertificateArn), `expected a certificate in us-east-1 (Cognito custom domains), not ${certRegion}`);
    } else if (certAccount !== env.account) {
      issue('authDomainCertificateArn', quoted(c.authDomainCertificateArn), `expected a certificate of the environment's account ${env.account}, not ${certAccount}`);
    }
  }
  const duplicates = c.groups.filter((g, i) => c.groups.indexOf(g) !== i);
  if (duplicates.length > 0) issue('groups', quoted(c.groups), `each group may appear once (repeated: ${[...new Set(duplicates)].join(', ')})`);
  const names = c.identityProviders.map((p) => (p.type === 'oidc' ? p.name : p.type));
  c.identityProviders.forEach((p, i) => {
    if (names.indexOf(names[i]) !== i) issue(`identityProviders[${i}]`, quoted(names[i]), 'each provider may appear once');
    const secretRegion = p.clientSecretArn.split(':')[3];
    if (secretRegion !== env.region) {
      // A dynamic reference resolves in the stack's region; the secret stays in the home region (003).
      issue(`identityProviders[${i}].clientSecretArn`, quoted(p.clientSecretArn), `expected a secret in the home region ${env.region}, not ${secretRegion}`);
    }
  });
  return issues;
};
