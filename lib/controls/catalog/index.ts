import type { Control } from '../types';
import { FOUNDATION_CONTROLS } from './foundation';
import { NETWORK_CONTROLS } from './network';
import { EDGE_CONTROLS } from './edge';
import { DATA_CONTROLS } from './data';
import { IDENTITY_CONTROLS } from './identity';
import { AUDIT_CONTROLS } from './audit';
import { BACKUP_CONTROLS } from './backup';
import { DELIVERY_CONTROLS } from './delivery';
import { ORGANISATIONAL_CONTROLS } from './organisational';

/*
 * The whole control catalog: every promise of the five seed policies, in area order
 * (foundation, network, edge and workload, data, identity, audit and monitoring, backup,
 * delivery), followed by the organisational and customer controls that no infrastructure
 * here can enforce. The catalog test and the controls report read this list.
 */
export const CATALOG: readonly Control[] = [
  ...FOUNDATION_CONTROLS,
  ...NETWORK_CONTROLS,
  ...EDGE_CONTROLS,
  ...DATA_CONTROLS,
  ...IDENTITY_CONTROLS,
  ...AUDIT_CONTROLS,
  ...BACKUP_CONTROLS,
  ...DELIVERY_CONTROLS,
  ...ORGANISATIONAL_CONTROLS,
];
