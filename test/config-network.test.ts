/**
 * Bad network input: NAT gateways short of one per zone and interface endpoints off in
 * production, and the operator Client VPN's certificates, SAML provider and client range. (CIDR
 * syntax, overlap and more NAT gateways than zones are in config.test.ts.)
 */
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { issuesOf, withChange } from './support/config-cases';

const VPN = {
  serverCertificateArn: 'arn:aws:acm:ap-southeast-1:111111111111:certificate/44444444-4444-4444-8444-444444444444',
  clientCidr: '10.251.0.0/22',
  samlProviderArn: 'arn:aws:iam::111111111111:saml-provider/operators-idp',
};

/** Gives staging a valid Client VPN, then applies `change` to it. */
const stagingVpn = (change: (vpn: any) => void) => (e: any) => {
  e.network.clientVpn = { ...VPN };
  change(e.network.clientVpn);
};

describe('network configuration', () => {
  test('NET-PRIVATE-ENDPOINTS: interface endpoints default to on; staging may turn them off', () => {
    for (const env of loadEnvironments(ENVIRONMENTS)) expect(env.network.interfaceEndpoints).toBe(true);
    const off = withChange('staging', (e) => (e.network.interfaceEndpoints = false));
    expect(loadEnvironments(off, ['staging'])[0].network.interfaceEndpoints).toBe(false);
  });

  test('NET-OPERATOR-ACCESS: a valid Client VPN, with and without a client CA and group, passes', () => {
    expect(() => loadEnvironments(withChange('staging', stagingVpn(() => undefined)))).not.toThrow();
    const mutual = withChange('staging', stagingVpn((v) => (v.clientCertificateArn = VPN.serverCertificateArn.replace('4444-4444-8444', '5555-4555-8555'))));
    expect(loadEnvironments(mutual, ['staging'])[0].network.clientVpn?.clientCertificateArn).toMatch(/certificate\//);
  });

  test('NET-MULTI-AZ: staging may share one NAT gateway across its zones; production runs one per zone', () => {
    const [staging, production] = loadEnvironments(ENVIRONMENTS);
    expect(staging.network.natGateways).toBeLessThan(staging.availabilityZones.length);
    expect(production.network.natGateways).toBe(production.availabilityZones.length);
  });

  test.each<[string, 'staging' | 'production', (e: any) => void, RegExp]>([
    ['NET-MULTI-AZ: fewer NAT gateways than zones in production', 'production', (e) => (e.network.natGateways = 1), /^production\.network\.natGateways: got 1, production needs one per availability zone \(3\)$/],
    ['NET-MULTI-AZ: one NAT gateway short in production', 'production', (e) => (e.network.natGateways = 2), /^production\.network\.natGateways: got 2, production needs one per availability zone \(3\)$/],
    ['NET-PRIVATE-ENDPOINTS: interface endpoints off in production', 'production', (e) => (e.network.interfaceEndpoints = false), /^production\.network\.interfaceEndpoints: got false, production reaches AWS through interface endpoints, not the internet \(NET-PRIVATE-ENDPOINTS\)$/],
    ['NET-PRIVATE-ENDPOINTS: interface endpoints given as text', 'staging', (e) => (e.network.interfaceEndpoints = 'no'), /^staging\.network\.interfaceEndpoints: got "no", /],
    ['an unknown Client VPN field', 'staging', stagingVpn((v) => (v.splitTunnel = false)), /^staging\.network\.clientVpn: got unknown field\(s\) splitTunnel, expected only the documented fields \(lib\/config\/schema\.ts\)$/],
    ['NET-OPERATOR-ACCESS: a Client VPN without a SAML provider', 'staging', stagingVpn((v) => delete v.samlProviderArn), /^staging\.network\.clientVpn\.samlProviderArn: got no value, expected an IAM SAML provider ARN/],
    ['NET-OPERATOR-ACCESS: a malformed server certificate ARN', 'staging', stagingVpn((v) => (v.serverCertificateArn = 'arn:aws:acm:cert')), /^staging\.network\.clientVpn\.serverCertificateArn: got "arn:aws:acm:cert", expected an ACM certificate ARN/],
    ['NET-OPERATOR-ACCESS: a server certificate that is an IAM certificate', 'staging', stagingVpn((v) => (v.serverCertificateArn = 'arn:aws:iam::111111111111:server-certificate/vpn')), /^staging\.network\.clientVpn\.serverCertificateArn: got "arn:aws:iam::111111111111:server-certificate\/vpn", expected an ACM certificate ARN/],
    ['NET-OPERATOR-ACCESS: a server certificate from another region', 'staging', stagingVpn((v) => (v.serverCertificateArn = v.serverCertificateArn.replace('ap-southeast-1', 'us-east-1'))), /^staging\.network\.clientVpn\.serverCertificateArn: got .*, expected a certificate in the home region ap-southeast-1, not us-east-1$/],
    ['NET-OPERATOR-ACCESS: a server certificate from another account', 'staging', stagingVpn((v) => (v.serverCertificateArn = v.serverCertificateArn.replace('111111111111', '333333333333'))), /^staging\.network\.clientVpn\.serverCertificateArn: got .*, expected a certificate of the environment's account 111111111111, not 333333333333$/],
    ['NET-OPERATOR-ACCESS: a client CA certificate from another region', 'staging', stagingVpn((v) => (v.clientCertificateArn = v.serverCertificateArn.replace('ap-southeast-1', 'eu-west-1'))), /^staging\.network\.clientVpn\.clientCertificateArn: got .*, expected a certificate in the home region ap-southeast-1, not eu-west-1$/],
    ['NET-OPERATOR-ACCESS: a malformed client CA certificate ARN', 'staging', stagingVpn((v) => (v.clientCertificateArn = 'ca')), /^staging\.network\.clientVpn\.clientCertificateArn: got "ca", expected an ACM certificate ARN/],
    ['NET-OPERATOR-ACCESS: a malformed SAML provider ARN', 'staging', stagingVpn((v) => (v.samlProviderArn = 'arn:aws:iam::111111111111:role/idp')), /^staging\.network\.clientVpn\.samlProviderArn: got "arn:aws:iam::111111111111:role\/idp", expected an IAM SAML provider ARN/],
    ['NET-OPERATOR-ACCESS: a SAML provider of another account', 'staging', stagingVpn((v) => (v.samlProviderArn = v.samlProviderArn.replace('111111111111', '333333333333'))), /^staging\.network\.clientVpn\.samlProviderArn: got .*, expected a SAML provider of the environment's account 111111111111, not 333333333333$/],
    ['NET-OPERATOR-ACCESS: an invalid client CIDR', 'staging', stagingVpn((v) => (v.clientCidr = '10.251.0.0/33')), /^staging\.network\.clientVpn\.clientCidr: got "10\.251\.0\.0\/33", expected an IPv4 CIDR block/],
    ['NET-OPERATOR-ACCESS: a client CIDR inside the VPC', 'staging', stagingVpn((v) => (v.clientCidr = '10.20.252.0/22')), /^staging\.network\.clientVpn\.clientCidr: got "10\.20\.252\.0\/22", must not overlap the VPC's 10\.20\.0\.0\/16 \(Client VPN could not route to it\)$/],
    ['NET-OPERATOR-ACCESS: a client CIDR holding the VPC', 'staging', stagingVpn((v) => (v.clientCidr = '10.16.0.0/12')), /^staging\.network\.clientVpn\.clientCidr: got "10\.16\.0\.0\/12", must not overlap the VPC's 10\.20\.0\.0\/16/],
    ['NET-OPERATOR-ACCESS: a client CIDR smaller than /22', 'staging', stagingVpn((v) => (v.clientCidr = '10.251.0.0/24')), /^staging\.network\.clientVpn\.clientCidr: got "10\.251\.0\.0\/24", expected a prefix from \/12 to \/22 \(what Client VPN accepts\)$/],
    ['NET-OPERATOR-ACCESS: a client CIDR larger than /12', 'staging', stagingVpn((v) => (v.clientCidr = '172.0.0.0/11')), /^staging\.network\.clientVpn\.clientCidr: got "172\.0\.0\.0\/11", expected a prefix from \/12 to \/22/],
    ['NET-OPERATOR-ACCESS: a client CIDR with host bits', 'staging', stagingVpn((v) => (v.clientCidr = '10.251.1.0/22')), /^staging\.network\.clientVpn\.clientCidr: got "10\.251\.1\.0\/22", expected the block to start at its network address/],
    ['NET-OPERATOR-ACCESS: an empty authorised group', 'staging', stagingVpn((v) => (v.authorizedGroupId = '')), /^staging\.network\.clientVpn\.authorizedGroupId: got "", expected a non-empty group ID$/],
  ])('fails on %s', (_name, env, change, message) => {
    expect(issuesOf(withChange(env, change))).toContainEqual(expect.stringMatching(message));
  });
});
