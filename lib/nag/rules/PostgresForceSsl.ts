import { parse } from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnDBCluster, CfnDBClusterParameterGroup, CfnDBInstance, CfnDBParameterGroup } from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance, NagRules } from 'cdk-nag/lib/nag-rules';
import { refersTo, resourcesInStage } from '../utils/references';
import { POSTGRES_TLS_PARAMETERS } from '../../constants/postgres-tls';

/**
 * PostgreSQL databases refuse unencrypted connections: every Aurora PostgreSQL or RDS for
 * PostgreSQL cluster or instance uses a parameter group of the same environment that sets
 * `rds.force_ssl` to 1, and every PostgreSQL-family parameter group sets it (DB-TLS).
 *
 * A cluster on the engine's default parameter group is non-compliant: Aurora PostgreSQL's
 * default is `rds.force_ssl = 0`, and a group named by a literal string cannot be read here.
 * Instances that are members of a cluster are not checked: the cluster parameter group governs
 * `rds.force_ssl` for them.
 * @param node the CfnResource to check
 */
export default Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    if (node instanceof CfnDBClusterParameterGroup || node instanceof CfnDBParameterGroup) {
      const family = String(NagRules.resolveIfPrimitive(node, node.family) ?? '');
      if (!isPostgres(family)) return NagRuleCompliance.NOT_APPLICABLE;
      return forcesSsl(node) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    }
    if (node instanceof CfnDBCluster) {
      const engine = String(NagRules.resolveIfPrimitive(node, node.engine) ?? '');
      if (!isPostgres(engine)) return NagRuleCompliance.NOT_APPLICABLE;
      return usesForcingGroup(node, node.dbClusterParameterGroupName, CfnDBClusterParameterGroup);
    }
    if (node instanceof CfnDBInstance) {
      if (node.dbClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
      const engine = String(NagRules.resolveIfPrimitive(node, node.engine) ?? '');
      if (!isPostgres(engine)) return NagRuleCompliance.NOT_APPLICABLE;
      return usesForcingGroup(node, node.dbParameterGroupName, CfnDBParameterGroup);
    }
    return NagRuleCompliance.NOT_APPLICABLE;
  },
  'name',
  { value: parse(__filename).name },
);

/** `aurora-postgresql`, `aurora-postgresql16`, `postgres`, `postgres16`. */
function isPostgres(engineOrFamily: string): boolean {
  return /^(aurora-postgresql|postgres)/i.test(engineOrFamily);
}

function forcesSsl(group: CfnDBClusterParameterGroup | CfnDBParameterGroup): boolean {
  const parameters = (Stack.of(group).resolve(group.parameters) ?? {}) as Record<string, unknown>;
  return String(parameters['rds.force_ssl']) === POSTGRES_TLS_PARAMETERS['rds.force_ssl'];
}

function usesForcingGroup<T extends CfnDBClusterParameterGroup | CfnDBParameterGroup>(
  node: CfnResource,
  groupName: string | undefined,
  type: abstract new (...args: any[]) => T,
): NagRuleCompliance {
  if (groupName === undefined) return NagRuleCompliance.NON_COMPLIANT;
  const group = resourcesInStage(node, type).find((g) => refersTo(node, groupName, g));
  return group !== undefined && forcesSsl(group) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
