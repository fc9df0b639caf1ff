/**
 * `network`: the VPC's address range, its NAT gateways and interface endpoints, and the optional
 * operator Client VPN. Rules across fields (prefix lengths, overlaps, one NAT gateway per zone in
 * production) are in `validate/network.ts`.
 */
import { z } from 'zod';
import { acmCertificateArn } from './fields';

const SAML_ARN_EXPECTED = 'expected an IAM SAML provider ARN (arn:aws:iam::<account>:saml-provider/<name>)';

/**
 * An AWS Client VPN endpoint for operators, associated with the private subnets. Operators sign
 * in through a SAML identity provider (whose MFA gates every session) and reach the private tier
 * only. Prerequisites in the account: the server certificate in ACM and the IAM SAML provider.
 */
export const ClientVpnSchema = z.strictObject({
  /** ARN of the endpoint's server certificate, imported into ACM in the environment's region and account. */
  serverCertificateArn: acmCertificateArn,
  /**
   * The range client addresses come from: /12 to /22, outside the VPC CIDR.
   * CAUTION: changing it replaces the endpoint (connected operators are dropped).
   */
  clientCidr: z.cidrv4({ error: 'expected an IPv4 CIDR block such as 10.250.0.0/22' }),
  /** ARN of the IAM SAML provider of the identity provider operators sign in with, in the environment's account. */
  samlProviderArn: z
    .string({ error: SAML_ARN_EXPECTED })
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[\w+=,.@-]{1,128}$/, { error: SAML_ARN_EXPECTED }),
  /**
   * ARN of the ACM certificate of the CA that signs operators' device certificates; when set,
   * a device certificate is required besides the sign-in (mutual TLS).
   */
  clientCertificateArn: acmCertificateArn.optional(),
  /** The IdP group whose members may connect; without it, every user the IdP admits to the VPN application. */
  authorizedGroupId: z.string().min(1, { error: 'expected a non-empty group ID' }).optional(),
});

/** The environment's VPC. */
export const NetworkSchema = z.strictObject({
  /**
   * The VPC's IPv4 CIDR block, /16 to /20. Subnets are carved from it per tier and zone.
   * CAUTION: changing it replaces the VPC and everything in it.
   */
  vpcCidr: z.cidrv4({ error: 'expected an IPv4 CIDR block such as 10.10.0.0/16' }),
  /**
   * NAT gateways, at most one per availability zone. One per zone keeps egress up when a zone
   * fails; fewer saves cost (staging).
   */
  natGateways: z.number().int().min(1, { error: 'expected at least 1 NAT gateway' }).max(6, {
    error: 'expected at most 6 NAT gateways (one per zone)',
  }),
  /**
   * Interface VPC endpoints (Secrets Manager, KMS, Logs, ECR, STS, SSM) in every zone. They cost
   * an hourly fee per endpoint and zone; staging may turn them off, and its calls then leave
   * through the NAT gateways over TLS. Production must keep them.
   */
  interfaceEndpoints: z.boolean().default(true),
  /** Operator Client VPN; without it, operators use SSM Session Manager only. */
  clientVpn: ClientVpnSchema.optional(),
});
