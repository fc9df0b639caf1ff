import { CfnOutput } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { EncryptionKey } from '../constructs/common/encryption-key';
import { HttpsLoadBalancer } from '../constructs/edge/https-load-balancer';
import { ShieldProtection } from '../constructs/edge/shield-protection';
import { EdgeWebAcl } from '../constructs/edge/web-acl';
import type { AlertTopics } from '../constructs/monitoring/alert-topics';
import { FargateWorkload } from '../constructs/workload/fargate-workload';
import { WorkloadAlarms } from '../constructs/workload/workload-alarms';
import { acknowledge } from '../nag/acknowledgements';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/** Props of {@link WorkloadStack}. */
export interface WorkloadStackProps extends BaselineStackProps {
  /** The environment's VPC (network stack). */
  readonly vpc: ec2.IVpc;
  /** The workload tier's security group (network stack), so data stacks can admit it. */
  readonly workloadSecurityGroup: ec2.ISecurityGroup;
  /** The alert topics (alerting stack); alarms notify the operations topic. */
  readonly topics: AlertTopics;
}

/**
 * The edge and the workload: the HTTPS load balancer, its WAF web ACL and (where enabled)
 * Shield Advanced protection, the Fargate service behind it, and their operational alarms. They
 * share a lifecycle and a stack, so the load balancer and its targets wire together without
 * cross-stack cycles.
 */
export class WorkloadStack extends BaselineStack {
  public readonly edge: HttpsLoadBalancer;
  public readonly webAcl: EdgeWebAcl;
  public readonly shield?: ShieldProtection;
  public readonly workload: FargateWorkload;
  public readonly alarms: WorkloadAlarms;

  constructor(scope: Construct, id: string, props: WorkloadStackProps) {
    const { vpc, workloadSecurityGroup, topics, ...rest } = props;
    super(scope, id, { description: `Edge and workload of ${props.config.name}: ALB, WAF, Shield, ECS Fargate`, ...rest });
    const { config } = this;
    const production = config.tier === 'production';

    const logKey = new EncryptionKey(this, 'LogKey', { description: `${config.name} edge and workload logs`, allowCloudWatchLogs: true });

    this.workload = new FargateWorkload(this, 'Workload', {
      vpc,
      clusterName: `${config.name}-workload`,
      securityGroup: workloadSecurityGroup,
      containerImage: config.workload.containerImage,
      containerUser: config.workload.containerUser,
      containerPort: config.workload.containerPort,
      healthCheckPath: config.workload.healthCheckPath,
      cpu: config.workload.cpu,
      memoryMiB: config.workload.memoryMiB,
      desiredCount: config.workload.desiredCount,
      writablePaths: config.workload.writablePaths,
      logKey: logKey.key,
      logRetentionDays: config.logs.retentionDays,
    });

    this.edge = new HttpsLoadBalancer(this, 'LoadBalancer', {
      vpc,
      certificateArn: config.edge.certificateArn,
      targetGroup: this.workload.targetGroup,
      accessLogRetentionDays: config.edge.accessLogRetentionDays,
      deletionProtection: production,
    });
    if (!production) acknowledge(this.edge.loadBalancer, 'stagingLoadBalancerDeletable');

    this.webAcl = new EdgeWebAcl(this, 'WebAcl', {
      resourceArn: this.edge.loadBalancer.loadBalancerArn,
      rateLimit: config.edge.wafRateLimit,
      logNameSuffix: config.name,
      logKey: logKey.key,
      logRetentionDays: config.logs.retentionDays,
    });

    if (config.edge.shieldAdvanced) {
      this.shield = new ShieldProtection(this, 'Shield', {
        name: `${config.name}-load-balancer`,
        resourceArn: this.edge.loadBalancer.loadBalancerArn,
        healthCheckArn: config.edge.healthCheckArn,
      });
    }

    // This stack creates no DNS record (the zone may live in another account): the output says
    // where the environment's domain must point.
    new CfnOutput(this, 'LoadBalancerDnsName', {
      description: `Alias or CNAME target for ${config.edge.domainName}`,
      value: this.edge.loadBalancer.loadBalancerDnsName,
    });

    this.alarms = new WorkloadAlarms(this, 'Alarms', {
      loadBalancer: this.edge.loadBalancer,
      targetGroup: this.workload.targetGroup,
      service: this.workload.service,
      desiredCount: config.workload.desiredCount,
      topic: topics.operations,
    });
  }
}
