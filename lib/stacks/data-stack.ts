import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { tenantAvailabilityZones } from '../config/data-layout';
import type { EnvironmentConfig } from '../config/schema';
import { AccessLogBucket } from '../constructs/common/access-log-bucket';
import { DatabaseShard } from '../constructs/data/database-shard';
import { TenantDatastore } from '../constructs/data/tenant-datastore';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/** Props of {@link DataStack}. */
export interface DataStackProps extends BaselineStackProps {
  /** The shard this stack holds (`Data<shard>`). */
  readonly shard: number;
  /** The tenants of this shard, in config order. */
  readonly tenants: EnvironmentConfig['data']['tenants'];
  /** The environment's VPC (the clusters go into its isolated subnets). */
  readonly vpc: ec2.IVpc;
  /** The workload's security group: the only one admitted to the databases. */
  readonly workloadSecurityGroup: ec2.ISecurityGroup;
  /** The operations alert topic (database alarms). */
  readonly operationsTopic: sns.ITopic;
}

/**
 * One shard of the single-tenant datastores: the parts its tenants share (a {@link DatabaseShard}
 * and an access-log bucket; none holds tenant data) and one {@link TenantDatastore} per tenant.
 */
export class DataStack extends BaselineStack {
  /** The tenants' datastores, by tenant ID. */
  public readonly tenants: Readonly<Record<string, TenantDatastore>>;
  /** The security group of every database of this shard. */
  public readonly databaseSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, {
      description: `Single-tenant datastores of ${props.config.name}, shard ${props.shard}: ${props.tenants.map((t) => t.id).join(', ')}`,
      ...props,
    });
    const { config } = this;
    const data = config.data;

    const shard = new DatabaseShard(this, {
      shard: props.shard,
      vpc: props.vpc,
      workloadSecurityGroup: props.workloadSecurityGroup,
      auditReads: data.auditReads,
    });
    this.databaseSecurityGroup = shard.securityGroup;
    const accessLogs = new AccessLogBucket(this, 'AccessLogs', { delivery: 's3-server-access-logs', retentionDays: config.logs.retentionDays });

    this.tenants = Object.fromEntries(
      props.tenants.map((tenant) => {
        // From the tenant ID, not its position: removing a tenant must not move the others.
        const availabilityZones = tenantAvailabilityZones(tenant.id, config.availabilityZones);
        const store = new TenantDatastore(this, `Tenant${pascal(tenant.id)}`, {
          tenantId: tenant.id,
          envName: config.name,
          database: {
            ...shard.databaseProps,
            instanceClass: data.instanceClass,
            availabilityZones,
            // The one point-in-time window: continuous backup sets the clusters' retention to its own.
            backupRetentionDays: config.backup.continuousBackupDays,
            preferredBackupWindow: data.preferredBackupWindow,
            preferredMaintenanceWindow: data.preferredMaintenanceWindow,
          },
          logRetentionDays: config.logs.retentionDays,
          alarmTopic: props.operationsTopic,
          accessLogBucket: accessLogs.bucket,
          noncurrentVersionDays: data.noncurrentVersionDays,
        });
        return [tenant.id, store];
      }),
    );
  }
}

function pascal(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}
