import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { GUARDDUTY_SEVERITIES } from '../../aws-facts/guardduty';
import { AlertDeadLetterQueue } from './alert-dead-letter-queue';

/** GuardDuty severity label → lowest numeric severity of that band. */
export const GUARDDUTY_SEVERITY_FLOOR: Record<(typeof GUARDDUTY_SEVERITIES)[number], number> = {
  LOW: 1,
  MEDIUM: 4,
  HIGH: 7,
  CRITICAL: 9,
};

/** The runbook entry of each rule (docs/audit.md); the alarm table (docs/alarms.md) links each row to it. */
export const FINDING_RUNBOOKS = {
  guardDuty: 'docs/audit.md#guardduty-finding-inc-finding-routing',
  securityHub: 'docs/audit.md#security-hub-finding-inc-finding-routing',
  rootSignIn: 'docs/audit.md#root-sign-in-inc-finding-routing',
} as const;

/**
 * Console sign-ins of the root user. The home-region rule matches it, and so does the us-east-1
 * rule of `GlobalEventForwarding`, which forwards the events unchanged (source,
 * detail-type and detail intact) to the home region's bus: one pattern, so they cannot drift.
 */
export const ROOT_SIGN_IN_PATTERN: events.EventPattern = {
  source: ['aws.signin'],
  detailType: ['AWS Console Sign In via CloudTrail'],
  detail: { userIdentity: { type: ['Root'] } },
};

/** Props of {@link FindingRouting}. */
export interface FindingRoutingProps {
  /** Topic the findings page (the security alert topic). */
  readonly topic: sns.ITopic;
  /**
   * Lowest GuardDuty severity that pages.
   * @default 'MEDIUM'
   */
  readonly guardDutyMinSeverity?: (typeof GUARDDUTY_SEVERITIES)[number];
  /**
   * Topics the dead-letter alarm notifies (INC-ALERT-DELIVERY).
   * @default - the security topic only
   */
  readonly deadLetterAlarmTopics?: readonly sns.ITopic[];
  /**
   * Key of this stack that encrypts the dead-letter queue.
   * @default - a new key
   */
  readonly deadLetterKey?: kms.Key;
}

/**
 * EventBridge rules that page the security topic (INC-FINDING-ROUTING): GuardDuty findings at or
 * above a severity, new active Security Hub findings labelled HIGH or CRITICAL, and root console
 * sign-ins. Root console sign-ins are mostly recorded in us-east-1, and EventBridge delivers them
 * only there: the `GlobalEvents` stack forwards them to the home region's default bus, where the
 * root sign-in rule matches them like a home-region sign-in (and the multi-region trail's
 * RootAccountUse CIS alarm is the second net). The rules match events in the
 * account's default bus whoever runs the services, so they keep working when the organisation
 * runs GuardDuty and Security Hub centrally (findings of a member account also reach the
 * member's own bus).
 */
export class FindingRouting extends Construct {
  /** The GuardDuty rule. */
  public readonly guardDuty: events.Rule;
  /** The Security Hub rule. */
  public readonly securityHub: events.Rule;
  /** The root sign-in rule. */
  public readonly rootSignIn: events.Rule;
  /** Where EventBridge keeps findings it could not deliver to the topic. */
  public readonly deadLetters: AlertDeadLetterQueue;

  constructor(scope: Construct, id: string, props: FindingRoutingProps) {
    super(scope, id);
    const severity = props.guardDutyMinSeverity ?? 'MEDIUM';
    const floor = GUARDDUTY_SEVERITY_FLOOR[severity];
    if (floor === undefined) {
      throw new Error(`FindingRouting ${id}: guardDutyMinSeverity: got "${severity}", expected one of ${GUARDDUTY_SEVERITIES.join(', ')}`);
    }
    this.deadLetters = new AlertDeadLetterQueue(this, 'DeadLetters', {
      purpose: 'Security findings and root sign-ins',
      alarmTopics: props.deadLetterAlarmTopics ?? [props.topic],
      sources: ['eventbridge'],
      encryptionKey: props.deadLetterKey,
    });
    const target = new targets.SnsTopic(props.topic, this.deadLetters.targetProps);
    this.guardDuty = new events.Rule(this, 'GuardDuty', {
      description: `GuardDuty findings of severity ${severity} (${floor}.0) or higher page the security topic. Runbook: ${FINDING_RUNBOOKS.guardDuty}`,
      eventPattern: {
        source: ['aws.guardduty'],
        detailType: ['GuardDuty Finding'],
        detail: { severity: events.Match.greaterThanOrEqual(floor) },
      },
      targets: [target],
    });
    this.securityHub = new events.Rule(this, 'SecurityHub', {
      description: `New, active Security Hub findings labelled HIGH or CRITICAL page the security topic. Runbook: ${FINDING_RUNBOOKS.securityHub}`,
      eventPattern: {
        source: ['aws.securityhub'],
        detailType: ['Security Hub Findings - Imported'],
        detail: {
          findings: {
            Severity: { Label: ['HIGH', 'CRITICAL'] },
            Workflow: { Status: ['NEW'] },
            RecordState: ['ACTIVE'],
          },
        },
      },
      targets: [target],
    });
    this.rootSignIn = new events.Rule(this, 'RootSignIn', {
      description: `Console sign-ins of the root user, recorded in this region or forwarded by the GlobalEvents stack, page the security topic. Runbook: ${FINDING_RUNBOOKS.rootSignIn}`,
      eventPattern: ROOT_SIGN_IN_PATTERN,
      targets: [target],
    });
    for (const rule of [this.guardDuty, this.securityHub, this.rootSignIn]) this.deadLetters.watch(rule);
  }
}
