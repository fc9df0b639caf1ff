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
