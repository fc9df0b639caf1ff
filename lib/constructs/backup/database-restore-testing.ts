import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Fn, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { POSTGRES_TLS_PARAMETERS } from '../../constants/postgres-tls';
import { acknowledge } from '../../nag/acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { TENANT_DATABASE_ENGINE } from '../data/tenant-database';


/** Props of {@link DatabaseRestoreTesting}. */
export interface DatabaseRestoreTestingProps {
  /**
   * Name of the restore testing plan: letters, digits and underscores, starting with a letter,
   * at most 50 characters. CAUTION: changing it replaces the plan.
   */
  readonly planName: string;
  /** The vault whose recovery points are restored. */
  readonly vault: backup.IBackupVault;
  /** When a test starts: an AWS cron expression in UTC. */
  readonly schedule: string;
  /** Hours the restored cluster is kept for validation before AWS Backup deletes it (1 to 168). */
  readonly validationWindowHours: number;
  /** Only recovery points younger than this many days are restored; the latest one is chosen. */
  readonly selectionWindowDays: number;
  /** Aurora clusters carrying this tag are restored. */
  readonly selectionTag: { readonly key: string; readonly value: string };
  /** The VPC the restored clusters land in. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets of the restored clusters.
   * @default - the VPC's isolated subnets: a test restore has no route in or out
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Parameter group family of the restored clusters. It must match the databases' engine major
   * version, or every restore fails.
   * @default - the family of {@link TENANT_DATABASE_ENGINE}, the engine of every tenant database,
   * so a major upgrade of the databases moves the restore tests with it
   */
  readonly parameterGroupFamily?: string;
}

/**
 * Scheduled restore tests of the Aurora databases (BAK-RESTORE-TESTING): an AWS Backup restore
 * testing plan that restores the latest recovery point of every tagged Aurora cluster, on a
 * schedule, into the isolated subnets, behind a security group that admits and sends nothing, with
 * a cluster parameter group that forces TLS 1.2+ (so the validation can check DB-TLS on the copy).
 * AWS Backup deletes the restored cluster when the validation window closes.
 */
export class DatabaseRestoreTesting extends Construct {
  /** The restore testing plan. */
  public readonly plan: backup.CfnRestoreTestingPlan;
  /** The role AWS Backup assumes to restore (and clean up) the test copies. */
  public readonly role: ManagedPolicyRole;
  /** The security group of the restored clusters: no ingress, no egress. */
  public readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: DatabaseRestoreTestingProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.validationWindowHours) && (props.validationWindowHours < 1 || props.validationWindowHours > 168)) {
      throw new Error(`DatabaseRestoreTesting ${id}: validationWindowHours: got ${props.validationWindowHours}, AWS Backup allows 1 to 168 hours`);
    }
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/.test(props.planName)) {
      throw new Error(`DatabaseRestoreTesting ${id}: planName: got "${props.planName}", expected letters, digits and underscores, starting with a letter, at most 50`);
    }
    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup restore testing: restores test copies of the databases and deletes them after validation',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForRestores')],
    });
    acknowledge(this.role, 'restoreServiceRolePolicies');

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Restore-test databases: nothing may connect, nothing leaves',
      allowAllOutbound: false,
    });
    const subnetGroup = new rds.SubnetGroup(this, 'SubnetGroup', {
      vpc: props.vpc,
      description: 'Restore-test databases: isolated subnets only',
      vpcSubnets: props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    });
    const family = props.parameterGroupFamily ?? TENANT_DATABASE_ENGINE.parameterGroupFamily;
    if (!family) throw new Error(`DatabaseRestoreTesting ${id}: parameterGroupFamily: the engine names no parameter group family; pass one explicitly`);
    const parameterGroup = new rds.CfnDBClusterParameterGroup(this, 'ParameterGroup', {
      description: 'Restore-test databases: TLS 1.2+ required, as on the originals (DB-TLS)',
      family,
      // The DB-TLS pair of the tenant databases, which the restore-validation function checks.
      parameters: { ...POSTGRES_TLS_PARAMETERS },
    });

    this.plan = new backup.CfnRestoreTestingPlan(this, 'Resource', {
      restoreTestingPlanName: props.planName,
      scheduleExpression: props.schedule,
      scheduleExpressionTimezone: 'Etc/UTC',
      startWindowHours: 1,
      recoveryPointSelection: {
        algorithm: 'LATEST_WITHIN_WINDOW',
        includeVaults: [props.vault.backupVaultArn],
        recoveryPointTypes: ['SNAPSHOT'],
        selectionWindowDays: props.selectionWindowDays,
      },
    });
    const selection = new backup.CfnRestoreTestingSelection(this, 'Aurora', {
      restoreTestingPlanName: props.planName,
      restoreTestingSelectionName: 'tagged_aurora_clusters',
      protectedResourceType: 'Aurora',
      iamRoleArn: this.role.roleArn,
      protectedResourceArns: ['*'],
      protectedResourceConditions: {
        stringEquals: [{ key: `aws:ResourceTag/${props.selectionTag.key}`, value: props.selectionTag.value }],
      },
      // Keys follow RestoreDBClusterFromSnapshot's parameters (AWS Backup treats them case-insensitively).
      restoreMetadataOverrides: {
        dbSubnetGroupName: subnetGroup.subnetGroupName,
        vpcSecurityGroupIds: Fn.join('', ['["', this.securityGroup.securityGroupId, '"]']),
        dbClusterParameterGroupName: parameterGroup.ref,
      },
      validationWindowHours: props.validationWindowHours,
    });
    selection.addResourceDependency(this.plan);
  }
}
