import type { Construct } from 'constructs';
import { AlertTopics } from '../constructs/monitoring/alert-topics';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/**
 * The alert topics every other stack publishes to. Deployed first so that alarms anywhere can
 * name a topic; it holds no data.
 */
export class AlertingStack extends BaselineStack {
  public readonly topics: AlertTopics;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, { description: `Alert topics of ${props.config.name}`, ...props });
    this.topics = new AlertTopics(this, 'Alerts', { envName: this.config.name, emails: this.config.alerts.emails });
  }
}
