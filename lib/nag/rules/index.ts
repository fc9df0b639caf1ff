/** The rules of the SaasBaseline pack, one per file, as cdk-nag lays out its own. */
export { default as AlbWebAcl } from './AlbWebAcl';
export { default as AppLogDataProtection } from './AppLogDataProtection';
export { default as BackupPlanTiers } from './BackupPlanTiers';
export { default as DatabaseSecretRotation } from './DatabaseSecretRotation';
export { default as PostgresForceSsl } from './PostgresForceSsl';
export { default as RestoreTestingCoversDatabases } from './RestoreTestingCoversDatabases';
export { default as ShieldProtection } from './ShieldProtection';
export { default as StaffRoleMfa } from './StaffRoleMfa';
