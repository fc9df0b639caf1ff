import { parse } from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { CfnRotationSchedule, CfnSecret, CfnSecretTargetAttachment } from 'aws-cdk-lib/aws-secretsmanager';
import { NagRuleCompliance, NagRules } from 'cdk-nag/lib/nag-rules';
import { isReferencedBy, isTrue, refersTo, resourcesInStage } from '../utils/references';
import { maxIntervalHours } from '../../aws-facts/schedule-expressions';

/** Seed 000's "auto-rotation of credentials", as the catalog states it: at least every 30 days. */
export const MAX_ROTATION_DAYS = 30;

const DATABASE_TARGET_TYPES = ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'];

/**
 * Database credentials rotate automatically at least every 30 days (DB-CREDENTIAL-ROTATION).
 *
 * - A Secrets Manager secret attached to an RDS cluster or instance
 *   (`AWS::SecretsManager::SecretTargetAttachment`) has a rotation schedule with a rotation
 *   function and `AutomaticallyAfterDays` ≤ 30, or a `ScheduleExpression` whose runs are at
 *   most 30 days apart. (cdk-nag's SecretsManagerRotationEnabled checks that some schedule
 *   exists, not its period.)
 * - A standalone cluster or instance either lets RDS manage the master password
 *   (`ManageMasterUserPassword: true`: RDS rotates it every 7 days) or has such a secret
 *   attached; a master password that nothing rotates is non-compliant. Cluster members and
 *   read replicas inherit the credentials of their source and are not checked.
 * @param node the CfnResource to check
 */
export default Object.defineProperty(
  (node: CfnResource): NagRuleCompliance => {
    if (node instanceof CfnSecret) {
      const attachments = resourcesInStage(node, CfnSecretTargetAttachment).filter(
        (a) => refersTo(a, a.secretId, node) && DATABASE_TARGET_TYPES.includes(NagRules.resolveIfPrimitive(a, a.targetType)),
      );
      if (attachments.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
      const schedules = resourcesInStage(node, CfnRotationSchedule).filter(
        (s) => refersTo(s, s.secretId, node) || attachments.some((a) => refersTo(s, s.secretId, a)),
      );
      return schedules.some(rotatesOften) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    }
    if (node instanceof CfnDBCluster || node instanceof CfnDBInstance) {
      if (node instanceof CfnDBInstance && (node.dbClusterIdentifier !== undefined || node.sourceDbInstanceIdentifier !== undefined)) {
        return NagRuleCompliance.NOT_APPLICABLE;
      }
      if (node instanceof CfnDBCluster && node.sourceDbClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
      if (isTrue(NagRules.resolveIfPrimitive(node, node.manageMasterUserPassword))) return NagRuleCompliance.COMPLIANT;
      // The attached secret is checked on its own (above); here it only has to exist.
      return isReferencedBy(node, CfnSecretTargetAttachment, (a) => a.targetId) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    }
    return NagRuleCompliance.NOT_APPLICABLE;
  },
  'name',
  { value: parse(__filename).name },
);

/** A schedule with a rotation function whose runs are at most {@link MAX_ROTATION_DAYS} apart. */
function rotatesOften(schedule: CfnRotationSchedule): boolean {
  const stack = Stack.of(schedule);
  if (stack.resolve(schedule.hostedRotationLambda) === undefined && stack.resolve(schedule.rotationLambdaArn) === undefined) return false;
  const rules = stack.resolve(schedule.rotationRules) as { automaticallyAfterDays?: unknown; scheduleExpression?: unknown } | undefined;
  if (rules === undefined) return false;
  if (rules.scheduleExpression !== undefined) {
    const expression = NagRules.resolveIfPrimitive(schedule, rules.scheduleExpression) as string;
    return maxIntervalHours(expression) <= MAX_ROTATION_DAYS * 24;
  }
  const days = Number(NagRules.resolveIfPrimitive(schedule, rules.automaticallyAfterDays));
  return Number.isFinite(days) && days >= 1 && days <= MAX_ROTATION_DAYS;
}
