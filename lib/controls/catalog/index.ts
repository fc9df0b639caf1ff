import type { Control } from '../types';
import { AUDIT_CONTROLS } from './audit';
import { BACKUP_CONTROLS } from './backup';
import { DATABASE_CONTROLS } from './databases';
import { DELIVERY_CONTROLS } from './delivery';
import { EDGE_CONTROLS } from './edge';
import { FOUNDATION_CONTROLS } from './foundation';
import { MONITORING_CONTROLS } from './monitoring';
import { NETWORK_CONTROLS } from './network';
import { ORGANISATIONAL_CONTROLS } from './organisational';
import { SIGN_IN_CONTROLS } from './sign-in';
import { STAFF_ACCESS_CONTROLS } from './staff-access';
import { TENANCY_CONTROLS } from './tenancy';
import { WORKLOAD_CONTROLS } from './workload';

/*
 * The whole control catalog: every promise of the five seed policies, in area order
 * (foundation, network, edge, workload, data, identity, audit, monitoring, backup, delivery),
 * followed by the organisational and customer controls that no infrastructure here can
 * enforce. Each enforced entry carries everything about its control: statement, sources, the
 * constructs that enforce it, its evidence, its diff rules and its own nag rules. The catalog
 * test, the controls report, the controls diff and the own pack read this list.
 */
export const CATALOG: readonly Control[] = [
  ...FOUNDATION_CONTROLS,
  ...NETWORK_CONTROLS,
  ...EDGE_CONTROLS,
  ...WORKLOAD_CONTROLS,
  ...DATABASE_CONTROLS,
  ...TENANCY_CONTROLS,
  ...STAFF_ACCESS_CONTROLS,
  ...SIGN_IN_CONTROLS,
  ...AUDIT_CONTROLS,
  ...MONITORING_CONTROLS,
  ...BACKUP_CONTROLS,
  ...DELIVERY_CONTROLS,
  ...ORGANISATIONAL_CONTROLS,
];
