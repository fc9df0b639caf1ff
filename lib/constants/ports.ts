/**
 * Ports that more than one area must agree on (security groups, NACLs, connection strings).
 */

/**
 * The PostgreSQL port of every tenant database. The data stacks' security group admits the
 * workload on it, and the network NACLs allow it between the private and isolated tiers, so a
 * change here moves both. It is PostgreSQL's default (5432): a non-default port hides nothing
 * from an attacker already inside the VPC, while the workload-only security group and the tier
 * NACLs are what keep everyone else out (AwsSolutions-RDS11 is acknowledged for that reason).
 */
export const DATABASE_PORT = 5432;
