/**
 * What a `cdk destroy` of one environment leaves behind, read from its synthesized templates:
 * every resource CloudFormation retains (FND-STATEFUL-RETAIN), in the order to delete them, with
 * what holds each back. `npm run teardown-plan -- <env>` prints it for an environment in cdk.out.
 */

/** One stack template of an environment. */
export interface TeardownStack {
  readonly id: string;
  readonly template: { readonly Resources?: Readonly<Record<string, any>> };
}

/** One retained resource. */
export interface RetainedResource {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  /** Its fixed name, where the template gives one (otherwise CloudFormation generated it). */
  readonly name?: string;
  /** What must happen before it can be deleted, and how. */
  readonly how: string;
}

/**
 * Deletion order: what holds data of another first (the user pool, the databases), buckets and
 * vaults next, log groups, and keys last, since everything else was encrypted with them.
 */
const ORDER: ReadonlyArray<[type: string, how: string]> = [
  ['AWS::Cognito::UserPool', 'turn deletion protection off (aws cognito-idp update-user-pool --deletion-protection INACTIVE), then delete-user-pool'],
  ['AWS::RDS::DBCluster', 'BEFORE cdk destroy: aws rds modify-db-cluster --no-deletion-protection --apply-immediately; the stack deletion then deletes it and its instances after a final snapshot (DeletionPolicy Snapshot): delete that snapshot (delete-db-cluster-snapshot) when you no longer need it'],
  ['AWS::SecretsManager::Secret', 'delete-secret (the database\'s managed secret goes with its cluster)'],
  ['AWS::DynamoDB::Table', 'delete-table'],
  ['AWS::EFS::FileSystem', 'delete-file-system'],
  ['AWS::S3::Bucket', 'delete every object version; objects under a GOVERNANCE lock need s3:BypassGovernanceRetention (--bypass-governance-retention), COMPLIANCE-locked ones stay until their retention ends; then delete-bucket'],
  ['AWS::Backup::BackupVault', 'delete its recovery points; a governance lock can be removed (delete-backup-vault-lock-configuration), a compliance lock past its cool-off cannot: the vault stays until its last recovery point expires'],
  ['AWS::Logs::LogGroup', 'delete-log-group'],
  ['AWS::KMS::Key', 'last: schedule-key-deletion (7 to 30 days\' waiting period; data encrypted with it becomes unreadable)'],
];

const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::Cognito::UserPool': 'UserPoolName',
  'AWS::RDS::DBCluster': 'DBClusterIdentifier',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Backup::BackupVault': 'BackupVaultName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::SecretsManager::Secret': 'Name',
};

/** The resources a deletion of these stacks retains, in deletion order. */
export function teardownPlan(stacks: readonly TeardownStack[]): RetainedResource[] {
  const retained: RetainedResource[] = [];
  for (const [type, how] of ORDER) {
    for (const stack of stacks) {
      for (const [logicalId, r] of Object.entries<any>(stack.template.Resources ?? {})) {
        if (r.Type !== type || !['Retain', 'RetainExceptOnCreate', 'Snapshot'].includes(r.DeletionPolicy)) continue;
        const name = r.Properties?.[NAME_PROPERTY[type]];
        retained.push({ stack: stack.id, logicalId, type, name: typeof name === 'string' ? name : undefined, how });
      }
    }
  }
  return retained;
}

/** The plan as Markdown. */
export function renderTeardownPlan(env: string, plan: readonly RetainedResource[]): string {
  const lines = [
    `# What \`cdk destroy '${env}/*'\` leaves behind: ${plan.length} retained resources, in deletion order`,
    '',
    '| # | type | stack/logical ID | name | how to delete |',
    '| --- | --- | --- | --- | --- |',
  ];
  let previous = '';
  plan.forEach((r, i) => {
    lines.push(`| ${i + 1} | ${r.type} | ${r.stack}/${r.logicalId} | ${r.name ?? '(generated)'} | ${r.type === previous ? '〃' : r.how} |`);
    previous = r.type;
  });
  return lines.join('\n');
}
