/**
 * The detectors the catalog names (`detectors` of each enforced control), what each one is, and
 * where each is deployed. A detector is AWS's own check of a running account: an AWS Config
 * managed rule, a Security Hub security control of an enabled standard, an AWS Backup Audit
 * Manager control, or a status the evidence command reads (`npm run evidence`).
 *
 * Sources (read 2026-12-07):
 * - Config managed rules: https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html
 *   (one page per rule, `<rule-name>.html`, identifier and parameters; awsdocs/aws-config-developer-guide@572f307).
 * - Security Hub controls and the standards that include them:
 *   https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html,
 *   .../fsbp-standard.html and .../nist-standard.html (awsdocs/aws-security-hub-user-guide@bda5bf7).
 * - AWS Backup Audit Manager controls: https://docs.aws.amazon.com/aws-backup/latest/devguide/choosing-controls.html
 *   and .../creating-frameworks-api.html (control names and input parameters).
 */
import type { EnvironmentConfig, SecurityHubStandard } from '../config/schema';
import { CONFIG_RULES } from '../constructs/audit/config-recorder';
import type { Control, ControlDetectors, Detectors, NoDetector, ServiceStatusCheck } from './types';

const FSBP: SecurityHubStandard = 'aws-foundational-security-best-practices/v/1.0.0';
const NIST: SecurityHubStandard = 'nist-800-53/v/5.0.0';

/**
 * The Security Hub security controls the catalog names, with their title and the standards that
 * include them (of the standards this project offers, only those the AWS documentation lists).
 * A control counts as deployed in an environment whose `accountBaseline.securityHubStandards`
 * names one of them.
 *
 * Used only before deployment (the detection test and the deployment suite, `missingDetectors`).
 * Source: the AWS Security Hub User Guide as archived in awsdocs/aws-security-hub-user-guide@bda5bf7
 * (2023; the repository has not been updated since), read 2026-12-07. Not refreshed: the stored
 * documentation of 2026-12-07 holds no newer per-control standard list than that snapshot that
 * could be checked control by control. Memberships change (AWS adds and retires controls per
 * standard), so `npm run evidence` never reads this table: it reads the live memberships of the
 * account's enabled standards (securityhub:ListStandardsControlAssociations) and reports a named
 * control that no enabled standard runs as a finding of its own.
 */
