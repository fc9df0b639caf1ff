import { Tags, Token } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { APP_LOG_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';

/** The retention AWS Control Tower's CT.CLOUDWATCH.PR.2 asks of every log group. */
const ONE_YEAR_DAYS = 365;

/** Props of {@link SecureLogGroup}. */
export interface SecureLogGroupProps {
  /** Key that encrypts the log data; its policy must let CloudWatch Logs use it. */
  readonly encryptionKey: kms.IKey;
  /** Days to keep log events (one of CloudWatch Logs' retention periods). */
  readonly retentionDays: number;
  /**
   * Explicit log group name (WAF, for example, requires an `aws-waf-logs-` prefix).
   * @default - a name CloudFormation generates
   */
  readonly logGroupName?: string;
  /**
   * A CloudWatch Logs data protection policy that audits and masks sensitive data as it is
   * ingested. Application log groups carry one (LOG-NO-CLIENT-CONTENT).
   * @default - no data protection policy
   */
  readonly dataProtectionPolicy?: logs.DataProtectionPolicy;
}

/**
 * A CloudWatch log group that is KMS-encrypted with a customer-managed key and keeps events for
 * a bounded time (LOG-ENCRYPTED-RETAINED).
 */
export class SecureLogGroup extends Construct {
  /** The log group. */
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SecureLogGroupProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Resource', {
      encryptionKey: props.encryptionKey,
      retention: props.retentionDays as logs.RetentionDays,
      logGroupName: props.logGroupName,
      dataProtectionPolicy: props.dataProtectionPolicy,
    });
    // A group with a data protection policy holds application logs: the tag lets the SaasBaseline
    // pack (AppLogDataProtection) and the LOG-NO-CLIENT-CONTENT test find every such group.
    if (props.dataProtectionPolicy) Tags.of(this.logGroup).add(APP_LOG_TAG.key, APP_LOG_TAG.value);
    // Control Tower wants a year (CT.CLOUDWATCH.PR.2); production's floor guarantees it, and only
    // a group the config keeps shorter (staging) is acknowledged.
    if (!Token.isUnresolved(props.retentionDays) && props.retentionDays < ONE_YEAR_DAYS) acknowledge(this.logGroup, 'controlTowerShortLogRetention');
  }
}
