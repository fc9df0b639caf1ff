import { Duration } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { EncryptionKey } from '../common/encryption-key';

/** How a {@link LockedBackupVault} is locked. */
export interface VaultLockProps {
  /**
   * `governance`: holds against everyone without `backup:DeleteBackupVaultLockConfiguration`.
   * `compliance`: after `changeableForDays` the lock can never be removed or loosened, by anyone
   * (root and AWS included), and the vault cannot be deleted while it holds recovery points.
   */
  readonly mode: 'governance' | 'compliance';
  /** Shortest retention a recovery point may have (days). */
  readonly minRetentionDays: number;
  /** Longest retention a recovery point may have (days). */
  readonly maxRetentionDays: number;
  /**
   * Compliance mode only: days during which the lock can still be removed (at least 3).
   * @default - none; required in compliance mode, refused in governance mode
   */
  readonly changeableForDays?: number;
}

/** Props of {@link LockedBackupVault}. */
export interface LockedBackupVaultProps {
  /** The vault lock (BAK-VAULT-LOCK). */
  readonly lock: VaultLockProps;
  /**
   * Name of the vault. Set it when another region must address the vault by ARN (the DR copy).
   * @default - a name CloudFormation generates
   */
  readonly vaultName?: string;
  /**
   * Key that encrypts the recovery points.
   * @default - a new customer-managed key with rotation, for this vault only
   */
  readonly encryptionKey?: kms.IKey;
  /** What the vault holds, for the key's description. */
  readonly description: string;
}

/**
 * An AWS Backup vault whose recovery points are encrypted with a customer-managed key
 * (BAK-VAULT-ENCRYPTED), locked with a minimum and maximum retention, and whose access policy
 * denies deleting recovery points, shortening their lifecycle and deleting the vault to every
 * principal (BAK-VAULT-LOCK).
 *
 * The deny list stops short of `backup:PutBackupVaultAccessPolicy`: denying it to everyone would
 * also lock out CloudFormation, so no later deploy could change the policy. The lock is what an
 * administrator cannot undo (in compliance mode); the policy stops everyday deletes.
 * AWS Backup's own expiry of recovery points is not an API call by a principal and is unaffected.
 */
export class LockedBackupVault extends Construct {
  /** The vault. */
  public readonly vault: backup.BackupVault;
  /** The key the recovery points are encrypted with. */
  public readonly key: kms.IKey;

  constructor(scope: Construct, id: string, props: LockedBackupVaultProps) {
    super(scope, id);
    const { lock } = props;
    if (lock.minRetentionDays > lock.maxRetentionDays) {
      throw new Error(`LockedBackupVault ${id}: lock.minRetentionDays: got ${lock.minRetentionDays}, must not exceed lock.maxRetentionDays (${lock.maxRetentionDays})`);
    }
    if (lock.mode === 'compliance' && (lock.changeableForDays === undefined || lock.changeableForDays < 3)) {
      throw new Error(`LockedBackupVault ${id}: lock.changeableForDays: got ${lock.changeableForDays}, compliance mode needs a cool-off of at least 3 days`);
    }
    if (lock.mode === 'governance' && lock.changeableForDays !== undefined) {
      throw new Error(`LockedBackupVault ${id}: lock.changeableForDays: got ${lock.changeableForDays}, only compliance mode has a cool-off`);
    }
    this.key = props.encryptionKey ?? new EncryptionKey(this, 'Key', { description: `${props.description} backup vault` }).key;
    this.vault = new backup.BackupVault(this, 'Resource', {
      backupVaultName: props.vaultName,
      encryptionKey: this.key,
      // Without ChangeableForDays AWS Backup applies the lock in governance mode; with it, the
      // lock turns into compliance mode when the cool-off ends.
      lockConfiguration: {
        minRetention: Duration.days(lock.minRetentionDays),
        maxRetention: Duration.days(lock.maxRetentionDays),
        changeableFor: lock.mode === 'compliance' ? Duration.days(lock.changeableForDays!) : undefined,
      },
    });
    this.vault.addToAccessPolicy(
      new iam.PolicyStatement({
        sid: 'DenyRecoveryPointDeletion',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:DeleteBackupVault'],
        resources: ['*'],
      }),
    );
  }
}
