/**
 * Tags that carry meaning between stacks. Changing a value here changes which resources the
 * backup plan selects: keep them stable.
 */

/**
 * Resources carrying this tag are selected by the tiered backup plan (BAK-SELECTIONS). Every
 * database cluster and every customer-data bucket must carry it; a backup test fails otherwise.
 */
export const BACKUP_TAG = { key: 'saas-security-baseline:backup', value: 'tiered' } as const;

/** Marks resources that hold one tenant's data, with the tenant ID as value (TEN-* controls). */
export const TENANT_TAG_KEY = 'saas-security-baseline:tenant';

/**
 * Marks a log group that receives application logs: the SaasBaseline pack requires a data
 * protection policy that masks personal data on every log group carrying it
 * (LOG-NO-CLIENT-CONTENT). Tag every application log group with it; platform and audit logs
 * stay untagged.
 */
export const APP_LOG_TAG = { key: 'saas-security-baseline:log', value: 'application' } as const;

/**
 * Marks a bucket that receives log deliveries which only support SSE-S3 (Elastic Load Balancing
 * access logs). It is the one exception to "every bucket uses a customer-managed KMS key":
 * `test/foundation.test.ts` allows AES256 exactly on buckets carrying this tag, and the edge tests
 * prove the tag is only on access-log buckets.
 */
export const SSE_S3_LOG_DELIVERY_TAG = { key: 'saas-security-baseline:log-delivery', value: 'elb-access-logs' } as const;

/**
 * Marks the buckets that receive S3 server access logs. S3 log delivery only documents SSE-S3
 * for its destination buckets, so these (and only these) may use SSE-S3 instead of a
 * customer-managed key; the foundation test checks every other bucket for SSE-KMS.
 */
export const ACCESS_LOGS_TAG = { key: 'saas-security-baseline:purpose', value: 'access-logs' } as const;

/**
 * Marks the dead-letter queues of alert deliveries (EventBridge targets and SNS subscriptions
 * that carry an alert or a backup notice), each watched by a depth alarm (INC-ALERT-DELIVERY).
 */
export const ALERT_DEAD_LETTERS_TAG = { key: 'saas-security-baseline:purpose', value: 'alert-dead-letters' } as const;
