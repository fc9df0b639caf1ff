import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import type { Construct } from 'constructs';
import { DATABASE_PORT } from '../../constants/ports';
import { EnhancedMonitoringRole } from './enhanced-monitoring-role';
import { PostgresParameterGroup } from './postgres-parameter-group';
import { TENANT_DATABASE_ENGINE, type TenantDatabase, type TenantDatabaseProps } from './tenant-database';

/** Props of {@link DatabaseShard}. */
export interface DatabaseShardProps {
  /** The shard's number (a whole number, at least 1), named in the descriptions of its parts. */
  readonly shard: number;
  /** The VPC; the databases go into its isolated subnets. */
  readonly vpc: ec2.IVpc;
  /**
   * The workload's security group: the one source admitted to the databases, on
   * {@link DATABASE_PORT} only (DB-NETWORK-ACCESS).
   */
  readonly workloadSecurityGroup: ec2.ISecurityGroup;
  /**
   * Also record reads (`SELECT`, `COPY ... TO`) with pgaudit.
   * @default false - DDL, role changes and writes only
   */
  readonly auditReads?: boolean;
}

/** The parts of a {@link TenantDatabase} that every tenant database of a shard shares. */
export type SharedDatabaseProps = Required<Pick<TenantDatabaseProps, 'vpc' | 'securityGroups' | 'subnetGroup' | 'parameterGroup' | 'monitoringRole'>>;

/**
 * What the tenant databases of one shard share; none of it holds tenant data:
 *
 * - a security group with no outbound rule that admits PostgreSQL from the workload's security
 *   group and nothing else (DB-NETWORK-ACCESS);
 * - a subnet group of the VPC's isolated subnets (no route to a NAT or internet gateway);
 * - the cluster parameter group of every database: TLS 1.2+ only and pgaudit
 *   ({@link PostgresParameterGroup}: DB-TLS, DB-AUDIT-LOGGING, LOG-NO-CLIENT-CONTENT);
 * - the role enhanced monitoring assumes ({@link EnhancedMonitoringRole}).
 *
 * Its parts are built directly in `scope` (the shard's stack), under the construct IDs
 * `DatabaseSecurityGroup`, `DatabaseSubnets`, `DatabaseParameters` and `DatabaseMonitoringRole`:
 * the construct paths and logical IDs the deployed stacks have, so moving them here replaced
 * nothing. Pass {@link DatabaseShard.databaseProps} to each {@link TenantDatabase} of the shard.
 */
export class DatabaseShard {
  /** The security group of every database of the shard. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The isolated subnets the databases go into. */
  public readonly subnetGroup: rds.SubnetGroup;
  /** The cluster parameter group of every database of the shard. */
  public readonly parameterGroup: PostgresParameterGroup;
  /** The role enhanced monitoring assumes. */
  public readonly monitoringRole: iam.IRole;
  private readonly vpc: ec2.IVpc;

  constructor(scope: Construct, props: DatabaseShardProps) {
    if (!Number.isInteger(props.shard) || props.shard < 1) {
      throw new Error(`DatabaseShard ${scope.node.path}: shard: got ${props.shard}, expected a whole number, at least 1`);
    }
    this.vpc = props.vpc;
    this.securityGroup = new ec2.SecurityGroup(scope, 'DatabaseSecurityGroup', {
      vpc: props.vpc,
      description: `Tenant databases of shard ${props.shard}: PostgreSQL from the workload only`,
      allowAllOutbound: false,
    });
    this.securityGroup.connections.allowFrom(props.workloadSecurityGroup, ec2.Port.tcp(DATABASE_PORT), 'PostgreSQL from the workload tasks');
    this.subnetGroup = new rds.SubnetGroup(scope, 'DatabaseSubnets', {
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      description: `Isolated subnets of the tenant databases of shard ${props.shard}`,
    });
    this.parameterGroup = new PostgresParameterGroup(scope, 'DatabaseParameters', {
      engine: TENANT_DATABASE_ENGINE,
      auditReads: props.auditReads,
    });
    this.monitoringRole = new EnhancedMonitoringRole(scope, 'DatabaseMonitoringRole').role;
  }

  /** The shared parts, as the props of a {@link TenantDatabase} of the shard take them. */
  public get databaseProps(): SharedDatabaseProps {
    return {
      vpc: this.vpc,
      securityGroups: [this.securityGroup],
      subnetGroup: this.subnetGroup,
      parameterGroup: this.parameterGroup,
      monitoringRole: this.monitoringRole,
    };
  }
}
