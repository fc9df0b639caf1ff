import { parse } from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnRestoreTestingPlan, CfnRestoreTestingSelection } from 'aws-cdk-lib/aws-backup';
import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance, NagRules } from 'cdk-nag/lib/nag-rules';
import { refersTo, resourcesInStage, tagsOf } from '../utils/references';

/**
 * Every database is selected by a restore test (BAK-RESTORE-TESTING): for each Aurora cluster
 * (and each standalone RDS instance) the environment holds an
 * `AWS::Backup::RestoreTestingSelection` of a restore testing plan of the same environment,
 * with `ProtectedResourceType` `Aurora` (`RDS` for instances), whose protected resources
 * include the database: `ProtectedResourceArns` `*` or a reference to it, narrowed by
 * `ProtectedResourceConditions` that the database's tags satisfy (the clusters carry
 * `BACKUP_TAG`, so a selection on that tag covers every one of them). No cdk-nag pack checks
 * restore testing.
 * @param node the CfnResource to check
 */
export default Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    let resourceType: string;
    if (node instanceof CfnDBCluster) {
      resourceType = 'Aurora';
    } else if (node instanceof CfnDBInstance && node.dbClusterIdentifier === undefined) {
      resourceType = 'RDS';
    } else {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    const plans = resourcesInStage(node, CfnRestoreTestingPlan);
    const covered = resourcesInStage(node, CfnRestoreTestingSelection).some(
      (s) =>
        NagRules.resolveIfPrimitive(s, s.protectedResourceType) === resourceType &&
        plans.some((p) => belongsTo(s, p)) &&
        selects(s, node),
    );
    return covered ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
  'name',
  { value: parse(__filename).name },
);

/** The selection names the plan: by reference, or by the plan's literal name. */
function belongsTo(selection: CfnRestoreTestingSelection, plan: CfnRestoreTestingPlan): boolean {
  if (refersTo(selection, selection.restoreTestingPlanName, plan)) return true;
  const name = Stack.of(selection).resolve(selection.restoreTestingPlanName);
  return typeof name === 'string' && name === Stack.of(plan).resolve(plan.restoreTestingPlanName);
}

interface KeyValue {
  readonly key: string;
  readonly value: string;
}

/** Whether the selection's ARNs and conditions include `database`. */
function selects(selection: CfnRestoreTestingSelection, database: CfnResource): boolean {
  const arns = selection.protectedResourceArns ?? ['*'];
  const byArn = arns.some((arn) => Stack.of(selection).resolve(arn) === '*' || refersTo(selection, arn, database));
  if (!byArn) return false;
  const conditions = (Stack.of(selection).resolve(selection.protectedResourceConditions) ?? {}) as {
    stringEquals?: KeyValue[];
    stringNotEquals?: KeyValue[];
  };
  const tags = tagsOf(database);
  const tagOf = (key: string): string | undefined => tags[key.replace(/^aws:ResourceTag\//, '')];
  return (
    (conditions.stringEquals ?? []).every((c) => tagOf(c.key) === c.value) &&
    (conditions.stringNotEquals ?? []).every((c) => tagOf(c.key) !== c.value)
  );
}
