/**
 * Restore validation (BAK-RESTORE-VALIDATION).
 *
 * Triggered by EventBridge when an AWS Backup restore job completes. For a job started by a
 * restore testing plan that restored an Aurora or RDS cluster, it checks the restored cluster:
 *
 * 1. its status is `available`;
 * 2. its storage is encrypted, with the key of the recovery point it came from (a restore that
 *    silently fell back to another key would break the key-separation of the tenant);
 * 3. its cluster parameter group has `rds.force_ssl = 1` and `ssl_min_protocol_version` TLSv1.2 or
 *    later (DB-TLS holds on a restored database too).
 *
 * It then reports SUCCESSFUL or FAILED with `backup:PutRestoreValidationResult`, so the result
 * shows in the AWS Backup console next to the restore job. Every result is one JSON log line
 * (`"message":"restore validation FAILED"`); a metric filter on it raises the alarm that notifies
 * the operations topic (BAK-FAILURE-NOTICE). A malformed event is logged; when it still names a
 * restore job, that job is reported FAILED, otherwise the event is dropped with an error log.
 */
import {
  BackupClient,
  DescribeRecoveryPointCommand,
  DescribeRestoreJobCommand,
  PutRestoreValidationResultCommand,
  type DescribeRestoreJobCommandOutput,
} from '@aws-sdk/client-backup';
import { POSTGRES_TLS_ACCEPTED } from '../../constants/postgres-tls';
import { DescribeDBClustersCommand, RDSClient, paginateDescribeDBClusterParameters } from '@aws-sdk/client-rds';

const backup = new BackupClient({});
const rds = new RDSClient({});

/** The part of the `Restore Job State Change` event this function reads. */
export interface RestoreJobEvent {
  readonly source?: string;
  readonly 'detail-type'?: string;
  readonly detail?: { readonly restoreJobId?: unknown; readonly status?: unknown };
}

/** What the handler did, returned for tests and the function's own log. */
export interface ValidationOutcome {
  readonly restoreJobId?: string;
  readonly status: 'SUCCESSFUL' | 'FAILED' | 'SKIPPED' | 'DROPPED';
  readonly message: string;
}

/** Resource types whose restores create an RDS or Aurora cluster this function can inspect. */
const DATABASE_TYPES = new Set(['Aurora', 'RDS']);

/**
 * DB-TLS on the restored cluster: each parameter and the values that satisfy it (the restore
 * testing selection's parameter group sets the first of each).
 */
const TLS_PARAMETERS: Readonly<Record<string, readonly string[]>> = POSTGRES_TLS_ACCEPTED;

/** PutRestoreValidationResult accepts messages up to this length. */
const MAX_MESSAGE = 1000;

function log(level: 'INFO' | 'ERROR', message: string, fields: Record<string, unknown> = {}): void {
  // One JSON line per entry: searchable in CloudWatch Logs Insights. No data of the database is logged.
  (level === 'ERROR' ? console.error : console.log)(JSON.stringify({ level, message, ...fields }));
}

/** The entry point. */
export async function handler(event: RestoreJobEvent): Promise<ValidationOutcome> {
  const jobId = typeof event?.detail?.restoreJobId === 'string' && event.detail.restoreJobId.length > 0 ? event.detail.restoreJobId : undefined;
  if (event?.source !== 'aws.backup' || event['detail-type'] !== 'Restore Job State Change') {
    return malformed(jobId, `unexpected event: source ${String(event?.source)}, detail-type ${String(event?.['detail-type'])}`);
  }
  if (!jobId) return malformed(undefined, 'the event has no restoreJobId');

  let job: DescribeRestoreJobCommandOutput;
  try {
    job = await backup.send(new DescribeRestoreJobCommand({ RestoreJobId: jobId }));
  } catch (e) {
    return report(jobId, 'FAILED', `could not describe restore job: ${errorText(e)}`);
  }
  if (!job.CreatedBy?.RestoreTestingPlanArn) {
    // A restore someone ran by hand: the operator validates it; AWS Backup expects no result.
    log('INFO', 'not a restore test; skipped', { restoreJobId: jobId });
    return { restoreJobId: jobId, status: 'SKIPPED', message: 'not a restore testing job' };
  }
  if (!DATABASE_TYPES.has(job.ResourceType ?? '')) {
    return report(jobId, 'FAILED', `no validation is defined for resource type ${String(job.ResourceType)}`);
  }
  if (job.Status !== 'COMPLETED') {
    return report(jobId, 'FAILED', `restore job status is ${String(job.Status)}, expected COMPLETED`);
  }
  try {
    const problems = await checkCluster(job);
    return problems.length === 0
      ? report(jobId, 'SUCCESSFUL', `restored cluster ${clusterId(job.CreatedResourceArn)} is available, encrypted with the recovery point's key, and forces TLS 1.2+`)
      : report(jobId, 'FAILED', problems.join('; '));
  } catch (e) {
    return report(jobId, 'FAILED', `validation could not complete: ${errorText(e)}`);
  }
}

