/**
 * DatabaseShard: the parts the tenant databases of one shard share, built alone in a stack of
 * their own, so that each holds without the data stack around it.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DATABASE_PORT } from '../lib/constants/ports';
import { DatabaseShard, type DatabaseShardProps } from '../lib/constructs/data/database-shard';

function build(change: Partial<DatabaseShardProps> = {}) {
  const stack = new Stack(new App(), 'Data7', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
  const workloadSecurityGroup = new ec2.SecurityGroup(stack, 'Workload', { vpc });
  const shard = new DatabaseShard(stack, { shard: 7, vpc, workloadSecurityGroup, ...change });
  let template: Template | undefined;
  // Synthesized on first use: a test may still add to the stack before.
  return { stack, vpc, shard, template: () => (template ??= Template.fromStack(stack)), workloadId: stack.getLogicalId(workloadSecurityGroup.node.defaultChild as ec2.CfnSecurityGroup) };
}

/** The parameters of the shard's parameter group as the template holds them. */
function renderedParameters(change: Partial<DatabaseShardProps>): Record<string, string> {
  const { shard, template } = build(change);
  // An RDS parameter group is rendered once a cluster uses it, as each tenant database does.
  shard.parameterGroup.parameterGroup.bindToCluster({});
  const groups = Object.values<any>(template().findResources('AWS::RDS::DBClusterParameterGroup'));
  expect(groups.length).toBe(1);
  return groups[0].Properties.Parameters;
}

describe('DatabaseShard', () => {
  test('DB-NETWORK-ACCESS: the database security group admits the workload security group on the database port and nothing else, and sends nothing out', () => {
    const { template, shard, stack, workloadId } = build();
    const groupId = stack.getLogicalId(shard.securityGroup.node.defaultChild as ec2.CfnSecurityGroup);
    const group = template().toJSON().Resources[groupId];
    // No inline ingress, and CDK's deny-all placeholder as the only egress (allowAllOutbound off).
    expect(group.Properties.SecurityGroupIngress).toBeUndefined();
    expect(group.Properties.SecurityGroupEgress).toEqual([{ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 }]);
    const ingress = Object.values<any>(template().findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
    expect(ingress).toEqual([
      {
        GroupId: { 'Fn::GetAtt': [groupId, 'GroupId'] },
        SourceSecurityGroupId: { 'Fn::GetAtt': [workloadId, 'GroupId'] },
        IpProtocol: 'tcp',
        FromPort: DATABASE_PORT,
        ToPort: DATABASE_PORT,
        Description: 'PostgreSQL from the workload tasks',
      },
    ]);
  });

  test('DB-NETWORK-ACCESS: the subnet group holds exactly the isolated subnets of the VPC', () => {
    const { template, vpc, stack } = build();
    const isolated = vpc.isolatedSubnets.map((s) => ({ Ref: stack.getLogicalId(s.node.defaultChild as ec2.CfnSubnet) }));
    expect(isolated.length).toBe(2);
    template().hasResourceProperties('AWS::RDS::DBSubnetGroup', { SubnetIds: isolated, DBSubnetGroupDescription: 'Isolated subnets of the tenant databases of shard 7' });
  });

  test('DB-TLS, DB-AUDIT-LOGGING: the one parameter group of the shard forces TLS 1.2+ and audits DDL, role changes and writes', () => {
    expect(renderedParameters({})).toEqual(expect.objectContaining({ 'rds.force_ssl': '1', ssl_min_protocol_version: 'TLSv1.2', 'pgaudit.log': 'ddl,role,write' }));
  });

  test('DB-AUDIT-LOGGING: with auditReads, the parameter group also audits reads', () => {
    expect(renderedParameters({ auditReads: true })['pgaudit.log']).toBe('ddl,role,write,read');
  });

  test('the construct paths of the parts are those of the deployed data stacks (no resource is replaced)', () => {
    const { shard } = build();
    expect([shard.securityGroup, shard.subnetGroup, shard.parameterGroup, shard.monitoringRole].map((c) => c.node.path)).toEqual([
      'Data7/DatabaseSecurityGroup',
      'Data7/DatabaseSubnets',
      'Data7/DatabaseParameters',
      'Data7/DatabaseMonitoringRole/Resource',
    ]);
  });

  test('databaseProps hands each tenant database the security group, subnet group, parameter group and monitoring role of the shard', () => {
    const { shard, vpc } = build();
    expect(shard.databaseProps).toEqual({
      vpc,
      securityGroups: [shard.securityGroup],
      subnetGroup: shard.subnetGroup,
      parameterGroup: shard.parameterGroup,
      monitoringRole: shard.monitoringRole,
    });
  });

  test.each([0, 1.5, -1])('fails on shard %p', (shard) => {
    expect(() => build({ shard })).toThrow(/DatabaseShard Data7: shard: got .*, expected a whole number, at least 1/);
  });
});
