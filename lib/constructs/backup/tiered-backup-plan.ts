import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { POINT_IN_TIME_MAX_DAYS } from '../../aws-facts/backup-retention';
import { acknowledge } from '../../nag/acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';

/** One snapshot tier: when it runs (UTC cron) and how long its recovery points are kept. */
export interface BackupTierProps {
  /** A six-field AWS cron expression, e.g. `cron(0 18 ? * * *)`, evaluated in UTC. */
  readonly schedule: string;
  /** Days a recovery point of this tier is kept. */
  readonly deleteAfterDays: number;
}

/** A vault in another region that recovery points are copied to. */
export interface DrVaultProps {
  /** The vault's region; must be one of the environment's allowed regions. */
  readonly region: string;
  /**
   * The vault's name. It lives in a stack of another region, so it is addressed by a name both
   * sides know instead of a cross-region reference. Its key policy trusts the account, so the
   * backup role's AWS managed policy covers the copy.
   */
  readonly vaultName: string;
}

/** Props of {@link TieredBackupPlan}. */
export interface TieredBackupPlanProps {
  /** Name of the plan, as the AWS Backup console lists it. */
  readonly planName: string;
  /** The vault every rule writes to. */
  readonly vault: backup.IBackupVault;
  /** Seed 001's tiers, shortest first. */
  readonly tiers: { readonly hourly: BackupTierProps; readonly daily: BackupTierProps; readonly weekly: BackupTierProps; readonly monthly: BackupTierProps };
  /** Days of continuous backup (point-in-time restore), 1 to {@link POINT_IN_TIME_MAX_DAYS}. */
  readonly continuousBackupDays: number;
  /** Resources carrying this tag are selected (every database cluster and customer-data bucket). */
  readonly selectionTag: { readonly key: string; readonly value: string };
  /**
   * The resource types the selection names; a tagged resource of another type is not backed up.
   * @default - Aurora clusters and S3 buckets (every key of {@link BACKUP_RESOURCE_TYPES})
   */
  readonly resourceTypes?: readonly BackupResourceType[];
  /**
   * Copy daily, weekly and monthly recovery points to this vault, kept as long as the original.
   * @default - no copy: recovery points never leave the home region (BAK-RESIDENCY)
   */
  readonly drVault?: DrVaultProps;
}

/**
 * The resource types the plan backs up, by CloudFormation type: the ARN pattern the selection
 * names for it and the AWS Config rule that reports a tagged resource of that type without a
 * recent recovery point. Naming the types (not only the tag) matters: for a tag-only selection
 * AWS Backup applies the Region's service opt-in settings, and S3 and others are off by default,
 * so their tagged resources would be skipped without an error. "If a resource type is explicitly
 * assigned to a backup plan ... it will be included in the backup even if the opt-in is not
 * enabled" (UpdateRegionSettings, https://docs.aws.amazon.com/aws-backup/latest/devguide/API_UpdateRegionSettings.html).
 */
