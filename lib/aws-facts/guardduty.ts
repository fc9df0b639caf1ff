/** GuardDuty severity labels, lowest first; `alerts.guardDutyMinSeverity` takes one of them. */
export const GUARDDUTY_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
