import type { EnvironmentConfig } from '../config/schema';
import type { ControlId } from './control-id';

/**
 * The controls the account-baseline stack enforces. Where an environment turns the baseline off
 * (`accountBaseline.enabled: false`, because the organisation runs CloudTrail, Config, GuardDuty,
 * Security Hub and Access Analyzer centrally), these controls are inherited from the
 * organisation for that environment, and the controls report says so.
 */
export const ACCOUNT_BASELINE_CONTROLS: readonly ControlId[] = [
  'AUD-CLOUDTRAIL',
  'AUD-DATA-EVENTS',
  'AUD-TRAIL-BUCKET',
  'MON-CONFIG-RULES',
  'MON-GUARDDUTY',
  'MON-SECURITY-HUB',
  'MON-CIS-ALARMS',
  'IAM-PASSWORD-POLICY',
  'IAM-ACCESS-ANALYZER',
];

/** The controls an environment inherits from its organisation (none while it owns the baseline). */
export function inheritedControls(env: EnvironmentConfig): readonly ControlId[] {
  return env.accountBaseline.enabled ? [] : ACCOUNT_BASELINE_CONTROLS;
}
