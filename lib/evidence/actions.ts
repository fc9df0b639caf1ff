/**
 * The IAM action of every AWS call the evidence command makes, by SDK command name. Kept free of
 * SDK imports so the security-auditor role (lib/constructs/identity/staff-roles.ts) can be
 * granted exactly these reads without bundling the SDK into the app; `aws.ts` pairs each with
 * its command class, and a test proves every one is a Describe, Get or List call.
 */
export const EVIDENCE_COMMAND_ACTIONS = {
  GetCallerIdentityCommand: 'sts:GetCallerIdentity',
  DescribeConfigRulesCommand: 'config:DescribeConfigRules',
  DescribeComplianceByConfigRuleCommand: 'config:DescribeComplianceByConfigRule',
  GetComplianceDetailsByConfigRuleCommand: 'config:GetComplianceDetailsByConfigRule',
  DescribeConfigurationRecorderStatusCommand: 'config:DescribeConfigurationRecorderStatus',
  DescribeRetentionConfigurationsCommand: 'config:DescribeRetentionConfigurations',
  GetResourceConfigHistoryCommand: 'config:GetResourceConfigHistory',
  GetEnabledStandardsCommand: 'securityhub:GetEnabledStandards',
  GetFindingsCommand: 'securityhub:GetFindings',
  ListStandardsControlAssociationsCommand: 'securityhub:ListStandardsControlAssociations',
  ListFrameworksCommand: 'backup:ListFrameworks',
  DescribeFrameworkCommand: 'backup:DescribeFramework',
  ListRestoreJobsCommand: 'backup:ListRestoreJobs',
  ListReportJobsCommand: 'backup:ListReportJobs',
  DescribeTrailsCommand: 'cloudtrail:DescribeTrails',
  GetTrailStatusCommand: 'cloudtrail:GetTrailStatus',
  ListDetectorsCommand: 'guardduty:ListDetectors',
  GetDetectorCommand: 'guardduty:GetDetector',
} as const;

/** The IAM actions the auditor role needs for the evidence command (sts:GetCallerIdentity needs no grant). */
export const EVIDENCE_READ_ACTIONS: readonly string[] = Object.values(EVIDENCE_COMMAND_ACTIONS).filter((a) => a !== 'sts:GetCallerIdentity');
