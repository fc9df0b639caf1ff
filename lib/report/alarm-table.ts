/**
 * The table of every alarm and alert (docs/alarms.md), generated from the synthesized production
 * templates: what fires, where it goes, and the runbook that says what to do first.
 */
import type { EnvironmentTemplates } from './controls-report';
import { embedBetween } from './embed';
import { cell } from './markdown';

export const ALARMS_START = '<!-- alarms:start (npm run docs) -->';
export const ALARMS_END = '<!-- alarms:end -->';

/** The runbook of each stack's alarms and alerts. */
export const RUNBOOKS: Record<string, string> = {
  Alerting: 'docs/audit.md#runbook',
  AccountBaseline: 'docs/audit.md#runbook',
  Workload: 'docs/edge.md#runbook',
  Backup: 'docs/backup.md#notices-bak-failure-notice-and-runbook',
  Identity: 'docs/identity.md#break-glass-runbook',
};

/** The runbook for a stack (data stacks are `Data1`, `Data2`, ...). */
export function runbookOf(stackId: string): string | undefined {
  return /^Data\d+$/.test(stackId) ? 'docs/data.md#runbook' : RUNBOOKS[stackId];
}

/**
 * Runbook entries of alarms and rules whose descriptions carry no `Runbook:` link (the backup
 * and identity constructs describe them otherwise), by stack and logical ID without its hash.
 */
export const RUNBOOK_ENTRIES: Record<string, string> = {
  'Backup/NoticesBackupJob': 'docs/backup.md#backupjob',
  'Backup/NoticesCopyJob': 'docs/backup.md#copyjob',
  'Backup/NoticesRestoreJob': 'docs/backup.md#restorejob',
  'Backup/NoticesTampering': 'docs/backup.md#tampering',
  'Backup/RecoveryPointChecksNonCompliant': 'docs/backup.md#recoverypointmissing',
  'Backup/RestoreValidationValidationFailedAlarm': 'docs/backup.md#validationfailedalarm',
  'Backup/RestoreValidationFunctionErrorAlarm': 'docs/backup.md#functionerroralarm',
  'Backup/RestoreValidationDeadLetterAlarm': 'docs/backup.md#deadletteralarm',
  'Identity/BreakGlassAlert': 'docs/identity.md#break-glass-runbook',
};

/**
 * The runbook entry (`docs/<page>.md#<anchor>`) of one alarm or paging rule: the `Runbook:` link
 * its description carries, else its entry in {@link RUNBOOK_ENTRIES}, else the stack's runbook.
 */
export function runbookEntryOf(stackId: string, logicalId: string, resource: any): string | undefined {
  const description: string = (resource.Type === 'AWS::CloudWatch::Alarm' ? resource.Properties?.AlarmDescription : resource.Properties?.Description) ?? '';
  const linked = /Runbook: (docs\/[\w.-]+\.md#[\w-]+)/.exec(description)?.[1];
  return linked ?? RUNBOOK_ENTRIES[`${stackId}/${logicalId.replace(/[0-9A-F]{8}$/, '')}`] ?? runbookOf(stackId);
}

function topicOf(target: unknown): string {
  const text = JSON.stringify(target ?? '');
  return /AlertsSecurity/.test(text) ? 'security' : /AlertsOperations/.test(text) ? 'operations' : 'other';
}

/** One row per CloudWatch alarm and per EventBridge rule that pages a topic. */
export function renderAlarmTable(env: EnvironmentTemplates): string {
  const lines = ['| stack | kind | what fires it | pages | runbook |', '| --- | --- | --- | --- | --- |'];
  for (const stack of env.stacks) {
    for (const [logicalId, r] of Object.entries<any>(stack.template.Resources ?? {})) {
      const isAlarm = r.Type === 'AWS::CloudWatch::Alarm';
      const pages = isAlarm ? (r.Properties.AlarmActions ?? []).map(topicOf) : (r.Properties.Targets ?? []).map((t: any) => topicOf(t.Arn)).filter((t: string) => t !== 'other');
      if (!isAlarm && (r.Type !== 'AWS::Events::Rule' || pages.length === 0)) continue;
      const what = (isAlarm ? r.Properties.AlarmDescription : r.Properties.Description) ?? '';
      const runbook = runbookEntryOf(stack.id, logicalId, r);
      lines.push(
        `| ${stack.id} | ${isAlarm ? 'alarm' : 'event rule'} | ${cell(what.replace(/\s*Runbook:.*$/, ''))} | ${[...new Set(pages)].join(', ')} | ${runbook ? `[${runbook.replace(/^docs\//, '')}](${runbook.replace(/^docs\//, '')})` : ''} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Replaces the table between the markers in `readme`. */
export function embedAlarmTable(readme: string, table: string): string {
  return embedBetween(readme, ALARMS_START, ALARMS_END, table);
}
