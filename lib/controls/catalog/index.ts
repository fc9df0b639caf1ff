import type { Control } from '../types';
import { FOUNDATION_DATA_PROTECTION_CONTROLS } from './foundation-data-protection';
import { FOUNDATION_ENVIRONMENT_CONTROLS } from './foundation-environments';
import { NETWORK_CONTROLS } from './network';
import { EDGE_CONTROLS } from './edge';
import { WORKLOAD_CONTROLS } from './workload';
import { DATABASE_CONTROLS } from './databases';
import { TENANCY_CONTROLS } from './tenancy';
import { STAFF_ACCESS_CONTROLS } from './staff-access';
import { SIGN_IN_CLIENT_CONTROLS } from './sign-in-clients';
import { SIGN_IN_CONTROLS } from './sign-in';
import { AUDIT_CONTROLS } from './audit';
import { MONITORING_CONTROLS } from './monitoring';
import { BACKUP_CONTROLS } from './backup';
import { DELIVERY_CONTROLS } from './delivery';
import { ORGANISATIONAL_GOVERNANCE_CONTROLS } from './organisational-governance';
import { ORGANISATIONAL_PEOPLE_CONTROLS } from './organisational-people';
import { ORGANISATIONAL_OPERATIONS_CONTROLS } from './organisational-operations';
import { CUSTOMER_CONTROLS } from './customer';

/*
 * The whole control catalog: every promise of the five seed policies, in area order
 * (foundation, network, edge, workload, data, identity, audit, monitoring, backup, delivery),
 * followed by the organisational and customer controls that no infrastructure here can
 * enforce. Each enforced entry carries everything about its control: statement, sources, the
 * constructs that enforce it, its evidence, its diff rules and its own nag rules. The catalog
 * test, the controls report, the controls diff and the own pack read this list.
 */
export const CATALOG: readonly Control[] = [
  ...FOUNDATION_ENVIRONMENT_CONTROLS,
  ...FOUNDATION_DATA_PROTECTION_CONTROLS,
  ...NETWORK_CONTROLS,
  ...EDGE_CONTROLS,
  ...WORKLOAD_CONTROLS,
  ...DATABASE_CONTROLS,
  ...TENANCY_CONTROLS,
  ...STAFF_ACCESS_CONTROLS,
  ...SIGN_IN_CONTROLS,
  ...SIGN_IN_CLIENT_CONTROLS,
  ...AUDIT_CONTROLS,
  ...MONITORING_CONTROLS,
  ...BACKUP_CONTROLS,
  ...DELIVERY_CONTROLS,
  ...ORGANISATIONAL_GOVERNANCE_CONTROLS,
  ...ORGANISATIONAL_PEOPLE_CONTROLS,
  ...ORGANISATIONAL_OPERATIONS_CONTROLS,
  ...CUSTOMER_CONTROLS,
];
