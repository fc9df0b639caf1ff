import type { Construct } from 'constructs';
import { LockedBackupVault } from '../constructs/backup/locked-backup-vault';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';

/** Props of {@link BackupDrStack}. */
export interface BackupDrStackProps extends BaselineStackProps {
  /** The disaster-recovery region (validated: in `allowedRegions`, not the home region). */
  readonly region: string;
}

/** The DR vault's name: fixed, so the home region's plan can address it without a cross-region reference. */
export function drVaultName(envName: string): string {
  return `${envName}-backup-dr`;
}

/**
 * The disaster-recovery vault (BAK-RESIDENCY), alone in a stack of the DR region: locked and
 * encrypted like the home vault, it receives the daily, weekly and monthly copies. It exists only
 * when the environment names a `backup.drRegion`. It has no VPC, so it never reads the configured
 * availability zones (they belong to the home region; `BaselineStack` throws if asked).
 */
export class BackupDrStack extends BaselineStack {
  /** The vault the copies land in. */
  public readonly vault: LockedBackupVault;

  constructor(scope: Construct, id: string, props: BackupDrStackProps) {
    super(scope, id, { description: `Backup disaster-recovery vault of ${props.config.name} in ${props.region}`, ...props });
    const { config } = this;
    this.vault = new LockedBackupVault(this, 'Vault', {
      vaultName: drVaultName(config.name),
      description: `${config.name} disaster-recovery`,
      lock: config.backup.vaultLock,
    });
  }
}
