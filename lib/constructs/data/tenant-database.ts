import { Duration, RemovalPolicy, Tags, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { POINT_IN_TIME_MAX_DAYS } from '../../aws-facts/backup-retention';
import { AURORA_POSTGRESQL_INSTANCE_CLASSES, defaultMaxConnections } from '../../aws-facts/aurora-instance-classes';
import { DATABASE_PORT } from '../../constants/ports';
import { BACKUP_TAG } from '../../constants/tags';
import { acknowledge } from '../../nag/acknowledgements';
import { SecureLogGroup } from '../common/secure-log-group';
import { personalDataProtectionPolicy } from '../workload/personal-data-policy';
import { EnhancedMonitoringRole } from './enhanced-monitoring-role';
import { PostgresParameterGroup } from './postgres-parameter-group';

/**
 * The engine of every tenant database: a recent Aurora PostgreSQL 17 minor version. Minor
 * versions after it arrive through auto minor version upgrade (DB-PATCHING); a major upgrade is
 * a deliberate change here (and of the parameter group family).
 */
export const TENANT_DATABASE_ENGINE = rds.DatabaseClusterEngine.auroraPostgres({
  version: rds.AuroraPostgresEngineVersion.VER_17_7,
});

/** The master user RDS creates; its password lives only in the RDS-managed secret. */
export const MASTER_USERNAME = 'postgres_admin';

/** Props of {@link TenantDatabase}. */
export interface TenantDatabaseProps {
  /** The VPC; the cluster goes into its isolated subnets. */
  readonly vpc: ec2.IVpc;
  /**
   * Security groups of the cluster. They decide who may connect (DB-NETWORK-ACCESS): admit the
   * workload's group on {@link DATABASE_PORT}, nothing else.
   */
  readonly securityGroups: readonly ec2.ISecurityGroup[];
  /**
   * The tenant's own customer-managed key (TEN-DEDICATED-KEY). It encrypts storage, snapshots,
   * Performance Insights, the master secret and the PostgreSQL log group, so its policy must let
   * CloudWatch Logs use it for {@link TenantDatabase.logGroupName}.
   */
  readonly encryptionKey: kms.IKey;
  /**
   * Cluster identifier, lower-case, unique in the account and region. Fixed (not generated) so
   * that the PostgreSQL log group RDS writes to, `/aws/rds/cluster/<id>/postgresql`, can be
   * created beforehand with encryption and retention.
   * CAUTION: changing it replaces the cluster.
   */
  readonly clusterIdentifier: string;
  /** Instance class of writer and reader; one of `AURORA_POSTGRESQL_INSTANCE_CLASSES`. */
  readonly instanceClass: string;
  /**
   * Zones of the writer (first) and the reader (second); they must differ (DB-MULTI-AZ). The
   * data stack derives them from the tenant ID (`tenantAvailabilityZones` in
   * lib/config/data-layout.ts), never from the tenant's position, so other tenants' changes do
   * not move them.
   * CAUTION: changing them replaces the instances, not the data (it lives in the cluster volume).
   * The replaced instances are retained (FND-STATEFUL-RETAIN) and stay in the cluster, billed,
   * until deleted by hand; see docs/data.md "Moving a tenant's instances".
   */
  readonly availabilityZones: readonly [string, string];
  /** Days of automated backups (point-in-time restore window), 1 to {@link POINT_IN_TIME_MAX_DAYS}. */
  readonly backupRetentionDays: number;
  /** Daily backup window, UTC (`hh:mm-hh:mm`). */
  readonly preferredBackupWindow: string;
  /** Weekly maintenance window, UTC (`ddd:hh:mm-ddd:hh:mm`). */
  readonly preferredMaintenanceWindow: string;
  /** Days to keep PostgreSQL logs in CloudWatch Logs. */
  readonly logRetentionDays: number;
  /** Where the operational alarms go. */
  readonly alarmTopic: sns.ITopic;
  /**
   * The cluster parameter group.
   * @default - a new {@link PostgresParameterGroup} with DDL, role and write auditing
   */
  readonly parameterGroup?: PostgresParameterGroup;
  /**
   * The subnet group.
   * @default - a new subnet group of the VPC's isolated subnets
   */
  readonly subnetGroup?: rds.ISubnetGroup;
  /**
   * The role enhanced monitoring assumes.
   * @default - a new {@link EnhancedMonitoringRole}
   */
  readonly monitoringRole?: iam.IRole;
}

/**
 * One Aurora PostgreSQL cluster holding one tenant's data, with every data-tier control built in:
 *
 * - writer and reader in different zones of the isolated subnets (DB-MULTI-AZ, DB-NETWORK-ACCESS);
 * - storage, Performance Insights, master secret and logs under the tenant's key (DB-ENCRYPTION-AT-REST);
 * - TLS 1.2+ only and pgaudit through {@link PostgresParameterGroup} (DB-TLS, DB-AUDIT-LOGGING);
 * - IAM database authentication (DB-IAM-AUTH) and an RDS-managed, rotating master secret (DB-CREDENTIAL-ROTATION);
 * - backups, deletion protection, snapshot on delete, auto minor upgrades (DB-PITR-RETENTION, DB-PATCHING);
 * - alarms on CPU, memory, local storage, connections and replica lag.
 */
export class TenantDatabase extends Construct {
  /** The log group RDS exports a cluster's PostgreSQL log to. */
  public static logGroupName(clusterIdentifier: string): string {
    return `/aws/rds/cluster/${clusterIdentifier}/postgresql`;
  }

  /** The cluster. */
  public readonly cluster: rds.DatabaseCluster;
  /** The encrypted log group RDS exports the PostgreSQL log to. */
  public readonly logGroup: SecureLogGroup;
  /** The operational alarms, by metric. */
  public readonly alarms: Readonly<Record<string, cloudwatch.Alarm>>;

  constructor(scope: Construct, id: string, props: TenantDatabaseProps) {
    super(scope, id);
    validate(props);

    // RDS creates `/aws/rds/cluster/<id>/postgresql` on first export, unencrypted and kept
    // forever. Creating it first (and making the cluster wait for it) gives it the tenant key and
    // the environment's retention instead.
    // LOG-NO-CLIENT-CONTENT: pgaudit logs the text of audited statements, which holds whatever
    // literals the application writes into its SQL; the policy masks personal data as it is
    // ingested, and the staff roles below administrator may not read the group at all
    // (DATABASE_LOG_GROUP_PREFIX in staff-policies.ts).
    this.logGroup = new SecureLogGroup(this, 'PostgresLog', {
      encryptionKey: props.encryptionKey,
      retentionDays: props.logRetentionDays,
      logGroupName: TenantDatabase.logGroupName(props.clusterIdentifier),
      dataProtectionPolicy: personalDataProtectionPolicy(`Masks personal data in the PostgreSQL log of ${props.clusterIdentifier}`),
    });

    const monitoringRole = props.monitoringRole ?? new EnhancedMonitoringRole(this, 'MonitoringRole').role;
    const parameterGroup = props.parameterGroup ?? new PostgresParameterGroup(this, 'Parameters', { engine: TENANT_DATABASE_ENGINE });
    const instance = (instanceId: string, availabilityZone: string) =>
      rds.ClusterInstance.provisioned(instanceId, {
        instanceType: new ec2.InstanceType(props.instanceClass.replace(/^db\./, '')),
        availabilityZone,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        preferredMaintenanceWindow: props.preferredMaintenanceWindow,
        enablePerformanceInsights: true,
        performanceInsightEncryptionKey: props.encryptionKey,
      });

    this.cluster = new rds.DatabaseCluster(this, 'Resource', {
      engine: TENANT_DATABASE_ENGINE,
      clusterIdentifier: props.clusterIdentifier,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      subnetGroup: props.subnetGroup,
      securityGroups: [...props.securityGroups],
      port: DATABASE_PORT,
      parameterGroup: parameterGroup.parameterGroup,
      writer: instance('Writer', props.availabilityZones[0]),
      readers: [instance('Reader', props.availabilityZones[1])],
      storageEncryptionKey: props.encryptionKey,
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: props.encryptionKey,
      monitoringInterval: Duration.seconds(60),
      monitoringRole,
      iamAuthentication: true,
      // RDS generates the master password, keeps it only in Secrets Manager under the tenant
      // key, and rotates it every 7 days without a Lambda or a network path (DB-CREDENTIAL-ROTATION).
      // The 7 days are Secrets Manager's default for managed secrets; CloudFormation offers no
      // documented way to change them, and config data.rotationDays is the ceiling an AWS Config
      // rule holds them to (docs/data.md "Credential rotation").
      manageMasterUserPassword: true,
      credentials: rds.Credentials.fromUsername(MASTER_USERNAME, { encryptionKey: props.encryptionKey }),
      cloudwatchLogsExports: ['postgresql'],
      backup: { retention: Duration.days(props.backupRetentionDays), preferredWindow: props.preferredBackupWindow },
      preferredMaintenanceWindow: props.preferredMaintenanceWindow,
      copyTagsToSnapshot: true,
      deletionProtection: true,
      autoMinorVersionUpgrade: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    this.cluster.node.addDependency(this.logGroup);
    // The cluster only: Tags.of() would also tag the writer and reader, and RDS refuses a snapshot
    // of an Aurora cluster member (the cluster snapshot covers them). The plan's selection names
    // only cluster ARNs as well (BACKUP_RESOURCE_TYPES), so a tag here is the one that counts.
    Tags.of(this.cluster).add(BACKUP_TAG.key, BACKUP_TAG.value, { includeResourceTypes: ['AWS::RDS::DBCluster'] });
    acknowledge(this.cluster, 'tenantDatabase');

    this.alarms = this.createAlarms(props);
  }

  /**
   * Alarms a platform on-call acts on (runbook in docs/data.md). Thresholds follow the class's
   * memory, so a resized cluster keeps meaningful alarms.
   */
  private createAlarms(props: TenantDatabaseProps): Record<string, cloudwatch.Alarm> {
    const memoryBytes = AURORA_POSTGRESQL_INSTANCE_CLASSES[props.instanceClass] * 1024 ** 3;
    const metric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/RDS',
        metricName,
        dimensionsMap: { DBClusterIdentifier: props.clusterIdentifier },
        statistic,
        period: Duration.minutes(5),
      });
    const specs: Record<string, [cloudwatch.Metric, number, cloudwatch.ComparisonOperator, string]> = {
      Cpu: [metric('CPUUtilization', 'Maximum'), 80, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, 'CPU above 80%'],
      FreeableMemory: [
        metric('FreeableMemory', 'Minimum'),
        Math.round(memoryBytes * 0.1),
        cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        'freeable memory below 10% of the instance memory',
      ],
      FreeLocalStorage: [
        metric('FreeLocalStorage', 'Minimum'),
        2 * 1024 ** 3,
        cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        'free local (temporary) storage below 2 GiB',
      ],
      Connections: [
        metric('DatabaseConnections', 'Maximum'),
        Math.floor(defaultMaxConnections(props.instanceClass) * 0.8),
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        'connections above 80% of max_connections',
      ],
      ReplicaLag: [
        metric('AuroraReplicaLagMaximum', 'Maximum'),
        1000,
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        'reader more than 1 s behind the writer',
      ],
    };
    const action = new actions.SnsAction(props.alarmTopic);
    return Object.fromEntries(
      Object.entries(specs).map(([name, [m, threshold, comparisonOperator, what]]) => {
        const alarm = new cloudwatch.Alarm(this, `${name}Alarm`, {
          metric: m,
          threshold,
          comparisonOperator,
          evaluationPeriods: 3,
          datapointsToAlarm: 3,
          // A cluster that stops reporting is as alarming as one reporting trouble.
          treatMissingData: name === 'ReplicaLag' ? cloudwatch.TreatMissingData.BREACHING : cloudwatch.TreatMissingData.MISSING,
          alarmDescription: `${props.clusterIdentifier}: ${what}. Runbook: docs/data.md#${name.toLowerCase()}`,
        });
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        return [name, alarm];
      }),
    );
  }
}

function validate(props: TenantDatabaseProps): void {
  const id = props.clusterIdentifier;
  if (!Token.isUnresolved(id) && !/^[a-z][a-z0-9-]{0,62}$/.test(id)) {
    throw new Error(`TenantDatabase clusterIdentifier: got "${id}", expected 1-63 lower-case letters, digits or hyphens, starting with a letter`);
  }
  if (!(props.instanceClass in AURORA_POSTGRESQL_INSTANCE_CLASSES)) {
    throw new Error(`TenantDatabase instanceClass: got "${props.instanceClass}", expected an Aurora PostgreSQL class with encryption and Performance Insights`);
  }
  const [writer, reader] = props.availabilityZones;
  if (writer === reader) {
    throw new Error(`TenantDatabase availabilityZones: got writer and reader both in "${writer}", expected two different zones`);
  }
  if (props.backupRetentionDays < 1 || props.backupRetentionDays > POINT_IN_TIME_MAX_DAYS) {
    throw new Error(`TenantDatabase backupRetentionDays: got ${props.backupRetentionDays}, expected 1 to ${POINT_IN_TIME_MAX_DAYS}`);
  }
  if (props.securityGroups.length === 0) {
    throw new Error('TenantDatabase securityGroups: got none, expected the group that admits the workload');
  }
}