export const SECURITY_HUB_CONTROLS: Readonly<Record<string, { readonly title: string; readonly standards: readonly SecurityHubStandard[] }>> = {
  'CloudTrail.1': { title: 'CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events', standards: [FSBP, NIST] },
  'CloudTrail.2': { title: 'CloudTrail should have encryption at-rest enabled', standards: [FSBP, NIST] },
  'CloudTrail.4': { title: 'CloudTrail log file validation should be enabled', standards: [FSBP, NIST] },
  'CloudTrail.5': { title: 'CloudTrail trails should be integrated with Amazon CloudWatch Logs', standards: [FSBP, NIST] },
  'CloudWatch.15': { title: 'CloudWatch alarms should have an action configured for the ALARM state', standards: [NIST] },
  'CloudWatch.17': { title: 'CloudWatch alarm actions should be activated', standards: [NIST] },
  'EC2.2': { title: 'The VPC default security group should not allow inbound and outbound traffic', standards: [FSBP, NIST] },
  'EC2.6': { title: 'VPC flow logging should be enabled in all VPCs', standards: [FSBP, NIST] },
  'EC2.13': { title: 'Security groups should not allow ingress from 0.0.0.0/0 to port 22', standards: [NIST] },
  'EC2.15': { title: 'EC2 subnets should not automatically assign public IP addresses', standards: [FSBP, NIST] },
  'EC2.18': { title: 'Security groups should only allow unrestricted incoming traffic for authorized ports', standards: [FSBP, NIST] },
  'EC2.21': { title: 'Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389', standards: [FSBP, NIST] },
  'ECS.2': { title: 'ECS services should not have public IP addresses assigned to them automatically', standards: [FSBP, NIST] },
  'ECS.4': { title: 'ECS containers should run as non-privileged', standards: [FSBP, NIST] },
  'ECS.5': { title: 'ECS containers should be limited to read-only access to root filesystems', standards: [FSBP, NIST] },
  'ECS.8': { title: 'Secrets should not be passed as container environment variables', standards: [FSBP, NIST] },
  'ECS.10': { title: 'ECS Fargate services should run on the latest Fargate platform version', standards: [FSBP, NIST] },
  'ELB.1': { title: 'Application Load Balancer should be configured to redirect all HTTP requests to HTTPS', standards: [FSBP, NIST] },
  'ELB.4': { title: 'Application Load Balancer should be configured to drop http headers', standards: [FSBP, NIST] },
  'ELB.5': { title: 'Application and Classic Load Balancers logging should be enabled', standards: [FSBP, NIST] },
  'ELB.12': { title: 'Application Load Balancer should be configured with defensive or strictest desync mitigation mode', standards: [FSBP, NIST] },
  'GuardDuty.1': { title: 'GuardDuty should be enabled', standards: [FSBP, NIST] },
  'IAM.5': { title: 'MFA should be enabled for all IAM users that have a console password', standards: [FSBP, NIST] },
  'IAM.7': { title: 'Password policies for IAM users should have strong configurations', standards: [FSBP, NIST] },
  'KMS.3': { title: 'AWS KMS keys should not be deleted unintentionally', standards: [FSBP, NIST] },
  'KMS.4': { title: 'AWS KMS key rotation should be enabled', standards: [NIST] },
  'RDS.2': { title: 'RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration', standards: [FSBP, NIST] },
  'RDS.4': { title: 'RDS cluster snapshots and database snapshots should be encrypted at rest', standards: [FSBP, NIST] },
  'RDS.7': { title: 'RDS clusters should have deletion protection enabled', standards: [FSBP, NIST] },
  'RDS.9': { title: 'Database logging should be enabled', standards: [FSBP, NIST] },
  'RDS.11': { title: 'RDS instances should have automatic backups enabled', standards: [FSBP, NIST] },
  'RDS.12': { title: 'IAM authentication should be configured for RDS clusters', standards: [FSBP, NIST] },
  'RDS.13': { title: 'RDS automatic minor version upgrades should be enabled', standards: [FSBP, NIST] },
  'RDS.15': { title: 'RDS DB clusters should be configured for multiple Availability Zones', standards: [FSBP, NIST] },
  'S3.2': { title: 'S3 buckets should prohibit public read access', standards: [FSBP, NIST] },
  'S3.3': { title: 'S3 buckets should prohibit public write access', standards: [FSBP, NIST] },
  'S3.4': { title: 'S3 buckets should have server-side encryption enabled', standards: [FSBP, NIST] },
  'S3.5': { title: 'S3 buckets should require requests to use Secure Socket Layer', standards: [FSBP, NIST] },
  'S3.8': { title: 'S3 Block Public Access setting should be enabled at the bucket-level', standards: [FSBP, NIST] },
  'S3.10': { title: 'S3 buckets with versioning enabled should have lifecycle policies configured', standards: [FSBP, NIST] },
  'SecretsManager.1': { title: 'Secrets Manager secrets should have automatic rotation enabled', standards: [FSBP, NIST] },
  'SecretsManager.4': { title: 'Secrets Manager secrets should be rotated within a specified number of days', standards: [FSBP, NIST] },
  'SNS.1': { title: 'SNS topics should be encrypted at-rest using AWS KMS', standards: [FSBP, NIST] },
  'SQS.1': { title: 'Amazon SQS queues should be encrypted at rest', standards: [FSBP, NIST] },
  'WAF.10': { title: 'A WAFV2 web ACL should have at least one rule or rule group', standards: [FSBP, NIST] },
  'WAF.11': { title: 'AWS WAFv2 web ACL logging should be activated', standards: [NIST] },
};

/** The AWS Backup Audit Manager controls this project deploys (the `BackupAuditFramework`). */
export const BACKUP_AUDIT_CONTROL_NAMES = [
  'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN',
  'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK',
  'BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK',
  'BACKUP_RECOVERY_POINT_ENCRYPTED',
  'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED',
  'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK',
  'BACKUP_LAST_RECOVERY_POINT_CREATED',
  'RESTORE_TIME_FOR_RESOURCES_MEET_TARGET',
] as const;
export type BackupAuditControlName = (typeof BACKUP_AUDIT_CONTROL_NAMES)[number];

export function hasNoDetector(d: Detectors): d is NoDetector {
  return 'none' in d;
}

/** One named detector, flattened. */
export interface NamedDetector {
  readonly kind: 'config-rule' | 'security-hub' | 'backup-audit' | 'service-status';
  /** The AWS name: rule identifier, control ID, Audit Manager control name or status check. */
  readonly name: string;
}

