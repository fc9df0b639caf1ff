/**
 * Network controls read from the synthesized templates: tier network ACLs, VPC endpoints, no
 * admin ports anywhere, operator access.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ENVIRONMENTS } from './support/fixture';
import { cidrRange } from '../lib/aws-facts/cidr';
import { loadEnvironments } from '../lib/config/load';
import { ADMIN_PORTS, DATABASE_PORT } from '../lib/constants/ports';
import { OperatorVpn } from '../lib/constructs/network/operator-vpn';
import { TierNetworkAcls } from '../lib/constructs/network/tier-network-acls';
import { NetworkStack } from '../lib/stacks/network-stack';
import { acknowledgements, allResources, ENV_NAMES, template, templateJson } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const TIERS = ['Public', 'Private', 'Isolated'] as const;
const ANYWHERE = '0.0.0.0/0';

function resources(env: string, type: string): Array<[string, any]> {
  return Object.entries<any>(templateJson(env, 'Network').Resources).filter(([, r]) => r.Type === type);
}

/** Subnets of one tier: logical ID and CIDR. */
function subnets(env: string, tier: string): Array<{ id: string; cidr: string }> {
  return resources(env, 'AWS::EC2::Subnet')
    .filter(([, r]) => r.Properties.Tags.some((t: any) => t.Key === 'aws-cdk:subnet-name' && t.Value === tier))
    .map(([id, r]) => ({ id, cidr: r.Properties.CidrBlock }));
}

/** The logical IDs of the network ACLs a tier's subnets are associated with. */
function aclsOf(env: string, tier: string): string[] {
  const ids = new Set(subnets(env, tier).map((s) => s.id));
  return resources(env, 'AWS::EC2::SubnetNetworkAclAssociation')
    .filter(([, r]) => ids.has(r.Properties.SubnetId.Ref))
    .map(([, r]) => r.Properties.NetworkAclId.Ref);
}

/** A network ACL entry reduced to what it admits. */
interface Entry {
  egress: boolean;
  cidr: string;
  protocol: number;
  ports?: [number, number];
  icmp?: [number, number];
}

/** The entries of the ACL a tier's subnets use. */
function entriesOf(env: string, tier: string): Entry[] {
  const [acl] = aclsOf(env, tier);
  return resources(env, 'AWS::EC2::NetworkAclEntry')
    .filter(([, r]) => r.Properties.NetworkAclId.Ref === acl)
    .map(([, r]) => {
      const p = r.Properties;
      expect(p.RuleAction).toBe('allow');
      expect(p.Ipv6CidrBlock).toBeUndefined();
      return {
        egress: p.Egress,
        cidr: p.CidrBlock,
        protocol: p.Protocol,
        ...(p.PortRange ? { ports: [p.PortRange.From, p.PortRange.To] as [number, number] } : {}),
        ...(p.Icmp ? { icmp: [p.Icmp.Type, p.Icmp.Code] as [number, number] } : {}),
      };
    });
}

const TCP = 6;
const ICMP = 1;
const FRAGMENTATION_NEEDED: [number, number] = [3, 4];
/** TCP return ports with the admin ports cut out, as the ACLs must write them. */
const RETURN_PORTS: Array<[number, number]> = [
  [1024, 3388],
  [3390, 65535],
];

const routeTablesOf = (env: string, tier: string): string[] => {
  const ids = new Set(subnets(env, tier).map((s) => s.id));
  return resources(env, 'AWS::EC2::SubnetRouteTableAssociation')
    .filter(([, r]) => ids.has(r.Properties.SubnetId.Ref))
    .map(([, r]) => r.Properties.RouteTableId.Ref);
};

/**
 * Whether a tier's ACL lets one TCP packet through in one direction, as the VPC evaluates it:
 * some allow entry whose CIDR holds the remote address (the source inbound, the destination
 * outbound) and whose range holds the destination port. Every entry is an allow (`entriesOf`
 * checks that), so order does not matter and anything unmatched hits the implicit deny.
 */
