import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';

/** Props of {@link GuardDutyDetector}. */
export interface GuardDutyDetectorProps {
  /**
   * How often updated findings are published to EventBridge (new findings always within
   * five minutes).
   * @default 'FIFTEEN_MINUTES'
   */
  readonly findingPublishingFrequency?: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS';
}

/**
 * The account's GuardDuty detector (MON-GUARDDUTY) with the protection plans the workload uses:
 * S3 data events, RDS login activity (004 "login anomalies"), malware scans of EC2/EBS, Lambda
 * network activity, and runtime monitoring of ECS Fargate tasks with GuardDuty managing the
 * agent. EKS plans are off: the baseline runs no Kubernetes.
 */
export class GuardDutyDetector extends Construct {
  /** The detector. */
  public readonly detector: guardduty.CfnDetector;

  constructor(scope: Construct, id: string, props: GuardDutyDetectorProps = {}) {
    super(scope, id);
    const on = (name: string): guardduty.CfnDetector.CFNFeatureConfigurationProperty => ({ name, status: 'ENABLED' });
    const off = (name: string): guardduty.CfnDetector.CFNFeatureConfigurationProperty => ({ name, status: 'DISABLED' });
    this.detector = new guardduty.CfnDetector(this, 'Resource', {
      enable: true,
      findingPublishingFrequency: props.findingPublishingFrequency ?? 'FIFTEEN_MINUTES',
      // `features` supersedes the older `dataSources`; the two cannot be combined.
      features: [
        on('S3_DATA_EVENTS'),
        on('RDS_LOGIN_EVENTS'),
        on('EBS_MALWARE_PROTECTION'),
        on('LAMBDA_NETWORK_LOGS'),
        off('EKS_AUDIT_LOGS'),
        {
          name: 'RUNTIME_MONITORING',
          status: 'ENABLED',
          additionalConfiguration: [
            { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
            { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
            { name: 'EKS_ADDON_MANAGEMENT', status: 'DISABLED' },
          ],
        },
      ],
    });
    // CT.GUARDDUTY.PR.1 reads the legacy DataSources.S3Logs, which cannot be combined with Features.
    acknowledge(this.detector, 'controlTowerGuardDutyFeatures');
  }
}
