import { CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { CfnDeletionPolicy, CfnResource, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * CloudFormation types that hold data or identity, whose loss cannot be undone by redeploying.
 * A test lists every resource type the app synthesizes, so a new stateful type cannot slip past.
 */
export const STATEFUL_RESOURCE_TYPES: readonly string[] = [
  'AWS::Backup::BackupVault',
  'AWS::Cognito::UserPool',
  'AWS::DynamoDB::Table',
  'AWS::EFS::FileSystem',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::S3::Bucket',
  'AWS::SecretsManager::Secret',
];

/**
 * Whether a resource holds state of its own. An Aurora cluster's member instance does not: the
 * data lives in the cluster volume, and the cluster is snapshotted and deletion-protected. A
 * retained member would also block the cluster's deletion (a cluster with instances cannot be
 * deleted), so members keep CDK's own policy and go with their cluster.
 */
export function isStateful(type: string, properties: Record<string, unknown> | undefined): boolean {
  if (type === 'AWS::RDS::DBInstance' && properties?.DBClusterIdentifier !== undefined) return false;
  return STATEFUL_RESOURCE_TYPES.includes(type);
}

/**
 * Keeps every stateful resource whose policy would delete it (control FND-STATEFUL-RETAIN):
 *
 * - `DeletionPolicy: RetainExceptOnCreate`: a stack deletion or an update that drops the
 *   resource leaves it and its data in place. Only when the operation that *created* it rolls
 *   back does CloudFormation delete it, new and empty. Plain `Retain` would leave such orphans
 *   behind, and the ones with fixed names (the WAF log group, the Container Insights log group, the
 *   RDS log groups) would make the retried deploy fail with "already exists".
 * - `UpdateReplacePolicy: Retain` (that attribute has no "except on create"): a replacing update
 *   keeps the old resource.
 *
 * `Snapshot`, which also keeps the data, is left as it is.
 */
export class RetainStatefulResources implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof CfnResource) || !STATEFUL_RESOURCE_TYPES.includes(node.cfnResourceType)) return;
    if (node instanceof CfnDBInstance && node.dbClusterIdentifier !== undefined) return;
    // Snapshot (the databases) keeps the data in its own way; everything else, Retain included
    // (CDK's default for keys, buckets and log groups), becomes RetainExceptOnCreate.
    if (node.cfnOptions.deletionPolicy !== CfnDeletionPolicy.SNAPSHOT) node.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE;
    if (node.cfnOptions.updateReplacePolicy !== CfnDeletionPolicy.RETAIN && node.cfnOptions.updateReplacePolicy !== CfnDeletionPolicy.SNAPSHOT) {
      node.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.RETAIN;
    }
  }
}
