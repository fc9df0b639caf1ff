import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AlertDeadLetterQueue } from './alert-dead-letter-queue';

/** The runbook section a drift alert links to. */
export const DETECTOR_DRIFT_RUNBOOK = 'docs/audit.md#detector-drift';

/** Props of {@link DetectorDriftAlerts}. */
export interface DetectorDriftAlertsProps {
  /** The security topic, which a non-compliant detector pages. */
  readonly securityTopic: sns.ITopic;
  /** The operations topic, which also hears of drift alerts that could not be delivered. */
  readonly operationsTopic: sns.ITopic;
  /** Event patterns, by construct ID: each becomes one rule with the shared dead-letter queue. */
  readonly patterns: Readonly<Record<string, { readonly description: string; readonly pattern: events.EventPattern }>>;
}

/**
 * Pages the security topic when a detector of the catalog turns non-compliant (drift after
 * deployment): one EventBridge rule per pattern, each targeting the topic through the shared
 * alert dead-letter queue (`AlertDeadLetterQueue`, INC-ALERT-DELIVERY), whose alarms notify both
 * topics when an alert cannot be delivered or dead-lettered.
 */
export class DetectorDriftAlerts extends Construct {
  /** The rules, by construct ID. */
  public readonly rules: Record<string, events.Rule> = {};
  /** Their dead-letter queue. */
  public readonly deadLetters: AlertDeadLetterQueue;

  constructor(scope: Construct, id: string, props: DetectorDriftAlertsProps) {
    super(scope, id);
    const entries = Object.entries(props.patterns);
    if (entries.length === 0) throw new Error(`DetectorDriftAlerts ${id}: patterns: got none`);
    this.deadLetters = new AlertDeadLetterQueue(this, 'DeadLetters', {
      purpose: 'detector drift alerts',
      alarmTopics: [props.operationsTopic, props.securityTopic],
      sources: ['eventbridge'],
    });
    for (const [ruleId, { description, pattern }] of entries) {
      const rule = new events.Rule(this, ruleId, {
        description: `${description} Runbook: ${DETECTOR_DRIFT_RUNBOOK}`.slice(0, 512),
        eventPattern: pattern,
        targets: [new targets.SnsTopic(props.securityTopic, { ...this.deadLetters.targetProps })],
      });
      this.deadLetters.watch(rule);
      this.rules[ruleId] = rule;
    }
  }
}

/**
 * "Config Rules Compliance Change" events of the named rules turning NON_COMPLIANT.
 * https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html
 * https://docs.aws.amazon.com/config/latest/developerguide/example-config-rule-compliance-notification.html
 */
export function configRulesNonCompliant(ruleNames: string[]): events.EventPattern {
  return {
    source: ['aws.config'],
    detailType: ['Config Rules Compliance Change'],
    detail: { configRuleName: ruleNames, newEvaluationResult: { complianceType: ['NON_COMPLIANT'] } },
  };
}
