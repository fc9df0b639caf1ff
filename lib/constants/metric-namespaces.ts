/**
 * The default namespace of the CIS metrics: only the CIS alarms' metric filters write to it
 * (CisAlarms), so the PR controls diff tells the CIS alarms from the others by it (the
 * MON-CIS-ALARMS catalog entry). A constant of its own so that the catalog reads it without
 * loading the construct.
 */
export const CIS_METRIC_NAMESPACE = 'SaasSecurityBaseline/CIS';
