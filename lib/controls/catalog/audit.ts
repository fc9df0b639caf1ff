import { APP_LOG_TAG, BACKUP_TAG } from '../../constants/tags';
import * as nag from '../../nag/rules';
import { PARAMETER_GROUPS } from '../aws-tables';
import { arrow, atLeast, byRank, enforcingResource, entryVerdicts, flag, flagSet, list, present, rankedSet, show } from '../diff-builders';
import { isLocked, objectLockRule } from '../diff-builders-resources';
import type { DiffRule, Verdict } from '../diff-rule';
import { hasTag, props, referenced } from '../evidence-predicates';
import { statementsOf, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const accountTrailModule = () => import('../../constructs/audit/account-trail.js');
const auditBucketModule = () => import('../../constructs/audit/audit-bucket.js');
const fargateWorkloadModule = () => import('../../constructs/workload/fargate-workload.js');
const personalDataPolicyModule = () => import('../../constructs/workload/personal-data-policy.js');
const secureLogGroupModule = () => import('../../constructs/common/secure-log-group.js');

/*
 * Audit controls (area 'audit', AUD-* and LOG-*): the CloudTrail trail, its data events and its
 * bucket, and log hygiene (every log group encrypted and retained, no private client content in
 * logs). The account baseline builds the trail; every stack's log groups keep the rest.
 */
export const AUDIT_CONTROLS: readonly Control[] = [
  // Audit trail.
  {
    id: 'AUD-CLOUDTRAIL',
    statement:
      'A multi-region CloudTrail with global service events and log file validation records every management API call made in the AWS account (staff and services, not actions inside the application), encrypted with a customer-managed key and delivered to CloudWatch Logs for the operator\'s security team; customers do not see it (ORG-IN-PRODUCT-AUDIT-LOG).',
    sources: [{ seed: '004_c378355873db2afd.txt', quote: 'Security-relevant events (e.g., admin access' }],
    kind: 'enforced',
    area: 'audit',
    status: 'implemented',
    enforcement:
      'AccountTrail (account-baseline stack): AWS::CloudTrail::Trail with IsMultiRegionTrail, IncludeGlobalServiceEvents, EnableLogFileValidation and IsLogging true, KMSKeyId the rotating audit key (key policy scoped by aws:SourceArn to the trail), an advanced selector for every management event, and CloudWatchLogsLogGroupArn a KMS-encrypted log group written through a ManagedPolicyRole; inherited from the organisation where accountBaseline.enabled is false.',
    detectors: {
      configRules: ['CLOUD_TRAIL_ENABLED', 'MULTI_REGION_CLOUD_TRAIL_ENABLED', 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', 'CLOUD_TRAIL_ENCRYPTION_ENABLED', 'CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED'],
      securityHub: ['CloudTrail.1', 'CloudTrail.2', 'CloudTrail.4', 'CloudTrail.5'],
      serviceStatus: ['cloudtrail-logging'],
    },
    enforcedBy: [exported(accountTrailModule, 'AccountTrail')],
    evidence: { what: 'the account trail', select: [{ types: ['AWS::CloudTrail::Trail'] }] },
    diff: {
      rules: [
        // Global service events and the CloudWatch Logs delivery.
        flagSet(['AWS::CloudTrail::Trail'], ['Properties', 'IncludeGlobalServiceEvents'], 'IncludeGlobalServiceEvents'),
        present(['AWS::CloudTrail::Trail'], ['Properties', 'CloudWatchLogsLogGroupArn'], 'CloudWatchLogsLogGroupArn'),
        enforcingResource(['AWS::CloudTrail::Trail'], 'trail'),
        flag(['AWS::CloudTrail::Trail'], ['Properties', 'IsLogging'], 'IsLogging'),
        flag(['AWS::CloudTrail::Trail'], ['Properties', 'IsMultiRegionTrail'], 'IsMultiRegionTrail'),
        flag(['AWS::CloudTrail::Trail'], ['Properties', 'EnableLogFileValidation'], 'EnableLogFileValidation'),
        present(['AWS::CloudTrail::Trail'], ['Properties', 'KMSKeyId'], 'KMSKeyId'),
      ],
    },
  },
  {
    id: 'AUD-DATA-EVENTS',
    statement:
      'Every object read and write on the customer-data buckets and on the trail bucket is recorded as a CloudTrail data event.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "We have technical policies in place to ensure that any access to customer's data is logged.",
      },
      { seed: '004_c378355873db2afd.txt', quote: 'data export' },
    ],
    kind: 'enforced',
    area: 'audit',
    status: 'implemented',
    enforcement:
      'AccountTrail AdvancedEventSelectors: eventCategory Data and resources.type AWS::S3::Object for every bucket of the account, read and write (so the BACKUP_TAG customer-data buckets and the trail bucket itself, whatever their names), resources.ARN NotStartsWith only the server access log bucket.',
    detectors: {
      configRules: ['CLOUDTRAIL_S3_DATAEVENTS_ENABLED'],
      serviceStatus: ['cloudtrail-logging'],
    },
    enforcedBy: [exported(accountTrailModule, 'AccountTrail')],
    evidence: {
      what: 'trails selecting S3 data events',
      select: [
        {
          types: ['AWS::CloudTrail::Trail'],
          where: (r) => (props(r).AdvancedEventSelectors ?? []).some((s: any) => (s.FieldSelectors ?? []).some((f: any) => f.Field === 'eventCategory' && [f.Equals].flat().includes('Data'))),
        },
      ],
    },
    diff: {
      rules: [
        // A data-event selector dropped or narrowed while others stay.
        {
          resourceTypes: ['AWS::CloudTrail::Trail'],
          path: ['Properties', 'AdvancedEventSelectors'],
          assess: (before, after) => {
            const data = (v: unknown) =>
              new Map(
                (list(v) as any[])
                  .filter((s) => list(s?.FieldSelectors).some((f: any) => f?.Field === 'eventCategory' && list(f?.Equals).includes('Data')))
                  .map((s, i) => [String(s.Name ?? `#${i}`), s]),
              );
            const exclusions = (s: any) => list(s?.FieldSelectors).reduce((n: number, f: any) => n + list(f?.NotStartsWith).length + list(f?.NotEquals).length + list(f?.NotEndsWith).length + (f?.Field === 'readOnly' ? 1 : 0), 0);
            const [b, a] = [data(before), data(after)];
            const out: Verdict[] = [];
            for (const [name, s] of b) {
              const now = a.get(name);
              if (!now) out.push({ direction: 'weakened', detail: `data event selector "${name}" removed` });
              else if (JSON.stringify(now) !== JSON.stringify(s)) {
                const [eb, ea] = [exclusions(s), exclusions(now)];
                out.push({ direction: ea > eb || list(now.FieldSelectors).length > list(s.FieldSelectors).length ? 'weakened' : ea < eb ? 'strengthened' : 'neutral', detail: `data event selector "${name}" changed` });
              }
            }
            for (const name of a.keys()) if (!b.has(name)) out.push({ direction: 'strengthened', detail: `data event selector "${name}" added` });
            return out;
          },
        },
        present(['AWS::CloudTrail::Trail'], ['Properties', 'EventSelectors'], 'EventSelectors'),
        present(['AWS::CloudTrail::Trail'], ['Properties', 'AdvancedEventSelectors'], 'AdvancedEventSelectors'),
      ],
    },
  },
  {
    id: 'AUD-TRAIL-BUCKET',
    statement:
      'The trail bucket is versioned, Object-Locked, TLS-only and non-public, moves logs to colder storage and keeps them at least one year in production.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We have a centralized logging system in our production environment',
      },
    ],
    kind: 'enforced',
    area: 'audit',
    status: 'implemented',
    enforcement:
      'AuditBucket: AWS::S3::Bucket with the customer-managed audit key and Bucket Key, VersioningConfiguration Enabled, Object Lock default retention (mode and days from accountBaseline.trail; production at least 365 days, validated), TLS-only and CloudTrail-scoped bucket policy, public access blocked, BucketOwnerEnforced, lifecycle to GLACIER_IR after 90 days and expiry at the retention, and server access logs to a separate SSE-S3 AccessLogBucket.',
    detectors: {
      configRules: ['S3_BUCKET_DEFAULT_LOCK_ENABLED', 'S3_BUCKET_VERSIONING_ENABLED'],
    },
    enforcedBy: [exported(auditBucketModule, 'AuditBucket')],
    evidence: { what: 'the bucket the trail delivers to', select: [{ types: ['AWS::S3::Bucket'], where: (_r, c) => referenced(c.template, 'AWS::CloudTrail::Trail', (t) => props(t).S3BucketName).has(c.logicalId) }] },
    diff: {
      rules: [
        // Object Lock and retention of the audit-log buckets.
        objectLockRule('Object-Locked audit log bucket', isAuditLogBucket),
        {
          resourceTypes: ['AWS::S3::Bucket'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            if (kind === 'added' || kind === 'removed' || !isLocked(before) || !isAuditLogBucket(before!)) return undefined;
            const [b, a] = [expiryDays(before), expiryDays(after)];
            return b === a ? undefined : { direction: byRank(b, a), detail: arrow('lifecycle ExpirationInDays', Number.isFinite(b) ? b : undefined, Number.isFinite(a) ? a : undefined) };
          },
        },
      ],
    },
  },

  // Log hygiene.
  {
    id: 'LOG-ENCRYPTED-RETAINED',
    statement:
      'Every CloudWatch log group is encrypted with a customer-managed key and keeps logs for the configured retention, never below the seed floor.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We have a centralized logging system in our production environment for information concerning security, monitoring, availability, access and other metrics for our service.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security-relevant events (e.g., admin access, authentication failures, data export, system errors) are logged.',
      },
    ],
    kind: 'enforced',
    area: 'audit',
    status: 'implemented',
    enforcement:
      'SecureLogGroup everywhere; a test over every AWS::Logs::LogGroup of every stack checks KmsKeyId set and RetentionInDays equal to logs.retentionDays (config validation rejects values below the production floor), and one over every AWS::Lambda::Function checks LoggingConfig.LogGroup names such a group of its stack (SecureVpc overrides the LoggingConfig of the default-security-group provider function aws-cdk-lib generates). Groups services would create themselves are pre-created: the Container Insights group /aws/ecs/containerinsights/<cluster>/performance of the fixed-name cluster (FargateWorkload). Acknowledged exception: the account-wide RDSOSMetrics group of RDS enhanced monitoring is not created (a CloudFormation create fails where it already exists); docs/audit.md gives the one-time retention and key commands.',
    detectors: {
      configRules: ['CLOUDWATCH_LOG_GROUP_ENCRYPTED', 'CW_LOGGROUP_RETENTION_PERIOD_CHECK'],
    },
    enforcedBy: [exported(secureLogGroupModule, 'SecureLogGroup')],
    evidence: { what: 'log groups with a KMS key and a retention', select: [{ types: ['AWS::Logs::LogGroup'], where: (r) => props(r).KmsKeyId !== undefined && props(r).RetentionInDays !== undefined }] },
    diff: {
      rules: [
        // A log group without RetentionInDays keeps events forever.
        atLeast(['AWS::Logs::LogGroup'], ['Properties', 'RetentionInDays'], 'RetentionInDays', Infinity),
        present(['AWS::Logs::LogGroup'], ['Properties', 'KmsKeyId'], 'KmsKeyId'),
        enforcingResource(['AWS::Logs::LogGroup'], 'log group', (r) => r.Properties?.KmsKeyId !== undefined, 'KmsKeyId'),
      ],
    },
  },
  {
    id: 'LOG-NO-CLIENT-CONTENT',
    statement:
      'Security logs carry no private client content where this code decides what they hold: application and database log groups mask personal data (only administrator and break-glass can unmask it, or read the database logs, for a support case), the database logs no statement text outside pgaudit and no bound values or error details, and WAF logs only requests a rule acted on, with the query string, authorization and cookie redacted.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security logs are limited to necessary diagnostics and do not include private client content unless required for troubleshooting a support case.',
      },
    ],
    kind: 'enforced',
    area: 'audit',
    status: 'partial',
    missing:
      '"do not include private client content" (004) is not kept by these logs: pgaudit writes the text of each audited statement, so literal values written into SQL (rather than bound as parameters) reach the database log group, masked only where its data protection policy recognises them; the load balancer\'s access logs record each request line, its URL with the query string included, in the access-log bucket (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html), and this code redacts nothing there (only administrator and break-glass can read those objects: the roles below are denied every object read, IAM-CUSTOMER-DATA-RESTRICTED); Cognito\'s authentication events carry user names, e-mail and IP addresses (kept from staff below administrator, IAM-CUSTOMER-DATA-RESTRICTED).',
    enforcement:
      'Application and /aws/rds/cluster/<id>/postgresql AWS::Logs::LogGroup DataProtectionPolicy with Audit and Deidentify statements for personal-data identifiers (e-mail, name, address, card number, credentials); logs:Unmask granted only to administrator and break-glass, and the staff roles below administrator denied reading /aws/rds/* log groups (DenyDatabaseLogReads); the tenant databases\' cluster parameter group logs no statement text outside pgaudit (log_min_duration_statement -1, log_statement none, log_min_error_statement panic), no error details (log_error_verbosity terse) and pgaudit no bound values (pgaudit.log_parameter 0); WAF logs only blocked, counted or challenged requests with the query string, authorization and cookie redacted (EDGE-WAF-LOGGING).',
    detectors: {
      none: 'No managed detector reads log data protection policies or database logging parameters; the controls diff and tests keep them, and CloudTrail records PutDataProtectionPolicy and logs:Unmask.',
    },
    enforcedBy: [exported(personalDataPolicyModule, 'personalDataProtectionPolicy'), exported(fargateWorkloadModule, 'FargateWorkload')],
    evidence: {
      what: 'application log groups with a data protection policy',
      select: [{ types: ['AWS::Logs::LogGroup'], where: (r) => hasTag(APP_LOG_TAG.key, APP_LOG_TAG.value)(r) && props(r).DataProtectionPolicy !== undefined }],
    },
    diff: {
      rules: [
        // Masking in log groups, database statement logging, WAF log redaction.
        {
          resourceTypes: ['AWS::Logs::LogGroup'],
          path: ['Properties', 'DataProtectionPolicy'],
          assess: (before, after) => {
            if (after === undefined) return { direction: 'weakened', detail: 'DataProtectionPolicy removed' };
            if (before === undefined) return { direction: 'strengthened', detail: 'DataProtectionPolicy added' };
            const masked = (doc: any) => [...new Set(statementsOf(doc).filter((s) => s?.Operation?.Deidentify !== undefined).flatMap((s) => list(s.DataIdentifier)))];
            return entryVerdicts(masked(before), masked(after), 'strengthened', (id, how) => `masking of ${String(id).split('/').pop()} ${how}`);
          },
        },
        ...(
          [
            // Value scales, weakest (most logged) first. A parameter left out takes the engine's default, not compared.
            ['log_statement', ['all', 'mod', 'ddl', 'none']],
            ['log_error_verbosity', ['verbose', 'default', 'terse']],
            ['log_min_error_statement', ['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'info', 'notice', 'warning', 'error', 'log', 'fatal', 'panic']],
          ] as const
        ).map(([parameter, scale]) => rankedSet(PARAMETER_GROUPS, ['Properties', 'Parameters', parameter], parameter, scale.map(String))),
        // -1 logs no statement by its duration; 0 or more logs the text of every statement that long.
        loggingSwitch('log_min_duration_statement', (v) => Number(v) >= 0),
        // pgaudit's switch for the bound values of audited statements (1/on writes them into the log).
        loggingSwitch('pgaudit.log_parameter', (v) => ['1', 'on', 'true'].includes(String(v).toLowerCase())),
        {
          resourceTypes: ['AWS::WAFv2::LoggingConfiguration'],
          path: ['Properties'],
          assess: (before, after) => {
            const out = entryVerdicts(list(before?.RedactedFields), list(after?.RedactedFields), 'strengthened', (f, how) => `redacted field ${show(f)} ${how}`);
            const keepsAll = (p: any) => p?.LoggingFilter === undefined || p.LoggingFilter.DefaultBehavior === 'KEEP';
            if (keepsAll(before) !== keepsAll(after)) out.push({ direction: keepsAll(after) ? 'weakened' : 'strengthened', detail: keepsAll(after) ? 'WAF now logs every request' : 'WAF logs only requests its filter keeps' });
            return out;
          },
        },
      ],
    },
    nagRules: [nag.AppLogDataProtection],
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/**
 * The audit-log buckets: Object-Locked buckets that are not customer data. Customer-data and
 * legal-archive buckets carry the backup tag (BAK-SELECTIONS), audit logs never do.
 */
function isAuditLogBucket(r: TemplateResource): boolean {
  return !hasTag(BACKUP_TAG.key, BACKUP_TAG.value)(r);
}

/** The shortest lifecycle expiry of a bucket's current objects, in days (Infinity: kept). */
function expiryDays(r?: TemplateResource): number {
  return Math.min(...list(r?.Properties?.LifecycleConfiguration?.Rules).filter((x: any) => x?.Status !== 'Disabled' && x?.ExpirationInDays !== undefined).map((x: any) => Number(x.ExpirationInDays)), Infinity);
}

/**
 * A database parameter that, when `logs` holds, writes statement text or values into the log
 * (LOG-NO-CLIENT-CONTENT). A parameter left out takes the engine's default, not compared.
 */
function loggingSwitch(parameter: string, logs: (value: unknown) => boolean): DiffRule {
  return {
    resourceTypes: PARAMETER_GROUPS,
    path: ['Properties', 'Parameters', parameter],
    assess: (before, after) => {
      if (before === undefined || after === undefined) return { direction: 'neutral', detail: `${arrow(parameter, before, after)} (engine default, not comparable)` };
      return { direction: byRank(Number(!logs(before)), Number(!logs(after))), detail: arrow(parameter, before, after) };
    },
  };
}
