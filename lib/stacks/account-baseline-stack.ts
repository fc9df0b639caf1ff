import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { EncryptionKey } from '../constructs/common/encryption-key';
import { AccessAnalyzer } from '../constructs/audit/access-analyzer';
import { AccessLogBucket } from '../constructs/common/access-log-bucket';
import { AccountTrail } from '../constructs/audit/account-trail';
import { AuditBucket } from '../constructs/audit/audit-bucket';
import { CisAlarms } from '../constructs/audit/cis-alarms';
import { ConfigRecorder } from '../constructs/audit/config-recorder';
import { GuardDutyDetector } from '../constructs/audit/guardduty-detector';
import { AccountPasswordPolicy } from '../constructs/audit/password-policy';
import { SecurityHub } from '../constructs/audit/security-hub';
import { BACKUP_TAG } from '../constants/tags';
import { configRulesNonCompliant, DetectorDriftAlerts } from '../constructs/monitoring/detector-drift-alerts';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { acknowledge } from '../nag/acknowledgements';

/** Props of {@link AccountBaselineStack}. */
export interface AccountBaselineStackProps extends BaselineStackProps {
  /** The security alert topic (AlertingStack): every CIS alarm and non-compliant Config rule notifies it. */
  readonly securityTopic: sns.ITopic;
  /** The operations alert topic (AlertingStack): hears of drift alerts that could not be delivered. */
  readonly operationsTopic: sns.ITopic;
}

/**
 * The account-wide security services, which exist once per account and region: CloudTrail with
 * its locked bucket, AWS Config with its rules, GuardDuty, Security Hub, IAM Access Analyzer,
 * the account password policy and the CIS alarms on the trail. The stage adds this stack only
 * when `accountBaseline.enabled`; where the organisation runs these centrally the controls of
 * `ACCOUNT_BASELINE_CONTROLS` are inherited instead.
 */
export class AccountBaselineStack extends BaselineStack {
  public readonly trail: AccountTrail;
  public readonly configRecorder: ConfigRecorder;
  public readonly cisAlarms: CisAlarms;

  constructor(scope: Construct, id: string, props: AccountBaselineStackProps) {
    super(scope, id, {
      description: `Account baseline of ${props.config.name}: CloudTrail, AWS Config, GuardDuty, Security Hub, Access Analyzer, password policy, CIS alarms`,
      ...props,
    });
    const { config } = this;
    const baseline = config.accountBaseline;
    const key = new EncryptionKey(this, 'AuditKey', {
      description: `${config.name} audit trail, AWS Config history and their log groups`,
      allowCloudWatchLogs: true,
    });

    // Audit trail.
    const accessLogs = new AccessLogBucket(this, 'AccessLogs', { delivery: 's3-server-access-logs', retentionDays: baseline.trail.retentionDays });
    const trailBucket = new AuditBucket(this, 'TrailBucket', {
      encryptionKey: key.key,
      accessLogsBucket: accessLogs.bucket,
      accessLogsPrefix: 'trail/',
      retentionDays: baseline.trail.retentionDays,
      objectLock: { mode: baseline.trail.objectLockMode },
    });
    this.trail = new AccountTrail(this, 'Trail', {
      trailName: `${config.name}-account-trail`,
      bucket: trailBucket.bucket,
      encryptionKey: key.key,
      logRetentionDays: config.logs.retentionDays,
      excludeDataEventBuckets: [accessLogs.bucket.bucketArn],
    });
    this.cisAlarms = new CisAlarms(this, 'CisAlarms', { logGroup: this.trail.logGroup, alarmTopic: props.securityTopic });

    // Continuous monitoring. Config history is derived state (the recorder can rebuild it), so
    // its bucket is versioned but not Object-Locked.
    const configBucket = new AuditBucket(this, 'ConfigBucket', {
      encryptionKey: key.key,
      accessLogsBucket: accessLogs.bucket,
      accessLogsPrefix: 'config/',
      retentionDays: baseline.trail.retentionDays,
    });
    acknowledge(configBucket.bucket, 'controlTowerConfigBucketObjectLock');
    this.configRecorder = new ConfigRecorder(this, 'Config', {
      bucket: configBucket.bucket,
      maxSecretRotationDays: config.data.rotationDays,
      logRetentionDays: config.logs.retentionDays,
      passwordMaxAgeDays: baseline.passwordMaxAgeDays,
      trailBucketLock: { bucket: trailBucket.bucket, mode: baseline.trail.objectLockMode },
      dataTag: BACKUP_TAG,
    });
    // Drift: any of these rules finding a non-compliant resource pages the security topic.
    new DetectorDriftAlerts(this, 'DetectorDrift', {
      securityTopic: props.securityTopic,
      operationsTopic: props.operationsTopic,
      patterns: {
        ConfigRules: {
          description: 'A detector of the control catalog (an AWS Config rule of the account baseline) found a non-compliant resource.',
          pattern: configRulesNonCompliant(Object.values(this.configRecorder.rules).map((r) => r.configRuleName)),
        },
      },
    });
    new GuardDutyDetector(this, 'GuardDuty');
    const hub = new SecurityHub(this, 'SecurityHub', { standards: baseline.securityHubStandards });
    // Most Security Hub controls are AWS Config rules: the hub starts once Config records.
    hub.hub.node.addDependency(this.configRecorder.recorder, this.configRecorder.deliveryChannel);

    // Identity guardrails of the account.
    new AccessAnalyzer(this, 'AccessAnalyzer', { namePrefix: config.name, unusedAccessAgeDays: baseline.unusedAccessAgeDays });
    new AccountPasswordPolicy(this, 'PasswordPolicy', {
      maxPasswordAgeDays: baseline.passwordMaxAgeDays,
      logKey: key.key,
      logRetentionDays: config.logs.retentionDays,
    });
  }
}