function admits(entries: Entry[], packet: { egress: boolean; remote: number; port: number }): boolean {
  return entries.some((e) => {
    if (e.egress !== packet.egress || (e.protocol !== TCP && e.protocol !== -1)) return false;
    const { first, last } = cidrRange(e.cidr);
    const [from, to] = e.ports ?? [0, 65535];
    return first <= packet.remote && packet.remote <= last && from <= packet.port && packet.port <= to;
  });
}

/** An address inside a subnet (the tenth host), as the integer `admits` compares. */
const hostIn = (cidr: string): number => cidrRange(cidr).first + 10;

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const byKey = (a: Entry, b: Entry) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const sorted = (entries: Entry[]) => [...entries].sort(byKey);

describe.each(ENV_NAMES)('network controls of %s', (env) => {
  const config = CONFIGS[env];
  const vpcCidr = config.network.vpcCidr;
  const targetPort = config.workload.containerPort;

  test('NET-NACLS: every subnet is associated with its own tier network ACL, a different one per tier', () => {
    const tierAcls = TIERS.map((tier) => {
      const acls = aclsOf(env, tier);
      expect({ tier, associations: acls.length }).toEqual({ tier, associations: config.availabilityZones.length });
      expect({ tier, acls: new Set(acls).size }).toEqual({ tier, acls: 1 });
      return acls[0];
    });
    expect(new Set(tierAcls).size).toBe(3);
    const declared = resources(env, 'AWS::EC2::NetworkAcl').map(([id]) => id);
    expect(declared.sort()).toEqual([...tierAcls].sort());
    // Every subnet of the VPC has an association (none falls back to the default ACL).
    template(env, 'Network').resourceCountIs('AWS::EC2::SubnetNetworkAclAssociation', resources(env, 'AWS::EC2::Subnet').length);
  });

  test('NET-NACLS: the public ACL admits HTTPS, HTTP, TCP return ports and path-MTU ICMP, and sends HTTPS, return traffic and the target port to the private subnets', () => {
    const ingress = entriesOf(env, 'Public').filter((e) => !e.egress);
    expect(sorted(ingress)).toEqual(
      sorted([
        { egress: false, cidr: ANYWHERE, protocol: TCP, ports: [443, 443] },
        { egress: false, cidr: ANYWHERE, protocol: TCP, ports: [80, 80] },
        ...RETURN_PORTS.map((ports) => ({ egress: false, cidr: ANYWHERE, protocol: TCP, ports })),
        { egress: false, cidr: ANYWHERE, protocol: ICMP, icmp: FRAGMENTATION_NEEDED },
      ]),
    );
    const egress = entriesOf(env, 'Public').filter((e) => e.egress);
    expect(sorted(egress)).toEqual(
      sorted([
        { egress: true, cidr: ANYWHERE, protocol: TCP, ports: [443, 443] },
        { egress: true, cidr: ANYWHERE, protocol: TCP, ports: [1024, 65535] },
        { egress: true, cidr: vpcCidr, protocol: ICMP, icmp: FRAGMENTATION_NEEDED },
        ...subnets(env, 'Private').map((s) => ({ egress: true, cidr: s.cidr, protocol: TCP, ports: [targetPort, targetPort] as [number, number] })),
      ]),
    );
  });

  test('NET-NACLS: from 0.0.0.0/0 the private tier admits only TCP return ports (NAT responses, without the target port) and path-MTU ICMP; everything else only from the VPC', () => {
    const ingress = entriesOf(env, 'Private').filter((e) => !e.egress);
    const fromInternet = ingress.filter((e) => e.cidr === ANYWHERE);
    // The unprivileged target port (8080) falls inside the return range; it is cut out of it.
    const withoutTarget = RETURN_PORTS.flatMap(([from, to]): Array<[number, number]> =>
      targetPort >= from && targetPort <= to ? ([[from, targetPort - 1], [targetPort + 1, to]] as Array<[number, number]>).filter(([a, b]) => a <= b) : [[from, to]],
    );
    expect(withoutTarget.length).toBeGreaterThan(RETURN_PORTS.length);
    expect(sorted(fromInternet)).toEqual(
      sorted([
        ...withoutTarget.map((ports) => ({ egress: false, cidr: ANYWHERE, protocol: TCP, ports })),
        { egress: false, cidr: ANYWHERE, protocol: ICMP, icmp: FRAGMENTATION_NEEDED },
      ]),
    );
    for (const e of fromInternet) if (e.protocol === TCP) expect(e.ports![0]).toBeGreaterThanOrEqual(1024);
    expect(sorted(ingress.filter((e) => e.cidr !== ANYWHERE))).toEqual(
      sorted([
        { egress: false, cidr: vpcCidr, protocol: TCP, ports: [443, 443] },
        ...RETURN_PORTS.map((ports) => ({ egress: false, cidr: vpcCidr, protocol: TCP, ports })),
        ...subnets(env, 'Public').map((s) => ({ egress: false, cidr: s.cidr, protocol: TCP, ports: [targetPort, targetPort] as [number, number] })),
      ]),
    );
  });

  test(`NET-NACLS: the load balancer reaches every task on the container port (${targetPort} here) and the answer comes back, through both ACLs, in every pair of zones`, () => {
    const publicAcl = entriesOf(env, 'Public');
    const privateAcl = entriesOf(env, 'Private');
    // Ephemeral ports the load balancer may pick for its side (3389 is cut out of the return ranges).
    const clientPorts = [1024, 3388, 3390, 32768, 65535];
    const walks: Array<Record<string, unknown>> = [];
    for (const lb of subnets(env, 'Public')) {
      for (const task of subnets(env, 'Private')) {
        const [lbAddress, taskAddress] = [hostIn(lb.cidr), hostIn(task.cidr)];
        for (const clientPort of clientPorts) {
          walks.push({
            from: lb.cidr,
            to: task.cidr,
            clientPort,
            requestLeavesPublic: admits(publicAcl, { egress: true, remote: taskAddress, port: targetPort }),
            requestEntersPrivate: admits(privateAcl, { egress: false, remote: lbAddress, port: targetPort }),
            answerLeavesPrivate: admits(privateAcl, { egress: true, remote: lbAddress, port: clientPort }),
            answerEntersPublic: admits(publicAcl, { egress: false, remote: taskAddress, port: clientPort }),
          });
        }
      }
    }
    expect(walks).toHaveLength(config.availabilityZones.length ** 2 * clientPorts.length);
    for (const w of walks) {
      expect(w).toEqual({ ...w, requestLeavesPublic: true, requestEntersPrivate: true, answerLeavesPrivate: true, answerEntersPublic: true });
    }
  });

  test('NET-NACLS: the private tier does not admit the container port from the internet, only from the public subnets', () => {
    const privateAcl = entriesOf(env, 'Private');
    // A documentation address (RFC 5737) outside the VPC stands for any internet client.
    expect(admits(privateAcl, { egress: false, remote: cidrRange('203.0.113.10/32').first, port: targetPort })).toBe(false);
    const fromPublic = privateAcl.filter((e) => !e.egress && e.ports?.[0] === targetPort && e.ports[1] === targetPort);
    expect(fromPublic.map((e) => e.cidr).sort()).toEqual(subnets(env, 'Public').map((s) => s.cidr).sort());
  });

  test('NET-NACLS: the private tier sends only HTTPS beyond the VPC, return traffic inside it, and the database port to the isolated subnets', () => {
    const egress = entriesOf(env, 'Private').filter((e) => e.egress);
    expect(sorted(egress)).toEqual(
      sorted([
        { egress: true, cidr: ANYWHERE, protocol: TCP, ports: [443, 443] },
        { egress: true, cidr: vpcCidr, protocol: TCP, ports: [1024, 65535] },
        ...subnets(env, 'Isolated').map((s) => ({ egress: true, cidr: s.cidr, protocol: TCP, ports: [DATABASE_PORT, DATABASE_PORT] as [number, number] })),
      ]),
    );
  });

  test('NET-NACLS: the isolated ACL admits only the database port and HTTPS (a GuardDuty endpoint) from the private subnets, answers only them, and nothing from 0.0.0.0/0', () => {
    const privateCidrs = subnets(env, 'Private').map((s) => s.cidr).sort();
    const entries = entriesOf(env, 'Isolated');
    expect(entries.filter((e) => e.cidr === ANYWHERE)).toEqual([]);
    const ingress = entries.filter((e) => !e.egress);
    expect(sorted(ingress)).toEqual(
      sorted(
        privateCidrs.flatMap((cidr) => [
          { egress: false, cidr, protocol: TCP, ports: [DATABASE_PORT, DATABASE_PORT] as [number, number] },
          { egress: false, cidr, protocol: TCP, ports: [443, 443] as [number, number] },
        ]),
      ),
    );
    const egress = entries.filter((e) => e.egress);
    expect(egress.map((e) => e.cidr).sort()).toEqual(privateCidrs);
    for (const e of egress) expect(e).toEqual({ egress: true, cidr: e.cidr, protocol: TCP, ports: [1024, 65535] });
  });

  test('MON-GUARDDUTY: whichever subnet GuardDuty puts its guardduty-data endpoint in, the ACLs let every task subnet reach it on 443 and get the answer', () => {
    const privateSubnets = subnets(env, 'Private');
    expect(privateSubnets.length).toBeGreaterThan(0);
    const blocked: string[] = [];
    for (const tier of TIERS) {
      for (const endpoint of subnets(env, tier)) {
        for (const task of privateSubnets) {
          const path = [
            admits(entriesOf(env, 'Private'), { egress: true, remote: hostIn(endpoint.cidr), port: 443 }),
            admits(entriesOf(env, tier), { egress: false, remote: hostIn(task.cidr), port: 443 }),
            admits(entriesOf(env, tier), { egress: true, remote: hostIn(task.cidr), port: 40000 }),
            admits(entriesOf(env, 'Private'), { egress: false, remote: hostIn(endpoint.cidr), port: 40000 }),
          ];
          if (path.includes(false)) blocked.push(`${task.cidr} -> ${tier} ${endpoint.cidr}: ${path.join(',')}`);
        }
      }
    }
    expect(blocked).toEqual([]);
  });

  test('NET-NACLS: each tier ACL is acknowledged for AwsSolutions-VPC3 citing NET-NACLS, and for nothing else', () => {
    const onAcls = acknowledgements().filter((a) => a.constructPath.startsWith(`${env}/Network/Vpc/NetworkAcls/`));
    expect(onAcls.map((a) => a.constructPath).sort()).toEqual(TIERS.map((t) => `${env}/Network/Vpc/NetworkAcls/${t}`).sort());
    for (const a of onAcls) expect(a).toEqual({ constructPath: a.constructPath, rule: 'AwsSolutions-VPC3', reason: expect.stringMatching(/^\[NET-NACLS\] /) });
  });

  test('NET-PRIVATE-ENDPOINTS: the S3 gateway endpoint serves the private and isolated route tables, and only buckets of this account plus ECR layers and CloudFormation responses', () => {
    const [[, s3]] = resources(env, 'AWS::EC2::VPCEndpoint').filter(([, r]) => r.Properties.VpcEndpointType === 'Gateway');
    expect(JSON.stringify(s3.Properties.ServiceName)).toMatch(/\.s3"/);
    expect(s3.Properties.RouteTableIds.map((r: any) => r.Ref).sort()).toEqual([...routeTablesOf(env, 'Private'), ...routeTablesOf(env, 'Isolated')].sort());
    expect(s3.Properties.PolicyDocument.Statement).toEqual([
      { Sid: 'BucketsOfThisAccount', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': config.account } } },
      {
        Sid: 'EcrImageLayers',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::prod-${config.region}-starport-layer-bucket/*`,
      },
      {
        Sid: 'CloudFormationResponses',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 's3:PutObject',
        Resource: [
          `arn:aws:s3:::cloudformation-custom-resource-response-${config.region.replace(/-/g, '')}/*`,
          `arn:aws:s3:::cloudformation-waitcondition-${config.region}/*`,
        ],
      },
    ]);
  });

  test('NET-PRIVATE-ENDPOINTS: interface endpoints in every private subnet, private DNS on, limited to principals of this account', () => {
    const privateSubnets = subnets(env, 'Private').map((s) => s.id).sort();
    const interfaces = resources(env, 'AWS::EC2::VPCEndpoint').filter(([, r]) => r.Properties.VpcEndpointType === 'Interface');
    const services = interfaces.map(([, r]) => r.Properties.ServiceName.replace(`com.amazonaws.${config.region}.`, '')).sort();
    expect(services).toEqual(['ecr.api', 'ecr.dkr', 'kms', 'logs', 'secretsmanager', 'ssm', 'ssmmessages', 'sts']);
    const [[sgId]] = resources(env, 'AWS::EC2::SecurityGroup').filter(([, r]) => r.Properties.GroupDescription.startsWith('Interface endpoints'));
    for (const [, r] of interfaces) {
      expect(r.Properties.PrivateDnsEnabled).toBe(true);
      expect(r.Properties.SubnetIds.map((s: any) => s.Ref).sort()).toEqual(privateSubnets);
      expect(r.Properties.SecurityGroupIds).toEqual([{ 'Fn::GetAtt': [sgId, 'GroupId'] }]);
      if (r.Properties.ServiceName.endsWith('.ssmmessages')) continue;
      expect(r.Properties.PolicyDocument.Statement).toEqual([
        expect.objectContaining({ Effect: 'Allow', Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalAccount': config.account } } }),
      ]);
    }
  });

  test('NET-PRIVATE-ENDPOINTS: the endpoints admit HTTPS from the VPC CIDR only and send nothing', () => {
    template(env, 'Network').hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Interface endpoints'),
      SecurityGroupIngress: [Match.objectEquals({ CidrIp: vpcCidr, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() })],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
    });
  });

  test('NET-OPERATOR-ACCESS: Session Manager reaches the private tier through the SSM and SSM messages endpoints', () => {
    for (const service of ['ssm', 'ssmmessages']) {
      template(env, 'Network').hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: `com.amazonaws.${config.region}.${service}`,
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
      });
    }
  });

  test('NET-OPERATOR-ACCESS: a Client VPN endpoint exists exactly when the environment names a server certificate', () => {
    template(env, 'Network').resourceCountIs('AWS::EC2::ClientVpnEndpoint', config.network.clientVpn ? 1 : 0);
    if (!config.network.clientVpn) {
      template(env, 'Network').resourceCountIs('AWS::EC2::ClientVpnAuthorizationRule', 0);
      template(env, 'Network').resourceCountIs('AWS::EC2::ClientVpnTargetNetworkAssociation', 0);
    }
  });
});

describe('NET-OPERATOR-ACCESS: the Client VPN of production', () => {
  const config = CONFIGS.production;
  const vpn = config.network.clientVpn!;
  const t = () => template('production', 'Network');
  const privateCidrs = () => subnets('production', 'Private').map((s) => s.cidr).sort();

  test('NET-OPERATOR-ACCESS: the sample environments cover both modes: production has a Client VPN, staging none', () => {
    expect(vpn).toBeDefined();
    expect(CONFIGS.staging.network.clientVpn).toBeUndefined();
  });

  test('NET-OPERATOR-ACCESS: federated sign-in through the configured SAML provider, split tunnel, 8-hour sessions, connections logged to an encrypted log group', () => {
    const endpoint = resources('production', 'AWS::EC2::ClientVpnEndpoint')[0][1].Properties;
    expect(endpoint).toEqual(
      expect.objectContaining({
        AuthenticationOptions: [{ Type: 'federated-authentication', FederatedAuthentication: { SAMLProviderArn: vpn.samlProviderArn } }],
        ServerCertificateArn: vpn.serverCertificateArn,
        ClientCidrBlock: vpn.clientCidr,
        SplitTunnel: true,
        SessionTimeoutHours: 8,
        DisconnectOnSessionTimeout: true,
        ConnectionLogOptions: { Enabled: true, CloudwatchLogGroup: { Ref: expect.any(String) } },
      }),
    );
    const logGroup = templateJson('production', 'Network').Resources[endpoint.ConnectionLogOptions.CloudwatchLogGroup.Ref];
    expect(logGroup.Properties).toEqual(
      expect.objectContaining({ KmsKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^LogKey/), 'Arn'] }, RetentionInDays: config.logs.retentionDays }),
    );
  });

  test('NET-OPERATOR-ACCESS: associated with the private subnets and authorised to the private subnets only, for the configured group', () => {
    const associated = resources('production', 'AWS::EC2::ClientVpnTargetNetworkAssociation').map(([, r]) => r.Properties.SubnetId.Ref).sort();
    expect(associated).toEqual(subnets('production', 'Private').map((s) => s.id).sort());
    const rules = resources('production', 'AWS::EC2::ClientVpnAuthorizationRule').map(([, r]) => r.Properties);
    expect(rules.map((r) => r.TargetNetworkCidr).sort()).toEqual(privateCidrs());
    for (const r of rules) expect(r).toEqual(expect.objectContaining({ AuthorizeAllGroups: false, AccessGroupId: vpn.authorizedGroupId }));
  });

  test('NET-OPERATOR-ACCESS: the Client VPN security group admits nothing and sends only HTTPS to the private subnets', () => {
    const endpoint = resources('production', 'AWS::EC2::ClientVpnEndpoint')[0][1].Properties;
    const [sgRef] = endpoint.SecurityGroupIds;
    const sg = templateJson('production', 'Network').Resources[sgRef['Fn::GetAtt'][0]].Properties;
    expect(sg.SecurityGroupIngress).toBeUndefined();
    expect(sg.SecurityGroupEgress.map((e: any) => ({ ...e, Description: undefined }))).toEqual(
      privateCidrs().map((cidr) => ({ CidrIp: cidr, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: undefined })),
    );
    t().resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('NET-OPERATOR-ACCESS: OperatorVpn refuses a client range inside the VPC or outside /12-/22', () => {
    const { stack, vpc } = probeVpc();
    const props = {
      vpc,
      vpcCidr: '10.0.0.0/16',
      serverCertificateArn: vpn.serverCertificateArn,
      samlProvider: iam.SamlProvider.fromSamlProviderArn(stack, 'Idp', vpn.samlProviderArn),
      logKey: new kms.Key(stack, 'Key'),
      logRetentionDays: 30,
    };
    expect(() => new OperatorVpn(stack, 'Inside', { ...props, clientCidr: '10.0.4.0/22' })).toThrow(/clientCidr got 10\.0\.4\.0\/22, expected a range outside the VPC's 10\.0\.0\.0\/16/);
    expect(() => new OperatorVpn(stack, 'Small', { ...props, clientCidr: '10.9.0.0/24' })).toThrow(/clientCidr got 10\.9\.0\.0\/24, expected a prefix from \/12 to \/22/);
  });
});

describe('NET-NACLS: TierNetworkAcls validates its props', () => {
  test.each([22, 3389, 0, 65536])('NET-NACLS: TierNetworkAcls refuses %s as the target port (an admin port, or no TCP port)', (port) => {
    const { stack, vpc } = probeVpc();
    expect(() => new TierNetworkAcls(stack, 'Acls', { vpc, vpcCidr: '10.0.0.0/16', targetPort: port })).toThrow(
      new RegExp(`targetPort got ${port}, expected a TCP port \\(1-65535\\) other than 22, 3389`),
    );
  });

  test('NET-NACLS: TierNetworkAcls refuses an admin port as the database port, and a VPC without an isolated tier', () => {
    const { stack, vpc } = probeVpc();
    expect(() => new TierNetworkAcls(stack, 'Ssh', { vpc, vpcCidr: '10.0.0.0/16', targetPort: 80, databasePort: 22 })).toThrow(/databasePort got 22, expected a TCP port \(1-65535\) other than 22, 3389/);
    const flat = new ec2.Vpc(stack, 'Flat', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'), maxAzs: 2 });
    expect(() => new TierNetworkAcls(stack, 'TwoTiers', { vpc: flat, vpcCidr: '10.1.0.0/16', targetPort: 80 })).toThrow(/vpc got 2 public, 2 private and 0 isolated subnets, expected at least one of each/);
  });
});

describe('network stack with interface endpoints off, a mutual-TLS Client VPN and container port 9000 (not the default 8080) (built in-process)', () => {
  const base = CONFIGS.staging;
  const config = {
    ...base,
    workload: { ...base.workload, containerPort: 9000 },
    network: {
      ...base.network,
      interfaceEndpoints: false,
      clientVpn: {
        serverCertificateArn: `arn:aws:acm:${base.region}:${base.account}:certificate/44444444-4444-4444-8444-444444444444`,
        clientCertificateArn: `arn:aws:acm:${base.region}:${base.account}:certificate/55555555-5555-4555-8555-555555555555`,
        clientCidr: '10.251.0.0/22',
        samlProviderArn: `arn:aws:iam::${base.account}:saml-provider/operators-idp`,
      },
    },
  };
  const t = Template.fromStack(new NetworkStack(new App({ builtinCloudFormationValidation: false }), 'Network', { config }));

  test('NET-PRIVATE-ENDPOINTS: with interfaceEndpoints off (staging only) the S3 gateway endpoint stays and no interface endpoint or its group is made', () => {
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 1);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway', RouteTableIds: Match.anyValue() });
    expect(Object.values(t.findResources('AWS::EC2::SecurityGroup')).map((r: any) => r.Properties.GroupDescription)).not.toContainEqual(
      expect.stringMatching(/^Interface endpoints/),
    );
  });

  test('NET-OPERATOR-ACCESS: with a client CA certificate, operators need a device certificate and the IdP sign-in; without a group, every signed-in operator is authorised', () => {
    t.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      AuthenticationOptions: Match.arrayWith([
        { Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: config.network.clientVpn.clientCertificateArn } },
        { Type: 'federated-authentication', FederatedAuthentication: { SAMLProviderArn: config.network.clientVpn.samlProviderArn } },
      ]),
    });
    for (const rule of Object.values(t.findResources('AWS::EC2::ClientVpnAuthorizationRule'))) {
      expect(rule.Properties).toEqual(expect.objectContaining({ AuthorizeAllGroups: true }));
      expect(rule.Properties.TargetNetworkCidr).not.toBe(config.network.vpcCidr);
    }
  });

  test('NET-NACLS: the target-port entries follow workload.containerPort: 9000 from and to each subnet of the other tier, and nothing on 80', () => {
    const entries = Object.values(t.findResources('AWS::EC2::NetworkAclEntry')).map((r: any) => r.Properties);
    const onPort = (port: number) => entries.filter((e) => e.PortRange?.From === port && e.PortRange?.To === port);
    expect(onPort(9000).map((e) => ({ egress: e.Egress, acl: e.NetworkAclId.Ref.replace(/[0-9A-F]{8}$/, '') })).sort(byJson)).toEqual(
      [
        ...config.availabilityZones.map(() => ({ egress: true, acl: 'VpcNetworkAclsPublic' })),
        ...config.availabilityZones.map(() => ({ egress: false, acl: 'VpcNetworkAclsPrivate' })),
      ].sort(byJson),
    );
    // Port 80 stays the public listener's alone: inbound from anywhere to the public tier, never toward the tasks.
    expect(onPort(80).map((e) => ({ egress: e.Egress, cidr: e.CidrBlock, acl: e.NetworkAclId.Ref.replace(/[0-9A-F]{8}$/, '') }))).toEqual([
      { egress: false, cidr: ANYWHERE, acl: 'VpcNetworkAclsPublic' },
    ]);
  });

  test('NET-NACLS: the tier ACLs do not depend on the endpoints: the same three ACLs with their entries', () => {
    t.resourceCountIs('AWS::EC2::NetworkAcl', 3);
    t.resourceCountIs('AWS::EC2::SubnetNetworkAclAssociation', 3 * config.availabilityZones.length);
  });
});

/** A stack with a three-tier VPC, for construct validation tests (constructed, never synthesized). */
function probeVpc(): { stack: Stack; vpc: ec2.Vpc } {
  const stack = new Stack(new App(), 'Probe', { env: { account: '123456789012', region: 'ap-southeast-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    maxAzs: 2,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
  return { stack, vpc };
}

/** The port ranges an ingress rule admits, or 'all' for every protocol and port. */
function admittedPorts(protocol: string | number, from?: number, to?: number): 'all' | [number, number] | undefined {
  const p = String(protocol);
  if (p === '-1') return 'all';
  if (['tcp', 'udp', '6', '17'].includes(p)) return [from ?? 0, to ?? 65535];
  return undefined; // ICMP and others carry no ports
}

/** Every ingress rule of every stack: inline in a security group, standalone, or a NACL entry. */
function ingressRules(): Array<{ where: string; protocol: string | number; from?: number; to?: number }> {
  return allResources().flatMap(({ env, stackId, logicalId, type, props }) => {
    const where = `${env}/${stackId}/${logicalId}`;
    switch (type) {
      case 'AWS::EC2::SecurityGroup':
        return (props.SecurityGroupIngress ?? []).map((r: any) => ({ where, protocol: r.IpProtocol, from: r.FromPort, to: r.ToPort }));
      case 'AWS::EC2::SecurityGroupIngress':
        return [{ where, protocol: props.IpProtocol, from: props.FromPort, to: props.ToPort }];
      case 'AWS::EC2::NetworkAclEntry':
        return props.Egress === true || props.RuleAction === 'deny' ? [] : [{ where, protocol: props.Protocol, from: props.PortRange?.From, to: props.PortRange?.To }];
      default:
        return [];
    }
  });
}

/** The admin ports one rule admits. */
function adminPortsAdmitted(rule: { protocol: string | number; from?: number; to?: number }): number[] {
  const range = admittedPorts(rule.protocol, rule.from, rule.to);
  if (range === undefined) return [];
  return ADMIN_PORTS.filter((port) => range === 'all' || (range[0] <= port && port <= range[1]));
}

describe('NET-NO-ADMIN-PORTS: no ingress anywhere admits SSH or RDP', () => {
  test('NET-NO-ADMIN-PORTS: no security group, security group ingress or network ACL entry of any stack admits port 22 or 3389', () => {
    const rules = ingressRules();
    // The rule must see what it judges: the NACL entries and the endpoint group's rule at least.
    expect(rules.filter((r) => r.where.includes('NetworkAcls')).length).toBeGreaterThanOrEqual(ENV_NAMES.length * 9);
    const offending = rules.filter((r) => adminPortsAdmitted(r).length > 0).map((r) => ({ ...r, admits: adminPortsAdmitted(r) }));
    expect(offending).toEqual([]);
  });

  test.each<[string, { protocol: string | number; from?: number; to?: number }, number[]]>([
    ['all traffic', { protocol: '-1' }, [22, 3389]],
    ['all traffic as a NACL protocol number', { protocol: -1 }, [22, 3389]],
    ['SSH', { protocol: 'tcp', from: 22, to: 22 }, [22]],
    ['every TCP port', { protocol: 6, from: 0, to: 65535 }, [22, 3389]],
    ['TCP return ports in one range', { protocol: 6, from: 1024, to: 65535 }, [3389]],
    ['RDP over UDP', { protocol: 'udp', from: 3389, to: 3389 }, [3389]],
    ['TCP return ports split around RDP', { protocol: 6, from: 3390, to: 65535 }, []],
    ['ICMP', { protocol: 1 }, []],
  ])('NET-NO-ADMIN-PORTS: the check reads %s', (_name, rule, expected) => {
    expect(adminPortsAdmitted(rule)).toEqual(expected);
  });
});
