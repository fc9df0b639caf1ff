import { parse } from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnBackupPlan } from 'aws-cdk-lib/aws-backup';
import { NagRuleCompliance, NagRules, type NagRuleResult } from 'cdk-nag/lib/nag-rules';
import { SEED_BACKUP_TIERS } from '../../constants/seed-backup-tiers';
import { FREQUENCY_HOURS, maxIntervalHours, type Frequency } from '../../aws-facts/schedule-expressions';

/** Seed 001's tiers as this rule reads them: each tier's frequency and the days it keeps (SEED_BACKUP_TIERS). */
export const BACKUP_TIERS: ReadonlyArray<{ readonly frequency: Frequency; readonly minRetentionDays: number }> = (
  Object.entries(SEED_BACKUP_TIERS) as Array<[Frequency, { deleteAfterDays: number }]>
).map(([frequency, tier]) => ({ frequency, minRetentionDays: tier.deleteAfterDays }));

/** AWS Backup's schedule when a rule names none: daily at 05:00 UTC. */
const DEFAULT_SCHEDULE = 'cron(0 5 ? * * *)';

/**
 * Every backup plan keeps the four tiers of seed 001 (BAK-TIERS): for each tier, a rule that
 * runs at least that often (its `ScheduleExpression`'s runs are at most an hour, a day, a week
 * or a 31-day month apart) and keeps its recovery points at least as long
 * (`Lifecycle.DeleteAfterDays`; no lifecycle keeps them forever). A finer rule that keeps
 * longer satisfies a coarser tier too. Each missing tier is its own finding,
 * `SaasBaseline-BackupPlanTiers[<tier>]`. No cdk-nag pack looks inside a backup plan's rules.
 * @param node the CfnResource to check
 */
export default Object.defineProperty(
  (node: CfnResource): NagRuleResult => {
    if (!(node instanceof CfnBackupPlan)) return NagRuleCompliance.NOT_APPLICABLE;
    const plan = Stack.of(node).resolve(node.backupPlan) as { backupPlanRule?: unknown[] } | undefined;
    const rules = (plan?.backupPlanRule ?? []).map((r) => r as { scheduleExpression?: unknown; lifecycle?: { deleteAfterDays?: unknown } });
    const offered = rules.map((rule) => ({
      intervalHours: maxIntervalHours(String(NagRules.resolveIfPrimitive(node, rule.scheduleExpression) ?? DEFAULT_SCHEDULE)),
      retentionDays: rule.lifecycle?.deleteAfterDays === undefined ? Infinity : Number(NagRules.resolveIfPrimitive(node, rule.lifecycle.deleteAfterDays)),
    }));
    const missing = BACKUP_TIERS.filter(
      (tier) => !offered.some((o) => o.intervalHours <= FREQUENCY_HOURS[tier.frequency] && o.retentionDays >= tier.minRetentionDays),
    ).map((tier) => tier.frequency);
    return missing.length === 0 ? NagRuleCompliance.COMPLIANT : missing;
  },
  'name',
  { value: parse(__filename).name },
);
