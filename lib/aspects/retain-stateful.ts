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
 * Sets `DeletionPolicy` and `UpdateReplacePolicy` to `Retain` on every stateful resource whose
 * policy would delete it, so neither a stack deletion nor a replacing update destroys data
 * (control FND-STATEFUL-RETAIN). `Snapshot`, which also keeps the data, is left as it is.
 */
export class RetainStatefulResources implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof CfnResource) || !STATEFUL_RESOURCE_TYPES.includes(node.cfnResourceType)) return;
    const keeps = (p?: CfnDeletionPolicy) => p === CfnDeletionPolicy.RETAIN || p === CfnDeletionPolicy.SNAPSHOT;
    if (!keeps(node.cfnOptions.deletionPolicy)) node.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
    if (!keeps(node.cfnOptions.updateReplacePolicy)) node.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.RETAIN;
  }
}
