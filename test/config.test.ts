import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { withChange, issuesOf } from './support/config-cases';



describe('environment configuration', () => {
  test('the sample environments are valid and come back in order with their names', () => {
    const envs = loadEnvironments(ENVIRONMENTS);
    expect(envs.map((e) => [e.name, e.tier])).toEqual([
      ['staging', 'staging'],
      ['production', 'production'],
    ]);
  });

  test('FND-DATA-RESIDENCY: both sample environments live in Singapore and allow no other region', () => {
    for (const env of loadEnvironments(ENVIRONMENTS)) {
      expect(env.region).toBe('ap-southeast-1');
      expect(env.allowedRegions).toEqual(['ap-southeast-1']);
    }
  });

  test('FND-ENV-SEPARATION: staging and production deploy to different accounts', () => {
    const [staging, production] = loadEnvironments(ENVIRONMENTS);
    expect(staging.account).not.toBe(production.account);
  });

  test('selecting one environment returns only it, but still validates all', () => {
    expect(loadEnvironments(ENVIRONMENTS, ['staging']).map((e) => e.name)).toEqual(['staging']);
    const broken = withChange('production', (e) => (e.account = 'nope'));
    expect(() => loadEnvironments(broken, ['staging'])).toThrow(/production\.account/);
  });

  test.each<[string, 'staging' | 'production', (e: any) => void, RegExp]>([
    ['a malformed account', 'staging', (e) => (e.account = '12345'), /^staging\.account: got "12345", expected a 12-digit AWS account ID$/],
    ['a malformed region', 'staging', (e) => (e.region = 'singapore'), /^staging\.region: got "singapore", expected an AWS region name/],
    ['a misspelt field names the unknown one and the required one it missed, without zod\'s wording', 'staging', (e) => (e.logs = { retentionDay: 90 }), /^staging\.logs\.retentionDays: got no value, expected a number \(the field is required\)$/],
    ['a value of the wrong type says which type', 'staging', (e) => (e.workload.desiredCount = 'three'), /^staging\.workload\.desiredCount: got "three", expected a number$/],
    ['an unknown field', 'staging', (e) => (e.vpcCidr = '10.0.0.0/16'), /^staging: got unknown field\(s\) vpcCidr, expected only the documented fields \(lib\/config\/schema\.ts\)$/],
    ['a missing field', 'staging', (e) => delete e.logs, /^staging\.logs: got no value, /],
    ['an unknown tier', 'staging', (e) => (e.tier = 'dev'), /^staging\.tier: got "dev", expected "staging" or "production"$/],
    ['a home region outside the allowed regions', 'staging', (e) => (e.allowedRegions = ['eu-west-1']), /^staging\.allowedRegions: got \["eu-west-1"\], the list must include the home region "ap-southeast-1"$/],
    ['FND-AZ-COUNT: fewer than 3 zones in production', 'production', (e) => (e.availabilityZones = ['ap-southeast-1a', 'ap-southeast-1b']), /^production\.availabilityZones: got 2 zones, production needs at least 3$/],
    ['NET-MULTI-AZ: a zone of another region', 'staging', (e) => (e.availabilityZones = ['ap-southeast-1a', 'eu-west-1b']), /^staging\.availabilityZones\[1\]: got "eu-west-1b", expected a zone of ap-southeast-1/],
    ['NET-MULTI-AZ: a zone the region does not have', 'production', (e) => (e.availabilityZones = ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1d']), /^production\.availabilityZones\[2\]: got "ap-southeast-1d", expected a zone of ap-southeast-1: ap-southeast-1a, ap-southeast-1b, ap-southeast-1c$/],
    ['NET-MULTI-AZ: a region whose zones are not known', 'staging', (e) => ((e.region = 'xx-north-9'), (e.allowedRegions = ['xx-north-9'])), /^staging\.region: got "xx-north-9", expected a region whose zones lib\/aws-facts\/availability-zones\.ts lists/],
    ['NET-MULTI-AZ: a placeholder zone', 'staging', (e) => (e.availabilityZones = ['dummy1a', 'dummy1b']), /^staging\.availabilityZones\[0\]: got "dummy1a", expected a zone of ap-southeast-1/],
    ['NET-MULTI-AZ: a repeated zone', 'staging', (e) => (e.availabilityZones = ['ap-southeast-1a', 'ap-southeast-1a']), /^staging\.availabilityZones: got .*, each zone may appear once \(repeated: ap-southeast-1a\)$/],
    ['NET-MULTI-AZ: more than six zones', 'staging', (e) => (e.availabilityZones = 'abcdefg'.split('').map((l) => `ap-southeast-1${l}`)), /^staging\.availabilityZones: got .*, expected at most 6 zones$/],
    ['NET-TIERED-SUBNETS: an invalid CIDR', 'staging', (e) => (e.network.vpcCidr = '10.300.0.0/16'), /^staging\.network\.vpcCidr: got "10\.300\.0\.0\/16", expected an IPv4 CIDR block/],
    ['NET-TIERED-SUBNETS: a VPC CIDR too large', 'staging', (e) => (e.network.vpcCidr = '10.0.0.0/8'), /^staging\.network\.vpcCidr: got "10\.0\.0\.0\/8", expected a prefix from \/16 to \/20/],
    ['NET-TIERED-SUBNETS: a CIDR with host bits', 'staging', (e) => (e.network.vpcCidr = '10.20.1.0/16'), /^staging\.network\.vpcCidr: got "10\.20\.1\.0\/16", expected the block to start at its network address/],
    ['NET-TIERED-SUBNETS: overlapping VPC CIDRs', 'production', (e) => (e.network.vpcCidr = '10.20.0.0/17'), /^production\.network\.vpcCidr: got "10\.20\.0\.0\/17", must not overlap staging's 10\.20\.0\.0\/16/],
    ['NET-MULTI-AZ: more NAT gateways than zones', 'staging', (e) => (e.network.natGateways = 4), /^staging\.network\.natGateways: got 4, expected at most one per availability zone \(3\)$/],
    ['a malformed alert address', 'staging', (e) => (e.alerts.emails = ['not-an-address']), /^staging\.alerts\.emails\[0\]: got "not-an-address", expected an e-mail address$/],
    ['no alert address', 'staging', (e) => (e.alerts.emails = []), /^staging\.alerts\.emails: got \[\], expected at least one alert e-mail address$/],
    ['EDGE-HTTPS-ONLY: a malformed certificate ARN', 'staging', (e) => (e.edge.certificateArn = 'arn:aws:acm:cert'), /^staging\.edge\.certificateArn: got "arn:aws:acm:cert", expected an ACM certificate ARN/],
    ['EDGE-HTTPS-ONLY: a certificate from another region', 'staging', (e) => (e.edge.certificateArn = e.edge.certificateArn.replace('ap-southeast-1', 'us-east-1')), /^staging\.edge\.certificateArn: got .*, expected a certificate in the home region ap-southeast-1, not us-east-1$/],
    ['EDGE-HTTPS-ONLY: a certificate from another account', 'staging', (e) => (e.edge.certificateArn = e.edge.certificateArn.replace('111111111111', '333333333333')), /^staging\.edge\.certificateArn: got .*, expected a certificate of the environment's account 111111111111, not 333333333333$/],
    ['TEN-DEDICATED-DATASTORE: a malformed tenant ID', 'staging', (e) => (e.data.tenants = [{ id: 'Acme Corp', displayName: 'Acme' }]), /^staging\.data\.tenants\[0\]\.id: got "Acme Corp", expected 2-20 lower-case letters or digits/],
    ['TEN-DEDICATED-DATASTORE: a duplicate tenant ID', 'staging', (e) => e.data.tenants.push({ id: 'acme', displayName: 'Acme again' }), /^staging\.data\.tenants\[2\]\.id: got "acme", tenant IDs must be unique$/],
    ['a log retention CloudWatch does not offer', 'staging', (e) => (e.logs.retentionDays = 100), /^staging\.logs\.retentionDays: got 100, expected one of CloudWatch Logs' retention periods/],
    ['LOG-ENCRYPTED-RETAINED: a production log retention below a year', 'production', (e) => (e.logs.retentionDays = 90), /^production\.logs\.retentionDays: got 90, production keeps logs at least 365 days$/],
    ['FND-ENV-SEPARATION: staging in the production account', 'staging', (e) => (e.account = '222222222222'), /^staging\.account: got "222222222222", a staging environment must not share production's account \(production\)$/],
  ])('fails on %s', (_name, env, change, message) => {
    const issues = issuesOf(withChange(env, change));
    expect(issues).toContainEqual(expect.stringMatching(message));
  });

  test('fails on an unknown environment selection, naming the ones that exist', () => {
    expect(() => loadEnvironments(ENVIRONMENTS, ['prod'])).toThrow(/env: got "prod", expected one of staging, production/);
  });

  test('collects every problem of every environment into one error', () => {
    const table = withChange('staging', (e) => {
      e.account = 'x';
      e.logs.retentionDays = 2;
    });
    (table.production as any).availabilityZones = ['ap-southeast-1a'];
    const issues = issuesOf(table);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^staging\.account:/),
        expect.stringMatching(/^staging\.logs\.retentionDays:/),
        expect.stringMatching(/^production\.availabilityZones:/),
      ]),
    );
    expect(() => loadEnvironments(table)).toThrow(/Invalid configuration: \d+ issues:\n {2}- /);
  });

  test('NET-MULTI-AZ: a schema error in one field does not hide a cross-field error in another', () => {
    const table = withChange('staging', (e) => {
      e.alerts.emails = ['not-an-address'];
      e.availabilityZones = ['eu-west-1a', 'ap-southeast-1b'];
    });
    expect(issuesOf(table)).toEqual([
      'staging.alerts.emails[0]: got "not-an-address", expected an e-mail address',
      'staging.availabilityZones[0]: got "eu-west-1a", expected a zone of ap-southeast-1: ap-southeast-1a, ap-southeast-1b, ap-southeast-1c',
    ]);
  });

  test('FND-ENV-SEPARATION: the shared-account rule still runs when staging also has a schema error', () => {
    const table = withChange('staging', (e) => {
      e.account = '222222222222';
      e.logs.retentionDays = 100;
    });
    const issues = issuesOf(table);
    expect(issues).toContainEqual(expect.stringMatching(/^staging\.logs\.retentionDays: got 100, /));
    expect(issues).toContainEqual('staging.account: got "222222222222", a staging environment must not share production\'s account (production)');
  });

  test('a cross-field rule whose input failed the schema reports nothing derived from it', () => {
    // The region is broken: the zone rule (which reads it) stays silent instead of "expected a zone of undefined".
    const issues = issuesOf(withChange('staging', (e) => (e.region = 'singapore')));
    expect(issues).toEqual([expect.stringMatching(/^staging\.region: got "singapore", /)]);
  });

  test('fails on an environment name that cannot prefix stack names', () => {
    const table: Record<string, unknown> = { ...structuredClone(ENVIRONMENTS), Prod_1: structuredClone(ENVIRONMENTS.production) };
    expect(issuesOf(table)).toContainEqual('Prod_1: got environment name "Prod_1", expected 2-20 lower-case letters, digits or hyphens');
  });
});