export const BACKUP_RESOURCE_TYPES = {
  'AWS::RDS::DBCluster': {
    // Clusters only: `db:` instance ARNs stay out, Aurora members are backed up with their cluster.
    arnPattern: (stack: Stack) => stack.formatArn({ service: 'rds', resource: 'cluster', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
    configRule: 'AURORA_LAST_BACKUP_RECOVERY_POINT_CREATED',
  },
  'AWS::S3::Bucket': {
    // Bucket ARNs carry neither region nor account.
    arnPattern: (stack: Stack) => stack.formatArn({ service: 's3', region: '', account: '', resource: '*', arnFormat: ArnFormat.NO_RESOURCE_NAME }),
    configRule: 'S3_LAST_BACKUP_RECOVERY_POINT_CREATED',
  },
} as const;

/** A CloudFormation resource type the plan can select. */
export type BackupResourceType = keyof typeof BACKUP_RESOURCE_TYPES;

/** Rule names of the plan, exported so that tests and docs name the same rules. */
export const BACKUP_RULE_NAMES = { hourly: 'Hourly', daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', continuous: 'Continuous' } as const;

/**
 * The backup plan of seed 001 (BAK-TIERS): hourly, daily, weekly and monthly snapshot rules with
 * their retention, plus a continuous-backup rule (BAK-PITR) that gives Aurora, RDS and S3
 * point-in-time restore over up to POINT_IN_TIME_MAX_DAYS (35) days. One selection by tag (BAK-SELECTIONS) covers every
 * tagged resource, so a new tenant database is backed up the moment it is tagged.
 *
 * When `drVault` is given, the daily, weekly and monthly rules copy to it (BAK-RESIDENCY). The
 * hourly and continuous tiers stay at home: a DR copy of a one-day point buys little for its cost,
 * and AWS Backup copies continuous points only as snapshots.
 */
export class TieredBackupPlan extends Construct {
  /** The plan. */
  public readonly plan: backup.BackupPlan;
  /** The role AWS Backup assumes to take and copy backups. */
  public readonly role: ManagedPolicyRole;

  constructor(scope: Construct, id: string, props: TieredBackupPlanProps) {
    super(scope, id);
    if (props.continuousBackupDays < 1 || props.continuousBackupDays > POINT_IN_TIME_MAX_DAYS) {
      throw new Error(`TieredBackupPlan ${id}: continuousBackupDays: got ${props.continuousBackupDays}, AWS Backup keeps continuous backups 1 to ${POINT_IN_TIME_MAX_DAYS} days`);
    }
    const stack = Stack.of(this);
    if (props.drVault && props.drVault.region === stack.region) {
      throw new Error(`TieredBackupPlan ${id}: drVault.region: got "${props.drVault.region}", must differ from the plan's region`);
    }

    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: takes and copies the tiered backups of tagged databases and buckets',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('AWSBackupServiceRolePolicyForS3Backup'),
      ],
    });
    acknowledge(this.role, 'backupServiceRolePolicies');

    const drVault = props.drVault
      ? backup.BackupVault.fromBackupVaultArn(
          this,
          'DrVault',
          stack.formatArn({ service: 'backup', region: props.drVault.region, resource: 'backup-vault', resourceName: props.drVault.vaultName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
        )
      : undefined;

    this.plan = new backup.BackupPlan(this, 'Resource', { backupPlanName: props.planName, backupVault: props.vault });
    const { tiers } = props;
    const rule = (name: string, tier: BackupTierProps, hourly: boolean, copy: boolean) =>
      this.plan.addRule(
        new backup.BackupPlanRule({
          ruleName: name,
          scheduleExpression: events.Schedule.expression(tier.schedule),
          deleteAfter: Duration.days(tier.deleteAfterDays),
          // An hourly job must finish before the next one starts; the others get a night.
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(hourly ? 2 : 8),
          copyActions: copy && drVault ? [{ destinationBackupVault: drVault, deleteAfter: Duration.days(tier.deleteAfterDays) }] : undefined,
        }),
      );
    rule(BACKUP_RULE_NAMES.hourly, tiers.hourly, true, false);
    rule(BACKUP_RULE_NAMES.daily, tiers.daily, false, true);
    rule(BACKUP_RULE_NAMES.weekly, tiers.weekly, false, true);
    rule(BACKUP_RULE_NAMES.monthly, tiers.monthly, false, true);
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: BACKUP_RULE_NAMES.continuous,
        enableContinuousBackup: true,
        deleteAfter: Duration.days(props.continuousBackupDays),
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(8),
      }),
    );
    // The selection names each resource type by an ARN pattern AND requires the tag. `Conditions`
    // (not `ListOfTags`) is what combines with `Resources` by AND; `ListOfTags` would be ORed
    // with the patterns and select every cluster and bucket of the account.
    // https://repost.aws/knowledge-center/backup-assign-resources (examples 1 and 2) and
    // https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html
    const types = props.resourceTypes ?? (Object.keys(BACKUP_RESOURCE_TYPES) as BackupResourceType[]);
    if (types.length === 0) throw new Error(`TieredBackupPlan ${id}: resourceTypes: got none, a selection without resource types selects nothing`);
    const selection = this.plan.addSelection('Tagged', {
      backupSelectionName: 'tagged-databases-and-buckets',
      resources: types.map((type) => backup.BackupResource.fromArn(BACKUP_RESOURCE_TYPES[type].arnPattern(stack))),
      role: this.role,
    });
    (selection.node.defaultChild as backup.CfnBackupSelection).addPropertyOverride('BackupSelection.Conditions', {
      StringEquals: [{ ConditionKey: `aws:ResourceTag/${props.selectionTag.key}`, ConditionValue: props.selectionTag.value }],
    });
  }
}

