import { ALERT_DEAD_LETTERS_TAG } from '../../constants/tags';
import { CIS_METRIC_NAMESPACE } from '../../constants/metric-namespaces';
import { ALARM } from '../aws-tables';
import { arrow, byRank, enforcingResource, entryVerdicts, flag, flagSet, list, present, show } from '../diff-builders';
import { alarmRule, eventRule } from '../diff-builders-alerting';
import type { Verdict } from '../diff-rule';
import { eventSources, hasTag, OPERATIONAL_NAMESPACES, props, target, trailMetrics } from '../evidence-predicates';
import { isTrue, sourcesOf, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const alertDeadLetterQueueModule = () => import('../../constructs/monitoring/alert-dead-letter-queue.js');
const alertTopicsModule = () => import('../../constructs/monitoring/alert-topics.js');
const cisAlarmsModule = () => import('../../constructs/audit/cis-alarms.js');
const configRecorderModule = () => import('../../constructs/audit/config-recorder.js');
const findingRoutingModule = () => import('../../constructs/monitoring/finding-routing.js');
const globalEventForwardingModule = () => import('../../constructs/monitoring/global-event-forwarding.js');
const guarddutyDetectorModule = () => import('../../constructs/audit/guardduty-detector.js');
const securityHubModule = () => import('../../constructs/audit/security-hub.js');
const tenantDatabaseModule = () => import('../../constructs/data/tenant-database.js');
const workloadAlarmsModule = () => import('../../constructs/workload/workload-alarms.js');

/*
 * Monitoring and incident-response controls (area 'monitoring', MON-* and INC-*): AWS Config
 * rules, GuardDuty, Security Hub standards, the CIS alarms and operational alarms, and the alert
 * topics and EventBridge rules that page someone. The account baseline and the alerting stack
 * build them.
 */
export const MONITORING_CONTROLS: readonly Control[] = [
  // Continuous monitoring.
  {
    id: 'MON-CONFIG-RULES',
    statement:
      'AWS Config records every supported resource type, including global ones, and evaluates managed rules for the seed controls (encryption at rest, TLS, MFA, public access, flow logs, backups, CloudTrail).',
    sources: [
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'These logs are analyzed using automated monitoring software.' },
      { seed: '004_c378355873db2afd.txt', quote: 'potential security threats' },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'ConfigRecorder: AWS::Config::ConfigurationRecorder (AllSupported, IncludeGlobalResourceTypes) with a ManagedPolicyRole carrying AWS_ConfigRole, AWS::Config::DeliveryChannel with daily snapshots to a KMS-encrypted AuditBucket, and 22 AWS managed AWS::Config::ConfigRule (encrypted-volumes, rds-storage-encrypted, s3-bucket-server-side-encryption-enabled, cmk-backing-key-rotation-enabled, s3-bucket-ssl-requests-only, alb-http-to-https-redirection-check, elb-tls-https-listeners-only, iam-user-mfa-enabled, mfa-enabled-for-iam-console-access, root-account-mfa-enabled, s3-bucket-public-read/write-prohibited, s3-bucket-level-public-access-prohibited, restricted-ssh, vpc-flow-logs-enabled, db-instance-backup-enabled, aurora-resources-protected-by-backup-plan, secretsmanager-rotation-enabled-check with maximumAllowedRotationFrequency = data.rotationDays, cloudtrail-enabled, multi-region-cloudtrail-enabled, cloud-trail-log-file-validation-enabled, cloud-trail-encryption-enabled).',
    detectors: {
      serviceStatus: ['config-recording'],
    },
    enforcedBy: [exported(configRecorderModule, 'ConfigRecorder')],
    evidence: {
      what: 'the Config recorder, delivery channel and managed rules',
      select: [{ types: ['AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel', 'AWS::Config::ConfigRule', 'AWS::Config::ConformancePack'] }],
    },
    diff: {
      rules: [
        // What the recorder records.
        flagSet(['AWS::Config::ConfigurationRecorder'], ['Properties', 'RecordingGroup', 'AllSupported'], 'RecordingGroup.AllSupported'),
        flagSet(['AWS::Config::ConfigurationRecorder'], ['Properties', 'RecordingGroup', 'IncludeGlobalResourceTypes'], 'RecordingGroup.IncludeGlobalResourceTypes'),
        enforcingResource(['AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel', 'AWS::Config::ConfigRule', 'AWS::Config::ConformancePack'], 'AWS Config recorder, channel, rule or pack'),
      ],
    },
  },
  {
    id: 'MON-GUARDDUTY',
    statement:
      'GuardDuty watches the account for threats, including S3 data access, RDS login anomalies, malware and container runtime activity.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Systems are monitored for abnormal access trends, login anomalies, and potential security threats.',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'These logs are analyzed using automated monitoring software.' },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'GuardDutyDetector: AWS::GuardDuty::Detector Enable true with Features S3_DATA_EVENTS, RDS_LOGIN_EVENTS, EBS_MALWARE_PROTECTION, LAMBDA_NETWORK_LOGS and RUNTIME_MONITORING (ECS_FARGATE_AGENT_MANAGEMENT) enabled, EKS plans disabled; FargateWorkload grants the task execution role ecr:GetAuthorizationToken and the layer and image reads on GuardDuty\'s aws-guardduty-agent-fargate repository of the region, so ECS can pull the runtime agent sidecar. EBS malware scanning covers EC2 volumes (none run here); Malware Protection for S3 plans are not created for the customer-files buckets (per-bucket role and per-GB cost; argued in docs/audit.md).',
    detectors: {
      configRules: ['GUARDDUTY_ENABLED_CENTRALIZED'],
      securityHub: ['GuardDuty.1'],
      serviceStatus: ['guardduty-enabled'],
    },
    enforcedBy: [exported(guarddutyDetectorModule, 'GuardDutyDetector')],
    evidence: { what: 'the enabled GuardDuty detector', select: [{ types: ['AWS::GuardDuty::Detector'], where: (r) => isTrue(props(r).Enable) }] },
    diff: {
      rules: [
        // Protection plans (features) turned off.
        {
          resourceTypes: ['AWS::GuardDuty::Detector'],
          path: ['Properties', 'Features'],
          assess: (before, after) => {
            const enabled = (v: unknown) => (list(v) as any[]).flatMap((f) => [
              ...(f?.Status === 'ENABLED' ? [String(f.Name)] : []),
              ...(list(f?.AdditionalConfiguration) as any[]).filter((c) => f?.Status === 'ENABLED' && c?.Status === 'ENABLED').map((c) => `${f.Name}/${c.Name}`),
            ]);
            return entryVerdicts(enabled(before), enabled(after), 'strengthened', (f, how) => `feature ${f} ${how === 'added' ? 'enabled' : 'no longer enabled'}`);
          },
        },
        enforcingResource(['AWS::GuardDuty::Detector'], 'GuardDuty detector'),
        flag(['AWS::GuardDuty::Detector'], ['Properties', 'Enable'], 'Enable'),
      ],
    },
  },
  {
    id: 'MON-SECURITY-HUB',
    statement:
      'Security Hub evaluates the account against AWS Foundational Security Best Practices, CIS AWS Foundations, PCI DSS and NIST 800-53 rev 5.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'making it compliant with PCI DSS in most situations' },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'These logs are analyzed using automated monitoring software.' },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'SecurityHub: AWS::SecurityHub::Hub (no implicit default standards, consolidated control findings) with one AWS::SecurityHub::Standard per configured standard (default FSBP 1.0.0, CIS 3.0.0, PCI DSS 4.0.1, NIST 800-53 5.0.0; ARNs of the home region, validated against the standards the region\'s partition offers).',
    detectors: {
      configRules: ['SECURITYHUB_ENABLED'],
      serviceStatus: ['securityhub-standards'],
    },
    enforcedBy: [exported(securityHubModule, 'SecurityHub')],
    evidence: { what: 'the Security Hub hub and its standards', select: [{ types: ['AWS::SecurityHub::Hub', 'AWS::SecurityHub::Standard'] }] },
    diff: {
      rules: [
        enforcingResource(['AWS::SecurityHub::Hub', 'AWS::SecurityHub::Standard'], 'Security Hub hub or standard'),
      ],
    },
  },
  {
    id: 'MON-CIS-ALARMS',
    statement:
      'CIS metric filters on the trail log group raise alarms on unauthorized API calls, console sign-in without MFA, root use, IAM, CloudTrail, KMS, S3-policy and Config changes, console authentication failures and network changes.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security-relevant events (e.g., admin access, authentication failures',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'These logs are analyzed using automated monitoring software.' },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'CisAlarms: an AWS::Logs::MetricFilter on the trail log group plus an AWS::CloudWatch::Alarm per CIS 4.1-4.14 pattern (unauthorized calls, no-MFA console login, root usage, IAM policy, CloudTrail config, console auth failures, CMK disable/deletion, S3 bucket policy, Config, security group, NACL, network gateway, route table and VPC changes) and for AssumeRole or AssumeRoleWithSAML of a role whose ARN ends in -break-glass (BreakGlassAlert.filterPattern of the identity area), each alarming the security topic.',
    detectors: {
      none: 'The CloudWatch.1-14 controls that check these metric filters belong to CIS 1.2/1.4, not to the enabled standards (CIS 3.0.0); the alarms\' actions are watched under INC-ALARM-ACTIONS, and the Config-changes alarm itself pages on tampering.',
    },
    enforcedBy: [exported(cisAlarmsModule, 'CisAlarms')],
    evidence: {
      what: 'the metric filters on the trail\'s log group and the alarms on their metrics',
      select: [
        { types: ['AWS::Logs::MetricFilter'], where: (r, c) => trailMetrics(c.template).logGroups.has(target(props(r).LogGroupName) ?? '') },
        { types: [ALARM], where: (r, c) => trailMetrics(c.template).metrics.has(`${props(r).Namespace}/${props(r).MetricName}`) },
      ],
    },
    diff: {
      rules: [
        // Metric filters on the trail's events and the alarms on their metrics.
        {
          resourceTypes: ['AWS::Logs::MetricFilter'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            const [b, a]: any[] = [before?.Properties ?? {}, after?.Properties ?? {}];
            if (!readsTrailEvents(before ? b : a)) return undefined;
            const name = show(list((before ? b : a).MetricTransformations).map((t: any) => t?.MetricName)[0]);
            if (kind === 'removed') return { direction: 'weakened', detail: `CloudTrail metric filter ${name} removed` };
            if (kind === 'added') return { direction: 'strengthened', detail: `CloudTrail metric filter ${name} added` };
            if (b.FilterPattern !== a.FilterPattern) return { direction: 'neutral', detail: `FilterPattern of ${name} changed (not comparable): review` };
            return undefined;
          },
        },
        // The CIS alarms are the ones on the CIS metric namespace, which only their metric filters write.
        alarmRule('CIS', (p) => p?.Namespace === CIS_METRIC_NAMESPACE),
      ],
    },
  },
  {
    id: 'MON-OPERATIONAL-ALARMS',
    statement:
      'System errors and degraded health raise alarms: load balancer 5xx and unhealthy targets, database CPU, storage, connections and replica lag, and workload task health.',
    sources: [
      { seed: '004_c378355873db2afd.txt', quote: 'system errors' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'for information concerning security, monitoring, availability, access and other metrics',
      },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'AWS::CloudWatch::Alarm on ALB HTTPCode_ELB_5XX_Count, HTTPCode_Target_5XX_Count and UnHealthyHostCount (WorkloadAlarms), per tenant cluster CPUUtilization, FreeableMemory, FreeLocalStorage, DatabaseConnections and AuroraReplicaLagMaximum (TenantDatabase), and ECS RunningTaskCount (Container Insights); every alarm notifies the operations topic (INC-ALARM-ACTIONS).',
    detectors: {
      configRules: ['CLOUDWATCH_ALARM_ACTION_CHECK'],
      securityHub: ['CloudWatch.15', 'CloudWatch.17'],
    },
    enforcedBy: [exported(workloadAlarmsModule, 'WorkloadAlarms'), exported(tenantDatabaseModule, 'TenantDatabase')],
    evidence: {
      what: 'alarms on load balancer, database and ECS metrics',
      select: [{ types: [ALARM], where: (r) => OPERATIONAL_NAMESPACES.includes(props(r).Namespace) }],
    },
    diff: {
      rules: [
        // Every other alarm (service health, system errors).
        alarmRule('operational', (p) => p?.Namespace !== CIS_METRIC_NAMESPACE && !isDeliveryAlarm(p)),
      ],
    },
  },

  // Incident escalation.
  {
    id: 'INC-ALERT-TOPICS',
    statement:
      'Security and operations alerts go to two KMS-encrypted, TLS-only SNS topics subscribed by the environment\'s alert addresses and a paging HTTPS endpoint, which production requires unless productionOptOuts.paging gives the reason (shown in the controls report for that environment).',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'When security events are detected they are escalated to our emergency alias, teams are paged, notified and assembled to rapidly address the event.',
      },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'Two AWS::SNS::Topic (security, operations) with KmsMasterKeyId a customer-managed key, topic policies denying aws:SecureTransport false and allowing sns:Publish to cloudwatch.amazonaws.com for alarms of the account and region (aws:SourceAccount, aws:SourceArn) and to events.amazonaws.com for the EventBridge rules, a key policy admitting the same two services (CloudWatch under the same conditions), and an AWS::SNS::Subscription per configured alert address plus the HTTPS endpoint read from the Secrets Manager secret alerts.httpsEndpointSecret; config validation rejects a production environment without that secret unless productionOptOuts.paging is set (and rejects the opt-out where the secret is set).',
    detectors: {
      configRules: ['SNS_ENCRYPTED_KMS'],
      securityHub: ['SNS.1'],
    },
    enforcedBy: [exported(alertTopicsModule, 'AlertTopics')],
    evidence: {
      what: 'the security and operations topics, their policies and subscriptions',
      select: [{ types: ['AWS::SNS::Topic'], where: (r) => props(r).KmsMasterKeyId !== undefined }, { types: ['AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription'] }],
    },
    diff: {
      rules: [
        // The alert subscriptions.
        enforcingResource(['AWS::SNS::Subscription'], 'alert subscription'),
        present(['AWS::SNS::Topic'], ['Properties', 'KmsMasterKeyId'], 'KmsMasterKeyId'),
      ],
    },
  },
  {
    id: 'INC-FINDING-ROUTING',
    statement:
      'GuardDuty findings at or above the configured severity, Security Hub HIGH and CRITICAL findings and root sign-ins reach the security alert topic.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'escalated to our emergency alias, teams are paged' },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'has a team dedicated to quickly resolving unexpected incidents' },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'FindingRouting (alerting stack, so it works when the organisation runs the services): AWS::Events::Rule for aws.guardduty GuardDuty Finding with severity >= alerts.guardDutyMinSeverity, aws.securityhub Security Hub Findings - Imported with Severity.Label HIGH or CRITICAL, Workflow NEW and RecordState ACTIVE, and aws.signin console sign-in of userIdentity.type Root, each targeting the security topic. Root sign-ins are recorded in us-east-1: with alerts.forwardGlobalEvents (default true) the GlobalEvents stack in us-east-1 (GlobalEventForwarding) has an AWS::Events::Rule with the same ROOT_SIGN_IN_PATTERN targeting the home region\'s default event bus through a role that may only events:PutEvents to it, so the home rule pages for them; the multi-region trail\'s RootAccountUse CIS alarm is the second net (the only one with forwarding off). AWS Backup job failures are routed by BAK-FAILURE-NOTICE to the operations topic (an availability matter); only tampering with the backup controls goes to the security topic.',
    detectors: {
      none: 'The control is itself the routing of detections; no managed detector evaluates EventBridge rules. Each rule\'s dead-letter queue alarms the operations topic when a delivery fails.',
    },
    enforcedBy: [exported(findingRoutingModule, 'FindingRouting'), exported(globalEventForwardingModule, 'GlobalEventForwarding')],
    evidence: {
      what: 'EventBridge rules routing GuardDuty and Security Hub findings and root sign-ins, and the us-east-1 rule forwarding root sign-ins home (GlobalEvents)',
      select: [{ types: ['AWS::Events::Rule'], where: (r) => eventSources(r).some((s) => ['aws.guardduty', 'aws.securityhub', 'aws.signin'].includes(s)) }],
    },
    diff: {
      rules: [
        // GuardDuty, Security Hub and root sign-in events to the security topic.
        eventRule('finding routing', (p) => sourcesOf(p).some((s) => ['aws.guardduty', 'aws.securityhub', 'aws.signin'].includes(s))),
      ],
    },
  },
  {
    id: 'INC-ALERT-DELIVERY',
    statement:
      'No alert is lost silently: an alert or backup notice that EventBridge or SNS cannot deliver is kept in an encrypted dead-letter queue whose depth alarm notifies the alert topics.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'When security events are detected they are escalated to our emergency alias' },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'our development team is notified in case of a failure with this system' },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'AlertDeadLetterQueue: an AWS::SQS::Queue (KmsMasterKeyId a customer-managed key whose policy admits events.amazonaws.com and/or sns.amazonaws.com for aws:SourceAccount this account and aws:SourceArn rules or topics of this account and region, a queue policy denying aws:SecureTransport false and admitting each rule or topic by aws:SourceArn, MessageRetentionPeriod 14 days, tagged saas-security-baseline:purpose=alert-dead-letters) and an AWS::CloudWatch::Alarm on its ApproximateNumberOfMessagesVisible (Maximum >= 1 over 5 minutes) notifying the alert topics. Every EventBridge target that pages a topic (FindingRouting, BreakGlassAlert, BackupFailureNotices, RecoveryPointChecks) or forwards to the home bus (GlobalEventForwarding, whose alarm notifies the AlertTopics the GlobalEvents stack has in us-east-1, since an alarm notifies topics of its own region only) has a DeadLetterConfig on such a queue (targets paging a topic with a RetryPolicy MaximumEventAgeInSeconds of 3600 instead of EventBridge\'s default 24 hours), and an alarm per rule on AWS/Events InvocationsFailedToBeSentToDlq (an event neither delivered nor dead-lettered); every AWS::SNS::Subscription of AlertTopics has a RedrivePolicy to one. The cdk-nag Serverless pack (EventBusDLQ, SNSRedrivePolicy) runs in the gate; a test checks every rule target and subscription of every template.',
    detectors: {
      securityHub: ['SQS.1'],
    },
    enforcedBy: [exported(alertDeadLetterQueueModule, 'AlertDeadLetterQueue')],
    evidence: {
      what: 'the dead-letter queues of alert deliveries and their depth alarms',
      select: [
        { types: ['AWS::SQS::Queue'], where: hasTag(ALERT_DEAD_LETTERS_TAG.key, ALERT_DEAD_LETTERS_TAG.value) },
        { types: [ALARM], where: (r) => /INC-ALERT-DELIVERY/.test(props(r).AlarmDescription ?? '') },
      ],
    },
    diff: {
      rules: [
        // Dead-letter queues for every paging target and subscription.
        {
          resourceTypes: ['AWS::Events::Rule'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            if (kind === 'removed') return undefined;
            const targets = (r?: TemplateResource) => new Map((list(r?.Properties?.Targets) as any[]).map((t) => [String(t?.Id), t]));
            const [b, a] = [targets(before), targets(after)];
            // EventBridge retries a target for at most 86400 s (RetryPolicy.MaximumEventAgeInSeconds's
            // range: https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html).
            const maxAge = (t: any) => Number(t?.RetryPolicy?.MaximumEventAgeInSeconds ?? 86400);
            const out: Verdict[] = [];
            for (const [id, t] of a) {
              const old = b.get(id);
              const hasDlq = (x: any) => x?.DeadLetterConfig?.Arn !== undefined;
              if (!hasDlq(t) && (old === undefined || hasDlq(old))) out.push({ direction: 'weakened', detail: `target ${id} (${show(t.Arn)}) ${old ? 'lost its' : 'added without a'} dead-letter queue` });
              else if (hasDlq(t) && old !== undefined && !hasDlq(old)) out.push({ direction: 'strengthened', detail: `target ${id} now has a dead-letter queue` });
              if (old !== undefined && maxAge(old) !== maxAge(t)) out.push({ direction: byRank(-maxAge(old), -maxAge(t)), detail: arrow(`target ${id} MaximumEventAgeInSeconds`, maxAge(old), maxAge(t)) });
            }
            return out;
          },
        },
        enforcingResource(['AWS::SNS::Subscription'], 'subscription', (r) => r.Properties?.RedrivePolicy !== undefined, 'a RedrivePolicy'),
        present(['AWS::SNS::Subscription'], ['Properties', 'RedrivePolicy'], 'RedrivePolicy'),
        {
          // The alert dead-letter queues carry ALERT_DEAD_LETTERS_TAG; other queues keep what they like.
          resourceTypes: ['AWS::SQS::Queue'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            if (!hasTag(ALERT_DEAD_LETTERS_TAG.key, ALERT_DEAD_LETTERS_TAG.value)((before ?? after)!)) return undefined;
            if (kind === 'removed') return { direction: 'weakened', detail: 'alert dead-letter queue removed' };
            if (kind === 'added') return undefined;
            const [b, a] = [before?.Properties?.MessageRetentionPeriod, after?.Properties?.MessageRetentionPeriod];
            if (b === a || b === undefined || a === undefined) return undefined;
            return { direction: byRank(Number(b), Number(a)), detail: arrow('MessageRetentionPeriod', b, a) };
          },
        },
        alarmRule('dead-letter', isDeliveryAlarm),
      ],
    },
  },
  {
    id: 'INC-ALARM-ACTIONS',
    statement: 'Every CloudWatch alarm notifies an alert topic, so no alarm fires unseen.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'teams are paged, notified and assembled to rapidly address the event' },
    ],
    kind: 'enforced',
    area: 'monitoring',
    status: 'implemented',
    enforcement:
      'Test over every AWS::CloudWatch::Alarm of every stack: ActionsEnabled not false and AlarmActions naming the security or operations topic of the alerting stack of the same environment; both topic policies allow cloudwatch.amazonaws.com to publish for alarms of the account and region (AlertTopics), since the TLS-only topic policy replaces SNS\'s default one.',
    detectors: {
      configRules: ['CLOUDWATCH_ALARM_ACTION_CHECK'],
      securityHub: ['CloudWatch.15', 'CloudWatch.17'],
    },
    enforcedBy: [exported(alertTopicsModule, 'AlertTopics'), exported(workloadAlarmsModule, 'WorkloadAlarms')],
    evidence: {
      what: 'alarms with actions enabled and an alarm action',
      select: [{ types: [ALARM], where: (r) => props(r).ActionsEnabled !== false && (props(r).AlarmActions ?? []).length > 0 }],
    },
    diff: {
      rules: [
        // Every alarm notifies a topic.
        {
          resourceTypes: ['AWS::CloudWatch::Alarm'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            if (kind === 'removed') return undefined;
            const [b, a] = [before?.Properties ?? {}, after!.Properties ?? {}];
            const off = (p: any) => p.ActionsEnabled !== undefined && !isTrue(p.ActionsEnabled);
            const actions = (p: any) => list(p.AlarmActions);
            if (kind === 'added') {
              if (off(a) || actions(a).length === 0) return { direction: 'weakened', detail: `alarm on ${show(a.MetricName)} added without actions` };
              return undefined;
            }
            const out = entryVerdicts(actions(b), actions(a), 'strengthened', (x, how) => `AlarmActions ${show(x)} ${how}`);
            if (off(b) !== off(a)) out.push({ direction: off(a) ? 'weakened' : 'strengthened', detail: arrow('ActionsEnabled', b.ActionsEnabled, a.ActionsEnabled) });
            return out;
          },
        },
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** Metric filters on CloudTrail events (the CIS patterns read these fields of a trail's log records). */
function readsTrailEvents(p: any): boolean {
  return /\$\.(eventName|eventSource|errorCode|userIdentity|sourceIPAddress)\b/.test(String(p?.FilterPattern ?? ''));
}

/** The CloudWatch metrics of a dead-letter queue's depth and of EventBridge events neither delivered nor dead-lettered. */
function isDeliveryAlarm(p: any): boolean {
  return (p?.Namespace === 'AWS/SQS' && p?.MetricName === 'ApproximateNumberOfMessagesVisible') || (p?.Namespace === 'AWS/Events' && p?.MetricName === 'InvocationsFailedToBeSentToDlq');
}
