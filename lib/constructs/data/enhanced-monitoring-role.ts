import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';

/**
 * The role RDS enhanced monitoring assumes to publish OS metrics. Instead of the AWS managed
 * `AmazonRDSEnhancedMonitoringRole`, it carries the same permissions in a customer-managed
 * policy, narrowed to this account and region's `RDSOSMetrics` log group.
 */
export class EnhancedMonitoringRole extends Construct {
  /** The role. */
  public readonly role: ManagedPolicyRole;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const { account, region, partition } = Stack.of(this);
    const group = `arn:${partition}:logs:${region}:${account}:log-group:RDSOSMetrics`;
    this.role = new ManagedPolicyRole(this, 'Resource', {
      assumedBy: new iam.ServicePrincipal('monitoring.rds.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
      description: 'RDS enhanced monitoring: publishes OS metrics of the tenant databases to RDSOSMetrics',
    });
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonRDSEnhancedMonitoringRole.html
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'CreateMetricsLogGroup',
        actions: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy'],
        resources: [group],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteMetricsLogStreams',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams', 'logs:GetLogEvents'],
        resources: [`${group}:log-stream:*`],
      }),
    );
    // The finding names the ARN as the template holds it: with the partition known (cdk.json's
    // feature flags) it is a literal, otherwise cdk-nag renders the pseudo parameter.
    const renderedPartition = Token.isUnresolved(partition) ? '<AWS::Partition>' : partition;
    acknowledge(this.role, 'enhancedMonitoringLogStreams', [`Resource::arn:${renderedPartition}:logs:${region}:${account}:log-group:RDSOSMetrics:log-stream:*`]);
  }
}
