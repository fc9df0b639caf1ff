/**
 * Every cdk-nag acknowledgement of the baseline, in one table, so they can be listed, counted and
 * reviewed in one place (docs/acknowledgements.md lists them). The entries live with their area,
 * one file each under `acknowledgements/` (the construct directories of lib/constructs/: common,
 * network, edge, workload, data, backup, audit, monitoring, identity, delivery); this file joins
 * them into the table constructs acknowledge from. A construct acknowledges by key:
 *
 *     acknowledge(nacl, 'networkAcl');
 *
 * Rules of the house:
 * - a finding is fixed where it can be; an entry here is a finding that contradicts a seed
 *   control or has a stronger compensating control, and its reason names that control's ID;
 * - an acknowledgement is attached to the one construct it is about, never to a stack, stage or
 *   app (`acknowledge` throws if asked to).
 */
import { CfnResource, Stack, Stage, Validations } from 'aws-cdk-lib';
import { rules, type NagRuleResult } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { AUDIT_ACKNOWLEDGEMENTS } from './acknowledgements/audit';
import { BACKUP_ACKNOWLEDGEMENTS } from './acknowledgements/backup';
import { COMMON_ACKNOWLEDGEMENTS } from './acknowledgements/common';
import { DATA_ACKNOWLEDGEMENTS } from './acknowledgements/data';
import { DELIVERY_ACKNOWLEDGEMENTS } from './acknowledgements/delivery';
import { EDGE_ACKNOWLEDGEMENTS } from './acknowledgements/edge';
import type { Acknowledgement } from './acknowledgements/entry';
import { IDENTITY_ACKNOWLEDGEMENTS } from './acknowledgements/identity';
import { MONITORING_ACKNOWLEDGEMENTS } from './acknowledgements/monitoring';
import { NETWORK_ACKNOWLEDGEMENTS } from './acknowledgements/network';
import { WORKLOAD_ACKNOWLEDGEMENTS } from './acknowledgements/workload';

export type { Acknowledgement } from './acknowledgements/entry';

/** The cdk-nag rules that report one finding per wildcard, by the rule ID acknowledgements use. */
const GRANULAR_RULES: Record<string, (node: CfnResource) => NagRuleResult> = {
  'AwsSolutions-IAM5': rules.iam.IAMNoWildcardPermissions,
};

/** The area tables, each the acknowledgements of one directory of lib/constructs/. */
const AREAS = [
  COMMON_ACKNOWLEDGEMENTS,
  NETWORK_ACKNOWLEDGEMENTS,
  EDGE_ACKNOWLEDGEMENTS,
  WORKLOAD_ACKNOWLEDGEMENTS,
  DATA_ACKNOWLEDGEMENTS,
  BACKUP_ACKNOWLEDGEMENTS,
  AUDIT_ACKNOWLEDGEMENTS,
  MONITORING_ACKNOWLEDGEMENTS,
  IDENTITY_ACKNOWLEDGEMENTS,
  DELIVERY_ACKNOWLEDGEMENTS,
] as const;

/** Every area's keys, each with its own entries' type. */
type AcknowledgementTable = typeof COMMON_ACKNOWLEDGEMENTS &
  typeof NETWORK_ACKNOWLEDGEMENTS &
  typeof EDGE_ACKNOWLEDGEMENTS &
  typeof WORKLOAD_ACKNOWLEDGEMENTS &
  typeof DATA_ACKNOWLEDGEMENTS &
  typeof BACKUP_ACKNOWLEDGEMENTS &
  typeof AUDIT_ACKNOWLEDGEMENTS &
  typeof MONITORING_ACKNOWLEDGEMENTS &
  typeof IDENTITY_ACKNOWLEDGEMENTS &
  typeof DELIVERY_ACKNOWLEDGEMENTS;

/**
 * The order the table lists its keys in: docs/acknowledgements.md and the controls report render
 * them in this order, which is the order they had when the table was one list, so that moving the
 * entries into area files changed no generated document.
 */
