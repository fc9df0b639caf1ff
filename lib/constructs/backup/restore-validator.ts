import * as path from 'path';
import { Aws, Duration, Names } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { EncryptionKey } from '../common/encryption-key';
import { handlerCode } from '../common/handler-bundling';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { SecureLogGroup } from '../common/secure-log-group';

/** Props of {@link RestoreValidator}. */
export interface RestoreValidatorProps {
  /** Days the function's log events are kept. */
  readonly logRetentionDays: number;
  /** Topic notified when a validation fails or the function errors (BAK-FAILURE-NOTICE). */
  readonly alertTopic: sns.ITopic;
}

/**
 * Checks every database restored by a restore test and reports the result to AWS Backup
 * (BAK-RESTORE-VALIDATION). An EventBridge rule on `Restore Job State Change` COMPLETED invokes a
 * TypeScript function (`lib/lambda/restore-validation`, bundled by esbuild without Docker) that
 * verifies the restored cluster is available, encrypted with the recovery point's key and forces
 * TLS, then calls `backup:PutRestoreValidationResult`. Failed validations and function errors raise
 * alarms on the alert topic.
 *
 * The function reads only AWS APIs and never connects to the restored database, so it runs
 * outside the VPC (see the `restoreValidatorFunction` acknowledgement).
 */