/** The detectors of a control, flattened (none for a `none` entry or a control without one). */
export function detectorsOf(control: Pick<Control, 'detectors'>): NamedDetector[] {
  const d = control.detectors;
  if (!d || hasNoDetector(d)) return [];
  const c: ControlDetectors = d;
  return [
    ...(c.configRules ?? []).map((name) => ({ kind: 'config-rule' as const, name })),
    ...(c.securityHub ?? []).map((name) => ({ kind: 'security-hub' as const, name })),
    ...(c.backupAudit ?? []).map((name) => ({ kind: 'backup-audit' as const, name })),
    ...(c.serviceStatus ?? []).map((name: ServiceStatusCheck) => ({ kind: 'service-status' as const, name })),
  ];
}

/** How a detector reads in the report: `Config RDS_STORAGE_ENCRYPTED`, `Security Hub S3.5`, ... */
export function detectorLabel(d: NamedDetector): string {
  return { 'config-rule': 'Config', 'security-hub': 'Security Hub', 'backup-audit': 'Backup Audit Manager', 'service-status': 'status' }[d.kind] + ` ${d.name}`;
}

/** A template as far as detector lookup reads it. */
interface Template {
  readonly Resources?: Readonly<Record<string, { readonly Type: string; readonly Properties?: any }>>;
}

/** Where the detectors of one environment are, read from its synthesized templates. */
export interface DeployedDetectors {
  /** Managed rule identifiers of every AWS::Config::ConfigRule, by stack ID. */
  readonly configRules: ReadonlyMap<string, ReadonlySet<string>>;
  /** Control names of every AWS::Backup::Framework. */
  readonly backupAudit: ReadonlySet<string>;
}

/** Reads the deployed detectors from an environment's templates. */
export function deployedDetectors(stacks: ReadonlyArray<{ readonly id: string; readonly template: Template }>): DeployedDetectors {
  const configRules = new Map<string, Set<string>>();
  const backupAudit = new Set<string>();
  for (const s of stacks) {
    for (const r of Object.values(s.template.Resources ?? {})) {
      if (r.Type === 'AWS::Config::ConfigRule' && r.Properties?.Source?.Owner === 'AWS') {
        configRules.set(s.id, new Set([...(configRules.get(s.id) ?? []), r.Properties.Source.SourceIdentifier]));
      }
      if (r.Type === 'AWS::Backup::Framework') for (const c of r.Properties?.FrameworkControls ?? []) backupAudit.add(c.ControlName);
    }
  }
  return { configRules, backupAudit };
}

/** The stack that carries the account baseline's Config rules (inherited where it is off). */
export const ACCOUNT_BASELINE_STACK = 'AccountBaseline';

/**
 * The detectors of `control` that an environment neither deploys nor inherits, each as
 * `<label>: <why>`; empty when every one is in place. Config rules of the account baseline and
 * the Security Hub standards are inherited where the environment leaves the baseline to its
 * organisation (`accountBaseline.enabled: false`): the organisation must then run them (its
 * conformance packs and standards), and the controls report says so.
 */
export function missingDetectors(
  control: Pick<Control, 'id' | 'detectors'>,
  env: Pick<EnvironmentConfig, 'accountBaseline'>,
  deployed: DeployedDetectors,
): string[] {
  const missing: string[] = [];
  const inherits = !env.accountBaseline.enabled;
  for (const d of detectorsOf(control)) {
    if (d.kind === 'config-rule') {
      const here = [...deployed.configRules.values()].some((ids) => ids.has(d.name));
      const inherited = inherits && CONFIG_RULES.some((r) => r.identifier === d.name);
      if (!here && !inherited) missing.push(`${detectorLabel(d)}: no AWS::Config::ConfigRule with this identifier in any stack`);
    } else if (d.kind === 'security-hub') {
      const known = SECURITY_HUB_CONTROLS[d.name];
      if (!known) missing.push(`${detectorLabel(d)}: not in SECURITY_HUB_CONTROLS (lib/controls/detectors.ts)`);
      else if (!inherits && !known.standards.some((s) => env.accountBaseline.securityHubStandards.includes(s))) {
        missing.push(`${detectorLabel(d)}: in ${known.standards.join(', ')}, none of which accountBaseline.securityHubStandards enables`);
      }
    } else if (d.kind === 'backup-audit' && !deployed.backupAudit.has(d.name)) {
      missing.push(`${detectorLabel(d)}: not a control of the environment's AWS::Backup::Framework`);
    }
  }
  return missing;
}
