import { Stack, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { receiveReadOnlyManagementEvents } from '../common/management-event-rule';
import { breakGlassEventPattern } from '../identity/break-glass-alert';
import { AlertDeadLetterQueue } from './alert-dead-letter-queue';
import { ROOT_SIGN_IN_PATTERN } from './finding-routing';


/** Props of {@link GlobalEventForwarding}. */
export interface GlobalEventForwardingProps {
  /** The home region, whose default event bus receives the events. Must differ from this stack's region. */
  readonly homeRegion: string;
  /** ARN of the break-glass role whose assumptions are forwarded (IAM-BREAK-GLASS-ALERT). */
  readonly breakGlassRoleArn: string;
  /**
   * Topics of this stack's region that the dead-letter alarm notifies (INC-ALERT-DELIVERY): a
   * CloudWatch alarm notifies topics of its own region only, and the dead-letter queue must be in
   * the rule's region.
   */
  readonly deadLetterAlarmTopics: readonly sns.ITopic[];
}

/**
 * EventBridge rules on this region's default bus that forward, unchanged, the events the home
 * region's rules exist for but never receive: root console sign-ins (INC-FINDING-ROUTING) and
 * assumptions of the break-glass role through the global STS endpoint (IAM-BREAK-GLASS-ALERT).
 * The patterns are the home rules' own ({@link ROOT_SIGN_IN_PATTERN}, {@link breakGlassEventPattern}),
 * and a forwarded event keeps its source, detail-type and detail, so the home rules page the
 * security topic for it without any change. Nothing is stored here: the rules hold no data and
 * the events are account sign-in metadata, no customer data.
 *
 * The target is the home default bus in the same account, which needs no bus policy (an identity
 * policy suffices within one account); EventBridge requires a role for a bus in another region.
 * The role may only `events:PutEvents` to that one bus, through a customer-managed policy
 * (NIST 800-53, PCI DSS and HIPAA packs reject inline ones). It trusts `events.amazonaws.com`
 * without a source condition: handing the role to a rule needs `iam:PassRole` in this account.
 */
export class GlobalEventForwarding extends Construct {
  /** The role EventBridge sends the events to the home bus with. */
  public readonly role: iam.IRole;
  /** The home region's default bus, the target of both rules. */
  public readonly homeBus: events.IEventBus;
  /** Forwards root console sign-ins. */
  public readonly rootSignIn: events.Rule;
  /** Forwards assumptions of the break-glass role. */
  public readonly breakGlass: events.Rule;
  /** Where EventBridge keeps events it could not forward (INC-ALERT-DELIVERY). */
  public readonly deadLetters: AlertDeadLetterQueue;

  constructor(scope: Construct, id: string, props: GlobalEventForwardingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (!Token.isUnresolved(stack.region) && stack.region === props.homeRegion) {
      // The home rules see this region's events already; a rule sending to its own bus would loop.
      throw new Error(`GlobalEventForwarding ${id}: homeRegion: got "${props.homeRegion}", the region of this stack; forward only from another region`);
    }
    this.homeBus = events.EventBus.fromEventBusArn(
      this,
      'HomeBus',
      stack.formatArn({ service: 'events', region: props.homeRegion, resource: 'event-bus', resourceName: 'default' }),
    );
    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      description: `EventBridge forwards root sign-ins and break-glass assumptions from ${stack.region} to the default bus of ${props.homeRegion}`,
    });
    this.deadLetters = new AlertDeadLetterQueue(this, 'DeadLetters', {
      purpose: `Root sign-ins and break-glass assumptions forwarded from ${stack.region}`,
      alarmTopics: props.deadLetterAlarmTopics,
      sources: ['eventbridge'],
    });
    const target = new targets.EventBus(this.homeBus, { role: this.role, deadLetterQueue: this.deadLetters.queue });
    this.rootSignIn = new events.Rule(this, 'RootSignIn', {
      description: `Forwards root console sign-ins recorded in ${stack.region} to the default bus of ${props.homeRegion}, where FindingRouting pages the security topic (INC-FINDING-ROUTING)`,
      eventPattern: ROOT_SIGN_IN_PATTERN,
      targets: [target],
    });
    this.breakGlass = new events.Rule(this, 'BreakGlass', {
      description: `Forwards assumptions of the break-glass role recorded in ${stack.region} (global STS endpoint) to the default bus of ${props.homeRegion}, where BreakGlassAlert pages the security topic (IAM-BREAK-GLASS-ALERT)`,
      eventPattern: breakGlassEventPattern(props.breakGlassRoleArn),
      targets: [target],
    });
    // STS assumptions are read-only management events, delivered only to rules in this state.
    receiveReadOnlyManagementEvents(this.breakGlass);
    for (const rule of [this.rootSignIn, this.breakGlass]) this.deadLetters.watch(rule);
  }
}
