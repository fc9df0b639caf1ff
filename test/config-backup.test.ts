/**
 * Bad backup configuration: each case must fail with a message naming the environment, the
 * field, the bad value and what is allowed.
 */
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { SEED_BACKUP_TIERS } from '../lib/config/schema';
import { frequencyOf } from '../lib/aws-facts/schedule-expressions';
import { withChange, issuesOf } from './support/config-cases';



/** Sets one tier of the seed schedule on an environment, keeping the others. */
const tier = (name: keyof typeof SEED_BACKUP_TIERS, value: Partial<{ schedule: string; deleteAfterDays: number }>) => (e: any) => {
  e.backup.tiers = structuredClone(SEED_BACKUP_TIERS);
  Object.assign(e.backup.tiers[name], value);
};

describe('backup configuration', () => {
  test('BAK-TIERS: the sample environments default to seed 001\'s tiers, with continuous backup as long as the clusters keep backups (35 days in production, 7 in staging)', () => {
    for (const env of loadEnvironments(ENVIRONMENTS)) {
      expect(env.backup.tiers).toEqual(SEED_BACKUP_TIERS);
      expect(env.backup.continuousBackupDays).toBe(env.name === 'production' ? 35 : 7);
      expect(env.backup.drRegion).toBeUndefined();
    }
  });

  test.each([
    ['cron(0 * ? * * *)', 'hourly'],
    ['cron(15 0/1 ? * * *)', 'hourly'],
    ['cron(0 18 ? * * *)', 'daily'],
    ['cron(0 19 ? * SAT *)', 'weekly'],
    ['cron(0 20 1 * ? *)', 'monthly'],
    // The finest tier whose longest gap between two runs the expression does not exceed.
    ['cron(0 0/2 ? * * *)', 'daily'],
    ['cron(0 18 ? * MON-FRI *)', 'weekly'],
    ['rate(1 hour)', 'hourly'],
    ['cron(0 20 1 1/2 ? *)', 'on no tier'],
  ])('BAK-TIERS: %s runs %s', (expression, frequency) => {
    expect(frequencyOf(expression) ?? 'on no tier').toBe(frequency);
  });

  test('BAK-TIERS: staging may change the tiers (within the vault lock) and stays valid', () => {
    const table = withChange('staging', tier('daily', { schedule: 'cron(0 0/2 ? * * *)', deleteAfterDays: 3 }));
    expect(() => loadEnvironments(table)).not.toThrow();
  });

  test.each<[string, 'staging' | 'production', (e: any) => void, RegExp]>([
    ['BAK-TIERS: a production hourly tier that runs every two hours', 'production', tier('hourly', { schedule: 'cron(0 0/2 ? * * *)' }), /^production\.backup\.tiers\.hourly\.schedule: got "cron\(0 0\/2 \? \* \* \*\)", production runs the hourly tier hourly \(seed 001\), not daily$/],
    ['BAK-TIERS: a production daily tier moved to weekly', 'production', tier('daily', { schedule: 'cron(0 18 ? * SUN *)' }), /^production\.backup\.tiers\.daily\.schedule: got "cron\(0 18 \? \* SUN \*\)", production runs the daily tier daily \(seed 001\), not weekly$/],
    ['BAK-TIERS: a production weekly retention under a month', 'production', tier('weekly', { deleteAfterDays: 28 }), /^production\.backup\.tiers\.weekly\.deleteAfterDays: got 28, production keeps weekly backups exactly 31 days \(seed 001\)$/],
    ['BAK-TIERS: a production monthly retention under a year', 'production', tier('monthly', { deleteAfterDays: 180 }), /^production\.backup\.tiers\.monthly\.deleteAfterDays: got 180, production keeps monthly backups exactly 365 days \(seed 001\)$/],
    ['BAK-TIERS: a production daily retention longer than the seed\'s 7 days', 'production', tier('daily', { deleteAfterDays: 14 }), /^production\.backup\.tiers\.daily\.deleteAfterDays: got 14, production keeps daily backups exactly 7 days \(seed 001\)$/],
    ['BAK-TIERS: a production hourly retention longer than the seed\'s 1 day', 'production', tier('hourly', { deleteAfterDays: 2 }), /^production\.backup\.tiers\.hourly\.deleteAfterDays: got 2, production keeps hourly backups exactly 1 day \(seed 001\)$/],
    ['BAK-TIERS: a schedule that is not an AWS cron expression', 'staging', tier('daily', { schedule: 'every day' }), /^staging\.backup\.tiers\.daily\.schedule: got "every day", expected a six-field AWS cron expression/],
    ['BAK-PITR, DB-PITR-RETENTION: a production point-in-time window (continuous backup and the clusters) under 35 days', 'production', (e) => (e.backup.continuousBackupDays = 7), /^production\.backup\.continuousBackupDays: got 7, production keeps 35 days of point-in-time restore$/],
    ['BAK-PITR: a continuous-backup window beyond what AWS Backup keeps', 'staging', (e) => (e.backup.continuousBackupDays = 36), /^staging\.backup\.continuousBackupDays: got 36, expected 1 to 35 days$/],
    ['BAK-RESIDENCY: a DR region equal to the home region', 'production', (e) => (e.backup.drRegion = 'ap-southeast-1'), /^production\.backup\.drRegion: got "ap-southeast-1", must differ from the home region ap-southeast-1/],
    ['BAK-RESIDENCY: a DR region outside the allowed regions', 'production', (e) => (e.backup.drRegion = 'ap-southeast-2'), /^production\.backup\.drRegion: got "ap-southeast-2", expected one of allowedRegions \["ap-southeast-1"\]: recovery points may not leave them$/],
    ['BAK-VAULT-LOCK: a vault-lock minimum above the maximum', 'staging', (e) => (e.backup.vaultLock.minRetentionDays = 400), /^staging\.backup\.vaultLock\.minRetentionDays: got 400, must not exceed vaultLock\.maxRetentionDays \(365\)$/],
    ['BAK-VAULT-LOCK: compliance mode with a cool-off under 3 days', 'production', (e) => (e.backup.vaultLock.changeableForDays = 2), /^production\.backup\.vaultLock\.changeableForDays: got 2, compliance mode needs a cool-off of at least 3 days/],
    ['BAK-VAULT-LOCK: compliance mode without a cool-off', 'production', (e) => delete e.backup.vaultLock.changeableForDays, /^production\.backup\.vaultLock\.changeableForDays: got no value, compliance mode needs a cool-off of at least 3 days/],
    ['BAK-VAULT-LOCK: a cool-off in governance mode', 'staging', (e) => (e.backup.vaultLock.changeableForDays = 3), /^staging\.backup\.vaultLock\.changeableForDays: got 3, only compliance mode has a cool-off/],
    ['BAK-VAULT-LOCK: an unknown lock mode', 'staging', (e) => (e.backup.vaultLock.mode = 'strict'), /^staging\.backup\.vaultLock\.mode: got "strict", expected "governance" or "compliance"$/],
    ['BAK-VAULT-LOCK: a lock maximum shorter than the monthly tier', 'staging', (e) => (e.backup.vaultLock.maxRetentionDays = 90), /^staging\.backup\.tiers\.monthly\.deleteAfterDays: got 365, must lie within the vault lock's retention range 1 to 90 days, or AWS Backup fails the job$/],
    ['BAK-VAULT-LOCK: a lock minimum longer than the hourly tier', 'staging', (e) => (e.backup.vaultLock.minRetentionDays = 7), /^staging\.backup\.tiers\.hourly\.deleteAfterDays: got 1, must lie within the vault lock's retention range 7 to 365 days/],
    ['BAK-RESTORE-TESTING: a validation window beyond a week', 'staging', (e) => (e.backup.restoreTesting = { validationWindowHours: 200 }), /^staging\.backup\.restoreTesting\.validationWindowHours: got 200, expected 1 to 168 hours$/],
    ['BAK-LEGAL-ARCHIVE: an unknown Object Lock mode', 'staging', (e) => (e.backup.legalArchive.mode = 'LEGAL_HOLD'), /^staging\.backup\.legalArchive\.mode: got "LEGAL_HOLD", expected "GOVERNANCE" or "COMPLIANCE"$/],
    ['BAK-LEGAL-ARCHIVE: a zero-day archive retention', 'staging', (e) => (e.backup.legalArchive.retentionDays = 0), /^staging\.backup\.legalArchive\.retentionDays: got 0, expected 1 to 36500 days$/],
  ])('fails on %s', (_name, env, change, message) => {
    expect(issuesOf(withChange(env, change))).toContainEqual(expect.stringMatching(message));
  });

  test('BAK-RESIDENCY: a DR region inside the allowed regions is accepted, in production with the named residency opt-out (FND-DATA-RESIDENCY)', () => {
    const table = withChange('production', (e) => {
      e.allowedRegions = ['ap-southeast-1', 'ap-southeast-2'];
      e.backup.drRegion = 'ap-southeast-2';
      e.productionOptOuts = { regionsBeyondHome: 'Approved by the CISO: recovery copies in Sydney for regional disasters' };
    });
    expect(loadEnvironments(table).find((e) => e.name === 'production')?.backup.drRegion).toBe('ap-southeast-2');
  });
});
