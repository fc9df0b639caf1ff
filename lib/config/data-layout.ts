import { createHash } from 'crypto';

/**
 * How tenants are spread across data stacks, and across zones within one.
 *
 * CloudFormation refuses a stack of more than 500 resources; the baseline keeps every data stack
 * below 400 so that a later control (an alarm, a grant) fits without re-sharding. A tenant costs
 * `RESOURCES_PER_TENANT` resources and every data stack `RESOURCES_PER_DATA_STACK` shared ones
 * (security group and rules, subnet and parameter groups, monitoring role, access-log bucket),
 * measured with `scripts/bench-tenants.ts` and asserted by `test/tenants.test.ts`.
 */

/** Resources one tenant adds to its data stack (measured). */
export const RESOURCES_PER_TENANT = 15;

/** Resources every data stack has before its first tenant (measured). */
export const RESOURCES_PER_DATA_STACK = 9;

/** The ceiling the baseline keeps each data stack under (CloudFormation's hard limit is 500). */
export const MAX_RESOURCES_PER_DATA_STACK = 400;

/**
 * Tenants one data stack (`Data<shard>`) may hold: as many as fit under
 * {@link MAX_RESOURCES_PER_DATA_STACK}.
 */
export const TENANTS_PER_DATA_STACK = Math.floor((MAX_RESOURCES_PER_DATA_STACK - RESOURCES_PER_DATA_STACK) / RESOURCES_PER_TENANT);

/**
 * The zones of a tenant's writer and reader (DB-MULTI-AZ): the writer in the zone picked by a
 * stable hash of the tenant ID (the first four bytes of SHA-256 of `az/<id>`, modulo the zone
 * count), the reader in the next zone of the list. Derived from the ID alone, so adding, removing
 * or reordering other tenants never moves this tenant's instances (a moved instance is a
 * replaced one), while writers still spread across the zones, so a zone outage fails over only
 * some tenants at once. With the sample zones it keeps `acme` in a/b and `globex` in b/c, where
 * the earlier position-based spread had put them.
 *
 * CAUTION: changing the zone list (its length or order) moves the instances of most tenants.
 */
export function tenantAvailabilityZones(tenantId: string, zones: readonly string[]): [string, string] {
  if (zones.length < 2) {
    throw new Error(`tenantAvailabilityZones zones: got ${JSON.stringify(zones)}, expected at least 2 zones (writer and reader must differ)`);
  }
  const writer = createHash('sha256').update(`az/${tenantId}`).digest().readUInt32BE(0) % zones.length;
  return [zones[writer], zones[(writer + 1) % zones.length]];
}

/** The data stack's construct ID of a shard: `Data1`, `Data2`, ... */
export function dataStackId(shard: number): string {
  return `Data${shard}`;
}
