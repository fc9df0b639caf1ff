import type { Construct } from 'constructs';
import { breakGlassRoleArn } from '../constructs/identity/break-glass-alert';
import { AlertTopics } from '../constructs/monitoring/alert-topics';
import { GLOBAL_EVENTS_REGION } from '../aws-facts/global-events';
import { GlobalEventForwarding } from '../constructs/monitoring/global-event-forwarding';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/**
 * The one stack outside the home region that every environment has (unless
 * `alerts.forwardGlobalEvents` is off or the home region is us-east-1): two EventBridge rules in
 * us-east-1, where AWS delivers root console sign-ins and global-endpoint STS calls, forwarding
 * them to the home region's default bus (INC-FINDING-ROUTING, IAM-BREAK-GLASS-ALERT). It holds no
 * customer data and references no other stack: the home bus and the break-glass role are
 * addressed by their fixed names, so it deploys in any order. Events it cannot forward wait in a
 * dead-letter queue whose alarm notifies this region's own pair of {@link AlertTopics}, subscribed
 * by the same addresses as the home topics (INC-ALERT-DELIVERY): a CloudWatch alarm can only
 * notify topics of its own region. It has no VPC and never reads the configured
 * availability zones (they belong to the home region).
 */
export class GlobalEventsStack extends BaselineStack {
  public readonly forwarding: GlobalEventForwarding;
  /** The alert topics of us-east-1, for the forwarding's dead-letter alarm. */
  public readonly topics: AlertTopics;

  constructor(scope: Construct, id: string, props: Omit<BaselineStackProps, 'region'>) {
    super(scope, id, {
      description: `Forwards root sign-ins and break-glass assumptions of ${props.config.name} from ${GLOBAL_EVENTS_REGION} to ${props.config.region}`,
      ...props,
      region: GLOBAL_EVENTS_REGION,
    });
    const { config } = this;
    const { alerts } = config;
    this.topics = new AlertTopics(this, 'Alerts', { envName: `${config.name} (${GLOBAL_EVENTS_REGION})`, emails: alerts.emails, httpsEndpoint: alerts.httpsEndpoint });
    this.forwarding = new GlobalEventForwarding(this, 'Forwarding', {
      homeRegion: config.region,
      breakGlassRoleArn: breakGlassRoleArn(this, config.name),
      deadLetterAlarmTopics: [this.topics.security, this.topics.operations],
    });
  }
}
