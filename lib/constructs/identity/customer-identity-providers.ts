/**
 * The social and OIDC identity providers of the customer user pool (SIGNIN-FEDERATION): one
 * factory per provider type, each asking only for the sign-in identity and reading its client
 * secret from Secrets Manager at deploy time. Kept apart from the pool so that the pool's file
 * reads as the pool's settings.
 */
import { SecretValue } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

/** A social or OIDC identity provider; its client secret lives in Secrets Manager. */
export type CustomerIdentityProvider =
  | { readonly type: 'google' | 'facebook'; readonly clientId: string; readonly clientSecretArn: string }
  | { readonly type: 'apple'; readonly clientId: string; readonly clientSecretArn: string; readonly teamId: string; readonly keyId: string }
  | { readonly type: 'oidc'; readonly clientId: string; readonly clientSecretArn: string; readonly name: string; readonly issuerUrl: string };

/** Scopes asked of identity providers: sign-in identity only (SIGNIN-FEDERATION, 001 "does not gain access to any external resources"). */
const IDP_SCOPES = {
  google: ['openid', 'email', 'profile'],
  facebook: ['public_profile', 'email'],
  apple: ['email', 'name'],
  oidc: ['openid', 'email', 'profile'],
} as const;

/**
 * Adds `p` to `userPool` as a child of `scope` (the user pool construct, whose construct IDs
 * `Google`, `Facebook`, `Apple` and `Oidc-<name>` these are).
 */
export function addIdentityProvider(scope: Construct, userPool: cognito.IUserPool, p: CustomerIdentityProvider): cognito.IUserPoolIdentityProvider {
  // A dynamic reference ({{resolve:secretsmanager:...}}): CloudFormation reads the value at deploy time.
  const secret = SecretValue.secretsManager(p.clientSecretArn);
  const common = { userPool, clientId: p.clientId };
  switch (p.type) {
    case 'google':
      return new cognito.UserPoolIdentityProviderGoogle(scope, 'Google', {
        ...common,
        clientSecretValue: secret,
        scopes: [...IDP_SCOPES.google],
        attributeMapping: { email: cognito.ProviderAttribute.GOOGLE_EMAIL, emailVerified: cognito.ProviderAttribute.GOOGLE_EMAIL_VERIFIED },
      });
    case 'facebook':
      return new cognito.UserPoolIdentityProviderFacebook(scope, 'Facebook', {
        ...common,
        clientSecret: secret.unsafeUnwrap(), // the dynamic reference string, not the secret
        scopes: [...IDP_SCOPES.facebook],
        attributeMapping: { email: cognito.ProviderAttribute.FACEBOOK_EMAIL },
      });
    case 'apple':
      return new cognito.UserPoolIdentityProviderApple(scope, 'Apple', {
        ...common,
        teamId: p.teamId,
        keyId: p.keyId,
        privateKeyValue: secret,
        scopes: [...IDP_SCOPES.apple],
        attributeMapping: { email: cognito.ProviderAttribute.APPLE_EMAIL, emailVerified: cognito.ProviderAttribute.APPLE_EMAIL_VERIFIED },
      });
    case 'oidc':
      return new cognito.UserPoolIdentityProviderOidc(scope, `Oidc-${p.name}`, {
        ...common,
        name: p.name,
        issuerUrl: p.issuerUrl,
        clientSecret: secret.unsafeUnwrap(), // the dynamic reference string, not the secret
        scopes: [...IDP_SCOPES.oidc],
        attributeMapping: { email: cognito.ProviderAttribute.other('email') },
      });
  }
}