const LISTING_ORDER: readonly (keyof AcknowledgementTable)[] = [
  'samlIdentityProviderMfa', 'publicSubnetDefaultRoute', 'pipelineGeneratedRole',
  'pipelineGeneratedPolicyWildcards', 'pipelineBuildProject', 'accessLogBucket', 'bucketWithoutReplication',
  'configRecorderRole', 'passwordPolicyRole', 'passwordPolicyHandler', 'networkAcl', 'elbAccessLogBucket',
  'stagingLoadBalancerDeletable', 'internetFacingLoadBalancerIngress', 'httpRedirectListener',
  'guardDutyAgentPull', 'enhancedMonitoringLogStreams', 'tenantDatabase', 'tenantAccessRole',
  'customerFilesBucket', 'logBucketSelfLogging', 'backupServiceRolePolicies', 'restoreServiceRolePolicies',
  'restoreValidatorRole', 'restoreValidatorFunction', 'deadLetterQueue', 'alertDeadLetterQueue',
  'legalArchiveBucket', 'staffReadOnlyDescribe', 'staffDeploy', 'staffAdministrator', 'auditorEvidenceRead',
  'securityAuditManagedPolicy', 'cognitoSmsPublish', 'mfaSelfManagement', 'mfaGroupWithoutUsers',
  'controlTowerServerAccessLogBucket', 'controlTowerElbAccessLogBucket',
  'controlTowerConfigBucketObjectLock', 'controlTowerCustomerFilesObjectLock',
  'controlTowerAuthEventsObjectLock', 'controlTowerEnhancedContainerInsights',
  'controlTowerGuardDutyFeatures', 'controlTowerRestrictDefaultSgProvider', 'workloadVolumeOwnerInit',
  'controlTowerShortLogRetention',
];

/**
 * The area tables as one, keys in `order`. Throws when two areas define the same key (one would
 * silently replace the other) or when `order` misses a key, repeats one or names one no area
 * defines, so that none of these passes unnoticed: the table is built when this module loads.
 */
export function joinAreas(
  areas: readonly Record<string, readonly Acknowledgement[]>[],
  order: readonly string[],
): Record<string, readonly Acknowledgement[]> {
  const defined = areas.flatMap((area) => Object.keys(area));
  const problems = [
    ...defined.filter((k, i) => defined.indexOf(k) !== i).map((k) => `${k} is defined in two areas`),
    ...defined.filter((k) => !order.includes(k)).map((k) => `${k} is missing from the listing order`),
    ...order.filter((k, i) => order.indexOf(k) !== i).map((k) => `${k} is listed twice`),
    ...order.filter((k) => !defined.includes(k)).map((k) => `${k} is listed but no area defines it`),
  ];
  if (problems.length > 0) throw new Error(`acknowledgements: ${problems.join('; ')}`);
  const all: Record<string, readonly Acknowledgement[]> = Object.assign({}, ...areas);
  return Object.fromEntries(order.map((k) => [k, all[k]]));
}

export const ACKNOWLEDGEMENTS = joinAreas(AREAS, LISTING_ORDER) as AcknowledgementTable;

/** The keys of {@link ACKNOWLEDGEMENTS}. */
export type AcknowledgementKey = keyof typeof ACKNOWLEDGEMENTS;

/** Renders the reason recorded with the acknowledgement: the control ID first, so reports can be grouped by it. */
export function ackReason(a: Acknowledgement): string {
  return `[${a.control}] ${a.reason}`;
}

/**
 * Acknowledges the findings listed under `key` on exactly this construct (and its children).
 * Throws when given a stack, stage or app: acknowledgements never cover a whole stack.
 *
 * cdk-nag v3 reports some rules once per offending value (`AwsSolutions-IAM5[Resource::<arn>/*]`)
 * and acknowledges each such finding separately. Pass those values as `appliesTo`; each entry's
 * rule is then acknowledged as `<rule>[<value>]` for every value, so the table keeps one line per
 * reason while the acknowledgement stays as narrow as the finding.
 */
export function acknowledge(construct: IConstruct, key: AcknowledgementKey, appliesTo?: readonly string[]): void {
  if (Stack.isStack(construct) || Stage.isStage(construct)) {
    throw new Error(`acknowledge(${construct.node.path}, '${key}'): acknowledge on the one construct, never a stack, stage or app`);
  }
  for (const a of ACKNOWLEDGEMENTS[key] as readonly Acknowledgement[]) {
    if (!a.findings) {
      // Rules reported once per offending value (AwsSolutions-IAM5) are acknowledged per value.
      const ids = appliesTo && appliesTo.length > 0 ? appliesTo.map((v) => `${a.rule}[${v}]`) : [a.rule];
      for (const id of ids) Validations.of(construct).acknowledge({ id, reason: ackReason(a) });
      continue;
    }
    // One acknowledgement per finding the rule reports on this resource, and only for findings
    // the entry lists: a new wildcard on the same policy is still reported.
    const rule = GRANULAR_RULES[a.rule];
    const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
    if (!rule || !(resource instanceof CfnResource)) {
      throw new Error(`acknowledge(${construct.node.path}, '${key}'): ${a.rule} findings need a CfnResource of a supported rule`);
    }
    const result = rule(resource);
    for (const finding of Array.isArray(result) ? result : []) {
      if (a.findings.some((f) => f.test(finding))) {
        Validations.of(resource).acknowledge({ id: `${a.rule}[${finding}]`, reason: ackReason(a) });
      }
    }
  }
}
