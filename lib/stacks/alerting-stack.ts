import { SecretValue } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlertTopics } from '../constructs/monitoring/alert-topics';
import { FindingRouting } from '../constructs/monitoring/finding-routing';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/**
 * The alert topics every other stack publishes to, and the EventBridge rules that route security
 * findings to them. Deployed first so that alarms anywhere can name a topic; it holds no data.
 * The finding routes live here, not in the account baseline, so they keep paging when the
 * organisation runs GuardDuty and Security Hub centrally and the baseline is off.
 */
export class AlertingStack extends BaselineStack {
  public readonly topics: AlertTopics;
  /** Rules routing GuardDuty, Security Hub and root sign-in events to the security topic. */
  public readonly findingRouting: FindingRouting;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, { description: `Alert topics of ${props.config.name}`, ...props });
    const { alerts } = this.config;
    this.topics = new AlertTopics(this, 'Alerts', {
      envName: this.config.name,
      emails: alerts.emails,
      httpsEndpoint: alerts.httpsEndpointSecret === undefined ? undefined : SecretValue.secretsManager(alerts.httpsEndpointSecret),
    });
    this.findingRouting = new FindingRouting(this, 'FindingRouting', {
      topic: this.topics.security,
      guardDutyMinSeverity: alerts.guardDutyMinSeverity,
    });
  }
}
