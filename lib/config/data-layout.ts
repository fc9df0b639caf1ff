/**
 * How tenants are spread across data stacks.
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

/** The data stack's construct ID of a shard: `Data1`, `Data2`, ... */
export function dataStackId(shard: number): string {
  return `Data${shard}`;
}
