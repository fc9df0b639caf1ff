/**
 * Bad data-tier input is rejected before anything is synthesized, each message naming the
 * environment, the field, the bad value and what is allowed.
 */
import { ENVIRONMENTS } from './support/fixture';
import { AURORA_POSTGRESQL_INSTANCE_CLASSES } from '../lib/aws-facts/aurora-instance-classes';
import { MAX_RESOURCES_PER_DATA_STACK, RESOURCES_PER_DATA_STACK, RESOURCES_PER_TENANT, TENANTS_PER_DATA_STACK } from '../lib/config/data-layout';
import { loadEnvironments } from '../lib/config/load';
import { issuesOf, withChange } from './support/config-cases';

/** `n` well-formed tenants, all in `shard`. */
const tenants = (n: number, shard?: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `t${String(i).padStart(3, '0')}`, displayName: `Tenant ${i}`, ...(shard ? { shard } : {}) }));

describe('data configuration', () => {
  test('the sample environments carry defaults for every data field', () => {
    const [staging, production] = loadEnvironments(ENVIRONMENTS);
    expect(staging.data).toMatchObject({ rotationDays: 30, auditReads: true, preferredBackupWindow: '18:00-19:00' });
    expect(production.data).toMatchObject({ rotationDays: 30, auditReads: true });
    expect(staging.data.tenants.map((t) => t.shard)).toEqual([1, 1]);
  });

  test('TEN-DEDICATED-DATASTORE: a tenant without a shard lands in shard 1', () => {
    const [staging] = loadEnvironments(withChange('staging', (e) => e.data.tenants.push({ id: 'initech', displayName: 'Initech' })), ['staging']);
    expect(staging.data.tenants.find((t) => t.id === 'initech')?.shard).toBe(1);
  });

  test('TEN-DEDICATED-DATASTORE: a data stack holds as many tenants as fit under the resource ceiling', () => {
    expect(TENANTS_PER_DATA_STACK).toBe(Math.floor((MAX_RESOURCES_PER_DATA_STACK - RESOURCES_PER_DATA_STACK) / RESOURCES_PER_TENANT));
    expect(RESOURCES_PER_DATA_STACK + TENANTS_PER_DATA_STACK * RESOURCES_PER_TENANT).toBeLessThanOrEqual(400);
    // 50 tenants need two shards.
    expect(() => loadEnvironments(withChange('production', (e) => (e.data.tenants = [...tenants(TENANTS_PER_DATA_STACK, 1), ...tenants(50, 2).slice(TENANTS_PER_DATA_STACK)])))).not.toThrow();
  });

  test('DB-ENCRYPTION-AT-REST: the instance-class allow-list holds only Aurora PostgreSQL classes with memory figures', () => {
    for (const [cls, gib] of Object.entries(AURORA_POSTGRESQL_INSTANCE_CLASSES)) {
      expect(cls).toMatch(/^db\.(t3|t4g|r5|r6g|r6i|r7g|r7i|r8g)\.[a-z0-9]+$/);
      expect(gib).toBeGreaterThanOrEqual(4);
    }
  });

  test.each<[string, 'staging' | 'production', (e: any) => void, RegExp]>([
    ['TEN-DEDICATED-DATASTORE: a malformed tenant ID', 'staging', (e) => (e.data.tenants[0].id = 'Acme-Corp'), /^staging\.data\.tenants\[0\]\.id: got "Acme-Corp", expected 2-20 lower-case letters or digits/],
    ['TEN-DEDICATED-DATASTORE: a tenant ID starting with a digit', 'staging', (e) => (e.data.tenants[0].id = '1acme'), /^staging\.data\.tenants\[0\]\.id: got "1acme", expected 2-20 lower-case letters or digits, starting with a letter$/],
    ['TEN-DEDICATED-DATASTORE: a duplicate tenant ID', 'production', (e) => e.data.tenants.push({ id: 'globex', displayName: 'Globex again', shard: 2 }), /^production\.data\.tenants\[2\]\.id: got "globex", tenant IDs must be unique$/],
    ['TEN-DEDICATED-DATASTORE: no tenants', 'staging', (e) => (e.data.tenants = []), /^staging\.data\.tenants: got \[\], expected at least one tenant$/],
    ['TEN-DEDICATED-DATASTORE: shard 0', 'staging', (e) => (e.data.tenants[0].shard = 0), /^staging\.data\.tenants\[0\]\.shard: got 0, expected a shard number from 1$/],
    ['TEN-DEDICATED-DATASTORE: a fractional shard', 'staging', (e) => (e.data.tenants[0].shard = 1.5), /^staging\.data\.tenants\[0\]\.shard: got 1\.5, expected a whole number$/],
    ['DB-PITR-RETENTION: the removed data.backupRetentionDays says where its meaning went', 'staging', (e) => (e.data.backupRetentionDays = 7), /^staging\.data: got unknown field\(s\) backupRetentionDays, removed in 0\.3\.0: delete it; backup\.continuousBackupDays is the one point-in-time window/],
    ['DB-CREDENTIAL-ROTATION: a rotation period above 30 days', 'production', (e) => (e.data.rotationDays = 31), /^production\.data\.rotationDays: got 31, expected at most 30 days \(master credentials rotate at least monthly\)$/],
    ['DB-CREDENTIAL-ROTATION: a rotation period RDS-managed rotation cannot promise', 'staging', (e) => (e.data.rotationDays = 3), /^staging\.data\.rotationDays: got 3, expected 7 to 30 days \(RDS rotates managed master secrets every 7 days\)$/],
    ['DB-ENCRYPTION-AT-REST: a class without Performance Insights for Aurora PostgreSQL', 'staging', (e) => (e.data.instanceClass = 'db.t3.small'), /^staging\.data\.instanceClass: got "db\.t3\.small", expected an Aurora PostgreSQL class that supports encryption and Performance Insights/],
    ['DB-ENCRYPTION-AT-REST: a class Aurora PostgreSQL does not offer', 'production', (e) => (e.data.instanceClass = 'db.m5.large'), /^production\.data\.instanceClass: got "db\.m5\.large", expected an Aurora PostgreSQL class that supports encryption and Performance Insights/],
    ['DB-ENCRYPTION-AT-REST: a malformed instance class', 'staging', (e) => (e.data.instanceClass = 'r6g.large'), /^staging\.data\.instanceClass: got "r6g\.large", expected an RDS instance class such as db\.r6g\.large$/],
    ['DB-PITR-RETENTION: a malformed backup window', 'staging', (e) => (e.data.preferredBackupWindow = '2am'), /^staging\.data\.preferredBackupWindow: got "2am", expected a UTC window such as 18:00-19:00$/],
    ['DB-PATCHING: a malformed maintenance window', 'staging', (e) => (e.data.preferredMaintenanceWindow = 'sunday'), /^staging\.data\.preferredMaintenanceWindow: got "sunday", expected a UTC window such as sun:19:30-sun:20:30$/],
    ['DATA-VERSIONED-RETENTION: a noncurrent-version retention of 0 days', 'staging', (e) => (e.data.noncurrentVersionDays = 0), /^staging\.data\.noncurrentVersionDays: got 0, expected 1 to 3650 days$/],
    [
      'TEN-DEDICATED-DATASTORE: a tenant list too large for one data stack',
      'production',
      (e) => (e.data.tenants = tenants(TENANTS_PER_DATA_STACK + 1)),
      new RegExp(`^production\\.data\\.tenants: got ${TENANTS_PER_DATA_STACK + 1} tenants in shard 1, a data stack holds at most ${TENANTS_PER_DATA_STACK} tenants \\(so it stays under 400 CloudFormation resources\\); give new tenants another shard$`),
    ],
  ])('fails on %s', (_name, env, change, message) => {
    expect(issuesOf(withChange(env, change))).toContainEqual(expect.stringMatching(message));
  });
});
