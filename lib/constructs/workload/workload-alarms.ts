import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Props of {@link WorkloadAlarms}. */
export interface WorkloadAlarmsProps {
  /** The internet-facing load balancer. */
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The workload's target group. */
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The workload's service. */
  readonly service: ecs.FargateService;
  /** The number of tasks the service should run. */
  readonly desiredCount: number;
  /** Where alarms and their recovery go (the operations topic). */
  readonly topic: sns.ITopic;
  /**
   * 5xx responses in 5 minutes at which the 5xx alarms fire.
   * @default 10
   */
  readonly errorThreshold?: number;
}

/**
 * The operational alarms of the edge and the workload (seed 004 "system errors"), each notifying
 * the operations topic when it fires and when it recovers. docs/edge.md holds their runbook.
 *
 * - `LoadBalancer5xx`: the load balancer itself answered 5xx (no healthy target, target refused
 *   or timed out).
 * - `Target5xx`: the application answered 5xx.
 * - `UnhealthyTargets`: at least one task failed its health check for 2 minutes.
 * - `RunningTasksBelowDesired`: fewer tasks running than desired for 10 minutes (crash loop,
 *   capacity, image pull failure); no data counts as breaching, because a service that reports
 *   nothing has no tasks.
 */
export class WorkloadAlarms extends Construct {
  /** The alarms, by name. */
  public readonly alarms: Record<'loadBalancer5xx' | 'target5xx' | 'unhealthyTargets' | 'runningTasksBelowDesired', cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: WorkloadAlarmsProps) {
    super(scope, id);
    const threshold = props.errorThreshold ?? 10;
    if (!Token.isUnresolved(threshold) && threshold < 1) throw new Error(`WorkloadAlarms ${id}: errorThreshold must be at least 1; got ${threshold}`);
    if (!Token.isUnresolved(props.desiredCount) && props.desiredCount < 1) throw new Error(`WorkloadAlarms ${id}: desiredCount must be at least 1; got ${props.desiredCount}`);
    const lbMetrics = props.loadBalancer.metrics;
    const tgMetrics = props.targetGroup.metrics;
    const fiveMinutes = { period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM };

    const alarm = (alarmId: string, description: string, options: Omit<cloudwatch.AlarmProps, 'alarmDescription'>) => {
      const a = new cloudwatch.Alarm(this, alarmId, { alarmDescription: `${description} Runbook: docs/edge.md#${alarmId.toLowerCase()}`, ...options });
      a.addAlarmAction(new actions.SnsAction(props.topic));
      a.addOkAction(new actions.SnsAction(props.topic));
      return a;
    };

    this.alarms = {
      loadBalancer5xx: alarm('LoadBalancer5xx', 'The load balancer returned 5xx responses itself.', {
        metric: lbMetrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, fiveMinutes),
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      target5xx: alarm('Target5xx', 'The workload answered with 5xx responses.', {
        metric: tgMetrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, fiveMinutes),
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      unhealthyTargets: alarm('UnhealthyTargets', 'At least one workload task fails its load balancer health check.', {
        metric: tgMetrics.unhealthyHostCount({ period: Duration.minutes(1), statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: 1,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      runningTasksBelowDesired: alarm('RunningTasksBelowDesired', `Fewer than ${props.desiredCount} workload tasks are running.`, {
        metric: new cloudwatch.Metric({
          namespace: 'ECS/ContainerInsights',
          metricName: 'RunningTaskCount',
          dimensionsMap: { ClusterName: props.service.cluster.clusterName, ServiceName: props.service.serviceName },
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MINIMUM,
        }),
        threshold: props.desiredCount,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
    };
  }
}
