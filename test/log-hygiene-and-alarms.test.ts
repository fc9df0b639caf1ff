/**
 * Controls whose evidence is spread over several areas: log hygiene (the application logs, the
 * staff roles, PostgreSQL auditing and the WAF each keep client content out) and the operational
 * alarms (load balancer, workload and databases each raise their own).
 */
import { APP_LOG_TAG } from '../lib/constants/tags';
import { ENV_NAMES, allResources } from './support/synth';

const asList = (x: any): any[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

describe.each(ENV_NAMES)('log hygiene of %s', (env) => {
  const resources = () => allResources().filter((r) => r.env === env);

  test('LOG-NO-CLIENT-CONTENT: the application and database log groups are tagged as such and mask personal data', () => {
    const appGroups = resources().filter(
      (r) => r.type === 'AWS::Logs::LogGroup' && asList(r.props.Tags).some((t: any) => t.Key === APP_LOG_TAG.key && t.Value === APP_LOG_TAG.value),
    );
    // The workload's container log, and the PostgreSQL log of every tenant database (pgaudit
    // records statement text, which can hold literal customer values).
    expect([...new Set(appGroups.map((g) => g.stackId))].sort()).toEqual(['Data1', 'Workload']);
    expect(appGroups.filter((g) => g.stackId.startsWith('Data')).every((g) => String(g.props.LogGroupName).startsWith('/aws/rds/cluster/'))).toBe(true);
    for (const g of appGroups) {
      const statements = g.props.DataProtectionPolicy.Statement;
      const masks = statements.find((s: any) => s.Operation?.Deidentify?.MaskConfig !== undefined);
      expect(masks.DataIdentifier.length).toBeGreaterThanOrEqual(5);
      expect(masks.DataIdentifier).toEqual(expect.arrayContaining([expect.stringMatching(/EmailAddress$/), expect.stringMatching(/CreditCardNumber$/)]));
    }
    // The container logs go to that group, not to an unprotected one.
    const taskDefs = resources().filter((r) => r.type === 'AWS::ECS::TaskDefinition');
    for (const td of taskDefs) {
      const workloadGroup = appGroups.find((g) => g.stackId === td.stackId)!;
      for (const c of td.props.ContainerDefinitions) expect(c.LogConfiguration.Options['awslogs-group'].Ref).toBe(workloadGroup.logicalId);
    }
  });

  test('LOG-NO-CLIENT-CONTENT: only the administrator and break-glass roles can unmask logs; the others are denied it', () => {
    const roles = resources().filter((r) => r.type === 'AWS::IAM::Role');
    const nameOf = (stackId: string, logicalId: string) => String(roles.find((r) => r.stackId === stackId && r.logicalId === logicalId)?.props.RoleName ?? logicalId);
    const admins = [`${env}-administrator`, `${env}-break-glass`];
    for (const p of resources().filter((r) => r.type === 'AWS::IAM::ManagedPolicy' || r.type === 'AWS::IAM::Policy')) {
      const attached = [
        ...asList(p.props.Roles).map((x: any) => nameOf(p.stackId, x.Ref)),
        ...roles.filter((r) => r.stackId === p.stackId && asList(r.props.ManagedPolicyArns).some((a: any) => a?.Ref === p.logicalId)).map((r) => String(r.props.RoleName)),
      ];
      const unmasks = asList(p.props.PolicyDocument.Statement).some(
        (s: any) => s.Effect === 'Allow' && asList(s.Action).some((a: string) => a === '*' || a === 'logs:*' || a === 'logs:Unmask'),
      );
      if (unmasks) expect({ policy: p.logicalId, attached: attached.every((n) => admins.includes(n)) }).toEqual({ policy: p.logicalId, attached: true });
    }
    const deny = resources().find((r) => r.type === 'AWS::IAM::ManagedPolicy' && r.logicalId.startsWith('StaffCustomerDataDeny'))!;
    expect(deny.props.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Deny').flatMap((s: any) => asList(s.Action))).toContain('logs:Unmask');
  });

  test('LOG-NO-CLIENT-CONTENT: PostgreSQL audit logs never record bound parameter values', () => {
    const groups = resources().filter((r) => r.type === 'AWS::RDS::DBClusterParameterGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups.filter((x) => x.props.Parameters['pgaudit.log'] !== undefined)) {
      expect({ group: g.logicalId, logParameter: g.props.Parameters['pgaudit.log_parameter'] }).toEqual({ group: g.logicalId, logParameter: '0' });
    }
  });

  test('LOG-NO-CLIENT-CONTENT: WAF logs redact the authorization and cookie headers', () => {
    const logging = resources().filter((r) => r.type === 'AWS::WAFv2::LoggingConfiguration');
    expect(logging).toHaveLength(1);
    const redacted = logging[0].props.RedactedFields.map((f: any) => f.SingleHeader?.Name?.toLowerCase());
    expect(redacted).toEqual(expect.arrayContaining(['authorization', 'cookie']));
  });
});

describe.each(ENV_NAMES)('operational alarms of %s', (env) => {
  const alarms = () => allResources().filter((r) => r.env === env && r.type === 'AWS::CloudWatch::Alarm');
  const metricsOf = (namespace: string) =>
    alarms()
      .filter((a) => a.props.Namespace === namespace)
      .map((a) => a.props.MetricName);

  test('MON-OPERATIONAL-ALARMS: the load balancer alarms on 5xx responses and unhealthy targets', () => {
    expect(metricsOf('AWS/ApplicationELB')).toEqual(expect.arrayContaining(['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count', 'UnHealthyHostCount']));
  });

  test('MON-OPERATIONAL-ALARMS: every database cluster alarms on CPU, memory, local storage, connections and replica lag', () => {
    const clusters = allResources().filter((r) => r.env === env && r.type === 'AWS::RDS::DBCluster');
    const rdsAlarms = alarms().filter((a) => a.props.Namespace === 'AWS/RDS');
    for (const c of clusters) {
      const id = c.props.DBClusterIdentifier;
      const mine = rdsAlarms.filter((a) => JSON.stringify(a.props.Dimensions ?? []).includes(id));
      expect({ cluster: id, metrics: [...new Set(mine.map((a) => a.props.MetricName))].sort() }).toEqual({
        cluster: id,
        metrics: expect.arrayContaining(['AuroraReplicaLagMaximum', 'CPUUtilization', 'DatabaseConnections', 'FreeLocalStorage', 'FreeableMemory']),
      });
    }
  });

  test('MON-OPERATIONAL-ALARMS: the workload alarms when fewer tasks run than desired', () => {
    expect(metricsOf('ECS/ContainerInsights')).toContain('RunningTaskCount');
  });
});
