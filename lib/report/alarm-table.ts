/**
 * The README's table of every alarm and alert, generated from the synthesized production
 * templates: what fires, where it goes, and the runbook that says what to do first.
 */
import type { EnvironmentTemplates } from './controls-report';

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

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function topicOf(target: unknown): string {
  const text = JSON.stringify(target ?? '');
  return /AlertsSecurity/.test(text) ? 'security' : /AlertsOperations/.test(text) ? 'operations' : 'other';
}

/** One row per CloudWatch alarm and per EventBridge rule that pages a topic. */
export function renderAlarmTable(env: EnvironmentTemplates): string {
  const lines = ['| stack | kind | what fires it | pages | runbook |', '| --- | --- | --- | --- | --- |'];
  for (const stack of env.stacks) {
    for (const r of Object.values<any>(stack.template.Resources ?? {})) {
      const isAlarm = r.Type === 'AWS::CloudWatch::Alarm';
      const pages = isAlarm ? (r.Properties.AlarmActions ?? []).map(topicOf) : (r.Properties.Targets ?? []).map((t: any) => topicOf(t.Arn)).filter((t: string) => t !== 'other');
      if (!isAlarm && (r.Type !== 'AWS::Events::Rule' || pages.length === 0)) continue;
      const what = (isAlarm ? r.Properties.AlarmDescription : r.Properties.Description) ?? '';
      const runbook = runbookOf(stack.id);
      lines.push(
        `| ${stack.id} | ${isAlarm ? 'alarm' : 'event rule'} | ${cell(what.replace(/\s*Runbook:.*$/, ''))} | ${[...new Set(pages)].join(', ')} | ${runbook ? `[${runbook.split('#')[0]}](${runbook})` : ''} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Replaces the table between the markers in `readme`. */
export function embedAlarmTable(readme: string, table: string): string {
  const start = readme.indexOf(ALARMS_START);
  const end = readme.indexOf(ALARMS_END);
  if (start < 0 || end < start) throw new Error(`README has no ${ALARMS_START} ... ${ALARMS_END} markers`);
  return `${readme.slice(0, start + ALARMS_START.length)}\n${table}\n${readme.slice(end)}`;
}