export class RestoreValidator extends Construct {
  /** The validation function. */
  public readonly function: nodejs.NodejsFunction;
  /** The function's execution role. */
  public readonly role: ManagedPolicyRole;
  /** Where events the function failed on land after retries. */
  public readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: RestoreValidatorProps) {
    super(scope, id);
    const key = new EncryptionKey(this, 'Key', { description: 'restore validation logs and dead letters', allowCloudWatchLogs: true });
    const logGroup = new SecureLogGroup(this, 'Logs', { encryptionKey: key.key, retentionDays: props.logRetentionDays });
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.deadLetterQueue, 'deadLetterQueue');

    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Restore validation: reads restore jobs and restored clusters, reports the result',
    });
    // Pseudo parameters rather than the pinned literals keep the policy (and its acknowledgement) alike in every environment.
    const arn = (service: string, resource: string) => `arn:${Aws.PARTITION}:${service}:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}:*`;
    // Restored clusters get names AWS Backup chooses at restore time, so the cluster ARNs are wildcarded.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'DescribeRestoredClusters', actions: ['rds:DescribeDBClusters'], resources: [arn('rds', 'cluster')] }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ReadClusterParameters', actions: ['rds:DescribeDBClusterParameters'], resources: [arn('rds', 'cluster-pg')] }),
    );
    // A recovery point's ARN is that of the resource type's own service: AWS Backup's
    // recovery-point ARN for fully managed types and continuous points, but the RDS snapshot's
    // ARN (arn:aws:rds:...:cluster-snapshot:awsbackup:job-...) for the Aurora snapshots a restore
    // test restores. IAM authorizes backup:DescribeRecoveryPoint on that ARN
    // (arn:${Partition}:${Vendor}:${Region}:*:${ResourceType}:${RecoveryPointId}), so both are granted.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadRecoveryPoints',
        actions: ['backup:DescribeRecoveryPoint'],
        resources: [arn('backup', 'recovery-point'), arn('rds', 'cluster-snapshot')],
      }),
    );
    // backup:DescribeRestoreJob and backup:PutRestoreValidationResult define no resource type in
    // IAM's service authorization reference, so they can only be granted on "*".
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReportRestoreValidation',
        actions: ['backup:DescribeRestoreJob', 'backup:PutRestoreValidationResult'],
        resources: ['*'],
      }),
    );
    logGroup.logGroup.grantWrite(this.role);
    // The dead-letter queue is KMS-encrypted: sending to it needs these two key actions too
    // (the Function's own DLQ grant covers only sqs:SendMessage).
    key.key.grant(this.role, 'kms:GenerateDataKey', 'kms:Decrypt');
    acknowledge(this.role, 'restoreValidatorRole');

    const entry = path.join(__dirname, '..', '..', 'lambda', 'restore-validation', 'index.ts');
    this.function = new nodejs.NodejsFunction(this, 'Resource', {
      code: handlerCode(entry, { sourceMap: false }),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      description: 'Validates AWS Backup restore tests of the databases (BAK-RESTORE-VALIDATION)',
      role: this.role,
      logGroup: logGroup.logGroup,
      timeout: Duration.minutes(2),
      memorySize: 256,
      // No reserved concurrency: Lambda keeps at least 100 of the account's concurrency
      // unreserved ("Configuring reserved concurrency for a function",
      // https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html), and new
      // accounts start with a reduced concurrency quota ("Lambda quotas",
      // https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), so any
      // reservation fails the deploy there. Restore tests run a few times a week; the event
      // rate, not a cap, keeps this function small.
      // JSON log format: the runtime writes every console call as one JSON object with its own
      // "level" (ERROR for console.error), which the failure metric filter below matches. A JSON
      // filter pattern only matches events that are JSON as a whole, so in the default Text
      // format the alarm could never fire. "Configuring JSON and plain text log formats",
      // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      deadLetterQueue: this.deadLetterQueue,
      retryAttempts: 2,
      // The same queue also receives Lambda's invocation record (request, error and response) of
      // an event that failed every attempt; the dead-letter copy holds only the event. Lambda
      // allows a destination in addition to a dead-letter queue:
      // https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
      // Not SqsDestination: its grant adds kms:ReEncrypt* and GenerateDataKey*, while the role
      // already holds what sending needs (sqs:SendMessage from the dead-letter grant, and
      // kms:GenerateDataKey and Decrypt on the key below).
      onFailure: { bind: () => ({ destination: this.deadLetterQueue.queueArn }) },
    });
    acknowledge(this.function, 'restoreValidatorFunction');

    // A fixed name lets the key policy name the rule without a reference (rule -> queue -> key -> rule would be a cycle).
    const ruleName = `${Names.uniqueResourceName(this, { maxLength: 50 })}-OnRestore`;
    new events.Rule(this, 'OnRestoreCompleted', {
      ruleName,
      description: 'AWS Backup restore job completed: validate the restored resource',
      eventPattern: { source: ['aws.backup'], detailType: ['Restore Job State Change'], detail: { status: ['COMPLETED'] } },
      targets: [new targets.LambdaFunction(this.function, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 4 })],
    });
    // EventBridge writes undeliverable events to the encrypted queue: it needs the key, for this rule only.
    // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
    key.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowEventBridgeDeadLetters',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { ArnEquals: { 'aws:SourceArn': `arn:${Aws.PARTITION}:events:${Aws.REGION}:${Aws.ACCOUNT_ID}:rule/${ruleName}` } },
      }),
    );

    // The function logs every failed validation or dropped event with console.error, which the
    // JSON log format above writes as {"level":"ERROR",...}. The handler reports FAILED without
    // throwing, so this filter (not the Errors metric) is what pages for a failed restore test.
    const failures = new logs.MetricFilter(this, 'FailedValidations', {
      logGroup: logGroup.logGroup,
      filterPattern: logs.FilterPattern.stringValue('$.level', '=', 'ERROR'),
      metricNamespace: 'SaasSecurityBaseline/Backup',
      metricName: 'RestoreValidationFailures',
      metricValue: '1',
    });
    const alarms: Array<[string, cloudwatch.IMetric, string]> = [
      [
        'ValidationFailedAlarm',
        failures.metric({ statistic: 'Sum', period: Duration.minutes(5) }),
        'A restore test failed validation or its event was malformed: see docs/backup.md, "Reading a restore test"',
      ],
      ['FunctionErrorAlarm', this.function.metricErrors({ period: Duration.minutes(5) }), 'The restore validation function failed: a restore test went unvalidated'],
      [
        'DeadLetterAlarm',
        this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        'Restore completion events reached the dead-letter queue unvalidated',
      ],
    ];
    for (const [alarmId, metric, description] of alarms) {
      const alarm = new cloudwatch.Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `BAK-FAILURE-NOTICE: ${description}`,
      });
      alarm.addAlarmAction(new actions.SnsAction(props.alertTopic));
    }
  }
}
