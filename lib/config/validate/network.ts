/**
 * `network`: a VPC range a VPC can have and this layout can carve, a NAT gateway per zone in
 * production, interface endpoints in production, and a Client VPN of this account whose client
 * range Client VPN accepts and does not overlap the VPC.
 */
import { cidrRange, cidrsOverlap, isNetworkAddress } from '../../aws-facts/cidr';
import { PRODUCTION_FLOORS } from '../floors';
import { regionalArnIssues, quoted, type ConfigIssue, type Validator } from './common';

export const network: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const { vpcCidr, natGateways } = env.network;
  const { prefix } = cidrRange(vpcCidr);
  if (prefix < 16 || prefix > 20) {
    issues.push({
      env: env.name,
      path: 'network.vpcCidr',
      got: quoted(vpcCidr),
      expected: 'expected a prefix from /16 to /20 (a VPC holds /16 at most; /20 leaves room for three tiers in six zones)',
    });
  } else if (!isNetworkAddress(vpcCidr)) {
    issues.push({
      env: env.name,
      path: 'network.vpcCidr',
      got: quoted(vpcCidr),
      expected: 'expected the block to start at its network address (no host bits set)',
    });
  }
  if (natGateways > env.availabilityZones.length) {
    issues.push({
      env: env.name,
      path: 'network.natGateways',
      got: String(natGateways),
      expected: `expected at most one per availability zone (${env.availabilityZones.length})`,
    });
  } else if (env.tier === 'production' && natGateways !== env.availabilityZones.length) {
    // A zone without its own NAT gateway loses egress when the zone holding it fails (NET-MULTI-AZ).
    issues.push({
      env: env.name,
      path: 'network.natGateways',
      got: String(natGateways),
      expected: `production needs one per availability zone (${env.availabilityZones.length})`,
    });
  }
  if (env.tier === 'production' && env.network.interfaceEndpoints !== PRODUCTION_FLOORS.interfaceEndpoints) {
    issues.push({
      env: env.name,
      path: 'network.interfaceEndpoints',
      got: String(env.network.interfaceEndpoints),
      expected: 'production reaches AWS through interface endpoints, not the internet (NET-PRIVATE-ENDPOINTS)',
    });
  }
  return issues;
};

/** The operator Client VPN: certificates and SAML provider of this account, a client range Client VPN accepts. */
export const clientVpn: Validator = (env) => {
  const vpn = env.network.clientVpn;
  if (!vpn) return [];
  const issues = [
    ...regionalArnIssues(env, 'network.clientVpn.serverCertificateArn', vpn.serverCertificateArn, 'certificate'),
    ...(vpn.clientCertificateArn ? regionalArnIssues(env, 'network.clientVpn.clientCertificateArn', vpn.clientCertificateArn, 'certificate') : []),
  ];
  const samlAccount = vpn.samlProviderArn.split(':')[4];
  if (samlAccount !== env.account) {
    issues.push({
      env: env.name,
      path: 'network.clientVpn.samlProviderArn',
      got: quoted(vpn.samlProviderArn),
      expected: `expected a SAML provider of the environment's account ${env.account}, not ${samlAccount}`,
    });
  }
  const path = 'network.clientVpn.clientCidr';
  const { prefix } = cidrRange(vpn.clientCidr);
  if (prefix < 12 || prefix > 22) {
    issues.push({ env: env.name, path, got: quoted(vpn.clientCidr), expected: 'expected a prefix from /12 to /22 (what Client VPN accepts)' });
  } else if (!isNetworkAddress(vpn.clientCidr)) {
    issues.push({ env: env.name, path, got: quoted(vpn.clientCidr), expected: 'expected the block to start at its network address (no host bits set)' });
  }
  if (cidrsOverlap(vpn.clientCidr, env.network.vpcCidr)) {
    issues.push({
      env: env.name,
      path,
      got: quoted(vpn.clientCidr),
      expected: `must not overlap the VPC's ${env.network.vpcCidr} (Client VPN could not route to it)`,
    });
  }
  return issues;
};
