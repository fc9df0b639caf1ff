import { SecretValue } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlertTopics } from '../constructs/monitoring/alert-topics';
import { FindingRouting } from '../constructs/monitoring/finding-routing';
import { CATALOG } from '../controls/catalog';
import { detectorsOf } from '../controls/detectors';
import { DetectorDriftAlerts } from '../constructs/monitoring/detector-drift-alerts';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/** The Security Hub controls the catalog names as detectors, sorted. */
export function securityHubDetectorIds(): string[] {
  return [...new Set(CATALOG.flatMap((c) => detectorsOf(c).filter((d) => d.kind === 'security-hub').map((d) => d.name)))].sort();
}

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
  /** The rule paging the security topic when a Security Hub detector of the catalog fails. */
  public readonly detectorDrift: DetectorDriftAlerts;

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
      deadLetterAlarmTopics: [this.topics.security, this.topics.operations],
      deadLetterKey: this.topics.key.key,
    });
    // The finding route pages HIGH and CRITICAL findings only; a Security Hub control the catalog
    // names as a detector pages whatever its severity when it fails. It lives here, not in the
    // account baseline, so it keeps working when the organisation runs Security Hub. With
    // consolidated control findings each finding carries Compliance.SecurityControlId.
    // https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-event-formats.html
    // https://docs.aws.amazon.com/securityhub/latest/userguide/asff-top-level-attributes.html#asff-compliance
    this.detectorDrift = new DetectorDriftAlerts(this, 'DetectorDrift', {
      securityTopic: this.topics.security,
      operationsTopic: this.topics.operations,
      patterns: {
        SecurityHubControls: {
          description: 'A Security Hub control the control catalog names as a detector failed.',
          pattern: {
            source: ['aws.securityhub'],
            detailType: ['Security Hub Findings - Imported'],
            detail: {
              findings: {
                Compliance: { Status: ['FAILED'], SecurityControlId: securityHubDetectorIds() },
                Workflow: { Status: ['NEW'] },
                RecordState: ['ACTIVE'],
              },
            },
          },
        },
      },
    });
  }
}
