import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { issuesOf, withChange } from './support/config-cases';

const SECRET = 'arn:aws:secretsmanager:ap-southeast-1:222222222222:secret:signin/okta-AbCdEf';

describe('identity and sign-in configuration', () => {
  test('the sample environments pass, with the documented defaults filled in', () => {
    const [staging, production] = loadEnvironments(ENVIRONMENTS);
    expect(production.signIn.mfa).toBe('required');
    expect(production.signIn.password).toEqual({ minLength: 12, historySize: 24 });
    expect(staging.signIn.groups).toEqual(['admin', 'member', 'viewer']);
    expect(staging.identity.privilegedSessionHours).toBe(1);
  });

  test('a SAML provider of the environment\'s own account is accepted as a trusted principal, with the IdP setting that requires MFA', () => {
    const table = withChange('production', (e) => {
      e.identity.trustedPrincipals.push('arn:aws:iam::222222222222:saml-provider/AWSSSO_0123abcd_DO_NOT_DELETE');
      e.identity.samlMfaEnforcedBy = 'IAM Identity Center: MFA every time you sign in';
    });
    expect(() => loadEnvironments(table)).not.toThrow();
  });

  test('IAM-MFA-ROLES: a trusted SAML provider without the IdP setting that requires MFA is refused', () => {
    const table = withChange('production', (e) => e.identity.trustedPrincipals.push('arn:aws:iam::222222222222:saml-provider/Okta'));
    expect(issuesOf(table)).toEqual([
      'production.identity.samlMfaEnforcedBy: got no value, a SAML provider is trusted, and STS sets no MFA context for SAML sessions: name the identity provider setting that requires MFA on every sign-in (IAM-MFA-ROLES)',
    ]);
  });

  test.each<[string, 'staging' | 'production', (e: any) => void, RegExp]>([
    ['IAM-STAFF-ROLES: a trusted principal that is neither an account ID nor a SAML provider ARN', 'production', (e) => (e.identity.trustedPrincipals = ['arn:aws:iam::999999999999:user/alice']), /^production\.identity\.trustedPrincipals\[0\]: got "arn:aws:iam::999999999999:user\/alice", expected a 12-digit account ID or an IAM SAML provider ARN/],
    ['IAM-STAFF-ROLES: a SAML provider of another account', 'production', (e) => (e.identity.trustedPrincipals = ['arn:aws:iam::999999999999:saml-provider/Okta']), /^production\.identity\.trustedPrincipals\[0\]: got "arn:aws:iam::999999999999:saml-provider\/Okta", expected a SAML provider of the environment's account 222222222222, not 999999999999$/],
    ['IAM-STAFF-ROLES: no trusted principal', 'staging', (e) => (e.identity.trustedPrincipals = []), /^staging\.identity\.trustedPrincipals: got \[\], expected at least one trusted principal$/],
    ['IAM-STAFF-ROLES: a session longer than IAM allows', 'staging', (e) => (e.identity.sessionHours = 13), /^staging\.identity\.sessionHours: got 13, IAM allows a maximum session of 1 to 12 hours$/],
    ['IAM-STAFF-ROLES: a session of zero hours', 'staging', (e) => (e.identity.privilegedSessionHours = 0), /^staging\.identity\.privilegedSessionHours: got 0, IAM allows a maximum session of 1 to 12 hours$/],
    ['IAM-STAFF-ROLES: a privileged session longer than one hour in production', 'production', (e) => (e.identity.privilegedSessionHours = 2), /^production\.identity\.privilegedSessionHours: got 2, production allows at most 1 hour$/],
    ['IAM-STAFF-ROLES: a privileged session outlasting the other sessions', 'staging', (e) => (e.identity.privilegedSessionHours = 10), /^staging\.identity\.privilegedSessionHours: got 10, privileged sessions may not outlast the other staff sessions \(8 hours\)$/],
    ['IAM-MFA-ROLES: an MFA age above an hour in production', 'production', (e) => (e.identity.mfaMaxAgeSeconds = 7200), /^production\.identity\.mfaMaxAgeSeconds: got 7200, production allows at most 3600 seconds$/],
    ['IAM-MFA-ROLES: an MFA age out of range', 'staging', (e) => (e.identity.mfaMaxAgeSeconds = 60), /^staging\.identity\.mfaMaxAgeSeconds: got 60, expected 300 to 43200 seconds$/],
    ['SIGNIN-MFA: MFA off in production', 'production', (e) => (e.signIn.mfa = 'off'), /^production\.signIn\.mfa: got "off", expected "required" or "optional" \(MFA is never off: the seeds promise customers MFA\)$/],
    ['SIGNIN-MFA: MFA off in staging', 'staging', (e) => (e.signIn.mfa = 'off'), /^staging\.signIn\.mfa: got "off", expected "required" or "optional" \(MFA is never off: the seeds promise customers MFA\)$/],
    ['SIGNIN-MFA: an unknown MFA mode', 'staging', (e) => (e.signIn.mfa = 'sometimes'), /^staging\.signIn\.mfa: got "sometimes", expected "required" or "optional"/],
    ['SIGNIN-MFA: an unknown second factor', 'staging', (e) => (e.signIn.secondFactor = 'voice'), /^staging\.signIn\.secondFactor: got "voice", expected "email" or "sms"$/],
    ['SIGNIN-PASSWORD-POLICY: a password shorter than the seeds promise', 'staging', (e) => (e.signIn.password = { minLength: 8 }), /^staging\.signIn\.password\.minLength: got 8, expected 12 to 99 characters \(the seeds promise strong passwords\)$/],
    ['SIGNIN-PASSWORD-POLICY: a password history Cognito does not support', 'production', (e) => (e.signIn.password = { historySize: 30 }), /^production\.signIn\.password\.historySize: got 30, expected 0 to 24$/],
    ['SIGNIN-FEDERATION: an identity provider without its secret reference', 'production', (e) => delete e.signIn.identityProviders[0].clientSecretArn, /^production\.signIn\.identityProviders\[0\]\.clientSecretArn: got no value, expected the ARN of a Secrets Manager secret holding the client secret \(never the secret itself\)$/],
    ['SIGNIN-FEDERATION: a client secret written into the config', 'production', (e) => (e.signIn.identityProviders[0].clientSecretArn = 'GOCSPX-abcdefghijklmnop'), /^production\.signIn\.identityProviders\[0\]\.clientSecretArn: got "GOCSPX-abcdefghijklmnop", expected the ARN of a Secrets Manager secret/],
    ['SIGNIN-FEDERATION: a secret outside the home region', 'production', (e) => (e.signIn.identityProviders[0].clientSecretArn = SECRET.replace('ap-southeast-1', 'us-east-1')), /^production\.signIn\.identityProviders\[0\]\.clientSecretArn: got .*, expected a secret in the home region ap-southeast-1, not us-east-1$/],
    ['SIGNIN-FEDERATION: an unknown provider type', 'production', (e) => (e.signIn.identityProviders = [{ type: 'twitter', clientId: 'x', clientSecretArn: SECRET }]), /^production\.signIn\.identityProviders\[0\](\.type)?: got .*, expected type "google", "facebook", "apple" or "oidc"$/],
    ['SIGNIN-FEDERATION: an OIDC issuer without HTTPS', 'production', (e) => (e.signIn.identityProviders = [{ type: 'oidc', name: 'Okta', clientId: 'x', clientSecretArn: SECRET, issuerUrl: 'http://example.okta.com' }]), /^production\.signIn\.identityProviders\[0\]\.issuerUrl: got "http:\/\/example\.okta\.com", expected an https:\/\/ issuer URL$/],
    ['SIGNIN-FEDERATION: the same provider twice', 'production', (e) => e.signIn.identityProviders.push({ ...e.signIn.identityProviders[0] }), /^production\.signIn\.identityProviders\[1\]: got "google", each provider may appear once$/],
    ['SIGNIN-APP-CLIENT: tokens living longer than an hour', 'staging', (e) => (e.signIn.tokenMinutes = 120), /^staging\.signIn\.tokenMinutes: got 120, expected 15 to 60 minutes for access and ID tokens$/],
    ['SIGNIN-APP-CLIENT: refresh tokens living longer than 30 days', 'staging', (e) => (e.signIn.refreshTokenHours = 1000), /^staging\.signIn\.refreshTokenHours: got 1000, expected 1 to 720 hours \(30 days\)$/],
    ['SIGNIN-PASSWORDLESS: a sign-in domain certificate outside us-east-1', 'production', (e) => (e.signIn.authDomainCertificateArn = 'arn:aws:acm:ap-southeast-1:222222222222:certificate/33333333-3333-4333-8333-333333333333'), /^production\.signIn\.authDomainCertificateArn: got .*, expected a certificate in us-east-1 \(Cognito custom domains\), not ap-southeast-1$/],
    ['SIGNIN-RBAC-GROUPS: a repeated group', 'staging', (e) => (e.signIn.groups = ['admin', 'admin']), /^staging\.signIn\.groups: got \["admin","admin"\], each group may appear once \(repeated: admin\)$/],
    ['SIGNIN-PASSWORDLESS: a malformed sender address', 'staging', (e) => (e.signIn.email.from = 'no-reply'), /^staging\.signIn\.email\.from: got "no-reply", expected an e-mail address$/],
  ])('fails on %s', (_name, env, change, message) => {
    const issues = issuesOf(withChange(env, change));
    expect(issues).toContainEqual(expect.stringMatching(message));
  });
});