/** Returns every problem found on the restored cluster; empty when it passes. */
async function checkCluster(job: DescribeRestoreJobCommandOutput): Promise<string[]> {
  const id = clusterId(job.CreatedResourceArn);
  if (!id) return [`the restore job names no restored cluster (CreatedResourceArn ${String(job.CreatedResourceArn)})`];
  const found = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
  const cluster = found.DBClusters?.[0];
  if (!cluster) return [`restored cluster ${id} not found`];

  const problems: string[] = [];
  if (cluster.Status !== 'available') problems.push(`cluster status is ${String(cluster.Status)}, expected available`);
  if (cluster.StorageEncrypted !== true) {
    problems.push('cluster storage is not encrypted');
  } else {
    const expected = await expectedKey(job);
    if (!expected) problems.push('the recovery point names no encryption key to compare with');
    else if (cluster.KmsKeyId !== expected) problems.push(`cluster is encrypted with ${String(cluster.KmsKeyId)}, expected ${expected}`);
  }
  const group = cluster.DBClusterParameterGroup;
  if (!group) {
    problems.push('cluster has no cluster parameter group');
  } else {
    const values = await parameterValues(group, Object.keys(TLS_PARAMETERS));
    for (const [name, allowed] of Object.entries(TLS_PARAMETERS)) {
      const value = values.get(name);
      if (!value || !allowed.includes(value)) problems.push(`parameter group ${group} has ${name} = ${value ?? 'unset'}, expected ${allowed.join(' or ')}`);
    }
  }
  return problems;
}

/** The key the recovery point is encrypted with: the source database's key, which the restore must keep. */
async function expectedKey(job: DescribeRestoreJobCommandOutput): Promise<string | undefined> {
  const vaultName = job.BackupVaultArn?.split(':backup-vault:')[1];
  if (!vaultName || !job.RecoveryPointArn) return undefined;
  const point = await backup.send(new DescribeRecoveryPointCommand({ BackupVaultName: vaultName, RecoveryPointArn: job.RecoveryPointArn }));
  return point.EncryptionKeyArn;
}

/** The values of `names` in a cluster parameter group (a name without a value is left out). */
async function parameterValues(group: string, names: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for await (const page of paginateDescribeDBClusterParameters({ client: rds }, { DBClusterParameterGroupName: group })) {
    for (const p of page.Parameters ?? []) {
      if (p.ParameterName && names.includes(p.ParameterName) && p.ParameterValue !== undefined) found.set(p.ParameterName, p.ParameterValue);
    }
    if (found.size === names.length) break;
  }
  return found;
}

/** `arn:aws:rds:<region>:<account>:cluster:<id>` → `<id>`. */
function clusterId(arn: string | undefined): string | undefined {
  return arn?.match(/^arn:aws[a-z-]*:rds:[^:]*:\d{12}:cluster:(.+)$/)?.[1];
}

async function malformed(jobId: string | undefined, reason: string): Promise<ValidationOutcome> {
  if (!jobId) {
    log('ERROR', `malformed event dropped: ${reason}`);
    return { status: 'DROPPED', message: reason };
  }
  log('ERROR', `malformed event: ${reason}`, { restoreJobId: jobId });
  return report(jobId, 'FAILED', `malformed event: ${reason}`);
}

async function report(jobId: string, status: 'SUCCESSFUL' | 'FAILED', message: string): Promise<ValidationOutcome> {
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  log(status === 'SUCCESSFUL' ? 'INFO' : 'ERROR', `restore validation ${status}`, { restoreJobId: jobId, reason: text });
  await backup.send(new PutRestoreValidationResultCommand({ RestoreJobId: jobId, ValidationStatus: status, ValidationStatusMessage: text }));
  return { restoreJobId: jobId, status, message: text };
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
